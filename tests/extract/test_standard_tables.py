"""The standard 公开表: recognition, headers, rows and cells, 收支总表 sides, the 三公 table, and
table / narrative reconciliation. Each case is a small report written as the text reader reads a
PDF's tables: one tab-separated line per row, the title and unit on the lines above."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.readers.text import parse_text
from extract.standard_tables import read_tables
from transform.pipeline import process_document

HEAD = "上海市普陀区测试局\n2025年部门预算\n"


def report(body: str, head: str = HEAD):
    return process_document(parse_text(head + body, "t.txt", "0" * 64))


def rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def by_code(result, scope: str = "general_budget") -> dict[str, object]:
    return {f.class_code: f for f in result.expenditure_by_function if f.fund_scope == scope}


def items(result) -> dict[str, object]:
    return {i.item: i for i in result.summary_items}


def amounts(records: dict) -> dict:
    return {key: (r.amount_yuan, getattr(r, "basic_yuan", None), getattr(r, "project_yuan", None)) for key, r in records.items()}


GENERAL_BUDGET = """\
5．2025年部门一般公共预算支出功能分类预算表
编制部门：上海市普陀区测试局 单位：元
项目\t项目\t项目\t项目\t一般公共预算支出\t一般公共预算支出\t一般公共预算支出
功能分类科目编码\t功能分类科目编码\t功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出
201\t\t\t一般公共服务支出\t82,096,797.42\t15,686,797.42\t66,410,000.00
201\t03\t\t政府办公厅（室）及相关机构事务\t82,096,797.42\t15,686,797.42\t66,410,000.00
\t03\t01\t行政运行\t12,029,501.84\t11,919,501.84\t110,000.00
201\t03\t02\t一般行政管理事务\t70,067,295.58\t3,767,295.58\t66,300,000.00
合计\t合计\t合计\t合计\t82,096,797.42\t15,686,797.42\t66,410,000.00
"""


def test__class_table__codes_from_separate_columns_the_lei_carried_from_the_row_above():
    rows = by_code(report(GENERAL_BUDGET))
    assert sorted(rows) == ["201", "20103", "2010301", "2010302"]
    row = rows["2010301"]
    assert (row.class_level, row.class_name, row.kuan_name, row.xiang_name) == ("项", "一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行")
    assert (row.amount_yuan, row.basic_yuan, row.project_yuan) == (Decimal("12029501.84"), Decimal("11919501.84"), Decimal("110000.00"))
    assert row.evidence.table == 1 and row.evidence.row == 6 and "行政运行" in row.evidence.text


def test__class_table__the_total_row_gives_the_summary_items():
    found = items(report(GENERAL_BUDGET))
    assert found["general_budget_expense"].amount_yuan == Decimal("82096797.42")
    assert found["general_budget_basic"].amount_yuan == Decimal("15686797.42")
    assert found["general_budget_project"].amount_yuan == Decimal("66410000.00")


def test__class_table__merged_cells_left_empty_read_as_merged_cells_repeated():
    """A hand-made rendering leaves a merged heading's other cells empty; the PDF reader repeats it."""
    empty = GENERAL_BUDGET.replace("项目\t项目\t项目\t项目\t一般公共预算支出\t一般公共预算支出\t一般公共预算支出", "项目\t\t\t\t一般公共预算支出\t\t").replace(
        "功能分类科目编码\t功能分类科目编码\t功能分类科目编码\t功能分类科目名称", "功能分类科目编码\t\t\t功能分类科目名称"
    ).replace("类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出", "类\t款\t项\t\t\t\t").replace("合计\t合计\t合计\t合计\t8", "合计\t\t\t\t8")
    assert amounts(by_code(report(empty))) == amounts(by_code(report(GENERAL_BUDGET)))
    assert amounts(items(report(empty))) == amounts(items(report(GENERAL_BUDGET)))


ONE_CODE_COLUMN = """\
公开07表：一般公共预算支出预算表（功能科目）
部门：江苏省政协办公厅 单位：万元
功能科目编码\t功能科目名称\t金 额
\t合计\t13,297.11
201\t一般公共服务支出\t13,297.11
20102\t政协事务\t13,297.11
2010201\t行政运行\t13,297.11
"""


