"""The standard 公开表 of budget and final reports, read into the record families, and reconciled
with the narrative.

    recognise   title -> kind (maps/table_titles.csv), unit, continuation pages
    header      header rows -> a label path per column -> its role (maps/table_columns.csv)
    rows        class rows (类 / 款 / 项, 经济分类) and labelled rows (maps/table_rows.csv)
    sides       the 收支总表 and 财政拨款收支总表: income and expense sides
    three_public  the 三公 table: a category per column
    facts       readings -> one fact per figure (maps/table_totals.csv for total rows)
    reconcile   the same fact from several tables and the narrative: one, or a finding
    records     facts <-> the records extraction returns

A table that cannot be read with confidence (no unit, a heading no rule maps) gives a finding
with its evidence, and nothing is loaded from it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from extract.document import Document
from extract.numbers import relative_years
from extract.function_classes import loose_name
from extract.records import (
    EconomicFigure,
    Finding,
    FunctionFigure,
    SummaryItem,
    ThreePublicFigure,
)
from extract.standard_tables import facts as fact_module
from extract.standard_tables.header import (
    header_size,
    headings_of_index_row,
    header_unit_factor,
    is_figure,
    read_columns,
    role_of,
)
from extract.standard_tables.maps import label
from extract.standard_tables.readings import TableReading
from extract.standard_tables.recognise import (
    Recognised,
    append_continuation,
    continues,
    recognise,
)
from extract.standard_tables.reconcile import merge_facts
from extract.standard_tables.records import build_records, narrative_facts
from extract.standard_tables.rows import read_class_table
from extract.standard_tables.scopes import (
    fiscal_is_general,
    fiscal_items_as_general,
    general_budget_facts,
    narrative_scopes,
)
from extract.standard_tables.sides import read_side_table
from extract.standard_tables.three_public import read_three_public, resolve

logger = logging.getLogger(__name__)


def recognised_tables(document: Document) -> list[Recognised]:
    """Every table with a title of table_titles.csv, continuations joined to the table above."""
    found: list[Recognised] = []
    previous: Recognised | None = None
    for table in document.tables:
        recognised, lines = recognise(document, table)
        if recognised is not None and continued_title(recognised, previous):
            append_continuation(previous, table, document, header_size(previous.rows)[0])
            continue
        if recognised is None:
            if continues(previous, table, lines):
                append_continuation(previous, table, document, header_size(previous.rows)[0])
            else:
                previous = None
            continue
        found.append(recognised)
        previous = recognised
    return [table for table in found if table.rule.kind != "other"]


CONTINUED = re.compile(r"(?:\(续\)|续表?)\s*$")


def continued_title(table: Recognised, previous: Recognised | None) -> bool:
    """"一般公共预算财政拨款支出决算表（续）" over a table as wide as the same kind of table just above:
    its rest, whose header was not repeated."""
    return (
        previous is not None
        and CONTINUED.search(table.title.text) is not None
        and table.rule == previous.rule
        and table.table.width == previous.table.width
    )


def read_table(table: Recognised, phase: str | None, year: int | None) -> TableReading:
    rule = table.rule
    reading = TableReading(rule.kind, rule.fund_scope, rule.rows, table.title, table.unit)
    count, index_rows = header_size(table.rows)
    header = [
        [relative_years(c.text, year) for c in row.cells] if i not in index_rows else headings_of_index_row(row)
        for i, row in enumerate(table.rows[:count])
    ]
    header = [row for row in header if any(row)]
    body = table.rows[count:]
    if not any(is_figure(c.text) for row in body for c in row.cells):
        return reading
    factor = table.factor or header_unit_factor(header)
    if factor is None:
        reading.findings.append(
            Finding("table_unit_missing", "warning", f"{rule.kind} table: no 单位 (万元 / 元) in its heading; nothing is read from it", table.title.evidence())
        )
        reading.loaded = False
        return reading
    columns, unmapped = read_columns(rule.kind, header, body, phase, resolve if rule.rows == "three_public" else role_of)
    if unmapped:
        reading.findings.append(
            Finding(
                "standard_table_header_unmapped",
                "warning",
                f"{rule.kind} table: no rule reads the heading(s) {'; '.join(unmapped)}; nothing is read from the table",
                table.title.evidence(),
            )
        )
        reading.loaded = False
        return reading
    if rule.rows == "sides":
        rows, findings = read_side_table(rule.kind, columns, body, factor, phase, year)
    elif rule.rows == "three_public":
        rows, findings = read_three_public(columns, body, factor, phase, year)
    else:
        rows, findings = read_class_table(rule.kind, rule.rows, columns, body, factor, phase)
        foreign = foreign_codes(rule.rows, rows)
        if foreign:
            message = (
                f"{rule.kind} table: its rows print {', '.join(foreign[:3])}, codes of another classification than "
                f"its title names ({rule.rows} classes); nothing is read from the table"
            )
            reading.findings.append(Finding("table_classification_mismatch", "warning", message, table.title.evidence()))
            reading.loaded = False
            return reading
    reading.rows, reading.findings = rows, findings
    return reading


CLASSIFICATION_DIGITS = {"function": ("2",), "economic": ("3", "5")}
"""The first digit of every code of a classification: functional classes 201–234, economic
classes 301–399 (部门经济分类) and 501–599 (政府经济分类)."""


def foreign_codes(rows_kind: str, rows: list) -> list[str]:
    """The codes of a class table that its classification cannot have (a table of economic classes
    under a title read as functional, or the reverse)."""
    digits = CLASSIFICATION_DIGITS.get(rows_kind)
    if digits is None:
        return []
    return [row.code for row in rows if row.code and not row.code.startswith(digits)]


def read_tables(document: Document, phase: str | None, year: int | None) -> list[TableReading]:
    """Every standard table of the document, as read (see TableReading)."""
    return [read_table(table, phase, year) for table in recognised_tables(document)]


@dataclass
class Combined:
    """The report's figures once tables and narrative are merged."""

    summary_items: list[SummaryItem] = field(default_factory=list)
    three_public: list[ThreePublicFigure] = field(default_factory=list)
    expenditure_by_function: list[FunctionFigure] = field(default_factory=list)
    expenditure_by_economic_class: list[EconomicFigure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def printed_codes(readings: list[TableReading]) -> dict[tuple[str, str], str]:
    """(parent code, loose name) -> code, for every 款 / 项 a function table prints with its code:
    how the narrative's names the classification does not list find their code."""
    found: dict[tuple[str, str], set[str]] = {}
    for reading in readings:
        if reading.rows_kind != "function":
            continue
        for row in reading.class_rows():
            if len(row.code) > 3 and row.name:
                found.setdefault((row.code[:-2], loose_name(label(row.name))), set()).add(row.code)
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


def merge_records(family: str, records: list) -> tuple[list, list[Finding]]:
    """Records of one family merged by key, when two state one figure (else as they are): a
    财政拨款 item renamed onto an item stated too, or a 财政拨款 class onto its 一般公共预算 one."""
    facts = narrative_facts(family, records)
    keys = [(fact.key, fact.scope, fact.field) for fact in facts]
    if len(keys) == len(set(keys)):
        return records, []
    merged, findings = merge_facts(facts)
    return build_records(family, records, merged), findings


def combine_with_narrative(
    document: Document,
    readings: list[TableReading],
    summary: list[SummaryItem],
    three: list[ThreePublicFigure],
    functions: list[FunctionFigure],
) -> Combined:
    """The tables' figures (``readings``, see read_tables) and the narrative's, one fact per
    figure (see reconcile)."""
    table_facts = [fact for reading in readings for fact in fact_module.table_facts(reading)]
    general = fiscal_is_general(readings, table_facts, [*summary, *functions], document)
    narrative = {
        "summary_items": fiscal_items_as_general(summary, general),
        "three_public": three,
        "expenditure_by_function": narrative_scopes(document, functions, general),
    }
    out = Combined(findings=[f for reading in readings for f in reading.findings])
    if not table_facts:
        # Nothing to reconcile but the 财政拨款 items renamed onto an item the narrative states too.
        out.summary_items, findings = merge_records("summary_items", narrative["summary_items"])
        out.expenditure_by_function, more = merge_records("expenditure_by_function", narrative["expenditure_by_function"])
        out.three_public = three
        out.findings += findings + more
        return out
    told = [fact for family, records in narrative.items() for fact in narrative_facts(family, records)]
    merged, findings = merge_facts(general_budget_facts(table_facts, general) + told)
    out.findings += findings
    for family in ("summary_items", "three_public", "expenditure_by_function", "expenditure_by_economic_class"):
        setattr(out, family, build_records(family, narrative.get(family, []), merged))
    logger.debug("%s: %d standard tables, %d table facts", document.path, len(readings), len(table_facts))
    return out
