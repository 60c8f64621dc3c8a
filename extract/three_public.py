"""三公经费: the total, its three categories and their parts, with counts.

Read from the 三公 section of the report (the whole text when it has no such heading):
    2020年“三公”经费财政拨款支出决算为0.50万元，完成预算100%，决算数与预算数持平。
    因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算0万元，占0%；…
    全年安排因公出国（境）团组0次，出国（境）0人。
    国内公务接待4批次，50人次，共计支出0.50万元
    22022年，“三公”经费财政拨款预算数0.5万元，其中：因公出国（境）经费0万元、公务接待费0.5万元…

A stand-alone 三公 disclosure (a county's page titled "…2023年度“三公”经费决算情况说明", see
extract.metadata) is read whole, with its small table of categories by 预算数 / 决算数 columns
(maps/three_public_table_columns.csv):
    单位：万元
    项目              预算数    决算数
    合计              8.00      6.40
    因公出国(境)费     0.00      0.00
A final report's figure is its 决算 figure; the budget stated beside it is its budget_yuan:
    2023年“三公”经费支出预算为8万元，支出决算为6.4万元，完成预算的80%。
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

from extract.document import Document, Table
from extract.labelled import Alias, Statement, in_an_explanation, merge, read_aliases, said_of_a_unit, statements
from extract.measures import Measures
from extract.numbers import MAPS, relative_years, to_yuan, years_in
from extract.records import Finding, ThreePublicFigure
from extract.sections import in_other_years_section, section_lines
from extract.sentences import Sentence, body_sentences
from extract.units import unitless_finding

SECTION = re.compile(r"三公")
# A table row's label before its category: "其中：（1）公务用车购置费", "1.因公出国(境)费", "(一)公务接待费"
ROW_MARKER = re.compile(r"^(?:(?:其中\s*:?|\d+\s*[.、]|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、)\s*)+")
# A label's tail that does not change its category: "“三公”经费合计", "公务接待费支出"
ROW_TAIL = re.compile(r"(?:合计|小计|支出)$")
TOTAL_ROWS = frozenset({"合计", "小计", "总计"})
# Rows that make a table's 合计 more than the 三公 total ("三公”经费、会议费、培训费支出表").
NOT_THREE_PUBLIC = re.compile(r"会议费|培训费")
# "单位：万元" above the table, "预算数(万元)" in its header
UNIT = re.compile(r"单位\s*:\s*(?P<unit>万元|元|千元|亿元)|\((?P<paren>万元|元|千元)\)")
CELL_NUMBER = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
MEASURE_OF_COLUMN = {
    "final": {"final": "amount_yuan", "budget": "budget_yuan", "prior_year": "prior_year_yuan"},
    "budget": {"budget": "amount_yuan", "prior_year": "prior_year_yuan"},
}


@cache
def category_aliases() -> list[Alias]:
    return read_aliases(MAPS / "three_public_categories.csv")


@cache
def table_columns() -> dict[str, str]:
    with open(MAPS / "three_public_table_columns.csv", encoding="utf-8") as handle:
        return {row["header"]: row["column"] for row in csv.DictReader(handle)}


def section_sentences(document: Document) -> list[Sentence]:
    lines = section_lines(document, SECTION)
    wanted = None if lines is None else {line.number for line in lines}
    return [s for s in body_sentences(document) if wanted is None or s.line.number in wanted]


def column_kinds(row: tuple, year: int | None = None) -> dict[int, str]:
    """Column index -> budget / final / prior_year, for a header row ("项目 预算数 决算数", or with
    the years: "项目 2023年预算数 2023年决算数 2022年决算数" in a 2023 report)."""
    kinds: dict[int, str] = {}
    for index, cell in enumerate(row):
        header = relative_years(UNIT.sub("", cell.text).replace(" ", ""), year)
        kind = table_columns().get(header)
        if kind and kind not in kinds.values():
            kinds[index] = kind
    return kinds


def row_category(label: str, aliases: dict[str, Alias], totals: bool) -> Alias | None:
    label = ROW_MARKER.sub("", label.replace(" ", ""))
    if totals and label in TOTAL_ROWS:
        return next(alias for alias in aliases.values() if alias.code == "three_public_total")
    return aliases.get(label) or aliases.get(ROW_TAIL.sub("", label))


def table_unit(document: Document, table: Table) -> str | None:
    for line in (*document.lines_before(table, 3), *(document.line(n) for n in table.line_numbers[:2])):
        match = UNIT.search(line.text)
        if match:
            return match["unit"] or match["paren"]
    return None


def three_public_rows(table: Table, year: int | None = None) -> tuple[dict[int, str], list[tuple[int, Alias]]]:
    """(column kinds, [(row index, category)]) of a 三公 table; empty when the table is not one."""
    aliases = {alias.alias: alias for alias in category_aliases()}
    totals = not any(NOT_THREE_PUBLIC.search(row[0].text) for row in table.rows)
    for index, row in enumerate(table.rows):
        kinds = column_kinds(row, year)
        if kinds:
            below = enumerate(table.rows[index + 1 :], index + 1)
            rows = [(i, c) for i, r in below if (c := row_category(r[0].text, aliases, totals))]
            if any(alias.code != "three_public_total" for _, alias in rows):
                return kinds, rows
            return {}, []
    return {}, []


def of_other_year(document: Document, table, year: int | None) -> bool:
    """Whether the nearest line above a table that names years (its title) names other years than
    ``year``: a 2024 三公 budget that shows "2023年…“三公”经费支出决算表" beside it."""
    if year is None:
        return False
    for line in reversed(document.lines_before(table, 3)):
        years = set(years_in(line.text))
        if years:
            return year not in years
    return False


def table_phase(document: Document, year: int | None = None) -> str | None:
    """final when a 三公 table (of the report's ``year``) has a 决算数 column, budget when it has
    预算数 columns only."""
    tables = [table for table in document.tables if not of_other_year(document, table, year)]
    kinds = {kind for table in tables for kind in three_public_rows(table, year)[0].values()}
    return "final" if "final" in kinds else "budget" if "budget" in kinds else None


def table_statements(document: Document, phase: str, year: int | None = None) -> tuple[list[Statement], list[Finding]]:
    """One statement per category row of each 三公 table (not one titled with another year than
    the report's), its columns read as the phase's measures."""
    found: list[Statement] = []
    findings: list[Finding] = []
    for table in document.tables:
        if of_other_year(document, table, year):
            continue
        kinds, rows = three_public_rows(table, year)
        unit = table_unit(document, table)
        measure_of = MEASURE_OF_COLUMN.get(phase, {})
        for index, alias in rows:
            line = document.line(table.line_numbers[index])
            sentence = Sentence(line, line.text, line.raw)
            values = {}
            for column, kind in kinds.items():
                text = table.rows[index][column].text
                if kind in measure_of and CELL_NUMBER.match(text):
                    if unit is None:
                        findings.append(unitless_finding(alias.label, text, sentence.evidence))
                        continue
                    values[measure_of[kind]] = to_yuan(text, unit)
            if values:
                found.append(Statement(alias.code, alias.label, Measures(**values), sentence))
    return found, findings


def rounding_of(value: Decimal) -> Decimal:
    """Half the coarsest printed unit a prose amount in yuan can be a rounding to (64300 -> 50)."""
    if value == 0:
        return Decimal(0)
    for step in (Decimal(10000), Decimal(1000), Decimal(100), Decimal(10), Decimal(1)):
        if value % step == 0:
            return step / 2
    return Decimal("0.005")


def beside_table(statement: Statement, table: dict[str, Measures]) -> Statement:
    """A prose statement without the measures its table states too, within the prose's rounding
    (the table is the more precise); a figure that disagrees more is kept, for merge to report."""
    stated = table.get(statement.code)
    if stated is None:
        return statement
    agreed = {}
    for name in ("amount_yuan", "budget_yuan"):
        prose, printed = getattr(statement.measures, name), getattr(stated, name)
        if prose is not None and printed is not None and abs(prose - printed) <= rounding_of(prose):
            agreed[name] = None
    return replace(statement, measures=replace(statement.measures, **agreed)) if agreed else statement


def extract_three_public(
    document: Document, phase: str, standalone: bool = False, year: int | None = None, department: str | None = None
) -> tuple[list[ThreePublicFigure], list[Finding]]:
    """The 三公 figures of a report; ``standalone``: a 三公 disclosure of its own (its whole text and
    its table are read); ``year``: the report's (figures said of another year are not read)."""
    sentences = body_sentences(document) if standalone else section_sentences(document)
    sentences = [s for s in sentences if not in_other_years_section(document, s.line.number, year)]
    found = [
        s
        for s in statements(sentences, category_aliases(), counts=True, final=phase == "final", year=year)
        if not said_of_a_unit(s, department) and not in_an_explanation(s)
    ]
    findings: list[Finding] = []
    if standalone:
        from_table, findings = table_statements(document, phase, year)
        by_code = {s.code: s.measures for s in from_table}
        found = from_table + [beside_table(s, by_code) for s in found]
        found = [s for s in found if not s.measures.is_empty()]
    found = [s for s in map(own_counts, found) if not s.measures.is_empty()]
    merged, conflicts = merge(found, "three_public")
    return [figure(row, phase, findings) for row in merged], findings + conflicts


COUNTS_OF = {
    "outbound_travel": ("groups", "persons"),
    "official_reception": ("batches", "persons"),
    "reception_domestic": ("batches", "persons"),
    "reception_foreign": ("batches", "persons"),
    "official_vehicles": ("vehicles",),
    "vehicle_purchase": ("vehicles",),
    "vehicle_operation": ("vehicles",),
}
"""The counts each category can have: 团组 and 人次 abroad, 批次 and 人次 received, 辆 of cars."""


def own_counts(statement):
    """The statement without the counts its category cannot have: in "无因公出国(境)人数，公务用车
    保有量为2辆" the 2辆 follows the 因公出国 label but counts cars."""
    kept = COUNTS_OF.get(statement.code, ())
    foreign = {name: None for name in ("groups", "persons", "batches", "vehicles") if name not in kept}
    return replace(statement, measures=replace(statement.measures, **foreign))


def figure(row, phase: str, findings: list[Finding]) -> ThreePublicFigure:
    values = row.values
    if values.get("amount_yuan") is None and values.get("amount_unitless") is not None:
        findings.append(unitless_finding(row.label, values["amount_unitless"], row.first_evidence))
    return ThreePublicFigure(
        category=row.code,
        category_label=row.label,
        amount_yuan=values.get("amount_yuan"),
        evidence=row.joined_evidence(),
        budget_yuan=None if phase == "budget" else values.get("budget_yuan"),
        share_pct=values.get("share_pct"),
        completion_pct=values.get("completion_pct"),
        prior_year_change_yuan=values.get("prior_year_change_yuan"),
        prior_year_change_pct=values.get("prior_year_change_pct"),
        prior_year_yuan=values.get("prior_year_yuan"),
        groups=values.get("groups"),
        persons=values.get("persons"),
        batches=values.get("batches"),
        vehicles=values.get("vehicles"),
    )
