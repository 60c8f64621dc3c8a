"""项目绩效目标完成情况表: the performance tables, rebuilt from their text export.

In the export every cell is a line that starts with a tab, rows are separated by blank lines,
and merged cells show up empty (or, in other exports, are missing):

    \t项目绩效目标完成情况表            <- title; "(2020年度)" follows without a tab
    \t项目名称 / \t政协会议经费         <- one project, or “A”“B”… for several
    \t预算执行情况(万元) / \t预算数: / \t21.55 / \t执行数: / \t21.55
    \t绩效指标完成情况 / \t一级指标 / … <- header row
    \t / \t项目完成指标 / \t数量指标 / \t参会率 / \t≥95% / \t已完成
    \t / \t / \t质量指标 / …            <- 一级 merged with the row above
    \t / \t效益指标 / \t社会效益 + "指标" on a line of its own (a split cell)

Rows are aligned to the right (三级, 预期, 实际 are always there), merged 一级 / 二级 cells are
inherited from the row above, split cells are joined.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from extract import numbers
from extract.document import Document, Line
from extract.indicators import parse_indicator_value
from extract.records import Evidence, Finding, IndicatorRow

TITLE = "项目绩效目标完成情况表"
HEADER_FIRST = "绩效指标完成情况"
CONTINUATION_MAX_CHARS = 8
"""A non-tab line this short, right after a cell, is the rest of that cell ("指标")."""
# "预算执行情况(万元)", "预算执行情况(元)"
BUDGET_HEADER = re.compile(r"^预算执行情况\s*\((?P<unit>万元|元)\)")
LEVEL3_NUMBERING = re.compile(r"^指标\s*\d+\s*[:：]\s*")
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@cache
def indicator_classes() -> dict[str, frozenset[str]]:
    with open(numbers.MAPS / "indicator_classes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {level: frozenset(r["name"] for r in rows if r["level"] == level) for level in ("1", "2")}


@dataclass
class Cell:
    line: Line
    text: str
    raw: str


@dataclass(frozen=True)
class PerformanceTable:
    title_line: int
    project_names: tuple[str, ...]
    department: str | None
    budget_yuan: Decimal | None
    executed_yuan: Decimal | None
    budget_line: int | None
    rows: tuple[IndicatorRow, ...]
    findings: tuple[Finding, ...] = field(default=())
    budget_text: str | None = None
    """The budget row as printed (年度资金总额 预算数: 13.34 执行数: 13.34): the evidence of its figures."""


def table_blocks(document: Document) -> list[list[list[Cell]]]:
    """Each table as its rows of cells (blank-line separated), split cells joined."""
    tables: list[list[list[Cell]]] = []
    rows: list[list[Cell]] | None = None
    blank = in_indicators = False
    for line in document.lines:
        if line.table is not None:  # a row of a real table (document.tables)
            continue
        if line.is_cell:
            if line.text == TITLE:
                rows, in_indicators = [], False
                tables.append(rows)
            elif rows is None:
                continue
            if not rows or (blank and (not in_indicators or opens_row(rows[-1], line))):
                rows.append([])
            rows[-1].append(Cell(line, line.text, line.raw.strip()))
            in_indicators = in_indicators or is_header(rows[-1])
            blank = False
        elif not line.text:
            blank = True
        elif rows and rows[-1] and len(line.text) <= CONTINUATION_MAX_CHARS and "。" not in line.text:
            rows[-1][-1].text += line.text
            rows[-1][-1].raw += line.raw.strip()
            blank = False
        else:
            rows = None
    return tables


def is_header(row: list[Cell]) -> bool:
    return len(row) >= 2 and row[0].text == HEADER_FIRST and row[1].text == "一级指标"


def opens_row(current: list[Cell], line: Line) -> bool:
    """After a blank line: an empty cell opens a row; a filled one continues an unfinished row."""
    if not line.text or line.text == HEADER_FIRST:
        return True
    return not (current and current[0].text == "" and len(current) < 6)


def project_names(cell: str) -> tuple[str, ...]:
    """“人代会经费”“在线监督经费” -> both names; a plain cell -> itself."""
    quoted = QUOTED.findall(cell)
    return tuple(name.strip() for name in quoted) if len(quoted) > 1 else (cell.strip("“”\" "),)


def cell_after(row: list[Cell], label: str) -> str | None:
    for index, cell in enumerate(row[:-1]):
        if cell.text.rstrip(":：") == label.rstrip(":："):
            return row[index + 1].text
    return None


def budget_cells(row: list[Cell], unit: str) -> tuple[Decimal | None, Decimal | None]:
    def amount(label: str) -> Decimal | None:
        value = cell_after(row, label)
        if value and re.fullmatch(numbers.NUMBER, value):
            return numbers.to_yuan(value, unit)
        return None

    return amount("预算数:"), amount("执行数:")


def read_performance_tables(document: Document) -> list[PerformanceTable]:
    return [read_table(rows) for rows in table_blocks(document) if rows]


def read_table(rows: list[list[Cell]]) -> PerformanceTable:
    names: tuple[str, ...] = ()
    department = budget = executed = budget_line = budget_text = None
    header_index = None
    for index, row in enumerate(rows):
        first = row[0].text
        if first == "项目名称" and len(row) > 1:
            names = project_names(row[1].text)
        elif first == "预算单位" and len(row) > 1:
            department = row[1].text or None
        elif BUDGET_HEADER.match(first):
            budget, executed = budget_cells(row, BUDGET_HEADER.match(first)["unit"])
            budget_line = row[0].line.number
            budget_text = " ".join(cell.raw for cell in row if cell.raw)
        elif is_header(row):
            header_index = index
            break
    indicators: list[IndicatorRow] = []
    findings: list[Finding] = []
    if header_index is not None:
        indicators, findings = indicator_rows(rows[header_index + 1 :], names)
    return PerformanceTable(
        title_line=rows[0][0].line.number,
        project_names=names,
        department=department,
        budget_yuan=budget,
        executed_yuan=executed,
        budget_line=budget_line,
        rows=tuple(indicators),
        findings=tuple(findings),
        budget_text=budget_text,
    )


def indicator_rows(rows: list[list[Cell]], names: tuple[str, ...]) -> tuple[list[IndicatorRow], list[Finding]]:
    from extract.projects import project_key

    keys = {project_key(name): name for name in names}
    level1 = level2 = None
    out, findings = [], []
    for row in rows:
        content = row[1:] if row[0].text in ("", HEADER_FIRST) else row
        evidence = row[0].line.evidence(" | ".join(c.raw for c in row if c.raw))
        if not 3 <= len(content) <= 5:
            findings.append(Finding("indicator_row_unreadable", "warning", f"a table row has {len(content)} cells", evidence))
            continue
        cells = [None] * (5 - len(content)) + [c.text or None for c in content]
        raws = [None] * (5 - len(content)) + [c.raw or None for c in content]
        level1 = cells[0] or level1
        project = names[0] if len(names) == 1 else ("、".join(names) or None)
        if cells[1] is not None:
            level2 = cells[1]
            if cells[1] not in indicator_classes()["2"]:
                named = keys.get(project_key(cells[1]))
                findings.append(level2_finding(cells[1], named, evidence))
                if named:
                    project, level2 = named, None
        level3 = LEVEL3_NUMBERING.sub("", raws[2]) if raws[2] else None
        out.append(indicator_row(project, level1, level2, level3, (cells[3], raws[3]), (cells[4], raws[4]), evidence))
    return out, findings


def level2_finding(text: str, project: str | None, evidence: Evidence) -> Finding:
    what = f"the project {project}" if project else "not an indicator class"
    return Finding("indicator_level2_not_a_class", "info", f"二级指标 cell holds {text!r}: {what}", evidence)


def indicator_row(project, level1, level2, level3, target, actual, evidence) -> IndicatorRow:
    """``target`` and ``actual`` are (normalised, as printed): parsed from the first, kept as the second."""
    target_value, target_unit, target_comparator = parse_indicator_value(target[0])
    actual_value, actual_unit, actual_comparator = parse_indicator_value(actual[0])
    parsed_target = target_value is not None
    return IndicatorRow(
        project=project,
        level1=level1,
        level2=level2,
        level3=level3,
        target=target[1],
        actual=actual[1],
        evidence=evidence,
        target_value=target_value,
        actual_value=actual_value,
        unit=target_unit if parsed_target else actual_unit,
        comparator=target_comparator if parsed_target else actual_comparator,
    )
