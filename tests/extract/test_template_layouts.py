"""Reports in the national templates' table layouts, filled with figures of our own.

A 部门决算 as the national template lays out its nine tables (收入支出决算总表 … 国有资本经营
表; the blank template is tests/corpus/template-department-final-accounts.pdf), filled with
figures of our own: tests/reports/composed_final_accounts_tables.txt. Every table's figures are
read, in its own fund scope, with the 决算 tables' own column shapes: the 基本支出 table's two
side-by-side groups (人员经费 | 公用经费), the 三公 table's 预算数 / 决算数 pairs under a
three-row header."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.extract.composed import read_text
from transform.pipeline import process_report

REPORT = Path(__file__).resolve().parents[1] / "reports" / "composed_final_accounts_tables.txt"
WAN = Decimal(10000)


def wan(text: str) -> Decimal:
    return Decimal(text) * WAN


def read():
    return process_report(REPORT)


def test__final_tables__identity():
    document = read().document
    assert (document.department, document.fiscal_year, document.phase, document.report_scope) == ("上海市测试局", 2024, "final", "department")


def test__final_tables__summary_items_from_every_table():
    summary = read().summary_items
    amounts = {i.item: i.amount_yuan for i in summary}
    assert len(amounts) == len(summary)
    assert amounts == {
        "income_general_public_budget": wan("1000"),
        "income_business": wan("200"),
        "income_total": wan("1200"),
        "carryover_beginning": wan("50"),
        "total_income_and_expense": wan("1250"),
        "expense_total": wan("1180"),
        "carryover_ending": wan("70"),
        "expense_basic": wan("700"),
        "expense_project": wan("480"),
        "fiscal_total": wan("1000"),
        "general_budget_expense": wan("1000"),
        "general_budget_basic": wan("600"),
        "general_budget_project": wan("400"),
        "basic_personnel": wan("500"),
        "basic_public_funds": wan("100"),
    }


def test__final_tables__functional_classes_in_each_scope():
    found = {(f.class_code, f.fund_scope): (f.amount_yuan, f.basic_yuan, f.project_yuan) for f in read().expenditure_by_function}
    assert found[("2050205", "all")] == (wan("900"), wan("600"), wan("300"))
    assert found[("207", "all")] == (wan("280"), wan("100"), wan("180"))
    assert found[("205", "fiscal")] == (wan("800"), None, None)
    assert found[("20799", "general_budget")] == (wan("200"), wan("50"), wan("150"))
    assert {scope for _, scope in found} == {"all", "fiscal", "general_budget"}
    assert len(found) == 12


def test__final_tables__economic_classes_from_both_groups_of_the_basic_table():
    found = {(e.class_code, e.fund_scope): e.amount_yuan for e in read().expenditure_by_economic_class}
    assert found == {
        ("301", "general_budget"): wan("500"),
        ("30101", "general_budget"): wan("300"),
        ("30102", "general_budget"): wan("200"),
        ("302", "general_budget"): wan("100"),
        ("30201", "general_budget"): wan("60"),
        ("30211", "general_budget"): wan("40"),
    }


def test__final_tables__three_public_budget_and_final_pairs():
    found = {t.category: (t.budget_yuan, t.amount_yuan) for t in read().three_public}
    assert found == {
        "three_public_total": (wan("10"), wan("8")),
        "outbound_travel": (wan("2"), wan("1.5")),
        "official_vehicles": (wan("5"), wan("4.5")),
        "vehicle_purchase": (Decimal("0.00"), Decimal("0.00")),
        "vehicle_operation": (wan("5"), wan("4.5")),
        "official_reception": (wan("3"), wan("2")),
    }


def test__final_tables__no_finding_on_a_report_that_adds_up():
    assert [f.rule for f in read().findings] == []


BUDGET = REPORT.with_name("composed_budget_tables.txt")


def test__budget_tables__a_budget_in_the_national_template_layout_is_read_table_by_table():
    """部门收支总表, 部门支出总表, 一般公共预算支出 / 基本支出 / “三公” tables and the 政府性基金 table,
    numbered 表1 … 表5 above their titles and with a 部门： line beside the unit."""
    result = process_report(BUDGET)
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert amounts == {
        "income_general_public_budget": wan("1000"),
        "income_government_fund": wan("100"),
        "income_total": wan("1350"),
        "total_income_and_expense": wan("1350"),
        "expense_total": wan("1350"),
        "expense_basic": wan("900"),
        "expense_project": wan("450"),
        "general_budget_expense": wan("1000"),
        "general_budget_basic": wan("800"),
        "general_budget_project": wan("200"),
        "basic_personnel": wan("700"),
        "basic_public_funds": wan("100"),
        "government_fund_expense": wan("100"),
    }
    scopes = {(f.class_code, f.fund_scope): f.amount_yuan for f in result.expenditure_by_function}
    assert scopes[("2050202", "all")] == wan("1100") and scopes[("2050202", "general_budget")] == wan("850")
    assert scopes[("2120803", "government_fund")] == wan("100")
    assert len(scopes) == 18
    assert {e.class_code: e.amount_yuan for e in result.expenditure_by_economic_class}["30102"] == wan("300")
    assert {t.category: t.amount_yuan for t in result.three_public}["vehicle_operation"] == wan("4")
    # 单位资金收入 (the unit's own money) is no summary item of the contract: said, not loaded
    (unmapped,) = result.findings
    assert unmapped.rule == "table_row_unmapped" and "单位资金收入" in unmapped.message


NARRATIVE = REPORT.with_name("composed_final_accounts_narrative.txt")


def test__final_narrative__the_templates_sentences_each_give_their_figure():
    """The 情况说明 of the same template, its XXX filled in: each 项 named in one sentence with its
    figures two sentences on ("…高等教育（项）。主要用于：…。年初预算为…，支出决算为…。"); each
    三公 fee's "支出预算为 / 支出决算为" never read as the report's 支出 total; 财政拨款收入支出总计."""
    result = process_report(NARRATIVE)
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert amounts["expense_total"] == wan("1180")
    assert amounts["fiscal_total"] == wan("1000")
    assert amounts["total_income_and_expense"] == wan("1250")
    xiang = {f.class_code: (f.budget_yuan, f.amount_yuan) for f in result.expenditure_by_function if f.class_level == "项"}
    assert xiang == {"2050205": (wan("760"), wan("800")), "2079999": (wan("190"), wan("200"))}
    (education,) = [f for f in result.expenditure_by_function if f.class_code == "2050205"]
    assert education.evidence.text.startswith("1、教育支出（类）普通教育（款）高等教育（项）。…年初预算为760.00万元")
    fees = {t.category: (t.budget_yuan, t.amount_yuan) for t in result.three_public}
    assert fees["official_reception"] == (wan("3"), wan("2"))
    assert [f.rule for f in result.findings] == []


def test__final_narrative__a_figure_sentence_in_another_paragraph_is_not_the_named_items():
    text = NARRATIVE.read_text(encoding="utf-8").replace("主要用于：学校运转。年初预算为760.00万元", "主要用于：学校运转。\n年初预算为760.00万元")
    result = read_text(text)
    assert "2050205" not in {f.class_code for f in result.expenditure_by_function}
    assert "2079999" in {f.class_code for f in result.expenditure_by_function}


BUDGET_NARRATIVE = REPORT.with_name("composed_budget_narrative.txt")


def test__budget_narrative__each_section_states_its_own_scope_and_each_xiang_its_budget():
    """The 情况说明 of a budget in the national layout: the 财政拨款 section's 教育支出950万元 and the
    一般公共预算 section's 教育支出（类）850万元 are two figures (fiscal, general_budget), not a
    conflict; a 项's "：2024年预算数为850.00万元，比2023年预算数增加40.00万元" is its figure."""
    result = process_report(BUDGET_NARRATIVE)
    lei = {(f.class_code, f.fund_scope): f.amount_yuan for f in result.expenditure_by_function if f.class_level == "类"}
    assert lei == {
        ("205", "fiscal"): wan("950"),
        ("208", "fiscal"): wan("150"),
        ("205", "general_budget"): wan("850"),
        ("208", "general_budget"): wan("150"),
    }
    xiang = {f.xiang_name: (f.class_code, f.amount_yuan, f.prior_year_change_yuan) for f in result.expenditure_by_function if f.class_level == "项"}
    assert xiang["机关事业单位基本养老保险缴费支出"] == ("2080505", wan("150"), Decimal("0.00"))
    assert xiang["小学教育"] == ("2050202", wan("850"), wan("40"))
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert (amounts["total_income_and_expense"], amounts["fiscal_total"]) == (wan("1350"), wan("1100"))
    assert [f.rule for f in result.findings] == []


