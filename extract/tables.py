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

A real table (``Document.tables``: Word, Excel, PDF) is read by the same rule once it is printed
the way the export prints it (see ``printed_rows``): one cell per cell of the file, a cell
continuing a merge from the row above empty, the lines of a cell joined.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from extract import numbers
from extract.document import Document, Line, Table, normalise
from extract.indicators import parse_indicator_value
from extract.project_names import project_key
from extract.records import Evidence, Finding, IndicatorRow

TITLE = "项目绩效目标完成情况表"
HEADER_FIRST = "绩效指标完成情况"
PROJECT_NAME = "项目名称"
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
    """Every performance table, from the text export's cell lines and from real tables, in order."""
    blocks = table_blocks(document) + [rows for table in document.tables for rows in performance_blocks(document, table)]
    return [read_table(rows) for rows in sorted((rows for rows in blocks if rows), key=lambda rows: rows[0][0].line.number)]


def performance_blocks(document: Document, table: Table) -> list[list[list[Cell]]]:
    """The performance tables a real table holds: it opens with the title (several may follow
    one another), or its rows carry 项目名称 and the 绩效指标完成情况 header."""
    rows = [row for row in printed_rows(document, table) if row]
    starts = [index for index, row in enumerate(rows) if row[0].text.startswith(TITLE)]
    head = rows[: starts[0]] if starts else rows
    if head and any(row[0].text == PROJECT_NAME for row in head) and any(is_header(row) for row in head):
        starts = [0, *starts]
    return [rows[start:end] for start, end in zip(starts, [*starts[1:], len(rows)])]


def printed_rows(document: Document, table: Table) -> list[list[Cell]]:
    """A table's rows as the text export prints them: the grid positions a merge covers to the
    right of its first cell are left out, a cell continuing a merge from the row above is an
    empty cell, and the lines of a cell are joined ("社会效益" + "指标")."""
    out = []
    for index, row in enumerate(table.rows):
        line = document.line(table.line_numbers[index])
        cells = []
        for column, item in enumerate(row):
            if item.merged and not continues_from_above(table, index, column):
                continue
            parts = [] if item.merged else item.raw.splitlines()
            cells.append(Cell(line, "".join(normalise(part) for part in parts), "".join(part.strip() for part in parts)))
        out.append(cells)
    return out


def continues_from_above(table: Table, row: int, column: int) -> bool:
    """Whether a merged copy continues a merge whose first cell is above it, in its own column
    (a vertical merge), rather than one to its left (the columns a merge spans)."""
    text = table.rows[row][column].text
    while row > 0 and table.rows[row][column].merged and table.rows[row - 1][column].text == text:
        row -= 1
    return not table.rows[row][column].merged


def read_table(rows: list[list[Cell]]) -> PerformanceTable:
    names: tuple[str, ...] = ()
    department = budget = executed = budget_line = budget_text = None
    header_index = None
    for index, row in enumerate(rows):
        first = row[0].text
        if first == PROJECT_NAME and len(row) > 1:
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
