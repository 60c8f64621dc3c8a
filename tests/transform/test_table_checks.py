"""Per-table checks (transform/table_checks.py) and the year-on-year change checks
(transform/changes.py): a passing and a failing case each, on small reports read as the text
reader reads a PDF's tables."""

from __future__ import annotations

from extract.readers.text import parse_text
from transform.pipeline import process_document

HEAD = "上海市普陀区测试局\n2025年部门预算\n"
TABLE = """\
一般公共预算支出功能分类预算表
单位：元
类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出
201\t\t\t一般公共服务支出\t300.00\t100.00\t200.00
201\t03\t\t政府办公厅（室）及相关机构事务\t300.00\t100.00\t200.00
201\t03\t01\t行政运行\t100.00\t100.00\t
201\t03\t02\t一般行政管理事务\t200.00\t\t200.00
合计\t合计\t合计\t合计\t300.00\t100.00\t200.00
"""
ECONOMIC = """\
一般公共预算基本支出经济分类预算表
单位：元
类\t款\t经济分类科目名称\t合计\t人员经费\t公用经费
301\t\t工资福利支出\t80.00\t80.00\t
301\t01\t基本工资\t80.00\t80.00\t
302\t\t商品和服务支出\t20.00\t\t20.00
302\t01\t办公费\t20.00\t\t20.00
合计\t合计\t合计\t100.00\t80.00\t20.00
"""


def rules_of(text: str) -> list[str]:
    report = process_document(parse_text(HEAD + text, "t.txt", "0" * 64))
    return [f.rule for f in report.findings]


def test__table_rows_sum__rows_that_add_up_pass():
    assert "table_rows_sum" not in rules_of(TABLE + ECONOMIC)


def test__table_rows_sum__a_xiang_off_by_two_cents_is_reported():
    assert rules_of(TABLE.replace("201\t03\t01\t行政运行\t100.00\t100.00", "201\t03\t01\t行政运行\t100.02\t100.02")).count("table_rows_sum") >= 1


def test__table_rows_sum__the_lei_rows_against_the_total_row():
    assert "table_rows_sum" in rules_of(ECONOMIC.replace("合计\t合计\t合计\t100.00", "合计\t合计\t合计\t110.00"))


def test__table_columns_sum__basic_plus_project_and_personnel_plus_public_funds():
    assert "table_columns_sum" not in rules_of(TABLE + ECONOMIC)
    assert "table_columns_sum" in rules_of(TABLE.replace("201\t03\t02\t一般行政管理事务\t200.00\t\t200.00", "201\t03\t02\t一般行政管理事务\t200.00\t\t190.00"))
    assert "table_columns_sum" in rules_of(ECONOMIC.replace("302\t01\t办公费\t20.00\t\t20.00", "302\t01\t办公费\t20.00\t5.00\t20.00"))


def test__table_columns_sum__a_total_with_a_part_the_schema_does_not_record():
    """Jiangsu 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费."""
    text = "支出预算总表\n部门：江苏省测试厅 单位：万元\n合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金\n13,377.11\t6,522.75\t4,968.34\t1,886.02\t\n"
    found = rules_of(text)
    assert "table_columns_sum" not in found and "sum_mismatch" not in found
    assert "table_columns_sum" in rules_of(text.replace("1,886.02", "1,800.00"))


NARRATIVE = "2025年，本部门支出预算{}万元，比2024年预算增加{}万元，增长{}%。\n"


def test__change_pct_mismatch__on_the_prior_year_base_passes():
    assert not {"change_pct_mismatch", "change_pct_on_this_year"} & set(rules_of(NARRATIVE.format("110", "10", "10")))


def test__change_pct_mismatch__a_slipped_digit_is_reported():
    assert "change_pct_mismatch" in rules_of(NARRATIVE.format("3,666", "21.8", "0.06"))


def test__change_pct_on_this_year__the_wrong_base_is_reported_apart():
    assert "change_pct_on_this_year" in rules_of(NARRATIVE.format("6,106.99", "101.48", "1.66"))


SAME_MONEY = "财政拨款收入37,151.47万元，比2024年预算增加{}万元。财政拨款支出预算37,151.47万元，比2024年预算增加{}万元。政府性基金拨款支出预算0万元。\n"


def test__change_disagrees__the_same_money_changed_by_one_amount_passes():
    assert "change_disagrees" not in rules_of(SAME_MONEY.format("24,491.71", "24,491.71"))


def test__change_disagrees__the_same_money_changed_by_two_amounts_is_reported():
    assert "change_disagrees" in rules_of(SAME_MONEY.format("24,558.18", "24,491.71"))


SHARES = "本年收入预算合计21,955.35万元，其中：一般公共预算收入21,940.96万元，占{}%；其他资金14.39万元。\n"


def test__share_mismatch__a_share_rounded_right_passes():
    assert "share_mismatch" not in rules_of(SHARES.format("99.93"))


def test__share_mismatch__a_share_adjusted_to_make_100_is_reported():
    assert "share_mismatch" in rules_of(SHARES.format("99.94"))