def test__class_table__one_code_column_in_wan_yuan():
    rows = by_code(report(ONE_CODE_COLUMN))
    assert rows["2010201"].amount_yuan == Decimal("132971100.00") and rows["20102"].class_level == "款"
    assert items(report(ONE_CODE_COLUMN))["general_budget_expense"].amount_yuan == Decimal("132971100.00")


def test__table__without_a_unit_loads_nothing():
    result = report(ONE_CODE_COLUMN.replace(" 单位：万元", ""))
    assert not by_code(result) and "general_budget_expense" not in items(result)
    assert "table_unit_missing" in rules(result)


def test__table__unit_split_across_two_heading_lines():
    """单位：万 at the end of a line, its 元 printed on the next: 万元."""
    text = ONE_CODE_COLUMN.replace("部门：江苏省政协办公厅 单位：万元", "单位：万\n部门：江苏省政协办公厅 元")
    assert by_code(report(text))["201"].amount_yuan == Decimal("132971100.00")


def test__table__an_unmapped_heading_loads_nothing_and_names_the_heading():
    result = report(ONE_CODE_COLUMN.replace("金 额", "执行进度"))
    assert not by_code(result)
    (problem,) = [f for f in result.findings if f.rule == "standard_table_header_unmapped"]
    assert "执行进度" in problem.message


@pytest.mark.parametrize(
    ("cell", "value", "dash"),
    [("0", Decimal("0.00"), False), ("0.00", Decimal("0.00"), False), ("-", Decimal("0.00"), True), ("(1,234.50)", Decimal("-12345000.00"), False), ("-1,234.50", Decimal("-12345000.00"), False)],
)
def test__amount_cell__zero_dash_and_negative_as_printed(cell, value, dash):
    result = report(ONE_CODE_COLUMN.replace("2010201\t行政运行\t13,297.11", f"2010201\t行政运行\t{cell}"))
    row = by_code(result)["2010201"]
    assert row.amount_yuan == value
    assert (cell in row.evidence.text) and dash == (cell == "-")


def test__amount_cell__empty_is_absent_and_text_is_a_finding():
    empty = report(ONE_CODE_COLUMN.replace("2010201\t行政运行\t13,297.11", "2010201\t行政运行\t"))
    assert "2010201" not in by_code(empty)
    text = report(ONE_CODE_COLUMN.replace("2010201\t行政运行\t13,297.11", "2010201\t行政运行\t见附表"))
    assert "2010201" not in by_code(text) and "table_cell_not_a_number" in rules(text)


def test__table__title_in_its_first_row_as_word_and_excel_put_it():
    text = "一般公共预算支出预算表\t\t\n单位：万元\t\t\n" + ONE_CODE_COLUMN.split("\n", 2)[2]
    assert by_code(report(text))["2010201"].amount_yuan == Decimal("132971100.00")


def test__table__a_continuation_that_repeats_the_header_is_the_same_table():
    rest = "功能科目编码\t功能科目名称\t金 额\n208\t社会保障和就业支出\t100.00\n"
    text = ONE_CODE_COLUMN.replace("\t合计\t13,297.11", "\t合计\t13,397.11") + "- 2 -\n" + rest
    result = report(text)
    assert by_code(result)["208"].amount_yuan == Decimal("1000000.00")
    assert "table_rows_sum" not in rules(result)


SIDES = """\
公开01表
收支预算总表
部门：江苏省政协办公厅 单位：万元
收入\t收入\t支出\t支出\t支出\t支出
项目名称\t金额\t功能分类\t功能分类\t支出用途\t支出用途
项目名称\t金额\t功能科目名称\t金额\t项目名称\t金额
一、财政拨款\t13,297.11\t一、一般公共服务支出\t10,271.56\t一、基本支出\t6,522.75
1.一般公共预算\t13,297.11\t二、外交支出\t\t二、项目支出\t4,968.34
2.政府性基金预算\t\t三、国防支出\t\t三、单位预留机动经费\t1,886.02
三、其他资金\t80.00\t八、社会保障和就业支出\t3,105.55\t\t
当年收入小计\t13,377.11\t当年支出小计\t当年支出小计\t当年支出小计\t13,377.11
上年结转资金\t\t结转下年资金\t结转下年资金\t结转下年资金\t
收入合计\t13,377.11\t支出合计\t支出合计\t支出合计\t13,377.11
"""


