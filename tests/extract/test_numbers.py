"""Signed amounts (issue 13, case 3): a minus printed before a figure is kept, never dropped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.measures import read_measures
from extract.numbers import to_yuan


@pytest.mark.parametrize("segment", ["-776.32万元", "－776.32万元", "−776.32万元", "为-776.32万元"])
def test__read_measures__a_printed_minus_is_kept(segment):
    from extract.document import normalise

    measures = read_measures(normalise(segment), "基本支出" + normalise(segment))
    assert measures.amount_yuan == Decimal("-7763200.00")


def test__to_yuan__signed_numbers():
    assert to_yuan("-776.32", "万元") == Decimal("-7763200.00")
    assert to_yuan("−1,234.5", "元") == Decimal("-1234.50")


@pytest.mark.parametrize(
    ("clause", "change"),
    [("比上年减少4.89万元", Decimal("-48900.00")), ("比上年增加-4.89万元", None), ("较上年下降-3%", None)],
)
def test__read_measures__a_change_keeps_its_direction_and_refuses_a_double_sign(clause, change):
    measures = read_measures(clause, "基本支出" + clause)
    assert measures.prior_year_change_yuan == change


@pytest.mark.parametrize("segment", ["占-5%", "占本年支出合计的-5%"])
def test__read_measures__a_share_printed_negative_is_not_read_positive(segment):
    assert read_measures("10万元," + segment, "基本支出10万元," + segment).share_pct in (None, Decimal("-5"))


def test__to_yuan__a_number_too_long_to_round_is_kept_for_the_limits_to_refuse():
    """A figure of 5,000 digits raised decimal.InvalidOperation while rounding to the fen."""
    from transform.limits import MAX_AMOUNT_YUAN

    assert to_yuan("9" * 5000, "万元") > MAX_AMOUNT_YUAN


@pytest.mark.parametrize(
    "text, change",
    [
        ("比预算增加0万元，比去年增加1.55万元，增长39.4%", (Decimal("15500.00"), Decimal("39.4"))),
        ("比年初预算数增加5.00万元，增长5.26%", (None, None)),
        ("与预算持平，与上年持平", (Decimal("0.00"), None)),
        ("比2023年预算数增加40.00万元，增长4.9%", (Decimal("400000.00"), Decimal("4.9"))),
        ("较上年预算减少1万元", (Decimal("-10000.00"), None)),
    ],
)
def test__first_change__skips_a_change_on_the_budget(text, change):
    """A change on the budget (比预算 / 比年初预算) is no change on the prior year; a change on the
    prior year's budget (比2023年预算数, 较上年预算) is."""
    from extract.numbers import first_change

    assert first_change(text) == change