def test__final_narrative__a_xiangs_budget_is_never_its_final_figure():
    """In a final report "（项）：2023年预算数为…" states the budget: no figure is read from it."""
    text = BUDGET_NARRATIVE.read_text(encoding="utf-8").replace("2024年部门预算情况说明", "2024年度部门决算情况说明")
    result = read_text(text)
    assert result.document.phase == "final"
    assert [f for f in result.expenditure_by_function if f.class_level == "项"] == []


OTHER_NARRATIVE = REPORT.with_name("composed_final_accounts_narrative_2.txt")


def test__final_narrative__another_wording_of_the_same_sections():
    """"2023年度收入合计…", "收、支总计均为…", 财政拨款收入 in a report that says it has no
    政府性基金 or 国有资本经营 money (so it is 一般公共预算), and the 小微企业 share stated of the
    SME contracts rather than of all procurement."""
    result = process_report(OTHER_NARRATIVE)
    amounts = {i.item: (i.amount_yuan, i.share_pct) for i in result.summary_items}
    assert amounts["income_total"] == (wan("1200"), None)
    assert amounts["expense_total"] == (wan("1180"), None)
    assert amounts["income_general_public_budget"] == (wan("1000"), Decimal("83.33"))
    assert amounts["procurement_micro"] == (wan("20"), Decimal("80"))
    assert result.findings == ()