def test__sides__income_items_expense_classes_by_name_and_merged_totals():
    result = report(SIDES)
    found = items(result)
    assert found["income_general_public_budget"].amount_yuan == Decimal("132971100.00")
    assert found["income_other"].amount_yuan == Decimal("800000.00")
    assert found["income_total"].amount_yuan == found["expense_total"].amount_yuan == Decimal("133771100.00")
    assert found["total_income_and_expense"].amount_yuan == Decimal("133771100.00")
    assert (found["expense_basic"].amount_yuan, found["expense_project"].amount_yuan) == (Decimal("65227500.00"), Decimal("49683400.00"))
    assert "carryover_beginning" not in found and "carryover_ending" not in found
    classes = by_code(result, "all")
    assert sorted(classes) == ["201", "208"] and classes["208"].amount_yuan == Decimal("31055500.00")


def test__sides__merged_total_left_empty_reads_the_same():
    empty = SIDES.replace("当年支出小计\t当年支出小计\t当年支出小计", "当年支出小计\t\t").replace("支出合计\t支出合计\t支出合计", "支出合计\t\t")
    assert amounts(items(report(empty))) == amounts(items(report(SIDES)))


def test__sides__fiscal_income_is_general_budget_only_without_other_fiscal_money():
    with_fund = SIDES.replace("2.政府性基金预算\t\t", "2.政府性基金预算\t100.00\t")
    assert "income_general_public_budget" in items(report(SIDES))
    found = items(report(with_fund))
    assert found["income_government_fund"].amount_yuan == Decimal("1000000.00")
    assert found["income_general_public_budget"].amount_yuan == Decimal("132971100.00")  # its own row


THREE_PUBLIC = """\
2025年部门“三公”经费和机关运行经费预算表
编制部门：上海市普陀区测试局 单位:万元
“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t机关运行经费预算数
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t机关运行经费预算数
合计\t因公出国(境)费\t公务接待费\t小计\t购置费\t运行费\t机关运行经费预算数
867.50\t839.00\t28.50\t\t\t\t213.28
"""


def test__three_public__categories_by_column_and_the_operating_cost():
    result = report(THREE_PUBLIC)
    three = {f.category: f.amount_yuan for f in result.three_public}
    assert three == {"three_public_total": Decimal("8675000.00"), "outbound_travel": Decimal("8390000.00"), "official_reception": Decimal("285000.00")}
    assert items(result)["operating_cost"].amount_yuan == Decimal("2132800.00")


def test__three_public__a_total_that_counts_meetings_and_training_is_not_the_three_public_total():
    text = """\
“三公”经费、会议费、培训费支出预算表
部门：江苏省政协办公厅 单位：万元
合计\t“三公”经费\t“三公”经费\t“三公”经费\t“三公”经费\t“三公”经费\t“三公”经费\t会议费\t培训费
合计\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t公务用车购置及运行维护费\t公务用车购置及运行维护费\t公务接待费\t会议费\t培训费
合计\t小计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费
2,224.43\t660.10\t106.00\t156.60\t\t156.60\t397.50\t1,282.56\t281.77
"""
    three = {f.category: f.amount_yuan for f in report(text).three_public}
    assert three["three_public_total"] == Decimal("6601000.00")
    assert three["official_vehicles"] == three["vehicle_operation"] == Decimal("1566000.00") and "vehicle_purchase" not in three


FINAL_HEAD = "上海市测试局\n2024年度部门决算\n"


def test__three_public__budget_and_final_column_groups_of_a_final_report():
    text = """\
财政拨款“三公”经费支出决算表
单位：万元
财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费
合计\t合计\t公务接待费\t公务接待费
预算数\t决算数\t预算数\t决算数
10.00\t8.00\t10.00\t8.00
"""
    three = {f.category: f for f in report(text, FINAL_HEAD).three_public}
    assert (three["three_public_total"].budget_yuan, three["three_public_total"].amount_yuan) == (Decimal("100000.00"), Decimal("80000.00"))
    assert three["official_reception"].amount_yuan == Decimal("80000.00")


