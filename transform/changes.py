"""Year-on-year changes against the figures they describe.

- ``change_pct_mismatch``: a printed change % that is not change / (amount − change): the prior
  year's amount is this year's minus the change. "增加101.48万元，增长1.66%" of 6,106.99万元 is 1.69%
  on the prior year's 6,005.51万元 (1.66% is on this year's: the wrong base); "增加21.8万元，增长
  0.06%" of 3,666万元 is 0.60% (a digit slipped).
- ``change_pct_on_this_year`` (info): the same slip when the printed % is change / this year's
  amount: a base many reports take, reported apart so that it does not drown the others.
- ``change_disagrees``: two statements of the same money (财政拨款收、支总计 and the 一般公共预算
  income and expense of the same amount) with different changes.

Tolerance: half a unit of the printed percentage, plus what the rounding of the amounts (half a
unit of their last printed digit) can move the computed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from extract.records import ExtractedReport, Finding
from extract.standard_tables.reconcile import printed_resolution
from transform.checks import finding

HUNDRED = Decimal(100)
SAME_MONEY = (
    ("fiscal_total", "income_general_public_budget", "general_budget_expense"),
    ("total_income_and_expense", "income_total", "expense_total"),
    ("expense_basic", "general_budget_basic"),
    ("expense_project", "general_budget_project"),
)
"""Items that state the same money when their amounts are equal (a budget without carryover, a
report whose 财政拨款 is all 一般公共预算)."""


def half_unit(printed: Decimal) -> Decimal:
    exponent = printed.as_tuple().exponent
    return Decimal(5).scaleb((exponent if isinstance(exponent, int) else 0) - 1)


def resolution(record, field: str) -> Decimal:
    return printed_resolution(record.evidence.text, getattr(record, field), field)


def change_tolerance(record, amount: Decimal, change: Decimal, base: Decimal) -> Decimal:
    """Half a unit of the printed % plus the amounts' rounding carried into change / base."""
    r_amount, r_change = resolution(record, "amount_yuan") / 2, resolution(record, "prior_year_change_yuan") / 2
    moved = (abs(amount) * r_change + abs(change) * r_amount) / (base * base) * HUNDRED
    return half_unit(record.prior_year_change_pct) + moved


def label_of(record) -> str:
    for name in ("item", "category", "class_code"):
        if getattr(record, name, None):
            return f"{name} {getattr(record, name)}" + (f" ({record.fund_scope})" if hasattr(record, "fund_scope") else "")
    return "a figure"


def check_change_pcts(records: Iterable) -> Iterator[Finding]:
    for record in records:
        amount, change, pct = record.amount_yuan, record.prior_year_change_yuan, record.prior_year_change_pct
        if amount is None or change is None or pct is None:
            continue
        base = amount - change
        if base <= 0:
            continue
        computed = change / base * HUNDRED
        if abs(computed - pct) <= half_unit(pct) or abs(computed - pct) <= change_tolerance(record, amount, change, base):
            continue
        on_this_year = abs(change / amount * HUNDRED - pct) <= change_tolerance(record, amount, change, amount)
        yield finding(
            "change_pct_on_this_year" if on_this_year else "change_pct_mismatch",
            f"{label_of(record)}: printed change {pct}% but {change} / ({amount} - {change}) gives "
            f"{computed.quantize(Decimal('0.01'))}%" + (" (the printed % is on this year's amount)" if on_this_year else ""),
            record.evidence,
            pct,
            computed.quantize(Decimal("0.01")),
        )


def check_same_money(report: ExtractedReport) -> Iterator[Finding]:
    items = {item.item: item for item in report.summary_items}
    for group in SAME_MONEY:
        stated = [items[code] for code in group if code in items and items[code].prior_year_change_yuan is not None]
        for first, second in zip(stated, stated[1:]):
            if not first.amount_yuan or first.amount_yuan != second.amount_yuan:
                continue
            gap = abs(first.prior_year_change_yuan - second.prior_year_change_yuan)
            if gap > (resolution(first, "prior_year_change_yuan") + resolution(second, "prior_year_change_yuan")) / 2:
                yield finding(
                    "change_disagrees",
                    f"{first.item} and {second.item} are both {first.amount_yuan} yuan but changed by "
                    f"{first.prior_year_change_yuan} and {second.prior_year_change_yuan} yuan on the prior year",
                    second.evidence,
                    first.prior_year_change_yuan,
                    second.prior_year_change_yuan,
                )


def check_changes(report: ExtractedReport) -> list[Finding]:
    records = [*report.summary_items, *report.three_public, *report.expenditure_by_function]
    return [*check_change_pcts(records), *check_same_money(report)]