def test__final_narrative__a_small_business_share_off_its_stated_base_is_a_finding():
    text = OTHER_NARRATIVE.read_text(encoding="utf-8").replace("占授予中小企业合同金额的80%", "占授予中小企业合同金额的70%")
    result = read_text(text)
    (finding,) = result.findings
    assert finding.rule == "share_mismatch" and "procurement_micro of procurement_sme" in finding.message


def test__final_narrative__totals_stated_as_income_and_expense_totals():
    """"2023年度收入总计1,250.00万元，支出总计1,250.00万元。与2022年相比，收入总计增加…" states the
    收支总计 and its change; "财政拨款收入总计" is the 财政拨款 one, and the 支出总计 after it is no
    second 收支总计 (left unread rather than made a conflict)."""
    result = process_report(REPORT.with_name("composed_final_accounts_narrative_3.txt"))
    found = {i.item: (i.amount_yuan, i.prior_year_change_yuan, i.prior_year_change_pct) for i in result.summary_items}
    assert found["total_income_and_expense"] == (wan("1250"), wan("100"), Decimal("8.7"))
    assert found["fiscal_total"][0] == wan("1000")
    assert found["income_business"][0] == wan("200")
    assert result.findings == ()


CODED_LINES = """测试县测试局2023年度部门决算
五、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
1.2010101行政运行：年初预算为300.00万元，支出决算为320.00万元，完成年初预算的106.67%。
2.2010350 事业运行：年初预算为50.00万元，支出决算为48.00万元，完成年初预算的96%。
3.20103政府办公厅（室）及相关机构事务：支出决算为48.00万元。
"""


def test__final_narrative__classes_named_by_their_printed_code():
    """"2010101行政运行：年初预算为…，支出决算为…": the printed code is the class; the 类 and 款
    names come from the classification."""
    result = read_text(CODED_LINES)
    found = {
        f.class_code: (f.class_level, f.class_name, f.kuan_name, f.xiang_name, f.budget_yuan, f.amount_yuan, f.completion_pct)
        for f in result.expenditure_by_function
    }
    assert found == {
        "2010101": ("项", "一般公共服务支出", "人大事务", "行政运行", wan("300"), wan("320"), Decimal("106.67")),
        "2010350": ("项", "一般公共服务支出", "政府办公厅(室)及相关机构事务", "事业运行", wan("50"), wan("48"), Decimal("96")),
        "20103": ("款", "一般公共服务支出", "政府办公厅(室)及相关机构事务", None, None, wan("48"), None),
    }