def test__final_report__budget_and_final_groups_of_the_general_budget_table():
    text = """\
一般公共预算财政拨款支出决算表
单位：万元
项目\t项目\t年初预算数\t决算数\t决算数\t决算数
科目编码\t科目名称\t合计\t合计\t基本支出\t项目支出
201\t一般公共服务支出\t100.00\t95.00\t60.00\t35.00
合计\t合计\t100.00\t95.00\t60.00\t35.00
"""
    row = by_code(report(text, FINAL_HEAD))["201"]
    assert (row.budget_yuan, row.amount_yuan, row.basic_yuan, row.project_yuan) == (
        Decimal("1000000.00"), Decimal("950000.00"), Decimal("600000.00"), Decimal("350000.00")
    )


def test__reconcile__the_same_class_in_two_tables_of_one_scope_is_one_fact():
    both = GENERAL_BUDGET + "\n说明\n" + GENERAL_BUDGET.replace("5．2025年部门", "8．2025年部门")
    rows = by_code(report(both))
    assert rows["2010301"].amount_yuan == Decimal("12029501.84")
    assert rows["2010301"].evidence.text.count("行政运行") == 1  # the same row text once


def test__reconcile__two_tables_that_disagree_load_neither():
    other = GENERAL_BUDGET.replace("5．2025年部门", "8．2025年部门").replace("\t03\t01\t行政运行\t12,029,501.84", "\t03\t01\t行政运行\t12,029,501.85")
    result = report(GENERAL_BUDGET + "\n说明\n" + other)
    assert by_code(result)["2010301"].amount_yuan is None
    assert "table_figures_disagree" in rules(result)


NARRATIVE = "政府性基金拨款支出预算0万元。\n财政拨款支出主要内容如下：\n1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目{}万元，主要用于行政单位的基本支出。\n"


@pytest.mark.parametrize(
    ("printed", "table", "loaded", "rule"),
    [
        ("1,202.95", "12,029,501.84", Decimal("12029501.84"), None),
        ("1,202.95", "12,029,561.84", Decimal("12029561.84"), "narrative_truncated"),
        ("1,302.95", "12,029,501.84", None, "narrative_table_disagree"),
    ],
)
def test__reconcile__narrative_and_table(printed, table, loaded, rule):
    """1,202.95万元 rounds 12,029,501.84 元: one fact. For 12,029,561.84 元 (1,202.956…万元) it cuts the
    digits instead of rounding them, a known narrative slip: the table's figure, an info finding.
    1,302.95万元 is another figure: a finding, nothing loaded."""
    tables = GENERAL_BUDGET.replace("12,029,501.84\t11,919,501.84", f"{table}\t{table}").replace("\t110,000.00\n", "\t\n", 1)
    result = report(NARRATIVE.format(printed) + tables)
    row = by_code(result)["2010301"]
    assert row.amount_yuan == loaded
    assert "科目" in row.evidence.text and "行政运行" in row.evidence.text
    expected = {rule} if rule else set()
    assert {"narrative_truncated", "narrative_table_disagree"} & set(rules(result)) == expected


def test__read_tables__recognises_kinds_and_scopes():
    document = parse_text(HEAD + GENERAL_BUDGET + SIDES + THREE_PUBLIC, "t.txt", "0" * 64)
    kinds = [(r.kind, r.fund_scope) for r in read_tables(document, "budget", 2025)]
    assert kinds == [("general_budget_expense", "general_budget"), ("income_expense_total", "all"), ("three_public", "general_budget")]


def test__table__the_unit_in_the_header_cells_when_the_heading_has_none():
    text = ONE_CODE_COLUMN.replace(" 单位：万元", "").replace("金 额", "金额（万元）")
    assert by_code(report(text))["2010201"].amount_yuan == Decimal("132971100.00")


def test__sides__a_row_number_column_is_not_a_figure():
    """部门决算 tables number their rows (行次); the numbers are no figures."""
    text = """\
收入支出决算总表
单位：万元
收入\t收入\t收入\t支出\t支出\t支出
项目\t行次\t决算数\t项目\t行次\t决算数
一、一般公共预算财政拨款收入\t1\t95.00\t一、一般公共服务支出\t32\t95.00
本年收入合计\t12\t95.00\t本年支出合计\t57\t95.00
总计\t30\t95.00\t总计\t64\t95.00
"""
    result = report(text, FINAL_HEAD)
    found = items(result)
    assert found["income_general_public_budget"].amount_yuan == Decimal("950000.00")
    assert found["income_total"].amount_yuan == found["expense_total"].amount_yuan == Decimal("950000.00")
    assert by_code(result, "all")["201"].amount_yuan == Decimal("950000.00")


