"""Readings -> facts: one figure each, keyed (family, key, fund scope, record field).

A fact is what the warehouse loads once, whatever number of places state it: a class row's
amount, a total row's cell named by table_totals.csv, a 三公 category's budget. Facts from several
tables and from the narrative are merged by key (extract.standard_tables.reconcile).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extract import classification, economic_classification
from extract.labelled import read_aliases
from extract.numbers import MAPS
from extract.records import Evidence
from extract.standard_tables.cells import Amount
from extract.standard_tables.maps import total_cells
from extract.standard_tables.readings import RowReading, TableReading

FUNCTION_FIELDS = {
    "amount": "amount_yuan",
    "basic": "basic_yuan",
    "project": "project_yuan",
    "budget": "budget_yuan",
    "prior_year": "prior_year_yuan",
    "prior_year_change": "prior_year_change_yuan",
    "prior_year_change_pct": "prior_year_change_pct",
    "completion_pct": "completion_pct",
}
ECONOMIC_FIELDS = {
    "amount": "amount_yuan",
    "personnel": "personnel_yuan",
    "public_funds": "public_funds_yuan",
    "budget": "budget_yuan",
    "prior_year": "prior_year_yuan",
}
ITEM_FIELDS = {
    "amount": "amount_yuan",
    "budget": "budget_yuan",
    "prior_year": "prior_year_yuan",
    "prior_year_change": "prior_year_change_yuan",
    "prior_year_change_pct": "prior_year_change_pct",
    "completion_pct": "completion_pct",
}
THREE_PUBLIC_FIELDS = {
    "amount": "amount_yuan",
    "budget": "budget_yuan",
    "prior_year": "prior_year_yuan",
    "prior_year_change": "prior_year_change_yuan",
    "prior_year_change_pct": "prior_year_change_pct",
}
FAMILY_OF_ROWS = {"function": "expenditure_by_function", "sides": "expenditure_by_function", "economic": "expenditure_by_economic_class"}


@dataclass(frozen=True)
class Fact:
    family: str
    key: str | None
    """Item, category, or class code (None: a narrative class without a code)."""
    scope: str | None
    """Fund scope of a class figure; None for summary items and 三公."""
    field: str
    value: Decimal
    resolution: Decimal
    """One unit of the last printed digit, in yuan (a percentage: in points)."""
    evidence: Evidence
    source: str = "table"
    """table or narrative."""
    level: str | None = None
    names: tuple[str | None, str | None, str | None] = (None, None, None)
    """(类 name, 款 name, 项 name) of a class figure."""
    dash: bool = False
    """The figure was printed as a dash (-): a 0.00 whose evidence shows the dash."""


def catalogue_names(rows_kind: str) -> dict[str, str]:
    return economic_classification.names_by_code() if rows_kind == "economic" else classification.names_by_code()


def class_names(code: str, rows_kind: str, printed: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """The 类, 款 and 项 names of a code: as printed in the table, else the reference's."""
    catalogue = catalogue_names(rows_kind)
    names = []
    for length in (3, 5, 7):
        part = code[:length] if len(code) >= length else None
        names.append(None if part is None else printed.get(part) or catalogue.get(part))
    return names[0], names[1], names[2]


def class_facts(table: TableReading, row: RowReading, printed: dict[str, str]) -> list[Fact]:
    family = FAMILY_OF_ROWS[table.rows_kind]
    fields = ECONOMIC_FIELDS if family == "expenditure_by_economic_class" else FUNCTION_FIELDS
    names = class_names(row.code, "economic" if family == "expenditure_by_economic_class" else "function", printed)
    facts = []
    for (measure, scope), amount in row.values.items():
        name = fields.get(measure)
        if name is None:
            continue
        facts.append(_fact(family, row.code, scope or table.fund_scope, name, amount, row, level=row.level, names=names))
    return facts


@cache
def item_codes() -> frozenset[str]:
    """The summary items (and the 财政拨款 items of maps/fiscal_items.csv) a row may state itself:
    not table_total nor a row whose cells only name items (fiscal_year_expense)."""
    return frozenset(alias.code for name in ("summary_items.csv", "fiscal_items.csv") for alias in read_aliases(MAPS / name))


def with_carryover(table: TableReading, row: RowReading) -> bool:
    """An income table's 合计 that counts a 上年结转 column of money: it is the 收入总计, not the
    本年收入合计 the table's 合计 otherwise is, and the table does not say which it meant."""
    carried = [amount for (measure, _), amount in row.values.items() if measure == "carryover_beginning"]
    return table.kind == "income" and any(amount.value for amount in carried)


def item_facts(table: TableReading, row: RowReading) -> list[Fact]:
    facts = []
    ambiguous_total = with_carryover(table, row)
    for (measure, scope), amount in row.values.items():
        if ambiguous_total and measure == "amount":
            continue
        target = total_cells().get((table.kind, row.item, measure, scope))
        if target is None and row.item in item_codes() and scope in (None, table.fund_scope) and measure in ITEM_FIELDS:
            target = (row.item, ITEM_FIELDS[measure])
        if target is not None:
            facts.append(_fact("summary_items", target[0], None, target[1], amount, row))
    return facts


def three_public_facts(row: RowReading) -> list[Fact]:
    facts = []
    for (measure, category), amount in row.values.items():
        if category == "operating_cost":
            field_name = ITEM_FIELDS.get(measure)
            if field_name:
                facts.append(_fact("summary_items", "operating_cost", None, field_name, amount, row))
            continue
        field_name = THREE_PUBLIC_FIELDS.get(measure)
        if field_name:
            facts.append(_fact("three_public", category, None, field_name, amount, row))
    return facts


def _fact(family, key, scope, field_name, amount: Amount, row: RowReading, **more) -> Fact:
    return Fact(family, key, scope, field_name, amount.value, amount.resolution, row.evidence, dash=amount.dash, **more)


def table_facts(table: TableReading) -> list[Fact]:
    if not table.loaded:
        return []
    printed = {row.code: row.name for row in table.rows if row.code and row.name}
    facts: list[Fact] = []
    for row in table.rows:
        if row.category is not None:
            facts.extend(three_public_facts(row))
        elif row.code is not None:
            facts.extend(class_facts(table, row, printed))
        elif row.item is not None:
            facts.extend(item_facts(table, row))
    return facts
