"""The "三公"经费 table: a category per column, the measure from the headings or the row.

    “三公”经费预算数                                                   | 机关运行经费预算数
    合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费            |
         |                |            | 小计 | 购置费 | 运行费          |
    867.50 | 839.00 | 28.50 |  |  |                                     | 213.28

A column's category is the first heading, from the bottom up, that names one (小计 under 公务用车
is official_vehicles, 合计 under “三公”经费 the 三公 total); its measure is the heading that says
预算数 / 决算数 / 上年… (预算数 is the amount itself in a budget report), else the row's label
(预算数 / 决算数 rows), else the amount. A 合计 at the top of a table that also has 会议费 and 培训费
columns is their total too, not the 三公 total, and is not read. The 机关运行经费 column of the
Shanghai table is the summary item operating_cost.
"""

from __future__ import annotations

import re

from extract.records import Finding
from extract.standard_tables.header import Column, matching_path
from extract.standard_tables.maps import ColumnRule, column_rule, label, row_rule
from extract.standard_tables.readings import RowReading
from extract.standard_tables.recognise import Row
from extract.standard_tables.rows import cell_values

KIND = "three_public"
# A row named by its year and phase: "2024年预算数", "2023年度决算数"
YEAR_ROW = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?P<word>预算|决算|执行)数?")
WHAT_ROLES = frozenset({"category", "outside", "measure", "label", "fund"})
PHASE_ROLES = frozenset({"phase"})


def resolve(kind: str, path: tuple[str, ...], phase: str | None) -> ColumnRule | None:
    """The column's category (or other role), searched from its bottom heading up, with the
    measure its phase headings give (as a rule of role category / measure)."""
    path = matching_path(path, phase)
    what = None
    for end in range(len(path), 0, -1):
        what = column_rule(kind, path[:end], WHAT_ROLES, own=True)
        if what is not None:
            break
    phases = (column_rule(kind, (part,), PHASE_ROLES, own=True) for part in reversed(path))
    phase_rule = next((rule for rule in phases if rule is not None), None)
    if what is None and phase_rule is not None and path:
        # 项目 | 预算数 | 决算数 with the categories in rows: the column holds each row's figure
        return ColumnRule(phase_rule.kinds, None, path[-1], "category", "three_public_total_or_all", phase_rule.measure)
    if what is None:
        return None
    return ColumnRule(what.kinds, what.parent, what.label, what.role, what.measure, phase_rule.measure if phase_rule else None)


def year_measure(text: str, year: int | None) -> str | None:
    """The measure a row named by its year states: "2024年预算数" in a 2024 report is the budget,
    "2023年预算数" the prior year's; any other year, or no report year, states nothing we keep."""
    match = YEAR_ROW.fullmatch(text)
    if match is None or year is None:
        return None
    if int(match["year"]) == year:
        return "budget" if match["word"] == "预算" else "amount"
    return "prior_year" if int(match["year"]) == year - 1 else None


CATEGORIES = frozenset(
    {
        "three_public_total", "outbound_travel", "official_vehicles", "vehicle_purchase",
        "vehicle_operation", "official_reception", "reception_domestic", "reception_foreign",
    }
)
TOTAL_COLUMNS = frozenset({"three_public_total_or_all", "three_public_total"})
CHANGE_MEASURES = frozenset({"prior_year_change", "prior_year_change_pct"})
TOTAL_ROW_NAMES = frozenset({"合计", "总计"})
OTHER_COSTS = re.compile(r"会议费|培训费|机关运行经费")
"""Rows that make a table's 合计 more than the 三公 total."""
"""Columns a table with the categories in rows may add: each row's change on the prior year."""


def read_three_public(
    columns: list[Column], body: list[Row], factor, phase: str | None, year: int | None = None
) -> tuple[list[RowReading], list[Finding]]:
    """One reading per row: values keyed (measure, category); the categories' columns carry the
    phase in ``Column.scope`` (see resolve); a row may name its phase, or its year (year_measure).
    A table whose rows are the categories and whose columns only split the money by fund (合计 |
    一般公共预算 | 政府性基金预算 …) is read row by row (categories_by_row)."""
    findings: list[Finding] = []
    labels = [c for c in columns if c.role == "label"]
    rules = [row_rule(KIND, None, label(row.cells[labels[0].index].text)) if labels else None for row in body]
    if by_rows(columns, rules):
        return categories_by_row(columns, body, rules, factor, phase, findings), findings
    outside = any(c.role == "outside" for c in columns)
    by_category = []
    for column in columns:
        if column.role == "category":
            category = column.measure
            if category == "three_public_total_or_all":
                if outside:
                    continue
                category = "three_public_total"
            by_category.append(Column(column.index, column.path, "measure", category, column.scope))
        elif column.role == "measure":
            by_category.append(Column(column.index, column.path, "measure", column.measure, column.scope))
    readings = []
    for row, rule in zip(body, rules):
        row_measure = None
        if labels:
            text = label(row.cells[labels[0].index].text)
            if rule is not None and rule.item in CATEGORIES:
                continue  # a category row in a table of category columns: nothing we can place
            row_measure = rule.item if rule else year_measure(text, year)
            if text and row_measure is None and rule is None:
                continue
        raw = cell_values(row, by_category, factor, None, findings)
        values = {(measure_of(column_phase or row_measure, phase), category): amount for (category, column_phase), amount in raw.items()}
        if values:
            readings.append(RowReading(row.line, values, category="three_public"))
    return readings, findings


def measure_of(named: str | None, phase: str | None) -> str:
    """The measure a heading or row names (else the amount); a budget report's budget is its amount."""
    measure = named or "amount"
    return "amount" if phase == "budget" and measure == "budget" else measure


def by_rows(columns: list[Column], rules: list) -> bool:
    """The categories are the rows: no column names a category but the total, and a row does."""
    categories = {c.measure for c in columns if c.role == "category"}
    return bool(categories) and categories <= TOTAL_COLUMNS and any(rule is not None and rule.item in CATEGORIES for rule in rules)


def categories_by_row(columns: list[Column], body: list[Row], rules: list, factor, phase: str | None, findings: list[Finding]) -> list[RowReading]:
    """Each category row's figure is its 合计 cell (the fund columns beside it are its parts)."""
    totals = [c for c in columns if c.role == "category"]
    changes = [c for c in columns if c.role == "measure" and c.measure in CHANGE_MEASURES]
    labels = [c for c in columns if c.role == "label"]
    names = [label(row.cells[labels[0].index].text) for row in body] if labels else [""] * len(body)
    only_three_public = not any(OTHER_COSTS.search(name) for name in names)
    readings = []
    for row, rule, name in zip(body, rules, names):
        item = rule.item if rule is not None else None
        if item not in CATEGORIES and only_three_public and name in TOTAL_ROW_NAMES:
            item = "three_public_total"  # 合计 of a table of the 三公 categories alone
        if item not in CATEGORIES:
            continue
        amount_columns = [Column(c.index, c.path, "measure", item, c.scope) for c in totals]
        raw = cell_values(row, amount_columns, factor, None, findings)
        values = {(measure_of(column_phase, phase), category): amount for (category, column_phase), amount in raw.items()}
        for (measure, _), amount in cell_values(row, changes, factor, None, findings).items():
            values[(measure, item)] = amount
        if values:
            readings.append(RowReading(row.line, values, category="three_public"))
    return readings
