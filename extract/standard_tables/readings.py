"""What a standard table states, row by row, before it becomes records: the readings the per-table
checks (transform/table_checks.py) add up and the facts (extract.standard_tables.facts) are made of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.document import Line
from extract.records import Evidence, Finding
from extract.standard_tables.cells import Amount

Measure = tuple[str, "str | None"]
"""(measure, fund scope of the column or None for the table's own)."""


@dataclass
class RowReading:
    line: Line
    values: dict[Measure, Amount]
    code: str | None = None
    """A class row's official code (3, 5 or 7 digits), as printed or composed from 类 | 款 | 项."""
    level: str | None = None
    """类, 款 or 项 (economic: 类, 款)."""
    name: str | None = None
    """The row's name as printed (a class name, an item label)."""
    item: str | None = None
    """The summary item (or table_total) a labelled row states."""
    side: str | None = None
    """The side of a 收支总表 the row's figures belong to: income, expense, expense_function, expense_use."""
    category: str | None = None
    """A 三公 table row: the category of each value is in its measure instead."""

    @property
    def evidence(self) -> Evidence:
        return self.line.evidence()


@dataclass
class TableReading:
    """One standard table as read: its kind, scope, family of class rows and its rows."""

    kind: str
    fund_scope: str | None
    rows_kind: str
    title: Line
    unit: str | None
    rows: list[RowReading] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    loaded: bool = True
    """False when the table could not be read with confidence (a finding says why)."""

    def class_rows(self) -> list[RowReading]:
        return [row for row in self.rows if row.code]


def tolerance(*amounts: Amount) -> Decimal:
    """Half a unit of the last printed digit of each figure, added up."""
    return sum((a.resolution / 2 for a in amounts), Decimal(0))