GENERAL_BUDGET_INCOME_AND_EXPENSE = """测试县测试局
2023年度部门决算
一般公共预算财政拨款收入支出决算表
单位：万元
项目\t项目\t年初结转和结余\t本年收入\t本年支出\t本年支出\t本年支出\t年末结转和结余
支出功能分类科目编码\t科目名称\t年初结转和结余\t本年收入\t小计\t基本支出\t项目支出\t年末结转和结余
\t合计\t10.00\t1,000.00\t1,000.00\t600.00\t400.00\t10.00
205\t教育支出\t10.00\t800.00\t800.00\t550.00\t250.00\t10.00
2050205\t高等教育\t10.00\t800.00\t800.00\t550.00\t250.00\t10.00
"""


def test__final_tables__the_general_budget_table_with_carryover_columns_and_a_支出功能分类_code_heading():
    """The 一般公共预算财政拨款收入支出决算表 of other provinces' templates: its code column headed
    支出功能分类科目编码, its 本年支出 under 小计 / 基本支出 / 项目支出 beside the carry-overs."""
    result = read_text(GENERAL_BUDGET_INCOME_AND_EXPENSE)
    found = {(f.class_code, f.fund_scope): (f.amount_yuan, f.basic_yuan, f.project_yuan) for f in result.expenditure_by_function}
    assert found == {
        ("205", "general_budget"): (wan("800"), wan("550"), wan("250")),
        ("2050205", "general_budget"): (wan("800"), wan("550"), wan("250")),
    }
    assert {i.item: i.amount_yuan for i in result.summary_items}["general_budget_expense"] == wan("1000")


def test__budget_tables__a_basic_subtotal_is_the_basic_part_never_the_rows_total():
    """基本支出 over 小计 | 人员经费 | 公用经费: the 小计 is the basic part; the row's amount is its 合计
    (it was read as the amount, so 教育支出 lost its 项目支出 and general_budget_expense was the
    basic spending). A fund table's one column 本年政府性基金预算支出 is its amount."""
    result = process_report(REPORT.with_name("composed_budget_tables_split_basic.txt"))
    found = {f.class_code: (f.amount_yuan, f.basic_yuan, f.project_yuan) for f in result.expenditure_by_function}
    assert found == {"205": (wan("1000"), wan("600"), wan("400")), "2050205": (wan("1000"), wan("600"), wan("400"))}
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert (amounts["general_budget_expense"], amounts["general_budget_basic"], amounts["general_budget_project"]) == (
        wan("1000"), wan("600"), wan("400"),
    )
    assert amounts["government_fund_expense"] == Decimal("0.00")
    assert [f.rule for f in result.findings] == []


YEAR_ROWS = """测试县测试局
2024年部门预算
一般公共预算“三公”经费支出预算表
单位：万元
项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务接待费
项目\t合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行费\t公务接待费
2023年预算数\t7.00\t0.00\t5.00\t0.00\t5.00\t2.00
2024年预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00
2019年预算数\t9.00\t1.00\t6.00\t0.00\t6.00\t2.00
部门收支总表
单位：万元
收入\t收入\t支出\t支出
收入项目\t本年预算\t支出项目\t本年预算
一、一般公共预算拨款收入\t1,000.00\t一、教育支出\t1,000.00
本年收入合计\t1,000.00\t本年支出合计\t1,000.00
"""


def test__budget_tables__三公_rows_named_by_year_and_a_收支总表_headed_收入项目():
    """A 三公 table whose rows are "2023年预算数" / "2024年预算数": in a 2024 report the first is the
    prior year's, the second the amount; a row of another year states nothing we keep. A 收支总表
    whose label columns are headed 收入项目 / 支出项目."""
    result = read_text(YEAR_ROWS)
    found = {t.category: (t.amount_yuan, t.prior_year_yuan) for t in result.three_public}
    assert found["three_public_total"] == (wan("6"), wan("7"))
    assert found["vehicle_operation"] == (wan("4"), wan("5"))
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert (amounts["income_total"], amounts["expense_total"]) == (wan("1000"), wan("1000"))


COMPLETION_COLUMN = """测试县测试局
2023年度部门决算
一般公共预算财政拨款支出决算表
单位：万元
科目编码\t科目名称\t年初预算数\t调整预算数\t决算数\t完成年初预算的比例
\t合计\t950.00\t1,000.00\t1,000.00\t105.26%
205\t教育支出\t760.00\t800.00\t800.00\t105.26%
2050205\t高等教育\t760.00\t800.00\t800.00\t105.26%
207\t文化旅游体育与传媒支出\t190.00\t200.00\t200.00\t105.26%
"""


