"""Shapes that reports of other regions print (county and township 部门决算, budgets of other
provinces, self-evaluation reports), composed here with figures of our own: each test names the
shape and what a reader must take from it, or must not."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.composed import read_text

WAN = Decimal(10000)


SELF_EVALUATION = "湘源县农业农村局\n2023年度项目支出绩效自评报告\n"


def projects(body: str) -> dict[str, tuple]:
    report = read_text(SELF_EVALUATION + body)
    return {p.project: (p.budget_yuan, p.executed_yuan, p.completion_pct) for p in report.project_performance}


def test__projects__figures_in_the_next_sentence_belong_to_the_project_it_names():
    text = "动物防疫补助项目绩效目标全部完成，自评得分98分。高标准农田建设管护经费项目全年预算数为72万元，执行数为68.4万元，完成预算的95%。\n"
    assert projects(text) == {"高标准农田建设管护经费": (72 * WAN, Decimal("68.4") * WAN, Decimal(95))}


def test__projects__the_template_sentence_after_its_heading_sentence_still_reads():
    text = "（1）人代会经费项目绩效目标完成情况综述。项目全年预算数28.4万元，执行数为27.49万元，完成预算的97%。\n"
    assert projects(text) == {"人代会经费": (Decimal("28.4") * WAN, Decimal("27.49") * WAN, Decimal(97))}


def test__projects__opening_budget_then_full_year_budget_and_execution_rate():
    text = "高标准农田建设管护经费项目年初预算数60万元，全年预算数72万元，全年执行数68.4万元，执行率95%，自评得分95.5分。\n"
    assert projects(text) == {"高标准农田建设管护经费": (72 * WAN, Decimal("68.4") * WAN, Decimal(95))}


def test__projects__figures_said_of_another_year_are_not_the_reports():
    text = "动物防疫补助项目绩效目标全部完成，该项目2022年全年预算数为40万元，执行数为38万元，完成预算的95%。\n"
    assert projects(text) == {}


def test__projects__all_projects_together_are_no_project():
    text = (
        "全年各项目绩效目标基本完成，全年预算数为238万元，执行数为230.5万元，完成预算的96.85%。\n"
        "2023年度部门项目绩效目标基本完成，全年预算数为238万元，执行数为230.5万元，完成预算的96.85%。\n"
    )
    assert projects(text) == {}


def test__projects__a_sections_spending_of_the_reports_year():
    text = "（二）动物防疫补助\n1.项目支出预算执行情况。\n2022年项目资金支出合计35万元，2023年项目资金支出合计38万元。\n"
    assert projects(text) == {"动物防疫补助": (None, 38 * WAN, None)}


BUDGET = "来宾市兴宾区文化广电体育和旅游局2025年部门预算公开说明\n"


def summary(body: str, title: str = BUDGET) -> dict[str, Decimal | None]:
    return {item.item: item.amount_yuan for item in read_text(title + body).summary_items}


def items_of(report) -> dict[str, Decimal | None]:
    return {item.item: item.amount_yuan for item in report.summary_items}


def three_of(report) -> dict[str, Decimal | None]:
    return {figure.category: figure.amount_yuan for figure in report.three_public}


def classes(body: str, title: str = BUDGET) -> dict[tuple[str, str], Decimal | None]:
    return {(f.fund_scope, f.class_code): f.amount_yuan for f in read_text(title + body).expenditure_by_function}


def test__classes__a_sentence_that_breaks_the_whole_spending_down_is_all_funds():
    text = "一、部门收支总体情况\n2025年本部门支出预算4326800元，其中：文化旅游体育与传媒支出2990000元，其他支出500000元。\n"
    assert classes(text) == {("all", "207"): Decimal(2990000), ("all", "229"): Decimal(500000)}


def test__classes__a_share_of_the_whole_spending_is_all_funds():
    text = "一、部门收支总体情况\n（一）文化旅游体育与传媒支出类科目2990000元，占支出总预算69.10%。\n"
    assert classes(text) == {("all", "207"): Decimal(2990000)}


def test__classes__a_general_budget_breakdown_keeps_its_section_scope():
    text = "四、一般公共预算支出情况\n2025年一般公共预算支出3706800元，其中：文化旅游体育与传媒支出2870000元。\n"
    assert classes(text) == {("general_budget", "207"): Decimal(2870000)}


def test__summary__an_economic_class_budget_is_not_the_reports_spending():
    text = (
        "一、一般公共预算支出情况说明\n2025年本年一般公共预算支出3706800元。\n"
        "1.基本支出预算3176800元，占一般公共预算支出的85.70%。其中：工资福利支出预算2836800元，占基本支出预算89.30%。\n"
        "2.项目支出530000元，占一般公共预算支出的14.30%。\n"
    )
    assert summary(text) == {
        "general_budget_expense": Decimal(3706800),
        "general_budget_basic": Decimal(3176800),
        "general_budget_project": Decimal(530000),
    }


def test__summary__general_budget_appropriation_parts_without_cai_zheng():
    text = "四、一般公共预算拨款支出预算\n2025年一般公共预算拨款基本支出1,218.36万元，一般公共预算拨款项目支出1,200.00万元。\n"
    assert summary(text) == {"general_budget_basic": Decimal("1218.36") * WAN, "general_budget_project": 1200 * WAN}


def test__summary__a_bare_general_budget_appropriation_may_be_income_and_is_not_read():
    text = (
        "一、收支总体情况\n本年收入中：一般公共预算财政拨款8,645.23万元。\n"
        "三、绩效目标设置情况\n2026年本部门共12个项目实行绩效目标管理，涉及一般公共预算财政拨款7,620.00万元。\n"
    )
    assert summary(text) == {}


def test__summary__services_bought_by_the_government_are_procurement_only_in_a_procurement_sentence():
    assert summary("一、其他重要事项情况说明\n2026年本部门政府购买服务预算720.00万元。\n") == {}
    bought = summary("一、其他重要事项情况说明\n2022年，安排政府采购预算1.38万元，其中，政府采购货物预算1.38万元；政府购买服务预算0万元。\n")
    assert bought["procurement_services"] == Decimal("0.00")


def test__summary__income_broken_down_into_the_years_and_last_years_is_the_total():
    text = "一、收支预算总体情况\n2025年本部门收入预算10,315.23万元，其中：本年收入9,965.23万元，上年结转350.00万元。\n"
    assert summary(text) == {"total_income_and_expense": Decimal("10315.23") * WAN, "carryover_beginning": 350 * WAN}


def test__fiscal_table__rows_under_last_years_carryover_are_its_parts():
    text = (
        "表4\n北京市通州区民政局2026年财政拨款收支总表\n单位：元\n"
        "收入\t收入\t支出\t支出\t支出\n"
        "项目\t预算数\t项目\t合计\t一般公共预算财政拨款\n"
        "一、本年收入\t8,645,230.00\t一、本年支出\t8,995,230.00\t8,995,230.00\n"
        "（一）一般公共预算财政拨款\t8,645,230.00\t（一）社会保障和就业支出\t8,995,230.00\t8,995,230.00\n"
        "二、上年结转\t350,000.00\t\t\t\n"
        "（一）一般公共预算财政拨款\t350,000.00\t\t\t\n"
        "收入总计\t8,995,230.00\t支出总计\t8,995,230.00\t8,995,230.00\n"
    )
    report = read_text("北京市通州区民政局2026年部门预算\n" + text)
    items = {item.item: item.amount_yuan for item in report.summary_items}
    assert items["fiscal_total"] == Decimal("8995230.00")
    assert "income_general_public_budget" not in items or items["income_general_public_budget"] == Decimal("8645230.00")
    assert not [f for f in report.findings if f.rule == "table_figures_disagree"]


def test__summary__a_figure_of_another_year_or_the_base_of_a_comparison_is_not_the_reports():
    text = (
        "一、部门收支总体情况\n2023年收入预算总计432.68万元。"
        "2025年收支总预算452.68万元，比2024年收支总预算432.68万元增加20.00万元。\n"
    )
    report = read_text(BUDGET + text)
    [total] = report.summary_items
    assert (total.item, total.amount_yuan, total.prior_year_change_yuan) == ("total_income_and_expense", Decimal("452.68") * WAN, 20 * WAN)


def test__summary__a_change_on_the_project_spending_of_the_prior_year_is_its_change():
    report = read_text("湘源县农业农村局\n2023年度部门决算\n2023年度项目支出较2022年项目支出398.60万元增加43.30万元，增长10.86%。\n")
    [project] = report.summary_items
    assert (project.item, project.amount_yuan, project.prior_year_change_yuan) == ("expense_project", None, Decimal("43.30") * WAN)


THREE_PUBLIC_FINAL = '安平县青石镇人民政府2023年度一般公共预算财政拨款"三公"经费支出决算情况说明\n'


def three_public(body: str, title: str = THREE_PUBLIC_FINAL) -> dict[str, tuple]:
    report = read_text(title + body)
    return {f.category: (f.amount_yuan, f.budget_yuan, f.prior_year_change_yuan) for f in report.three_public}


def test__three_public__a_change_on_the_years_budget_or_an_older_year_is_no_change_on_the_prior_year():
    assert three_public("2023年度“三公”经费支出决算数为12.87万元，比2023年预算减少2.73万元。\n") == {
        "three_public_total": (Decimal("12.87") * WAN, None, None)
    }
    assert three_public("2023年度“三公”经费支出决算数为12.87万元，比2021年减少3.05万元。\n") == {
        "three_public_total": (Decimal("12.87") * WAN, None, None)
    }
    assert three_public("2023年度“三公”经费支出决算数为12.87万元，比2022年减少3.05万元。\n") == {
        "three_public_total": (Decimal("12.87") * WAN, None, Decimal("-3.05") * WAN)
    }


def test__three_public__last_years_final_figure_in_a_budget_disclosure_is_not_read():
    title = "临河县石桥乡人民政府2024年“三公”经费预算情况说明\n"
    text = "2024年石桥乡“三公”经费预算为9.2万元，其中公务接待费3.2万元。2023年石桥乡公务用车运行费决算数为6.2万元。\n"
    assert three_public(text, title) == {
        "three_public_total": (Decimal("9.2") * WAN, None, None),
        "official_reception": (Decimal("3.2") * WAN, None, None),
    }


def test__three_public__a_budget_disclosure_beside_last_years_final_table_stays_a_budget():
    text = (
        "临河县石桥乡人民政府2024年“三公”经费预算情况说明\n"
        "2024年石桥乡“三公”经费预算为9.2万元。\n"
        "2023年石桥乡“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t10.50\t9.80\n公务接待费\t4.00\t3.60\n"
    )
    report = read_text(text)
    assert (report.document.fiscal_year, report.document.phase) == (2024, "budget")
    assert three_of(report) == {"three_public_total": Decimal("9.2") * WAN}


def test__three_public__a_title_with_this_years_budget_and_last_years_final_is_this_years_budget():
    text = (
        "北岭县白沙镇人民政府2024年“三公”经费预算及2023年“三公”经费决算情况公开\n"
        "一、2024年“三公”经费预算安排情况\n"
        "2024年度“三公”经费预算总计14.6万元，其中：因公出国（境）经费0万元，公务接待费6.1万元，公务用车运行费用8.5万元。\n"
        "二、2023年“三公”经费决算情况\n"
        "2023年度“三公”经费合计支出13.95万元。国内公务接待38批次，302人次；公务用车保有量3辆。\n"
    )
    report = read_text(text)
    assert (report.document.fiscal_year, report.document.phase) == (2024, "budget")
    assert {f.category: (f.amount_yuan, f.batches) for f in report.three_public} == {
        "three_public_total": (Decimal("14.6") * WAN, None),
        "outbound_travel": (Decimal("0.00"), None),
        "official_reception": (Decimal("6.1") * WAN, None),
        "vehicle_operation": (Decimal("8.5") * WAN, None),
    }


def test__classes__a_lei_marked_by_its_word_is_found_without_its_zhichu():
    text = (
        "测试县中心小学\n2023年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "教育（类）支出841.41万元，占80.00%；农林水（类）支出340.60万元，占20.00%。\n"
    )
    assert {f.class_code: f.amount_yuan for f in read_text(text).expenditure_by_function} == {
        "205": Decimal("841.41") * WAN,
        "213": Decimal("340.60") * WAN,
    }


def test__classes__a_lei_followed_by_its_kuan_and_xiang_states_the_xiang_only():
    text = (
        "衡阳市石鼓区住房和城乡建设局2024年部门预算说明\n四、一般公共预算拨款支出预算\n住房保障支出110.00万元。\n"
        "住房保障支出（类）住房改革支出（款）住房公积金（项）2024年预算数110.00万元，比上年增加30.00万元。\n"
    )
    rows = {f.class_code: (f.amount_yuan, f.prior_year_change_yuan) for f in read_text(text).expenditure_by_function}
    assert rows == {"221": (110 * WAN, None), "2210201": (110 * WAN, 30 * WAN)}


def test__class_table__code_columns_named_on_the_column_number_row():
    text = (
        "梓溪县龙泉镇中心小学校2022年度部门决算\n支出决算表\n公开03表\n部门：梓溪县龙泉镇中心小学校\t\t\t\t\t\t金额单位：万元\n"
        "项目\t项目\t项目\t项目\t本年支出合计\t基本支出\t项目支出\n"
        "功能分类科目编码\t功能分类科目编码\t功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
        "类\t款\t项\t栏次\t1\t2\t3\n"
        "合计\t合计\t合计\t合计\t846.21\t760.01\t86.20\n"
        "205\t\t\t教育支出\t846.21\t760.01\t86.20\n"
        "\t02\t\t普通教育\t846.21\t760.01\t86.20\n"
        "\t\t02\t小学教育\t846.21\t760.01\t86.20\n"
    )
    rows = {f.class_code: (f.amount_yuan, f.basic_yuan, f.project_yuan) for f in read_text(text).expenditure_by_function}
    figures = (Decimal("846.21") * WAN, Decimal("760.01") * WAN, Decimal("86.20") * WAN)
    assert rows == {"205": figures, "20502": figures, "2050202": figures}


def test__income_expense_table_titled_without_zong_is_the_summary_table():
    text = (
        "碧云县新寨乡人民政府2023年度部门决算\n收入支出决算表\n单位：万元\n"
        "收入\t收入\t支出\t支出\n项目\t金额\t项目\t金额\n"
        "一、一般公共预算财政拨款收入\t1,286.45\t一、一般公共服务支出\t1,238.20\n"
        "本年收入合计\t1,286.45\t本年支出合计\t1,238.20\n"
        "年初结转和结余\t45.20\t年末结转和结余\t93.45\n"
        "总计\t1,331.65\t总计\t1,331.65\n"
    )
    items = {i.item: i.amount_yuan for i in read_text(text).summary_items}
    assert items["expense_total"] == Decimal("1238.20") * WAN and items["total_income_and_expense"] == Decimal("1331.65") * WAN


def test__three_public_table__categories_in_rows_with_budget_and_final_columns():
    text = (
        "碧云县新寨乡人民政府2023年度部门决算\n财政拨款“三公”经费、行政参公单位机关运行经费情况表\n\t金额单位：万元\n"
        "项目\t预算数\t决算数\n栏次\t1\t2\n"
        "一、“三公”经费支出\t14.00\t11.15\n（一）因公出国（境）费\t0.00\t0.00\n"
        "（二）公务用车购置及运行维护费\t8.00\t6.80\n（三）公务接待费\t6.00\t4.35\n"
        "二、行政参公单位机关运行经费\t\t85.20\n"
    )
    assert {f.category: (f.amount_yuan, f.budget_yuan) for f in read_text(text).three_public} == {
        "three_public_total": (Decimal("11.15") * WAN, 14 * WAN),
        "outbound_travel": (Decimal("0.00"), Decimal("0.00")),
        "official_vehicles": (Decimal("6.80") * WAN, 8 * WAN),
        "official_reception": (Decimal("4.35") * WAN, 6 * WAN),
    }


def test__three_public_table__categories_in_rows_with_the_years_as_columns():
    text = (
        BUDGET + "表7\n一般公共预算“三公”经费支出表\n单位：元\n"
        "项目\t2025年预算数\t2024年预算数\t增减金额\t增减幅度\n"
        "合计\t60,000.00\t70,000.00\t-10,000.00\t-14.29%\n"
        "因公出国（境）费\t0.00\t0.00\t0.00\t0.00%\n"
        "公务用车购置及运行维护费\t35,000.00\t40,000.00\t-5,000.00\t-12.50%\n"
        "公务接待费\t25,000.00\t30,000.00\t-5,000.00\t-16.67%\n"
    )
    rows = {f.category: (f.amount_yuan, f.prior_year_yuan, f.prior_year_change_yuan, f.prior_year_change_pct) for f in read_text(text).three_public}
    assert rows["three_public_total"] == (Decimal("60000.00"), Decimal("70000.00"), Decimal("-10000.00"), Decimal("-14.29"))
    assert rows["official_vehicles"] == (Decimal("35000.00"), Decimal("40000.00"), Decimal("-5000.00"), Decimal("-12.50"))
    assert set(rows) == {"three_public_total", "outbound_travel", "official_vehicles", "official_reception"}


def test__three_public_disclosure__a_table_with_the_years_as_columns():
    text = (
        THREE_PUBLIC_FINAL + "单位：万元\n项目\t2023年预算数\t2023年决算数\t2022年决算数\t决算比上年增减\n"
        "合计\t15.60\t12.87\t14.10\t-1.23\n公务接待费\t6.60\t4.92\t5.80\t-0.88\n"
    )
    rows = {f.category: (f.amount_yuan, f.budget_yuan, f.prior_year_yuan) for f in read_text(text).three_public}
    assert rows == {
        "three_public_total": (Decimal("12.87") * WAN, Decimal("15.60") * WAN, Decimal("14.10") * WAN),
        "official_reception": (Decimal("4.92") * WAN, Decimal("6.60") * WAN, Decimal("5.80") * WAN),
    }


def test__self_evaluation_form__a_total_smaller_than_one_of_its_parts_is_not_loaded():
    text = (
        "池源县棠西镇人民政府\n2023年度项目支出绩效自评报告\n项目支出绩效自评表\n（2023年度）\n"
        "项目名称\t村级规划编制委托业务\n"
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额：\t0\t0\t0\t10\t0\t0\n"
        "\t其中：本年财政拨款\t60\t58.5\t57.9\t—\t—\t—\n"
        "\t上年结转资金\n\t其他资金\n"
    )
    report = read_text(text)
    [project] = report.project_performance
    assert (project.budget_yuan, project.executed_yuan, project.completion_pct) == (None, None, None)
    assert {f.rule for f in report.findings} >= {"sum_mismatch"}


def test__completion_of_a_budget_named_on_the_way_cars_held_and_procurement_by_kind():
    text = (
        "碧云县新寨乡人民政府2023年度部门决算\n四、财政拨款“三公”经费支出决算情况说明\n"
        "2023年度“三公”经费财政拨款支出决算为18.36万元，完成预算25万元的73.44%。截至2023年12月31日，公务用车保有量2辆。\n"
        "五、政府采购支出情况\n2023年度政府采购支出总额26.00万元，其中：货物类采购6.00万元；工程类采购0元；服务类采购20.00万元。\n"
    )
    report = read_text(text)
    three = {f.category: (f.amount_yuan, f.budget_yuan, f.completion_pct, f.vehicles) for f in report.three_public}
    assert three == {
        "three_public_total": (Decimal("18.36") * WAN, 25 * WAN, Decimal("73.44"), None),
        "official_vehicles": (None, None, None, 2),
    }
    items = items_of(report)
    assert items == {
        "procurement_total": 26 * WAN, "procurement_goods": 6 * WAN, "procurement_works": Decimal("0.00"), "procurement_services": 20 * WAN,
    }


def test__classes__kuan_and_xiang_listed_after_their_lei_sentence():
    text = (
        "北京市通州区民政局2026年部门预算\n四、一般公共预算财政拨款支出预算情况\n"
        "（一）社会保障和就业支出（类）8,810.00万元，占97.94%。其中：民政管理事务（款）行政运行（项）980.00万元，"
        "主要用于机关正常运转；行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）210.00万元。\n"
    )
    rows = {f.class_code: f.amount_yuan for f in read_text(text).expenditure_by_function}
    assert rows == {"208": Decimal("8810.00") * WAN, "2080505": 210 * WAN, None: 980 * WAN}


def test__class_table__income_and_spending_by_class_reads_the_years_spending_only():
    text = (
        "碧云县新寨乡人民政府2023年度部门决算\n一般公共预算财政拨款收入支出决算表\n公开05表\n"
        "部门：碧云县新寨乡人民政府\t\t\t\t\t\t\t\t\t金额单位：万元\n"
        "项目\t项目\t年初结转和结余\t本年收入\t本年支出\t本年支出\t本年支出\t年末结转和结余\t年末结转和结余\t年末结转和结余\n"
        "科目编码\t科目名称\t年初结转和结余\t本年收入\t小计\t基本支出\t项目支出\t小计\t基本支出结转\t项目支出结转和结余\n"
        "栏次\t栏次\t1\t2\t3\t4\t5\t6\t7\t8\n"
        "合计\t合计\t45.20\t610.00\t600.00\t570.20\t29.80\t55.20\t\t55.20\n"
        "201\t一般公共服务支出\t45.20\t610.00\t600.00\t570.20\t29.80\t55.20\t\t55.20\n"
        "20103\t政府办公厅（室）及相关机构事务\t45.20\t610.00\t600.00\t570.20\t29.80\t55.20\t\t55.20\n"
    )
    report = read_text(text)
    rows = {f.class_code: (f.amount_yuan, f.basic_yuan, f.project_yuan) for f in report.expenditure_by_function}
    figures = (600 * WAN, Decimal("570.20") * WAN, Decimal("29.80") * WAN)
    assert rows == {"201": figures, "20103": figures}
    items = items_of(report)
    assert items["general_budget_expense"] == 600 * WAN and items["general_budget_basic"] == Decimal("570.20") * WAN


def test__classes__a_lei_sentence_names_the_lei_of_its_own_paragraph_only():
    text = (
        "北京市通州区民政局2026年部门预算\n四、一般公共预算财政拨款支出预算情况\n"
        "（二）卫生健康支出（类）80.00万元，占0.89%。\n"
        "住房改革支出（款）住房公积金（项）105.23万元。\n"
    )
    rows = {(f.class_name, f.kuan_name) for f in read_text(text).expenditure_by_function}
    assert ("卫生健康支出", "住房改革支出") not in rows


FINAL_JS = "溧阳市司法局2023年度部门决算公开\n"


def test__table_title__numbered_with_a_chinese_numeral_before_yi_ban():
    text = (
        FINAL_JS + "表五 一般公共预算财政拨款支出决算表\n编制单位：溧阳市司法局                    单位：元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n204\t公共安全支出\t10,438,500.00\t7,203,000.00\t3,235,500.00\n"
    )
    [row] = read_text(text).expenditure_by_function
    assert (row.class_code, row.fund_scope, row.amount_yuan) == ("204", "general_budget", Decimal("10438500.00"))


def test__summary__the_fiscal_total_in_its_final_wordings_with_its_change():
    text = (
        FINAL_JS + "四、财政拨款收入支出决算总体情况说明\n"
        "2023年度财政拨款收入总计1,286.45万元，支出总计1,286.45万元。与2022年度相比，财政拨款收入、支出总计各减少30.10万元，下降2.29%。\n"
        "财政拨款收入支出决算总计1,286.45万元。\n"
    )
    [item] = read_text(text).summary_items
    assert (item.item, item.amount_yuan, item.prior_year_change_yuan) == ("fiscal_total", Decimal("1286.45") * WAN, Decimal("-30.10") * WAN)


def test__classes__listed_after_the_whole_spending_total_are_all_funds():
    text = (
        "江苏省测试中心2021年度部门决算\n一、收入支出决算总体情况说明\n（一）收入总计1,862.45万元。包括：\n1.财政拨款收入1,602.18万元。\n"
        "（二）支出总计1,862.45万元。包括：\n1.农林水（类）支出1,482.45万元，主要用于单位事业运行。\n"
    )
    [row] = read_text(text).expenditure_by_function
    assert (row.class_code, row.fund_scope) == ("213", "all")


def test__document__a_date_the_text_is_about_is_no_publication_date():
    assert read_text(FINAL_JS + "截至2023年12月31日，公务用车保有量为3辆。\n").document.published_on is None


def test__three_public__foreign_reception_included_in_the_domestic_is_no_sum_mismatch():
    text = (
        "上海市测试局\n2023年度部门决算\n七、“三公”经费财政拨款支出决算情况说明\n"
        "2023年度公务接待费支出决算为1.96万元。国内公务接待支出1.96万元（含外宾接待支出0.45万元）。\n"
    )
    assert not [f for f in read_text(text).findings if f.rule == "sum_mismatch"]


def test__summary__procurement_in_the_2024_template_wording_and_no_reserved_amount_in_a_final_report():
    text = (
        "上海市测试局\n2022年度部门决算\n九、政府采购支出情况说明\n"
        "2022年度政府采购金额（以合同签订为准）为1,268.40万元，其中：货物采购金额36.20万元、工程采购金额142.80万元、服务采购金额1,089.40万元。"
        "面向中小企业预留政府采购项目预算金额1,050.00万元。\n"
    )
    assert summary(text, "") == {
        "procurement_total": Decimal("1268.40") * WAN, "procurement_goods": Decimal("36.20") * WAN,
        "procurement_works": Decimal("142.80") * WAN, "procurement_services": Decimal("1089.40") * WAN,
    }


def test__summary__operating_cost_of_the_general_budget_appropriation():
    text = FINAL_JS + "八、机关运行经费支出情况\n本部门2023年度一般公共预算财政拨款机关运行经费支出140.15万元，比上年增加6.15万元，增长4.59%。\n"
    report = read_text(text)
    [item] = report.summary_items
    assert (item.item, item.amount_yuan, item.prior_year_change_yuan) == ("operating_cost", Decimal("140.15") * WAN, Decimal("6.15") * WAN)


def test__classes__kuan_and_xiang_under_a_lei_named_on_its_own_line():
    text = (
        "江苏省测试中心2021年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
        "1.社会保障和就业支出（类）\n"
        "（1）行政事业单位养老支出（款）事业单位离退休（项）。年初预算为40.00万元，支出决算为38.50万元，完成年初预算的96.25%。\n"
    )
    [row] = read_text(text).expenditure_by_function
    assert (row.class_code, row.amount_yuan, row.budget_yuan, row.completion_pct) == ("2080502", Decimal("38.50") * WAN, 40 * WAN, Decimal("96.25"))


def test__three_public__each_part_of_a_prior_year_breakdown_keeps_its_change():
    text = (
        "上海市测试局\n2022年度部门决算\n七、“三公”经费财政拨款支出决算情况说明\n"
        "2022年度“三公”经费财政拨款支出决算数为18.86万元，比2021年度增加1.72万元，增长10.03%，"
        "其中：因公出国（境）费支出决算增加0.50万元，增长100%；公务接待费支出决算增加1.22万元，增长29.11%。\n"
    )
    assert three_public(text, "") == {
        "three_public_total": (Decimal("18.86") * WAN, None, Decimal("1.72") * WAN),
        "outbound_travel": (None, None, Decimal("0.50") * WAN),
        "official_reception": (None, None, Decimal("1.22") * WAN),
    }
    on_budget = text.replace("比2021年度增加1.72万元", "比年初预算增加1.72万元")
    assert all(change is None for *_, change in three_public(on_budget, "").values())


def test__summary__fiscal_spending_is_the_general_budgets_when_the_report_has_no_other_funds():
    text = (
        "江苏省测试中心2021年度部门决算\n二、收入决算情况说明\n本年收入合计1,790.30万元，其中：财政拨款收入1,610.30万元，占89.95%。"
        "本单位无政府性基金预算财政拨款收入和国有资本经营预算财政拨款收入。\n"
        "五、一般公共预算财政拨款支出决算情况说明\n2021年度财政拨款支出1,610.30万元，占本年支出合计的89.95%。"
        "与上年相比，财政拨款支出增加95.10万元，增长6.28%。\n"
    )
    items = {i.item: (i.amount_yuan, i.prior_year_change_yuan) for i in read_text(text).summary_items}
    assert items["general_budget_expense"] == (Decimal("1610.30") * WAN, Decimal("95.10") * WAN)
    with_funds = text.replace("本单位无政府性基金预算财政拨款收入和国有资本经营预算财政拨款收入。", "政府性基金预算财政拨款收入20.00万元。")
    assert "general_budget_expense" not in {i.item for i in read_text(with_funds).summary_items}


def test__three_public__what_follows_a_parenthesis_of_other_labels_is_the_outer_labels():
    text = (
        "上海市测试局\n2023年度部门决算\n七、“三公”经费财政拨款支出决算情况说明\n"
        "2023年度公务接待费支出决算为1.96万元。国内公务接待支出1.96万元（含外宾接待支出0.45万元），共接待15批次、118人次。\n"
    )
    rows = {f.category: (f.amount_yuan, f.batches, f.persons) for f in read_text(text).three_public}
    assert rows["reception_domestic"] == (Decimal("1.96") * WAN, 15, 118)
    assert rows["reception_foreign"] == (Decimal("0.45") * WAN, None, None)


TARGETS = "上海市虹口区文化和旅游局\n2024年部门预算\n第一部分 部门概况\n负责全区文化工作。\n"


def project_rows(text: str) -> tuple[dict, list]:
    report = read_text(TARGETS + text)
    projects = {p.project: p.budget_yuan for p in report.project_performance}
    indicators = [(i.project, i.level3, i.target) for i in report.performance_indicators]
    return projects, indicators


def test__targets_form__funds_printed_after_the_indicators_are_the_projects_funds():
    text = (
        "上海市虹口区文化和旅游局2024年项目绩效目标表\n单位：元\n"
        "项目名称\t乙项目\n主管部门\t上海市虹口区文化和旅游局\t实施单位\t上海市虹口区文化馆\n年度绩效目标\t目标。\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t次数\t≥36次\n"
        "项目资金（元）\t年度资金总额\t其中：财政拨款\t其他资金\n\t200,000.00\t200,000.00\t0\n"
    )
    assert project_rows(text) == ({"乙项目": Decimal("200000.00")}, [("乙项目", "次数", "≥36次")])


def test__targets_form__a_table_of_another_year_after_the_reports_is_not_loaded():
    text = (
        "上海市虹口区文化和旅游局2024年项目绩效目标表\n单位：元\n项目名称\t甲项目\n项目资金\t年度资金总额\t120,000.00\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t场次\t≥360场\n\n"
        "上海市虹口区文化和旅游局2023年项目绩效目标表\n单位：元\n项目名称\t乙项目\n项目资金\t年度资金总额\t50,000.00\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t次数\t≥36次\n"
    )
    projects, indicators = project_rows(text)
    assert projects == {"甲项目": Decimal("120000.00")} and [i[0] for i in indicators] == ["甲项目"]


def test__targets_form__quotes_inside_a_name_are_kept():
    text = "项目绩效目标表\n单位：元\n项目名称\t“长者食堂”运营补贴\n项目资金\t年度资金总额\t50,000.00\n"
    assert project_rows(text)[0] == {"“长者食堂”运营补贴": Decimal("50000.00")}


def test__indicator_values__thousands_separators_costs_per_unit_and_other_units():
    from extract.indicators import parse_indicator_value

    assert parse_indicator_value("≥1,200人") == (Decimal(1200), "人", ">=")
    assert parse_indicator_value("≤3000元/场") == (Decimal(3000), "元/场", "<=")
    assert parse_indicator_value("≥1.5万人次") == (Decimal("1.5"), "万人次", ">=")
    assert parse_indicator_value("不超过10个工作日") == (Decimal(10), "个工作日", "<=")
    assert parse_indicator_value("≧95%") == (Decimal(95), "%", ">=")
    assert parse_indicator_value("1,2,3") == (None, None, None)


def test__targets_form__the_indicator_value_column_that_says_it_holds_numbers_and_words():
    text = (
        "项目绩效目标表\n单位：元\n项目名称\t甲项目\n项目资金\t年度资金总额\t120,000.00\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值（包含数字及文字描述）\n\t产出指标\t数量指标\t场次\t≥360场\n"
    )
    assert project_rows(text)[1] == [("甲项目", "场次", "≥360场")]


SHANGHAI_2021 = "预算主管部门：上海市长宁区测试街道办事处\n2021年部门预算编制说明\n财政拨款支出主要内容如下：\n"


def test__classes__a_class_word_inside_a_departments_name_is_no_class():
    text = (
        "上海市卫生健康委员会\n2024年部门预算\n四、部门预算编制说明\n"
        "2024年，上海市卫生健康委员会收入预算5,678.90万元。上海市科学技术委员会支出预算100.00万元。\n"
    )
    assert read_text(text).expenditure_by_function == ()


def test__classes__dashed_paths_give_each_xiang_its_change_and_never_their_lei_a_figure():
    text = SHANGHAI_2021 + (
        "1.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目2,850.00万元，比2020年预算增加120.00万元，主要用于机关运行。\n"
        "2.“城乡社区支出-城乡社区环境卫生-城乡社区环境卫生”科目4,600.00万元，主要用于道路保洁。\n"
        "3.“住房保障支出-住房改革支出”科目300.00万元，主要用于住房改革。\n"
    )
    rows = {f.class_code: (f.class_level, f.amount_yuan, f.prior_year_change_yuan) for f in read_text(text).expenditure_by_function}
    assert rows == {
        "2010301": ("项", 2850 * WAN, 120 * WAN),
        "2120501": ("项", 4600 * WAN, None),
        "22102": ("款", 300 * WAN, None),
    }


def test__classes__a_quoted_lei_kuan_xiang_path_before_kemu():
    text = SHANGHAI_2021 + "1.“教育支出（类）普通教育（款）小学教育（项）”科目16,400.00万元，主要用于公办小学。\n"
    [row] = read_text(text).expenditure_by_function
    assert (row.class_code, row.amount_yuan) == ("2050202", 16400 * WAN)


def test__summary__procurement_by_kind_in_the_older_shanghai_wording():
    text = "上海市测试局\n2018年部门预算\n八、政府采购预算情况\n2018年政府采购预算310.00万元，其中：货物类60.00万元，工程类0万元，服务类250.00万元。\n"
    assert summary(text, "") == {
        "procurement_total": 310 * WAN, "procurement_goods": 60 * WAN, "procurement_works": Decimal("0.00"), "procurement_services": 250 * WAN,
    }


def test__summary__a_government_funds_carryover_is_not_the_reports():
    text = (
        "上海市测试区中心医院\n2023年度单位决算\n三、支出决算情况说明\n2023年度本年支出合计33,030.00万元。年末结转和结余1,635.00万元。\n"
        "八、政府性基金预算财政拨款收入支出决算情况说明\n2023年度政府性基金预算财政拨款收入120.00万元，支出决算为100.00万元，年末结转和结余20.00万元。\n"
    )
    items = {i.item: i.amount_yuan for i in read_text(text).summary_items}
    assert items["carryover_ending"] == 1635 * WAN


def test__summary__a_carryover_listed_after_a_government_fund_item_is_the_reports():
    """Only a section's heading makes its items one fund's: a list item above does not."""
    text = (
        "江苏省测试办公厅\n2024年部门预算\n一、收支预算总体情况说明\n（一）收入预算总计1,200.00万元。包括：\n"
        "（1）一般公共预算收入预算1,150.00万元。\n（2）政府性基金收入预算0万元，与上年数一致。\n"
        "3.上年结转资金预算数为50.00万元，与上年相比增加10.00万元。\n"
    )
    assert summary(text, "")["carryover_beginning"] == 50 * WAN


def test__summary__special_account_money_is_business_income_only_where_no_business_income_is_printed():
    title = "江苏省测试中等专业学校\n2024年单位预算\n二、收入预算情况说明\n"
    both = title + "财政专户管理资金收入620.00万元，占8.92%；单位资金收入预算1,180.00万元，其中：事业收入600.00万元。\n"
    assert summary(both, "")["income_business"] == 600 * WAN
    assert "income_total" not in summary(both, "")
    alone = title + "财政专户管理资金收入620.00万元，占8.92%。\n"
    assert summary(alone, "")["income_business"] == 620 * WAN


def test__carryover_printed_as_shang_nian_jie_zhuan_jie_yu_and_the_fiscal_tables_ben_nian_rows():
    assert summary("江苏省测试中等专业学校\n2024年单位预算\n一、收支总体情况\n上年结转结余150.00万元。\n", "") == {"carryover_beginning": 150 * WAN}
    text = (
        "北京市通州区民政局2026年部门预算\n财政拨款收支总表\n单位：元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t合计\n"
        "一、本年收入\t100.00\t一、本年支出\t100.00\n（一）一般公共预算财政拨款\t100.00\t（一）社会保障和就业支出\t100.00\n"
        "收入总计\t100.00\t支出总计\t100.00\n"
    )
    assert not [f for f in read_text(text).findings if f.rule in ("function_class_unknown", "table_row_unmapped")]


def test__tables__a_table_by_unit_gives_its_total_row_only():
    """A 部门 of several 单位 may print its 收入 / 支出 tables by unit (单位代码 | 单位名称 | 合计 …):
    the 合计 row is the department's, each unit's row is not a figure of the report."""
    title = "湖南省测试局\n2023年度部门决算\n"
    income = (
        "收入决算表\n单位：万元\n"
        "单位代码\t单位名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入\n"
        "\t合计\t1,250.00\t1,000.00\t0.00\t200.00\t0.00\t0.00\t50.00\n"
        "001\t湖南省测试局机关\t1,000.00\t900.00\t0.00\t100.00\t0.00\t0.00\t0.00\n"
        "002\t湖南省测试研究所\t250.00\t100.00\t0.00\t100.00\t0.00\t0.00\t50.00\n"
    )
    expense = (
        "支出决算表\n单位：万元\n单位代码\t单位名称\t本年支出合计\t基本支出\t项目支出\n"
        "\t合计\t1,200.00\t800.00\t400.00\n001\t湖南省测试局机关\t950.00\t700.00\t250.00\n002\t湖南省测试研究所\t250.00\t100.00\t150.00\n"
    )
    items = summary(income + expense, title)
    assert items == {
        "income_total": 1250 * WAN, "income_superior_subsidy": Decimal("0.00"), "income_business": 200 * WAN,
        "income_operating": Decimal("0.00"), "income_affiliated": Decimal("0.00"), "income_other": 50 * WAN,
        "expense_total": 1200 * WAN, "expense_basic": 800 * WAN, "expense_project": 400 * WAN,
    }


def test__summary__basic_and_project_spending_of_one_fund_are_its_parts_not_the_reports():
    """The national template's "一般公共预算拨款支出…其中：基本支出…项目支出…" (under its section heading
    or in its own sentence) states that budget's parts; the report's own split is stated apart."""
    text = (
        "一、收支预算总体情况\n2024年本年支出合计1,260.00万元，其中：基本支出800.00万元，项目支出460.00万元。\n"
        "三、一般公共预算拨款支出预算情况\n2024年一般公共预算拨款支出预算1,000.00万元，比2023年预算减少80.00万元。"
        "其中：基本支出700.00万元，项目支出300.00万元。\n"
        "四、其他说明\n2024年财政拨款支出1,050.00万元，其中：基本支出710.00万元，项目支出340.00万元。\n"
    )
    items = summary(text, "黔南县水务局\n2024年部门预算\n")
    assert (items["expense_basic"], items["expense_project"]) == (800 * WAN, 460 * WAN)
    assert (items["general_budget_basic"], items["general_budget_project"]) == (700 * WAN, 300 * WAN)
    final = "六、一般公共预算财政拨款支出决算情况说明\n2023年度一般公共预算财政拨款支出1,550.60万元，其中：基本支出900.60万元，占58.1%；项目支出650.00万元，占41.9%。\n"
    items = summary(final, "襄北市农业农村局\n2023年度部门决算\n")
    assert "expense_basic" not in items and items["general_budget_basic"] == Decimal("9006000.00")


def test__summary__a_carryover_of_the_fiscal_money_is_not_the_reports():
    """"财政拨款收、支总计…，其中：年初结转和结余…" and a fund's own sentence state that money's carryover."""
    text = (
        "四、财政拨款收入支出决算总体情况说明\n2023年度财政拨款收、支总计1,700.60万元，其中：年初结转和结余100.00万元，"
        "本年收入1,600.60万元；本年支出1,650.60万元，年末结转和结余50.00万元。\n"
        "十、其他重要事项\n本部门2023年度政府性基金预算财政拨款收入15.00万元，支出15.00万元，年末结转和结余3.00万元。\n"
    )
    items = summary(text, "襄北市农业农村局\n2023年度部门决算\n")
    assert "carryover_beginning" not in items and "carryover_ending" not in items
    assert items["fiscal_total"] == Decimal("17006000.00")


def test__final__the_final_figure_after_the_years_budget_is_the_amount():
    """The national 决算 template: "…年初预算为12.00万元，支出决算为10.00万元，完成年初预算的83.3%"."""
    text = (
        "七、财政拨款“三公”经费支出决算情况说明\n2023年度“三公”经费财政拨款支出年初预算为12.00万元，支出决算为10.00万元，"
        "完成年初预算的83.3%，其中：公务用车购置及运行维护费支出年初预算为8.00万元，支出决算为7.00万元，完成年初预算的87.5%；"
        "公务接待费支出年初预算为4.00万元，支出决算为3.00万元，完成年初预算的75.0%。\n"
        "八、机关运行经费支出说明\n本部门2023年度机关运行经费年初预算为110.00万元，支出决算为100.00万元，完成年初预算的90.9%。\n"
    )
    report = read_text("襄北市农业农村局\n2023年度部门决算\n" + text)
    three = {f.category: (f.amount_yuan, f.budget_yuan) for f in report.three_public}
    assert three["three_public_total"] == (10 * WAN, 12 * WAN)
    assert three["official_vehicles"] == (7 * WAN, 8 * WAN) and three["official_reception"] == (3 * WAN, 4 * WAN)
    items = {i.item: (i.amount_yuan, i.budget_yuan) for i in report.summary_items}
    assert items["operating_cost"] == (100 * WAN, 110 * WAN)


def test__tables__the_national_templates_overall_tables_are_read():
    """部门收支总体情况表 / 部门收入总体情况表 / 部门支出总体情况表 (the national budget template's names)."""
    tables = (
        "部门收支总体情况表\n单位：万元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t340.00\t一、一般公共服务支出\t286.50\n\t\t二、社会保障和就业支出\t60.00\n"
        "本年收入合计\t340.00\t本年支出合计\t346.50\n上年结转结余\t6.50\t结转下年\t\n收入总计\t346.50\t支出总计\t346.50\n"
        "部门支出总体情况表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t346.50\t300.00\t46.50\n"
        "201\t一般公共服务支出\t286.50\t240.00\t46.50\n208\t社会保障和就业支出\t60.00\t60.00\t\n"
    )
    items = summary(tables, "赣州市章贡区统计局\n2024年部门预算\n")
    assert items["total_income_and_expense"] == Decimal("3465000.00") and items["carryover_beginning"] == Decimal("65000.00")
    assert (items["expense_basic"], items["expense_project"]) == (300 * WAN, Decimal("465000.00"))
    assert classes(tables, "赣州市章贡区统计局\n2024年部门预算\n")[("all", "201")] == Decimal("2865000.00")


def test__tables__more_headings_of_the_change_and_the_years():
    """增减率（%）, 上年数 | 本年数 | 增减变化, 比上年执行数增减: headings of other provinces' templates
    (one unread heading used to leave the whole table unread)."""
    title = "福建省测试厅\n2024年部门预算\n"
    table = (
        "一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t上年数\t本年数\t比上年执行数增减\t增减率（%）\n"
        "\t合计\t760.00\t780.00\t20.00\t2.63\n2070101\t行政运行\t385.00\t400.00\t15.00\t3.90\n"
        "2070199\t其他文化和旅游支出\t375.00\t380.00\t5.00\t1.33\n"
        "“三公”经费预算表\n单位：万元\n项目\t上年数\t本年数\t增减变化\n“三公”经费合计\t10.00\t8.00\t-2.00\n"
        "因公出国（境）费\t0.00\t0.00\t0.00\n公务用车购置及运行维护费\t6.00\t5.00\t-1.00\n公务接待费\t4.00\t3.00\t-1.00\n"
    )
    report = read_text(title + table)
    rows = {f.class_code: (f.amount_yuan, f.prior_year_yuan, f.prior_year_change_yuan, f.prior_year_change_pct) for f in report.expenditure_by_function}
    assert rows["2070101"] == (400 * WAN, 385 * WAN, 15 * WAN, Decimal("3.90"))
    three = {f.category: (f.amount_yuan, f.prior_year_yuan, f.prior_year_change_yuan) for f in report.three_public}
    assert three["three_public_total"] == (8 * WAN, 10 * WAN, -2 * WAN)


def test__summary__other_names_of_the_running_costs_and_of_the_general_budgets_spending():
    """机构运行经费 (Inner Mongolia), 机关（单位）运行经费 and 单位运行经费 (Ningxia counties) are the
    机关运行经费; "一般公共预算拨款支出780.00万元" is the 一般公共预算's spending."""
    title = "内蒙古自治区测试站\n2022年度部门决算\n"
    assert summary("2022年度本部门机构运行经费支出45.20万元，比2021年度减少3.10万元，下降6.4%。\n", title) == {"operating_cost": Decimal("452000.00")}
    assert summary("本部门2022年度机关（单位）运行经费支出35.00万元。\n", title) == {"operating_cost": 35 * WAN}
    assert summary("本单位2022年度单位运行经费支出18.00万元。\n", title) == {"operating_cost": 18 * WAN}
    assert summary("2022年一般公共预算拨款支出780.00万元，比上年增加20.00万元。\n", title) == {"general_budget_expense": 780 * WAN}


def test__summary__a_figure_said_of_the_year_before_is_not_the_reports():
    """"上年度“三公”经费支出27.00万元" in a 2023 决算 states 2022's figure; "与上年度相比" compares only."""
    text = (
        "2023年度“三公”经费支出24.00万元，上年度“三公”经费支出27.00万元，减少3.00万元。\n"
        "上年度机关运行经费支出52.00万元。本年度机关运行经费支出50.00万元，与上年度相比减少2.00万元。\n"
    )
    report = read_text("杭州市测试区城市管理局\n2023年度部门决算\n" + text)
    assert three_of(report) == {"three_public_total": 24 * WAN}
    assert {i.item: (i.amount_yuan, i.prior_year_change_yuan) for i in report.summary_items} == {"operating_cost": (50 * WAN, -2 * WAN)}


def projects_of(text: str) -> dict[str, tuple]:
    """Projects of a whole composed report (its own title)."""
    return {p.project: (p.budget_yuan, p.executed_yuan, p.completion_pct) for p in read_text(text).project_performance}


def test__projects__numbering_and_the_department_before_a_name_are_not_part_of_it():
    text = (
        "襄阳市测试区司法局\n2023年度部门决算\n十三、预算绩效情况说明\n"
        "（一）法律援助经费项目全年预算数为45万元，执行数为43.2万元，完成预算的96%。\n"
        "二是人民调解经费项目全年预算数为30万元，执行数为30万元，完成预算的100%。\n"
        "我局环卫保洁项目全年预算数为800万元，执行数为780万元，完成预算的97.5%。\n"
        "经自评，“数字城管”运维项目全年预算数为60万元，执行数为60万元，完成预算的100%。\n"
    )
    assert set(projects_of(text)) == {"法律援助经费", "人民调解经费", "环卫保洁", "数字城管运维"}
    assert projects_of(text)["法律援助经费"] == (45 * WAN, Decimal("432000.00"), Decimal("96"))


def test__projects__totals_sources_and_kinds_of_projects_are_no_projects():
    final = (
        "鹤壁市测试区农业农村局\n2023年度部门整体支出绩效自评报告\n"
        "本单位纳入绩效自评的项目全年预算数为820万元，执行数为790万元，完成预算的96.34%。\n"
        "共5个项目全年预算数为820万元，执行数为790万元。\n"
        "区级自有财力安排的项目全年预算数320万元，全年执行数310万元，执行率96.88%。\n"
        "上年结转项目全年预算数为40万元，执行数为38万元，完成预算的95%。\n"
    )
    assert projects_of(final) == {}
    budget = (
        "大连市测试区教育局\n2024年部门预算\n七、绩效目标设置情况\n"
        "2024年本部门编报绩效目标的项目共6个，涉及项目预算资金1,250.00万元。其中：财政拨款1,100.00万元，其他资金150.00万元。\n"
        "本部门实行绩效目标管理的项目4个，涉及项目资金共计860万元，其中，一般公共预算项目800万元、政府性基金项目60万元。\n"
        "涉及项目资金共计1,360万元，其中，新增项目400万元、延续项目960万元。\n"
    )
    report = read_text(budget)
    assert report.project_performance == () and "income_other" not in {i.item for i in report.summary_items}


def test__projects__a_final_reports_list_of_targeted_projects_gives_their_budgets():
    text = (
        "江门市测试区科学技术局\n2023年度部门决算\n三、预算绩效管理情况\n"
        "本部门2023年度对3个项目开展了绩效自评，涉及项目预算资金598.46万元。其中：科技创新券补助418.80万元，"
        "高新技术企业培育奖励166.66万元，科普宣传经费13.00万元。\n"
    )
    assert projects_of(text)["科技创新券补助"] == (Decimal("4188000.00"), None, None)


def test__projects__execution_in_a_budget_report_is_a_past_years():
    """A budget report is published before its year is spent: 执行数 / 得分 there look back."""
    text = (
        "洛阳市测试区民政局\n2024年部门预算\n七、其他重要事项的情况说明\n（四）上年度预算绩效管理情况\n"
        "困难群众救助项目全年预算数为320万元，执行数为310万元，完成预算的97%。\n"
        "上年度养老服务补贴项目全年预算数为126万元，执行数为120万元，完成预算的95%。\n"
        "2024年，本部门实行绩效目标管理的项目2个，涉及项目资金共计410万元，其中，困难群众救助项目330万元、养老服务补贴项目80万元。\n"
        "项目支出绩效自评表\n项目名称\t社区养老\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额\t120\t126\t120\t10\t95.24%\t9.5\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        "\t产出指标\t数量指标\t补贴人数\t≥500人\t512人\t90\t85.5\t\n"
    )
    report = read_text(text)
    assert projects_of(text) == {"困难群众救助": (330 * WAN, None, None), "养老服务补贴": (80 * WAN, None, None)}
    assert report.performance_indicators == ()
    assert "project_of_another_year" in {f.rule for f in report.findings}


def test__summary__a_change_joined_by_a_list_mark_and_the_totals_change_in_the_next_sentence():
    """Chongqing's 决算: "…减少180.00万元、下降5.6%"; "收入总计…，支出总计…。收支较上年决算数减少…"."""
    text = (
        "2022年度收入总计3,100.00万元，支出总计3,100.00万元。收支较上年决算数减少200.00万元、下降6.1%。\n"
        "2022年度收入合计3,050.00万元，较上年决算数减少180.00万元、下降5.6%。\n"
    )
    report = read_text("重庆市测试中学校\n2022年度部门决算公开说明\n" + text)
    changes = {i.item: (i.prior_year_change_yuan, i.prior_year_change_pct) for i in report.summary_items}
    assert changes == {"total_income_and_expense": (-200 * WAN, Decimal("-6.1")), "income_total": (-180 * WAN, Decimal("-5.6"))}


def test__tables__a_class_code_printed_in_the_name_cell():
    """One 科目 column holding code and name: "201 一般公共服务支出", "[2010801]行政运行", "2010804-审计业务"."""
    text = (
        "一般公共预算支出表\n单位：万元\n功能分类科目\t合计\t基本支出\t项目支出\n合计\t650.00\t550.00\t100.00\n"
        "201 一般公共服务支出\t650.00\t550.00\t100.00\n20108 审计事务\t650.00\t550.00\t100.00\n"
        "[2010801]行政运行\t550.00\t550.00\t\n2010804-审计业务\t100.00\t\t100.00\n"
    )
    found = classes(text, "宁波市测试区审计局\n2024年部门预算\n")
    assert found == {
        ("general_budget", "201"): 650 * WAN, ("general_budget", "20108"): 650 * WAN,
        ("general_budget", "2010801"): 550 * WAN, ("general_budget", "2010804"): 100 * WAN,
    }


def test__indicators__the_years_targets_of_a_declaration_with_mid_term_targets_beside_them():
    """The Ministry of Finance 项目支出绩效目标申报表: 中期 targets on the left, 年度 on the right."""
    text = (
        "沈阳市测试区卫生健康局\n2024年部门预算\n项目支出绩效目标申报表\n项目名称\t社区诊所设备更新\n"
        "项目资金（万元）\t中期资金总额：\t1,500.00\t年度资金总额：\t480.00\n"
        "总体目标\t中期目标（2024年—2026年）\t年度目标\n\t三年内完成标准化建设。\t完成4家设备更新。\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
        "\t产出指标\t数量指标\t标准化建设机构数\t12家\t数量指标\t设备更新机构数\t4家\n"
        "\t满意度指标\t服务对象满意度指标\t患者满意度\t≥90%\t服务对象满意度指标\t患者满意度\t≥92%\n"
    )
    report = read_text(text)
    rows = {(i.level1, i.level3): i.target for i in report.performance_indicators}
    assert rows == {("产出指标", "设备更新机构数"): "4家", ("满意度指标", "患者满意度"): "≥92%"}
    assert [(p.project, p.budget_yuan) for p in report.project_performance] == [("社区诊所设备更新", 480 * WAN)]


def test__self_evaluation_form__a_funds_row_shifted_against_its_header_loads_nothing():
    """An empty 年初预算数 left out shifts the row: 285 under 全年预算数 is right by chance, 10 (the
    分值) under 全年执行数 is not; the 95% under 分值 shows it."""
    text = (
        "荆门市测试区交通运输局\n2023年度部门决算\n项目支出绩效自评表\n项目名称\t农村公路养护\n"
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额\t300\t285\t10\t95%\t9.5\n"
    )
    report = read_text(text)
    assert [(p.budget_yuan, p.executed_yuan) for p in report.project_performance] in ([], [(None, None)])
    assert "project_row_misaligned" in {f.rule for f in report.findings}


def test__target_grid__names_centred_in_their_merged_cells_are_refused():
    """A text rendering of a grid whose names sit in the middle of their rows: read top-down, the
    first rows would go to the project above. Refused with a finding."""
    text = (
        "中山市测试街道办事处\n2024年部门预算\n2024年项目绩效目标表\n单位：万元\n"
        "项目名称\t项目金额\t一级指标\t二级指标\t三级指标\t指标值\n"
        "\t\t产出指标\t数量指标\t慰问户数\t≥300户\n社区慰问\t45.00\t满意度指标\t服务对象满意度指标\t受助群众满意度\t≥90%\n"
        "\t\t产出指标\t数量指标\t巡查河道长度\t≥20公里\n河涌保洁\t120.00\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\n"
    )
    report = read_text(text)
    assert report.performance_indicators == () and report.project_performance == ()
    assert "project_table_unreadable" in {f.rule for f in report.findings}


def test__functional_classes__a_xiang_line_with_its_budget_named_otherwise_or_after_the_figure():
    """"…（项）。预算数为…，决算数为…"; "…（项）。全年预算数为…，支出决算为…"; "…支出决算为…，年初预算为…"."""
    text = (
        "（九）一般公共预算财政拨款支出决算具体情况\n"
        "1.住房保障支出（类）住房改革支出（款）住房公积金（项）。预算数为100.00万元，决算数为100.00万元，完成预算的100%。\n"
        "2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。全年预算数为200.00万元，支出决算为190.00万元，完成预算的95%。\n"
        "3.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）支出决算为105.00万元，年初预算为100.00万元，完成预算的105%。\n"
    )
    report = read_text("杭州市测试区城市管理局\n2023年度部门决算\n" + text)
    rows = {f.class_code: (f.amount_yuan, f.budget_yuan) for f in report.expenditure_by_function}
    assert rows == {"2210201": (100 * WAN, 100 * WAN), "2080505": (190 * WAN, 200 * WAN), "2080506": (105 * WAN, 100 * WAN)}


def test__summary__the_fiscal_incomes_parts_by_fund_in_its_parenthesis():
    """Zhejiang's 决算: "包括财政拨款收入4800.00万元（其中，一般公共预算4600.00万元，政府性基金预算200.00万元，…）"."""
    title = "杭州市测试区城市管理局\n2023年度部门决算\n"
    text = (
        "本年收入合计5000.00万元；包括财政拨款收入4800.00万元（其中，一般公共预算4600.00万元，政府性基金预算200.00万元，"
        "国有资本经营预算0万元），占收入合计96%；事业收入150.00万元，占收入合计3%；其他收入50.00万元，占收入合计1%。\n"
    )
    items = summary(text, title)
    assert (items["income_general_public_budget"], items["income_government_fund"], items["income_state_capital"]) == (
        4600 * WAN, 200 * WAN, Decimal("0.00"),
    )
    other = "本年收入合计5000.00万元；包括财政拨款收入4800.00万元（一般公共预算财政拨款4600.00万元、政府性基金预算财政拨款200.00万元）。\n"
    assert summary(other, title)["income_general_public_budget"] == 4600 * WAN


def test__summary__last_years_carryover_named_as_income_and_money_spent_on_projects_from_it():
    """"上年结转收入6.50万元" is the carryover; "使用上年结转资金安排项目10.00万元" is projects' money, no
    figure of the carryover."""
    text = (
        "2024年本部门收入预算346.50万元，其中：一般公共预算拨款收入340.00万元，占98.12%；上年结转收入6.50万元，占1.88%。\n"
        "使用上年结转资金安排项目10.00万元。\n"
    )
    items = summary(text, "赣州市测试局\n2024年部门预算\n")
    assert items["carryover_beginning"] == Decimal("65000.00")


def test__indicators__units_of_time_rates_and_costs_per_unit_and_time():
    from extract.indicators import parse_indicator_value

    assert parse_indicator_value("12个月") == (Decimal(12), "个月", "=")
    assert parse_indicator_value("≥3次/年") == (Decimal(3), "次/年", ">=")
    assert parse_indicator_value("≤1000元/人/天") == (Decimal(1000), "元/人/天", "<=")
    assert parse_indicator_value("40学时") == (Decimal(40), "学时", "=")


def test__project_forms__the_budget_labelled_项目预算_or_年度预算数():
    """Jilin's forms: "项目预算（万元） | 36.80", "年度预算数（万元） | 125.00 | 其中：财政拨款（万元） | 125.00"."""
    form = "项目支出绩效目标表\n项目名称\t{name}\n{row}\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t检查次数\t≥20次\n"
    text = "长春市测试区文化局\n2024年部门预算\n" + form.format(name="市场整治", row="项目预算（万元）\t36.80") + form.format(
        name="文物修缮", row="年度预算数（万元）\t125.00\t其中：财政拨款（万元）\t125.00"
    )
    assert {p.project: p.budget_yuan for p in read_text(text).project_performance} == {"市场整治": Decimal("368000.00"), "文物修缮": 125 * WAN}


def test__projects__more_wordings_of_a_projects_execution():
    """The Ministry's 决算 "…项目绩效自评综述：…项目自评得分为96分。全年预算数为…"; "XX项目：年初预算数为…，
    全年预算数为…"; "XX项目，全年预算…，实际支出…"; "年初预算…，调整后预算…，实际支出…"."""
    text = (
        "襄州区测试局\n2023年度部门决算\n十、预算绩效情况说明\n"
        "1.困难群众救助项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为96分。全年预算数为320.00万元，执行数为310.40万元，完成预算的97%。\n"
        "（3）社区治理项目：年初预算数为40万元，全年预算数为45万元，全年执行数为45万元，预算执行率为100%，自评得分98分。\n"
        "1.国土空间总体规划编制项目，全年预算380.00万元，实际支出365.00万元，执行率96.05%。\n"
        "2.耕地保护项目，年初预算120万元，调整后预算150万元，实际支出142.5万元，执行率95%。\n"
    )
    found = {p.project: (p.budget_yuan, p.executed_yuan, p.completion_pct, p.score) for p in read_text(text).project_performance}
    assert found == {
        "困难群众救助": (320 * WAN, Decimal("3104000.00"), Decimal(97), Decimal(96)),
        "社区治理": (45 * WAN, 45 * WAN, Decimal(100), Decimal(98)),
        "国土空间总体规划编制": (380 * WAN, 365 * WAN, Decimal("96.05"), None),
        "耕地保护": (150 * WAN, Decimal("1425000.0"), Decimal(95), None),
    }


def test__projects__a_report_on_one_project_calls_it_该项目():
    text = (
        "武汉市测试区城市管理执法局\n2023年度城市道路照明运维项目支出绩效自评报告\n一、项目基本情况\n"
        "该项目年初预算数为650.00万元，全年预算数为680.00万元，全年执行数为663.00万元，预算执行率为97.50%。\n"
    )
    assert projects_of(text) == {"城市道路照明运维": (680 * WAN, 663 * WAN, Decimal("97.50"))}


def test__projects__a_budget_reports_paragraphs_on_its_projects():
    text = (
        "长沙市测试区城市管理局\n2024年部门预算\n八、重点项目情况说明\n"
        "1.环卫作业服务项目预算4,200.00万元，主要用于全区道路清扫保洁。\n"
        "（一）生活垃圾分类处理项目。该项目2024年预算安排356.00万元，主要用于分类设施运维。\n"
        "2023年环卫作业服务项目预算4,000.00万元。\n本部门政府采购项目预算120.00万元。\n"
    )
    assert projects_of(text) == {"环卫作业服务": (4200 * WAN, None, None), "生活垃圾分类处理": (356 * WAN, None, None)}


def test__three_public__the_reports_year_between_the_label_and_its_figure():
    """"“三公”经费2024年预算8.00万元，2023年预算9.00万元" in a 2024 budget: 8.00 is the amount."""
    report = read_text("福建省测试厅\n2024年部门预算\n“三公”经费2024年预算8.00万元，2023年预算9.00万元，比上年减少1.00万元。\n")
    assert [(f.category, f.amount_yuan, f.prior_year_change_yuan) for f in report.three_public] == [("three_public_total", 8 * WAN, -1 * WAN)]


def test__summary__a_units_part_after_其中_is_not_the_departments():
    """A 部门 of several units: "其中：局本级“三公”经费支出6.00万元，某中学“三公”经费支出2.00万元"."""
    text = (
        "七、“三公”经费支出决算情况说明\n2022年度“三公”经费财政拨款支出决算为8.00万元。其中：局本级“三公”经费支出6.00万元，"
        "洛南市第一高级中学“三公”经费支出2.00万元。\n三、支出决算情况说明\n2022年度本年支出合计5,000.00万元，其中：基本支出4,800.00万元，"
        "项目支出200.00万元。其中：洛南市第一高级中学基本支出4,500.00万元。\n"
    )
    report = read_text("洛南市测试局\n2022年度部门决算\n" + text)
    assert three_of(report) == {"three_public_total": 8 * WAN}
    assert items_of(report)["expense_basic"] == 4800 * WAN


def test__classes__a_lei_code_printed_after_its_name_in_a_sentence():
    """"其中：一般公共服务支出（201）550.00万元，占84.62%" (Zhejiang): the code between name and figure."""
    text = "2024年本部门支出预算650.00万元，其中：一般公共服务支出（201）550.00万元，占84.62%；住房保障支出（221）100.00万元，占15.38%。\n"
    assert classes(text, "宁波市测试区审计局\n2024年部门预算\n") == {("all", "201"): 550 * WAN, ("all", "221"): 100 * WAN}


def test__metadata__a_file_of_tables_whose_三公_table_names_a_year_is_a_file_of_tables():
    """A 公开表 file (no report title) with "2023年度财政拨款“三公”经费支出决算表" among its tables was
    taken for a stand-alone 三公 disclosure, whose tables are not read: nothing loaded, no finding."""
    text = (
        "公开01表\n2023年度支出决算表\n部门：青禾县测试局\t单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
        "\t合计\t60.00\t60.00\t\n210\t卫生健康支出\t60.00\t60.00\t\n"
        "公开02表\n2023年度财政拨款“三公”经费支出决算表\n部门：青禾县测试局\t单位：万元\n"
        "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n15.00\t\t10.00\t5.00\n"
    )
    report = read_text(text)
    assert (report.document.department, report.document.phase) == ("青禾县测试局", "final")
    assert three_of(report)["three_public_total"] == 15 * WAN
    assert items_of(report)["expense_total"] == 60 * WAN


def test__metadata__a_file_of_budget_tables_whose_names_say_no_phase_takes_it_from_their_headings():
    """The national template's "2024年部门收支总表" over 项目 | 预算数."""
    text = (
        "2024年部门收支总表\n部门：青禾县测试局\t单位：万元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t60.00\t九、卫生健康支出\t60.00\n本年收入合计\t60.00\t本年支出合计\t60.00\n"
    )
    report = read_text(text)
    assert report.document.phase == "budget" and items_of(report)["income_total"] == 60 * WAN


def test__tables__split_code_columns_whose_leading_zero_was_lost():
    """A 类 | 款 | 项 table typed in Excel's General format prints 款 05 as "5": 208 | 5 | 5 is 2080505."""
    text = (
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目编码\t科目编码\t科目名称\t合计\n类\t款\t项\t科目名称\t合计\n"
        "208\t\t\t社会保障和就业支出\t150.00\n208\t5\t\t行政事业单位养老支出\t150.00\n208\t5\t5\t机关事业单位基本养老保险缴费支出\t100.00\n"
        "208\t5\t6\t机关事业单位职业年金缴费支出\t50.00\n"
    )
    assert classes(text, "青禾县测试局\n2023年度部门决算\n") == {
        ("general_budget", "208"): 150 * WAN, ("general_budget", "20805"): 150 * WAN,
        ("general_budget", "2080505"): 100 * WAN, ("general_budget", "2080506"): 50 * WAN,
    }


def test__tables__a_table_continued_under_its_title_with_续():
    """"一般公共预算财政拨款支出决算表（续）" over rows without the header: the rest of the table above."""
    text = (
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "\t合计\t150.00\t150.00\t\n208\t社会保障和就业支出\t100.00\t100.00\t\n20805\t行政事业单位养老支出\t100.00\t100.00\t\n"
        "一般公共预算财政拨款支出决算表（续）\n单位：万元\n2080505\t机关事业单位基本养老保险缴费支出\t100.00\t100.00\t\n"
        "221\t住房保障支出\t50.00\t50.00\t\n"
    )
    found = classes(text, "青禾县测试局\n2023年度部门决算\n")
    assert found[("general_budget", "2080505")] == 100 * WAN and found[("general_budget", "221")] == 50 * WAN


def test__tables__三公_rows_named_本年_and_上年_a_completion_heading_with_为_and_a_unit_alone():
    title = "青禾县测试局\n2024年部门预算\n"
    three = (
        "一般公共预算“三公”经费支出表\n单位：万元\n项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\n"
        "上年预算数\t40.00\t\t32.00\t8.00\n本年预算数\t30.00\t\t25.00\t5.00\n"
    )
    report = read_text(title + three)
    assert {f.category: (f.amount_yuan, f.prior_year_yuan) for f in report.three_public}["three_public_total"] == (30 * WAN, 40 * WAN)
    final = (
        "一般公共预算财政拨款支出决算表\n万元\n科目编码\t科目名称\t年初预算数\t决算数\t决算数为年初预算数的%\n"
        "\t合计\t100.00\t110.00\t110.00\n208\t社会保障和就业支出\t100.00\t110.00\t110.00\n"
    )
    report = read_text("青禾县测试局\n2023年度部门决算\n" + final)
    rows = {f.class_code: (f.amount_yuan, f.budget_yuan, f.completion_pct) for f in report.expenditure_by_function}
    assert rows["208"] == (110 * WAN, 100 * WAN, Decimal("110.00"))


def test__tables__a_收支总表_with_a_fourth_pair_by_economic_class():
    """收入 | 按功能分类 | 按经济分类 | 按支出性质: the 支出性质 pair gives 基本 / 项目支出; the 经济分类 pair is
    not read as functional classes."""
    text = (
        "收支预算总表\n单位：万元\n收入\t收入\t支出\t支出\t支出\t支出\t支出\t支出\n"
        "项目\t预算数\t按功能分类\t按功能分类\t按经济分类\t按经济分类\t按支出性质\t按支出性质\n"
        "项目\t预算数\t项目\t预算数\t项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t1,600.00\t一、一般公共服务支出\t1,600.00\t一、工资福利支出\t1,200.00\t一、基本支出\t1,250.00\n"
        "\t\t\t\t二、商品和服务支出\t400.00\t二、项目支出\t350.00\n"
        "本年收入合计\t1,600.00\t本年支出合计\t1,600.00\t本年支出合计\t1,600.00\t本年支出合计\t1,600.00\n"
    )
    report = read_text("青禾县测试办公室\n2024年部门预算\n" + text)
    items = items_of(report)
    assert (items["expense_basic"], items["expense_project"]) == (1250 * WAN, 350 * WAN)
    assert "function_class_unknown" not in {f.rule for f in report.findings}


def test__projects__totals_and_kinds_after_a_budget_reports_project_list_are_no_projects():
    text = (
        "测试市文化局\n2024年部门预算\n八、项目情况\n1.文化惠民演出项目预算120.00万元，主要用于送戏下乡。\n"
        "以上项目预算共计200.00万元。\n本年度新增项目预算150.00万元。\n以前年度结转项目预算30.00万元。\n"
        "重大项目预算安排500.00万元。\n其中项目预算200.00万元。\n2.新增社区文化站建设项目预算80.00万元，主要用于设备购置。\n"
    )
    assert projects_of(text) == {"文化惠民演出": (120 * WAN, None, None), "新增社区文化站建设": (80 * WAN, None, None)}


def test__projects__a_name_opening_with_the_reports_own_year_is_the_project():
    text = (
        "测试市民政局\n2023年度项目支出绩效自评报告\n"
        "2023年度困难群众救助项目全年预算数为50.00万元，全年执行数为48.00万元，执行率96%。\n"
        "2022年度养老服务项目全年预算数为40.00万元，全年执行数为38.00万元，执行率95%。\n"
        "纳入低保对象慰问项目全年预算数为10.00万元，全年执行数为10.00万元，执行率100%。\n"
    )
    assert projects_of(text) == {
        "困难群众救助": (50 * WAN, 48 * WAN, Decimal(96)), "纳入低保对象慰问": (10 * WAN, 10 * WAN, Decimal(100)),
    }


# The adversarial review of this round's rules: text where a new rule did harm.


def test__review__the_fiscal_incomes_split_of_another_year_is_not_the_reports():
    text = "2022年度财政拨款收入4,000.00万元（其中，一般公共预算3,900.00万元，政府性基金预算100.00万元）。\n"
    assert summary(text, "杭州市测试局\n2023年度部门决算\n") == {}


def test__review__a_三公_page_with_another_table_stays_a_三公_disclosure():
    text = (
        "测试市文化局2024年“三公”经费预算情况说明\n2024年“三公”经费预算10.00万元，其中：因公出国（境）费0万元，"
        "公务用车购置及运行维护费6.00万元，公务接待费4.00万元。\n2023年度公务用车情况表\n项目\t数量（辆）\n公务用车保有量\t3\n"
    )
    report = read_text(text)
    assert (report.document.fiscal_year, report.document.phase) == (2024, "budget")
    assert three_of(report)["three_public_total"] == 10 * WAN


def test__review__上年度_names_the_year_of_its_own_part_of_the_clause_only():
    text = (
        "2024年收入预算总计1,200.00万元，其中：上年度结转结余50.00万元，一般公共预算拨款收入1,100.00万元，其他收入50.00万元。\n"
        "2024年“三公”经费预算10.00万元，上年度为12.00万元，减少2.00万元，其中：因公出国（境）费0万元，"
        "公务用车购置及运行维护费6.00万元，公务接待费4.00万元。\n"
    )
    report = read_text("测试市文化局\n2024年部门预算\n" + text)
    assert items_of(report)["income_general_public_budget"] == 1100 * WAN
    assert three_of(report)["official_reception"] == 4 * WAN


def test__review__a_sentence_listing_sources_before_the_reports_total_states_the_reports_figures():
    text = (
        "一、收支预算总体情况\n2024年财政拨款支出1,100.00万元、其他资金支出100.00万元，本年支出合计1,200.00万元，"
        "其中：基本支出800.00万元，项目支出400.00万元。\n"
        "2024年本部门一般公共预算拨款收入1,100.00万元，其他收入50.00万元，上年结转结余50.00万元，收入预算总计1,200.00万元。\n"
    )
    items = summary(text, "测试市文化局\n2024年部门预算\n")
    assert (items["expense_basic"], items["expense_project"], items["carryover_beginning"]) == (800 * WAN, 400 * WAN, 50 * WAN)
    assert items["income_other"] == 50 * WAN  # "其他资金支出100.00万元" is no income


def test__review__a_numbered_list_item_with_a_figure_is_no_section_heading():
    text = (
        "第三部分 2024年部门预算情况说明\n收入预算情况包括：\n一、其他收入100.00万元；\n二、一般公共预算拨款收入1,100.00万元。\n"
        "本年收入合计1,200.00万元，本年支出合计1,200.00万元，其中：基本支出800.00万元，项目支出400.00万元。\n"
    )
    items = summary(text, "测试市文化局\n2024年部门预算\n")
    assert (items["income_total"], items["expense_basic"]) == (1200 * WAN, 800 * WAN)


def test__review__a_收支总表_whose_spending_side_is_by_economic_class_gives_its_total():
    text = (
        "部门收支预算总表\n单位：万元\n收入\t收入\t支出（按经济分类）\t支出（按经济分类）\n项目\t预算数\t项目\t预算数\n"
        "一般公共预算拨款收入\t1,100.00\t工资福利支出\t700.00\n其他收入\t100.00\t商品和服务支出\t500.00\n"
        "本年收入合计\t1,200.00\t本年支出合计\t1,200.00\n"
    )
    assert summary(text, "测试市文化局\n2024年部门预算\n")["expense_total"] == 1200 * WAN


def test__review__a_department_named_like_a_unit_states_its_own_figures():
    text = (
        "2023年度收入总计1,300.00万元，其中：财政拨款收入1,200.00万元，其他收入100.00万元；"
        "测试市政务服务中心本年支出合计1,300.00万元，其中：基本支出900.00万元，项目支出400.00万元。\n"
        "2023年度“三公”经费财政拨款支出决算为9.00万元，其中：政务服务中心公务用车购置及运行维护费5.00万元；政务服务中心公务接待费4.00万元。\n"
    )
    report = read_text("测试市政务服务中心\n2023年度部门决算\n" + text)
    assert items_of(report)["expense_total"] == 1300 * WAN
    assert three_of(report)["official_reception"] == 4 * WAN


def test__review__a_weight_printed_as_a_per_cent_beside_a_per_cent_rate_is_no_shift():
    text = (
        "测试市交通局\n2023年度部门决算\n项目支出绩效自评表\n项目名称\t农村公路养护\n"
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t300\t285\t270\t10%\t94.74%\t9.5\n"
    )
    assert projects_of(text) == {"农村公路养护": (285 * WAN, 270 * WAN, Decimal("94.74"))}


def test__review__side_by_side_indicators_without_mid_term_targets_keep_the_first_group():
    text = (
        "测试市文化局\n2024年部门预算\n项目支出绩效目标表\n项目名称\t文化惠民演出\n项目资金（万元）\t年度资金总额：\t120.00\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
        "\t产出指标\t数量指标\t演出场次\t120场\t质量指标\t演出合格率\t100%\n"
    )
    assert [(i.level3, i.target) for i in read_text(text).performance_indicators] == [("演出场次", "120场")]


def test__functional_classes__a_comma_after_the_xiang_marker_and_its_budget_named_支出预算():
    """Liaoning's "…（项），年初预算为…，支出决算为…" and Qingdao's "…（项）支出预算50.00万元，与上年预算数
    相比增加5.00万元" (whose 支出预算 is no summary item)."""
    final = (
        "3.一般公共预算财政拨款支出决算具体情况\n（1）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项），"
        "年初预算为300.00万元，支出决算为320.00万元，完成年初预算的106.7%。\n"
    )
    report = read_text("辽宁省测试区人民政府办公室\n2023年度部门决算\n" + final)
    assert [(f.class_code, f.amount_yuan, f.budget_yuan) for f in report.expenditure_by_function] == [("2010301", 320 * WAN, 300 * WAN)]
    budget = (
        "（三）一般公共预算拨款支出预算具体情况\n1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）"
        "支出预算50.00万元，与上年预算数相比增加5.00万元，增长11.1%。\n"
    )
    report = read_text("青岛市测试区档案馆\n2024年部门预算\n" + budget)
    assert [(f.class_code, f.amount_yuan, f.prior_year_change_yuan) for f in report.expenditure_by_function] == [("2080505", 50 * WAN, 5 * WAN)]
    assert report.summary_items == ()


def test__functional_classes__a_classs_own_breakdown_and_clauses_after_it_are_no_report_figures_or_classes():
    text = (
        "3.一般公共预算财政拨款支出决算具体情况\n（1）卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为36.00万元，"
        "支出决算为38.00万元，其中：基本支出38.00万元，项目支出0万元；比上年决算增加3.00万元，增长8.6%。\n"
    )
    report = read_text("辽宁省测试局\n2023年度部门决算\n" + text)
    assert [(f.class_code, f.amount_yuan) for f in report.expenditure_by_function] == [("2101101", 38 * WAN)]
    assert report.summary_items == ()


def test__summary__the_money_of_the_projects_with_targets_is_not_the_general_budgets_spending():
    text = "（四）预算绩效管理情况\n2024年本局共2个项目实行绩效目标管理，涉及一般公共预算当年拨款400.00万元。\n"
    assert summary(text, "哈尔滨市测试区市场监督管理局\n2024年部门预算\n") == {}


def test__tables__a_change_heading_naming_its_years():
    text = (
        "一般公共预算支出表\n单位：元\n科目编码\t科目名称\t2022年预算数\t2023年预算数\t2023年预算数比2022年预算数增减%\n"
        "\t合计\t2,500,000.00\t2,350,000.00\t-6.0\n216\t商业服务业等支出\t2,500,000.00\t2,350,000.00\t-6.0\n"
    )
    report = read_text("海南省测试站\n2023年单位预算\n" + text)
    assert [(f.class_code, f.amount_yuan, f.prior_year_yuan, f.prior_year_change_pct) for f in report.expenditure_by_function] == [
        ("216", Decimal("2350000.00"), Decimal("2500000.00"), Decimal("-6.0"))
    ]


def test__tables__a_收支总表_listing_基本_and_项目支出_among_its_spending_rows():
    """The older national layout: 支出 | 一、基本支出 / （一）人员经费 / （二）日常公用经费 / 二、项目支出."""
    text = (
        "收支预算总表\n单位：万元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款\t800.00\t一、基本支出\t580.00\n二、事业收入\t20.00\t（一）人员经费\t500.00\n"
        "\t\t（二）日常公用经费\t80.00\n\t\t二、项目支出\t240.00\n本年收入合计\t820.00\t本年支出合计\t820.00\n"
    )
    report = read_text("山西省测试区统计局\n2021年部门预算\n" + text)
    items = items_of(report)
    assert (items["expense_basic"], items["expense_project"]) == (580 * WAN, 240 * WAN)
    assert "function_class_unknown" not in {f.rule for f in report.findings}


def test__functional_classes__a_code_first_line_without_a_colon():
    text = "（三）一般公共预算当年拨款具体使用情况\n（1）2010301 行政运行 320.00万元，主要用于机关运转。\n"
    assert classes(text, "山西省测试区人民政府办公室\n2024年部门预算\n") == {("general_budget", "2010301"): 320 * WAN}


def test__summary__an_income_totals_parts_named_by_bare_fund_names():
    """"收入预算1,520.00万元，其中：上年结转20.00万元…；一般公共预算拨款1,480.00万元…" (Heilongjiang) and
    "其中：一般公共预算2,100.00万元…；政府性基金预算150.00万元…；财政专户管理资金0万元；单位资金…" (Guangdong)."""
    title = "哈尔滨市测试局\n2024年部门预算\n二、收入预算情况说明\n"
    one = "2024年收入预算1,520.00万元，其中：上年结转20.00万元，占1.3%；一般公共预算拨款1,480.00万元，占97.4%；事业收入20.00万元，占1.3%。\n"
    items = summary(one, title)
    assert (items["income_general_public_budget"], items["carryover_beginning"]) == (1480 * WAN, 20 * WAN)
    two = "收入预算2,300.00万元，其中：一般公共预算2,100.00万元，占91.3%；政府性基金预算150.00万元，占6.5%；财政专户管理资金0万元；单位资金50.00万元。\n"
    assert summary(two, title) == {"income_total": 2300 * WAN, "income_general_public_budget": 2100 * WAN, "income_government_fund": 150 * WAN}


def test__version__a_web_pages_publication_date_in_its_header():
    """Government web pages head their text with "发布日期: 2024-02-15" / "发布时间：2024-09-10 10:30:43"."""
    report = read_text("信息名称：测试局2024年部门预算\n发布日期: 2024-02-15\n测试市测试局\n2024年部门预算\n本年收入合计100.00万元。\n")
    assert str(report.document.published_on) == "2024-02-15"
    report = read_text("发布时间：2024-09-10 10:30:43\n测试市测试局\n2023年度部门决算\n本年收入合计100.00万元。\n")
    assert str(report.document.published_on) == "2024-09-10"


def test__functional_classes__a_xiang_code_printed_after_its_name():
    """"1.行政运行（2010801）450.00万元" and "…（款）行政运行（项）（2070101）400.00万元" were garbled."""
    text = (
        "（三）一般公共预算支出具体情况\n1.行政运行（2010801）450.00万元，比上年增加15.00万元。\n"
        "2.文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）（2070101）400.00万元，比上年增加15.00万元。\n"
    )
    assert classes(text, "宁波市测试区审计局\n2024年部门预算\n") == {
        ("general_budget", "2010801"): 450 * WAN, ("general_budget", "2070101"): 400 * WAN,
    }


# The second adversarial review, and the newest templates' probe.


def test__review__a_clause_naming_no_class_after_a_xiang_line_is_no_crash():
    """"…（项）：主要用于机关运转；支出预算500.00万元…" raised IndexError: the whole report was lost."""
    text = (
        "2024年本年收入合计800.00万元，本年支出合计800.00万元。\n（三）一般公共预算拨款支出预算具体情况\n"
        "1.一般公共服务支出（类）人大事务（款）行政运行（项）：主要用于机关运转；支出预算500.00万元，与上年预算数相比增加5.00万元。\n"
    )
    assert summary(text, "青岛市测试区人大常委会办公室\n2024年部门预算\n")["income_total"] == 800 * WAN


def test__review__a_code_first_line_reads_its_figure_not_its_budget_or_another_years():
    text = (
        "3.一般公共预算财政拨款支出决算具体情况\n（1）2010301行政运行年初预算为300.00万元，支出决算为320.00万元。\n"
        "（2）2010302一般行政管理事务预算数为50.00万元，决算数为45.00万元。\n"
        "（3）2080505机关事业单位基本养老保险缴费支出上年决算30.00万元，本年决算32.00万元。\n"
        "（4）2080506机关事业单位职业年金缴费支出支出决算为20.00万元，年初预算为18.00万元。\n"
    )
    report = read_text("测试市人民政府办公室\n2023年度部门决算\n" + text)
    rows = {f.class_code: (f.amount_yuan, f.budget_yuan) for f in report.expenditure_by_function}
    assert rows == {"2010301": (320 * WAN, 300 * WAN), "2010302": (45 * WAN, 50 * WAN), "2080506": (20 * WAN, 18 * WAN)}


def test__review__涉及_in_other_senses_keeps_the_figures_after_it():
    text = (
        "本部门2024年不涉及政府性基金预算拨款收入，收入预算总计1,000.00万元，其中：一般公共预算拨款收入900.00万元，事业收入100.00万元。\n"
        "2024年本部门政府采购预算涉及货物和服务两类，政府采购预算总额50.00万元，其中：货物采购预算30.00万元，服务采购预算20.00万元。\n"
        "本部门涉及机关运行经费的单位共2个，2024年机关运行经费预算50.00万元，比上年减少5.00万元。\n"
    )
    items = summary(text, "测试市文化馆\n2024年部门预算\n")
    assert (items["income_business"], items["procurement_goods"], items["operating_cost"]) == (100 * WAN, 30 * WAN, 50 * WAN)


def test__review__a_change_on_the_budget_or_a_share_is_no_change_on_the_prior_year():
    for heading in ("比年初预算增减（%）", "占比变动（%）", "增减变动"):
        text = (
            f"一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t年初预算数\t决算数\t{heading}\n"
            "201\t一般公共服务支出\t250.00\t235.00\t-6.0\n"
        )
        report = read_text("测试市测试局\n2023年度部门决算\n" + text)
        assert all(f.prior_year_change_pct is None and f.prior_year_change_yuan is None for f in report.expenditure_by_function)


def test__review__another_years_budget_figure_on_a_xiang_line_is_not_the_years():
    text = "1.一般公共服务支出（类）人大事务（款）行政运行（项），2023年预算数为300.00万元，2024年预算数为320.00万元，增加20.00万元。\n"
    assert ("general_budget", "2010101") not in classes(text, "测试市人大办公室\n2024年部门预算\n") or classes(
        text, "测试市人大办公室\n2024年部门预算\n"
    )[("general_budget", "2010101")] == 320 * WAN


def test__review__classes_named_before_the_reports_total_leave_it_the_reports():
    title = "测试市文化局\n2024年部门预算\n一、部门预算收支总体情况\n"
    one = "2024年支出预算1,000.00万元，主要用于一般公共服务支出（类）、住房保障支出（类）等方面，其中：基本支出700.00万元，项目支出300.00万元。\n"
    assert summary(one, title)["expense_basic"] == 700 * WAN
    two = "按支出功能分类，一般公共服务支出（类）900.00万元，住房保障支出（类）100.00万元，本年支出合计1,000.00万元，比上年增加50.00万元。\n"
    assert summary(two, title)["expense_total"] == 1000 * WAN
    three = "以上各项支出归集于一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）。2024年本年支出合计320.00万元，其中：基本支出300.00万元，项目支出20.00万元。\n"
    assert summary(three, title) == {"expense_total": 320 * WAN, "expense_basic": 300 * WAN, "expense_project": 20 * WAN}


def test__review__a_xiang_named_like_a_budget_word_is_a_class():
    text = "1.一般公共服务支出（类）财政事务（款）行政运行（项）100.00万元；预算改革业务50.00万元；财政国库业务30.00万元。\n"
    report = read_text("测试市财政局\n2024年部门预算\n（三）一般公共预算支出具体情况\n" + text)
    assert "预算改革业务" in {f.xiang_name for f in report.expenditure_by_function}


def test__review__the_parts_of_结转下年_on_a_收支总表_are_not_the_years():
    text = (
        "收支预算总表\n单位：万元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款\t900.00\t一、一般公共服务支出\t900.00\n本年收入合计\t900.00\t本年支出合计\t800.00\n"
        "\t\t结转下年\t100.00\n\t\t其中：基本支出\t20.00\n\t\t项目支出\t80.00\n收入总计\t900.00\t支出总计\t900.00\n"
    )
    items = summary(text, "测试市测试局\n2024年部门预算\n")
    assert "expense_basic" not in items and items["carryover_ending"] == 100 * WAN


def test__summary__an_explanations_figures_are_not_the_items():
    """Jiangsu's 决算: "决算数大于年初预算数的主要原因是年中追加公用经费30.00万元"."""
    text = (
        "2023年度一般公共预算财政拨款基本支出1,450.00万元。决算数大于年初预算数的主要原因是年中追加公用经费30.00万元。\n"
        "公务接待费支出决算为0.80万元，主要原因是压减公务接待费1.20万元。\n主要原因是追加项目支出100.00万元。\n"
    )
    report = read_text("江苏省测试资料馆\n2023年度部门决算\n" + text)
    assert {i.item for i in report.summary_items} == {"general_budget_basic"}
    assert three_of(report) == {"official_reception": Decimal("8000.00")}


def test__summary__the_newer_templates_procurement_reserved_for_smes_and_income_with_its_carryover():
    text = (
        "2024年本单位政府采购预算总额1,260.00万元。2024年本单位面向中小企业预留政府采购预算金额900.00万元，预留比例71.43%；"
        "其中预留给小微企业的金额600.00万元。\n2024年收入预算合计5,600.00万元，其中：本年收入5,000.00万元，上年结转结余600.00万元。\n"
        "2023年度授予中小企业合同金额1,000.00万元。\n"
    )
    items = summary(text, "北京市测试档案服务中心\n2024年部门预算\n")
    assert (items["procurement_total"], items["procurement_sme"], items["procurement_micro"]) == (1260 * WAN, 900 * WAN, 600 * WAN)
    assert items["total_income_and_expense"] == 5600 * WAN and "income_total" not in items


def test__summary__sme_contracts_by_kind_are_parts_and_an_sme_sentence_names_procurement_itself():
    """The central 决算 template: "授予中小企业合同金额380.00万元，其中：授予小微企业合同金额200.00万元。
    其中，货物采购授予中小企业合同金额90.00万元，…" (the kinds' parts clashed with the total)."""
    text = (
        "授予中小企业合同金额380.00万元，其中：授予小微企业合同金额200.00万元。其中，货物采购授予中小企业合同金额90.00万元，"
        "工程采购授予中小企业合同金额0万元，服务采购授予中小企业合同金额290.00万元。\n"
    )
    assert summary(text, "江苏省测试资料馆\n2023年度部门决算\n") == {"procurement_sme": 380 * WAN, "procurement_micro": 200 * WAN}


def test__chongqing__the_whole_reports_income_and_spending_lists():
    """"一、部门收支总体情况 … 收入包括：…。支出包括：一般公共服务支出4,900.00万元、…": the report's own
    income parts (a list after 包括 is read when it is an income's), and classes of every fund."""
    text = (
        "一、部门收支总体情况\n2024年部门收支总预算6,300.00万元（含上年结转）。收入包括：一般公共预算拨款收入5,800.00万元、"
        "事业收入200.00万元、上年结转300.00万元。支出包括：一般公共服务支出4,900.00万元、社会保障和就业支出600.00万元、"
        "卫生健康支出300.00万元、住房保障支出500.00万元。\n"
    )
    title = "重庆市测试区市场监督管理局\n2024年部门预算情况说明\n"
    items = summary(text, title)
    assert (items["income_general_public_budget"], items["income_business"]) == (5800 * WAN, 200 * WAN)
    assert classes(text, title)[("all", "201")] == 4900 * WAN


def test__classes__a_lei_followed_by_a_kuan_named_with_室_takes_none_of_its_figures():
    """"一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）700.00万元，占84.5%": the 款's share was
    given to the 类 (the （室） in its name hid that the name goes on)."""
    text = (
        "2.一般公共预算财政拨款支出决算结构情况\n2023年度一般公共预算财政拨款支出828.00万元，主要用于以下方面：一般公共服务支出（类）"
        "政府办公厅（室）及相关机构事务（款）700.00万元，占84.5%。\n"
    )
    report = read_text("辽宁省测试区人民政府办公室\n2023年度部门决算\n" + text)
    assert not any(f.class_code == "201" and f.share_pct is not None for f in report.expenditure_by_function)


def test__shanghai__a_districts_budget_states_its_years_预算收入_and_预算支出():
    text = (
        "上海市徐汇区测试局2025年预算收入12,460.50万元，比2024年预算增加1,210.30万元，其中：财政拨款收入11,860.50万元，"
        "比2024年预算增加1,110.30万元；事业收入500.00万元。\n上海市徐汇区测试局2025年预算支出12,460.50万元，比2024年预算增加1,210.30万元，增长10.8%。\n"
        "2024年预算收入11,250.20万元。\n"
    )
    report = read_text("上海市徐汇区测试局\n2025年区级部门预算\n" + text)
    items = {i.item: (i.amount_yuan, i.prior_year_change_yuan) for i in report.summary_items}
    assert items["income_total"] == (Decimal("124605000.00"), Decimal("12103000.00"))
    assert items["expense_total"] == (Decimal("124605000.00"), Decimal("12103000.00"))


# The third adversarial review.


def test__review3__a_change_column_that_is_no_prior_year_change_leaves_the_table_read():
    for heading, pct in (("较上年增减（%）", Decimal("-6.0")), ("与上年相比增减（%）", Decimal("-6.0")), ("比年初预算增减（%）", None), ("变动幅度（%）", None)):
        text = f"一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t上年预算数\t本年预算数\t{heading}\n216\t商业服务业等支出\t250.00\t235.00\t-6.0\n"
        [row] = read_text("测试市测试局\n2024年部门预算\n" + text).expenditure_by_function
        assert (row.amount_yuan, row.prior_year_change_pct) == (235 * WAN, pct)


def test__review3__a_xiangs_figures_after_its_marker_and_a_colon_are_not_the_reports():
    text = (
        "三、一般公共预算支出预算情况说明\n1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）："
        "支出预算为1,200.00万元，其中：基本支出1,150.00万元，项目支出50.00万元。\n"
    )
    report = read_text("测试市测试局\n2024年部门预算\n" + text)
    assert report.summary_items == () and [(f.class_code, f.amount_yuan) for f in report.expenditure_by_function] == [("2010301", 1200 * WAN)]
    final = "1.一般公共服务支出（类）人大事务（款）行政运行（项）支出决算为320.00万元；决算比预算增加20.00万元；主要是人员经费增加20.00万元；决算支出320.00万元。\n"
    report = read_text("测试市测试局\n2023年度部门决算\n" + final)
    assert report.summary_items == () and [(f.class_code, f.amount_yuan) for f in report.expenditure_by_function] == [("2010101", 320 * WAN)]


def test__review3__the_money_of_projects_with_targets_in_other_words():
    for words in ("涉及预算资金", "涉及金额", "涉及预算金额", "涉及财政性资金"):
        text = f"十、预算绩效情况说明\n2024年本部门共10个项目实行绩效目标管理，{words}1,250.00万元，其中：一般公共预算当年拨款1,100.00万元，其他资金150.00万元。\n"
        assert summary(text, "测试市测试局\n2024年部门预算\n") == {}


def test__review3__a_reason_explains_only_its_own_part_of_the_clause():
    text = (
        "公务接待费支出决算为2.00万元，完成预算的50%，决算数小于预算数的主要原因是严格控制接待标准，全年国内公务接待20批次，接待300人次。\n"
        "本年支出合计1,000.00万元，主要是基本支出700.00万元，项目支出300.00万元。\n"
    )
    report = read_text("测试市测试局\n2023年度部门决算\n" + text)
    assert {f.category: (f.batches, f.persons) for f in report.three_public}["reception_domestic"] == (20, 300)
    assert items_of(report)["expense_basic"] == 700 * WAN


def test__review3__本年收入合计_with_the_carryover_added_later_stays_the_years_income():
    text = "2023年度本年收入合计950.00万元，其中：一般公共预算财政拨款收入900.00万元，其他收入50.00万元，加上年初结转和结余50.00万元，收入总计1,000.00万元。\n"
    items = summary(text, "测试市测试局\n2023年度部门决算\n")
    assert (items["income_total"], items["total_income_and_expense"]) == (950 * WAN, 1000 * WAN)


def test__review3__a_code_first_xiang_named_with_a_budget_word_and_a_colon():
    text = "五、一般公共预算财政拨款支出决算情况说明\n（1）2010604预算改革业务：年初预算为50.00万元，支出决算为48.00万元。\n"
    assert classes(text, "测试市财政局\n2023年度部门决算\n") == {("general_budget", "2010604"): 48 * WAN}


def test__review3__a_heading_row_after_结转下年_ends_its_parts():
    text = (
        "收支预算总表\n单位：万元\n收入\t收入\t支出\t支出\n项目\t预算数\t项目\t预算数\n一、一般公共预算拨款\t1,000.00\t一、一般公共服务支出\t900.00\n"
        "本年收入合计\t1,000.00\t本年支出合计\t900.00\n\t\t结转下年\t100.00\n\t\t按支出性质分：\t\n\t\t基本支出\t700.00\n\t\t项目支出\t200.00\n"
        "收入总计\t1,000.00\t支出总计\t1,000.00\n"
    )
    items = summary(text, "测试市测试局\n2024年部门预算\n")
    assert (items["expense_basic"], items["expense_project"]) == (700 * WAN, 200 * WAN)


def test__review3__a_budget_report_reserving_for_smes_beside_last_years_contracts():
    text = "2024年本部门政府采购预算总额1,260.00万元，面向中小企业预留政府采购项目预算金额900.00万元，占71.43%，上年授予中小企业合同金额800.00万元。\n"
    assert summary(text, "测试市测试局\n2024年部门预算\n")["procurement_sme"] == 900 * WAN


def test__functional_classes__a_xiang_path_ending_in_its_code_then_its_figures():
    """Jiangsu's "…行政运行（项）（2010101）。年初预算为…，支出决算为…" was dropped silently."""
    for path in ("行政运行（项）（2010101）。", "行政运行（项）2010101。"):
        text = f"（九）一般公共预算财政拨款支出决算具体情况\n1.一般公共服务支出（类）人大事务（款）{path}年初预算为1,200.00万元，支出决算为1,300.00万元。\n"
        assert classes(text, "江苏省测试办公厅\n2022年度部门决算\n") == {("general_budget", "2010101"): 1300 * WAN}


def test__review4__预算收入_of_a_project_a_fund_a_unit_or_in_a_final_is_no_total():
    title = "上海市徐汇区测试局\n2025年区级部门预算\n"
    for text in (
        "智慧城市运维项目2025年预算支出180.00万元，主要用于系统运维。\n",
        "其中，政府性基金2025年预算收入300.00万元，比2024年预算增加20.00万元。\n",
        "本局下属测试中心2025年预算收入800.00万元。\n",
    ):
        assert summary(text, title) == {}
    final = "上海市徐汇区测试局2024年预算支出1,000.00万元，全年实际支出980.00万元。\n"
    assert summary(final, "上海市徐汇区测试局\n2024年度部门决算\n") == {}



def test__three_public__sichuans_category_lines_with_a_colon():
    text = (
        "七、“三公”经费支出情况\n公务用车购置费：0万元。全年按规定更新购置公务用车0辆。\n"
        "公务用车运行维护费：10.00万元。主要用于公务用车燃料费等支出。\n公务接待费：4.20万元。主要用于上级检查。\n"
    )
    report = read_text("雅溪市测试局\n2024年度部门决算\n" + text)
    assert three_of(report) == {"vehicle_purchase": Decimal("0.00"), "vehicle_operation": 10 * WAN, "official_reception": Decimal("42000.00")}


def test__three_public__a_label_less_clause_after_a_category_states_its_change_or_completion():
    """Anhui: "…完成预算的57%；较上年减少0.30万元，下降15%"; Beijing: "…决算为12.00万元，比2023年度增加1.00万元，
    增长9.1%；决算数比年初预算数减少3.00万元，决算数为年初预算数的80.0%"."""
    report = read_text("淮岭县测试办公室\n2023年度部门决算\n1.公务接待费预算为3.00万元，支出决算为1.70万元，完成预算的57%；较上年减少0.30万元，下降15%。\n")
    [reception] = report.three_public
    assert (reception.amount_yuan, reception.prior_year_change_yuan, reception.prior_year_change_pct) == (Decimal("17000.00"), -3 * Decimal(1000), Decimal(-15))
    text = "测试研究所2024年度“三公”经费财政拨款支出决算为12.00万元，比2023年度增加1.00万元，增长9.1%；决算数比年初预算数减少3.00万元，决算数为年初预算数的80.0%。\n"
    [total] = read_text("北京市测试研究所\n2024年度部门决算\n" + text).three_public
    assert (total.amount_yuan, total.completion_pct, total.prior_year_change_yuan) == (12 * WAN, Decimal("80.0"), 1 * WAN)
