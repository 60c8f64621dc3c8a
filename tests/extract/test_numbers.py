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