def test__final_tables__a_completion_rate_column_is_each_rows_completion_never_summed():
    result = read_text(COMPLETION_COLUMN)
    found = {f.class_code: (f.budget_yuan, f.amount_yuan, f.completion_pct) for f in result.expenditure_by_function}
    assert found["2050205"] == (wan("760"), wan("800"), Decimal("105.26"))
    assert found["207"] == (wan("190"), wan("200"), Decimal("105.26"))
    assert result.findings == ()  # the 类 rows' rates do not "add up" to the 合计's


def test__budget_tables__the_national_income_table_with_拨款_headings_and_a_carryover_column():
    """部门收入总表: 一般公共预算拨款收入 / 政府性基金预算拨款收入 columns are the sources; 财政专户管理
    资金收入 and 单位资金收入 小计 have no item; its 合计 counts 上年结转, so it is not the 本年收入合计
    and is left unread rather than loaded as income_total."""
    result = process_report(REPORT.with_name("composed_budget_income_table.txt"))
    amounts = {i.item: i.amount_yuan for i in result.summary_items}
    assert amounts == {
        "carryover_beginning": wan("50"),
        "income_general_public_budget": wan("1000"),
        "income_government_fund": wan("100"),
        "income_business": wan("150"),
        "income_other": wan("50"),
    }


def test__budget_tables__headings_by_year_and_a_change_column_group():
    """"2023年执行数 | 2024年预算数 (小计 | 基本支出 | 项目支出) | 2024年预算数比2023年执行数增减 (金额 | %)"
    in a 2024 report: the prior year's figure, the amount with its parts, the change and its per
    cent; the change's 金额 is never the amount."""
    result = process_report(REPORT.with_name("composed_budget_tables_by_year.txt"))
    found = {
        f.class_code: (f.amount_yuan, f.basic_yuan, f.project_yuan, f.prior_year_yuan, f.prior_year_change_yuan, f.prior_year_change_pct)
        for f in result.expenditure_by_function
    }
    assert found["2050205"] == (wan("1000"), wan("600"), wan("400"), wan("950"), wan("50"), Decimal("5.26"))
    amounts = {i.item: (i.amount_yuan, i.prior_year_yuan) for i in result.summary_items}
    assert amounts["general_budget_expense"] == (wan("1000"), wan("950"))
    assert result.findings == ()


def test__budget_tables__a_三公_table_whose_total_column_is_headed_三公经费合计():
    text = (
        "测试县测试局\n2024年部门预算\n“三公”经费支出预算表\n单位：万元\n"
        "“三公”经费合计\t因公出国（境）费\t公务用车购置及运行维护费\t其中：公务用车购置费\t其中：公务用车运行维护费\t公务接待费\n"
        "6.00\t0.00\t4.00\t0.00\t4.00\t2.00\n"
    )
    result = read_text(text)
    found = {t.category: t.amount_yuan for t in result.three_public}
    assert found == {
        "three_public_total": wan("6"),
        "outbound_travel": Decimal("0.00"),
        "official_vehicles": wan("4"),
        "vehicle_purchase": Decimal("0.00"),
        "vehicle_operation": wan("4"),
        "official_reception": wan("2"),
    }


def test__budget_tables__a_三公_table_with_the_categories_in_rows_and_funds_in_columns():
    """"项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算" over rows “三公”经费, （一）因公出国
    （境）支出, … 1.公务用车购置 …: each row's 合计 is its category's figure (the fund columns are
    its split), and the narrative beside it states the same figures (one fact, both evidences)."""
    result = process_report(REPORT.with_name("composed_three_public_by_rows.txt"))
    found = {t.category: (t.amount_yuan, t.evidence.text.split("…")[0].strip()) for t in result.three_public}
    assert {category: amount for category, (amount, _) in found.items()} == {
        "three_public_total": wan("29"),
        "outbound_travel": Decimal("0.00"),
        "official_vehicles": wan("28"),
        "vehicle_purchase": Decimal("0.00"),
        "vehicle_operation": wan("28"),
        "official_reception": wan("1"),
    }
    assert found["vehicle_purchase"][1].startswith("1.公务用车购置")
    assert result.findings == ()
