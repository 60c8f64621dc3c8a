"""Checks on each standard table as printed (extract.standard_tables.read_tables):

- ``table_rows_sum``: the 项 rows of a 款 add up to the 款 row, the 款 rows of a 类 to the 类 row (its
  项 rows when the table prints no 款), the 类 rows to the table's 合计 row; column by column.
- ``table_columns_sum``: on every row, 合计 = 基本支出 + 项目支出 (+ the other parts the table prints:
  单位预留机动经费, 上缴上级支出 …) and 合计 = 人员经费 + 公用经费.

Tolerance: half a unit of the last printed digit of every figure involved. An empty cell counts
as 0 here (the sum of the parts printed), never as a loaded figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from extract.records import Finding
from extract.standard_tables.readings import (
    Measure,
    RowReading,
    TableReading,
    tolerance,
)
from extract.standard_tables.rows import PART, PERCENT_MEASURES
from transform.checks import finding

OTHER_PARTS = ("carryover_ending",)
"""Column measures that are parts of 合计 beside 基本 / 项目 (the Jiangsu 支出预算总表's 结转下年资金)."""


def check_tables(readings: list[TableReading]) -> list[Finding]:
    found: list[Finding] = []
    for reading in readings:
        if not reading.loaded:
            continue
        found.extend(check_rows(reading))
        found.extend(check_columns(reading))
    return found


def measures_of(rows: list[RowReading]) -> set[Measure]:
    """The amount measures of the rows: percentages (增减%, 完成率) add up to nothing."""
    return {key for row in rows for key in row.values if not key[0].startswith(PART) and key[0] not in PERCENT_MEASURES}


def sum_finding(reading: TableReading, total: RowReading, parts: list[RowReading], measure: Measure, what: str) -> Finding | None:
    printed = total.values.get(measure)
    amounts = [row.values[measure] for row in parts if measure in row.values]
    if printed is None or not amounts:
        return None
    added = sum((a.value for a in amounts), Decimal(0))
    if abs(added - printed.value) <= tolerance(printed, *amounts):
        return None
    return finding(
        "table_rows_sum",
        f"{reading.kind} table, {measure[0]}: {what} add up to {added} yuan, the row prints {printed.value} yuan",
        total.evidence,
        printed.value,
        added,
    )


def check_rows(reading: TableReading) -> Iterator[Finding]:
    """Children against their parent, the 类 against the table's 合计."""
    classes = reading.class_rows()
    if not classes:
        return
    measures = measures_of(classes)
    for parent in classes:
        children = direct_children(parent.code, classes)
        if not children:
            continue
        for measure in measures:
            problem = sum_finding(reading, parent, children, measure, f"the {len(children)} rows under {parent.code}")
            if problem:
                yield problem
    total = next((row for row in reading.rows if row.item == "table_total"), None)
    leis = [row for row in classes if row.level == "类"]
    if total is not None and leis:
        for measure in measures:
            problem = sum_finding(reading, total, leis, measure, f"the {len(leis)} 类 rows")
            if problem:
                yield problem


def direct_children(code: str, rows: list[RowReading]) -> list[RowReading]:
    """The rows one level below ``code`` (two digits longer); for a 类 without 款 rows, its 项."""
    below = [row for row in rows if row.code != code and row.code.startswith(code)]
    for step in (2, 4):
        level = [row for row in below if len(row.code) == len(code) + step]
        if level:
            return level
    return []


def check_columns(reading: TableReading) -> Iterator[Finding]:
    for row in reading.rows:
        for (measure, scope), printed in row.values.items():
            if measure == "amount":
                problem = split_finding(reading, row, scope, printed)
                if problem:
                    yield problem


def parts_of(row: RowReading, scope) -> list:
    """The parts of the row's 合计 it prints: 项目支出, and 基本支出 or else 人员经费 + 公用经费, and
    the other parts (单位预留机动经费 …)."""
    values = row.values
    named = ["project"] + (["basic"] if ("basic", scope) in values else ["personnel", "public_funds"])
    parts = [values[(m, scope)] for m in named if (m, scope) in values]
    if not parts:
        return []
    return parts + [a for (m, s), a in values.items() if s == scope and (m.startswith(PART) or m in OTHER_PARTS)]


def split_finding(reading: TableReading, row: RowReading, scope, printed) -> Finding | None:
    """合计 = the sum of the parts the row prints."""
    parts = parts_of(row, scope)
    if not parts:
        return None
    added = sum((a.value for a in parts), Decimal(0))
    if abs(added - printed.value) <= tolerance(printed, *parts):
        return None
    return finding(
        "table_columns_sum",
        f"{reading.kind} table: the row's parts (基本 / 人员 + 公用, 项目, others) add up to {added} yuan, its 合计 is {printed.value} yuan",
        row.evidence,
        printed.value,
        added,
    )
