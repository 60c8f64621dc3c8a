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


def test__process_report__a_total_with_a_part_no_item_holds_is_no_sum_mismatch(tmp_path):
    """A school's 支出合计 includes its 经营支出 (no item of its own): 基本 + 项目 fall short of it by
    design. Without such a part the same shortfall is a mismatch."""
    title = "重庆市测试区青石中学校\n2024年度决算公开说明\n"
    with_operating = "2024年度支出合计4100.00万元。其中：基本支出3500.00万元，占85.4%；项目支出540.00万元，占13.2%；经营支出60.00万元，占1.4%。\n"
    path = tmp_path / "with.txt"
    path.write_text(title + with_operating, encoding="utf-8")
    assert "sum_mismatch" not in {f.rule for f in process_report(path).findings}
    path.write_text(title + "2024年度支出合计4100.00万元。其中：基本支出3500.00万元，项目支出540.00万元。\n", encoding="utf-8")
    assert "sum_mismatch" in {f.rule for f in process_report(path).findings}


def test__process_report__a_class_completion_against_another_budget_is_a_finding(tmp_path):
    """年初预算数 | 调整预算数 | 决算数 | 完成预算%: 97.78 is 880 / 900 (the adjusted budget), printed
    beside the 年初预算 800 that budget_yuan holds."""
    path = tmp_path / "决算.txt"
    path.write_text(
        "九江市测试区水利局\n2023年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n"
        "科目编码\t科目名称\t年初预算数\t调整预算数\t决算数\t完成预算%\n213\t农林水支出\t800.00\t900.00\t880.00\t97.78\n",
        encoding="utf-8",
    )
    [finding] = [f for f in process_report(path).findings if f.rule == "completion_mismatch"]
    assert "97.78%" in finding.message and "110.00%" in finding.message


def test__process_report__state_capital_spending_or_no_operating_spending_hide_no_sum_mismatch(tmp_path):
    path = tmp_path / "预算.txt"
    path.write_text(
        "测试市文化局\n2024年部门预算\n本年支出合计1,200.00万元，其中：基本支出800.00万元，项目支出300.00万元；"
        "按资金来源分，一般公共预算支出1,200.00万元，国有资本经营支出0万元。本部门无经营支出。\n",
        encoding="utf-8",
    )
    assert "sum_mismatch" in {f.rule for f in process_report(path).findings}