def test__economic_table__two_groups_of_columns_side_by_side_in_a_final_report():
    """The 决算 基本支出 table sets 人员经费 codes on the left, 公用经费 codes on the right."""
    text = """\
一般公共预算财政拨款基本支出决算表
单位：万元
经济分类\t经济分类\t决算数\t经济分类\t经济分类\t决算数
科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数
301\t工资福利支出\t80.00\t302\t商品和服务支出\t20.00
30101\t基本工资\t80.00\t30201\t办公费\t20.00
人员经费合计\t人员经费合计\t80.00\t公用经费合计\t公用经费合计\t20.00
"""
    result = report(text, FINAL_HEAD)
    economic = {f.class_code: f.amount_yuan for f in result.expenditure_by_economic_class}
    assert economic == {"301": Decimal("800000.00"), "30101": Decimal("800000.00"), "302": Decimal("200000.00"), "30201": Decimal("200000.00")}
    found = items(result)
    assert (found["basic_personnel"].amount_yuan, found["basic_public_funds"].amount_yuan) == (Decimal("800000.00"), Decimal("200000.00"))


def test__sides__the_parts_of_a_carryover_are_not_the_years_income():
    """财政拨款收入支出决算总表: 年初财政拨款结转和结余 lists its parts with the income rows' labels."""
    text = """\
财政拨款收入支出决算总表
单位：万元
收入\t收入\t支出\t支出\t支出\t支出\t支出
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款
一、一般公共预算财政拨款\t100.00\t一、一般公共服务支出\t100.00\t100.00\t\t
二、政府性基金预算财政拨款\t\t二、外交支出\t\t\t\t
本年收入合计\t100.00\t本年支出合计\t100.00\t100.00\t\t
年初财政拨款结转和结余\t7.00\t年末财政拨款结转和结余\t7.00\t7.00\t\t
一、一般公共预算财政拨款\t7.00\t\t\t\t\t
总计\t107.00\t总计\t107.00\t107.00\t\t
"""
    result = report(text, FINAL_HEAD)
    found = items(result)
    assert found["income_general_public_budget"].amount_yuan == Decimal("1000000.00")
    assert found["fiscal_total"].amount_yuan == Decimal("1070000.00")
    assert found["general_budget_expense"].amount_yuan == Decimal("1000000.00")  # 本年支出合计, not 总计
    assert by_code(result, "fiscal")["201"].amount_yuan == by_code(result)["201"].amount_yuan == Decimal("1000000.00")
    assert "table_figures_disagree" not in rules(result)


ECONOMIC_ROWS = """\
编制部门：上海市普陀区测试局 单位：元
科目编码\t科目名称\t合计\t人员经费\t公用经费
301\t工资福利支出\t1,000.00\t1,000.00\t
30101\t基本工资\t600.00\t600.00\t
30102\t津贴补贴\t400.00\t400.00\t
302\t商品和服务支出\t200.00\t\t200.00
30201\t办公费\t200.00\t\t200.00
\t合计\t1,200.00\t1,000.00\t200.00
"""


@pytest.mark.parametrize(
    "title",
    [
        "3．2025年部门基本支出预算表",
        "3．2025年一般公共预算支出预算表（按经济分类）",
        "3．2025年部门经济分类支出预算表",
        "3．2025年上年结转支出预算表",
        "3．2024年度一般公共预算相关经费支出决算表",
    ],
)
def test__table__a_title_naming_no_scope_or_classification_we_keep_apart_is_not_read(title):
    """A bare 基本支出表 or a table of all spending by economic class must not become functional
    classes (301 as a 类) nor its 合计 the report's expense_total."""
    result = report(f"{title}\n{ECONOMIC_ROWS}")
    assert (result.expenditure_by_function, result.expenditure_by_economic_class, result.summary_items) == ((), (), ())


def test__table__economic_rows_under_a_functional_title_load_nothing():
    result = report(f"3．2025年部门支出预算表\n{ECONOMIC_ROWS}")
    assert (result.expenditure_by_function, result.summary_items) == ((), ())
    (problem,) = [f for f in result.findings if f.rule == "table_classification_mismatch"]
    assert "301, 30101, 30102" in problem.message and problem.evidence.text.endswith("部门支出预算表")
