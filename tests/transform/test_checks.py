"""Checks of signs (issue 13, case 3): a negative figure that cannot be negative is loaded as
printed, with a finding."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import REPORTS
from transform.pipeline import process_report


def test__process_report__a_negative_spending_keeps_its_sign_with_a_finding(tmp_path):
    text = (REPORTS / "002_7c31d4a17c7f4b76.txt").read_text(encoding="utf-8")
    path = tmp_path / "negative.txt"
    path.write_text(text.replace("基本支出776.32万元", "基本支出-776.32万元"), encoding="utf-8")
    report = process_report(path)
    basic = next(item for item in report.summary_items if item.item == "expense_basic")
    assert basic.amount_yuan == Decimal("-7763200.00")
    (sign,) = [f for f in report.findings if f.rule == "negative_amount"]
    assert sign.evidence.line_number == basic.evidence.line_number and sign.actual_value == Decimal("-7763200.00")
    assert "expense_basic" in sign.message


def test__process_report__a_negative_change_is_no_finding():
    report = process_report(REPORTS / "000_dac422e8fb956846.txt")
    assert any(item.prior_year_change_yuan is not None and item.prior_year_change_yuan < 0 for item in report.summary_items)
    assert not [f for f in report.findings if f.rule == "negative_amount"]
