"""Project tables of composed reports (tests/reports/projects/): the real corpus has none of them.

Each report is a tab-separated rendering of a table as one region's template prints it; the
expected figures below were written from the composed tables by hand (万元 × 10 000 = yuan), not
from the extractor's output.

    shanghai_targets_budget.txt          Shanghai 项目绩效目标表: one form per project, merged 一级 /
                                         二级 cells, amounts in 元, the second form after a page break
    shanghai_midterm_targets_budget.txt  the municipal template: 中期资金总额 above 年度资金总额, a
                                         caption naming each project, 填表人 under the form
    county_target_declarations_budget.txt 项目支出绩效目标申报表 (Ministry template): two forms in one
                                         table, 指标1： numbering; a 2-column form whose indicators
                                         are a table of their own; a 部门整体支出绩效目标表 (not a project)
    hubei_long_term_targets_budget.txt   项目支出绩效目标表 with the project's 资金总额 beside the year's
                                         当年资金总额, long-term and annual indicators side by side,
                                         then as two blocks (长期绩效指标 / 年度绩效指标)
    grid_targets_budget.txt              部门预算项目绩效目标表 as one grid with a 项目名称 column,
                                         指标性质 / 度量单位 apart, continued over a page break
    self_evaluation_final.txt            项目支出绩效自评表 ×2 with 分值 / 得分 / 总分, and a 项目支出决算表
    sichuan_self_evaluation.txt          部门预算项目支出绩效自评表 (Sichuan): coded project names, 年初预算 /
                                         调整后预算数 / 预算执行数 / 权重, 指标性质 / 度量单位 / 完成值, 合计
    project_expenditure_budget.txt       项目支出预算表 in 元 with a two-row header, a project on two
                                         功能科目 rows, a 一般公共预算 table, a table by class
    unreadable_tables_budget.txt         what is not read: no unit, a text amount, an unknown shape,
                                         units and projects in one column, an untitled table
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract.document import Cell, DocumentBuilder, cell
from extract.project_tables import ProjectTables, read_project_tables
from extract.project_tables.grid import amount_of, heading
from extract.project_tables.labels import label, title_family
from extract.readers.text import parse_text
from transform.contract import contract_dict
from transform.pipeline import process_report

HERE = Path(__file__).resolve().parents[1] / "reports" / "projects"


@cache
def report(name: str) -> dict:
    return contract_dict(process_report(HERE / f"{name}.txt"))


def projects(name: str) -> dict[str, tuple]:
    """project -> (budget_yuan, executed_yuan, completion_pct, score)."""
    return {
        row["project"]: tuple(None if row[f] is None else Decimal(row[f]) for f in ("budget_yuan", "executed_yuan", "completion_pct", "score"))
        for row in report(name)["project_performance"]
    }


def indicators(name: str, *fields: str) -> list[tuple]:
    return [tuple(row[f] for f in fields) for row in report(name)["performance_indicators"]]


def rules(name: str) -> list[str]:
    return sorted(finding["rule"] for finding in report(name)["findings"])


def d(value: str) -> Decimal:
    return Decimal(value)


TARGET_FIELDS = ("project", "level1", "level2", "level3", "target", "target_value", "unit", "comparator")


# --- Shanghai 项目绩效目标表 -------------------------------------------------------------------


def test__shanghai_forms__each_project_with_its_amount_in_yuan():
    assert projects("shanghai_targets_budget") == {
        "食品安全抽检监测": (d("2368456.78"), None, None, None),
        "特种设备安全监察": (d("1200000.00"), None, None, None),
    }
    assert rules("shanghai_targets_budget") == []


def test__shanghai_forms__the_sentence_and_the_table_are_one_project_with_both_evidences():
    """236.85万元 in the text is the table's 2,368,456.78 元 rounded: one figure, the table's."""
    (food,) = [r for r in report("shanghai_targets_budget")["project_performance"] if r["project"] == "食品安全抽检监测"]
    assert "食品安全抽检监测项目236.85万元" in food["evidence"] and "2,368,456.78" in food["evidence"]


def test__shanghai_forms__merged_level_cells_are_the_ones_above():
    assert indicators("shanghai_targets_budget", *TARGET_FIELDS) == [
        ("食品安全抽检监测", "产出指标", "数量指标", "食品抽检批次", "≥3000批次", "3000", "批次", ">="),
        ("食品安全抽检监测", "产出指标", "数量指标", "快检批次", "≥12000批次", "12000", "批次", ">="),
        ("食品安全抽检监测", "产出指标", "质量指标", "抽检任务完成率", "100%", "100", "%", "="),
        ("食品安全抽检监测", "产出指标", "时效指标", "不合格食品核查处置及时率", "≥95%", "95", "%", ">="),
        ("食品安全抽检监测", "效益指标", "社会效益指标", "食品安全事件发生率", "逐年下降", None, None, None),
        ("食品安全抽检监测", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "90", "%", ">="),
        ("特种设备安全监察", "产出指标", "数量指标", "特种设备监督检查台次", "≥800台次", "800", "台次", ">="),
        ("特种设备安全监察", "产出指标", "成本指标", "单台设备检查成本", "≤1500元", "1500", "元", "<="),
        ("特种设备安全监察", "效益指标", "社会效益指标", "特种设备事故发生起数", "0起", "0", "起", "="),
        ("特种设备安全监察", "满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%", "90", "%", ">="),
    ]


def test__midterm_template__the_year_s_amount_never_the_mid_term_one():
    """中期资金总额 3,600.00 and its 其中 row are not the year's: 年度资金总额 1,200.00 = 1,150.00 + 50.00."""
    assert projects("shanghai_midterm_targets_budget") == {
        "道路保洁作业": (d("12000000.00"), None, None, None),
        "垃圾分类宣传": (d("850000.00"), None, None, None),
    }
    assert rules("shanghai_midterm_targets_budget") == []


def test__midterm_template__captions_between_forms_and_the_signature_row_is_no_indicator():
    assert indicators("shanghai_midterm_targets_budget", "project", "level3", "target") == [
        ("道路保洁作业", "道路保洁面积", "≥520万平方米"),
        ("道路保洁作业", "道路保洁质量达标率", "≥95%"),
        ("道路保洁作业", "市民投诉处理率", "100%"),
        ("道路保洁作业", "市民满意度", "≥85%"),
        ("垃圾分类宣传", "宣传活动场次", "≥40场"),
        ("垃圾分类宣传", "居民知晓率", "≥90%"),
    ]


# --- 项目支出绩效目标申报表 and a 2-column form --------------------------------------------------


def test__declarations__two_forms_in_one_table_and_a_two_column_form():
    assert projects("county_target_declarations_budget") == {
        "乡村振兴示范点建设项目": (d("1500000.00"), None, None, None),
        "高标准农田建设项目": (d("1005000.00"), None, None, None),
        "动物疫病防控": (d("495000.00"), None, None, None),
    }
    assert rules("county_target_declarations_budget") == []


def test__declarations__numbered_level3_and_the_indicators_of_each_form():
    rows = indicators("county_target_declarations_budget", *TARGET_FIELDS)
    assert rows == [
        ("乡村振兴示范点建设项目", "产出指标", "数量指标", "建设示范点数量", "3个", "3", "个", "="),
        ("乡村振兴示范点建设项目", "产出指标", "质量指标", "工程验收合格率", "100%", "100", "%", "="),
        ("乡村振兴示范点建设项目", "产出指标", "时效指标", "完工时间", "2024年12月底前", None, None, None),
        ("乡村振兴示范点建设项目", "产出指标", "成本指标", "示范点平均建设成本", "≤50万元", "50", "万元", "<="),
        ("乡村振兴示范点建设项目", "效益指标", "经济效益指标", "村集体经济年增收", "≥5万元", "5", "万元", ">="),
        ("乡村振兴示范点建设项目", "效益指标", "可持续影响指标", "示范带动作用", "长期", None, None, None),
        ("乡村振兴示范点建设项目", "满意度指标", "服务对象满意度指标", "村民满意度", "≥95%", "95", "%", ">="),
        ("高标准农田建设项目", "产出指标", "数量指标", "新建高标准农田面积", "2000亩", "2000", "亩", "="),
        ("高标准农田建设项目", "效益指标", "经济效益指标", "亩均粮食增产", "≥50公斤", "50", "公斤", ">="),
        ("高标准农田建设项目", "满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "90", "%", ">="),
        ("动物疫病防控", "产出指标", "数量指标", "强制免疫畜禽数量", "≥50万头(羽)", None, None, None),
        ("动物疫病防控", "产出指标", "质量指标", "免疫密度", "≥90%", "90", "%", ">="),
        ("动物疫病防控", "效益指标", "社会效益指标", "重大动物疫情发生次数", "0次", "0", "次", "="),
    ]


def test__long_term__the_year_s_amount_and_the_year_s_indicators():
    assert projects("hubei_long_term_targets_budget") == {
        "教育系统基础设施建设和设备购置": (d("10000000.00"), None, None, None),  # 当年资金总额, not 资金总额 3000万元
        "学前教育生均公用经费补助": (d("4206000.00"), None, None, None),  # 总额, the only total printed
    }
    assert rules("hubei_long_term_targets_budget") == []
    assert indicators("hubei_long_term_targets_budget", "project", "level1", "level2", "level3", "target") == [
        ("教育系统基础设施建设和设备购置", "产出指标", "数量指标", "重点建设工程安排数量", "2个"),
        ("教育系统基础设施建设和设备购置", "产出指标", "质量指标", "重点建设工程验收合格率", "100%"),
        ("教育系统基础设施建设和设备购置", "效益指标", "社会效益指标", "新增学位", "≥1800个"),
        ("教育系统基础设施建设和设备购置", "满意度指标", "服务对象满意度指标", "学生、家长、社会满意度", "≥90%"),
        ("学前教育生均公用经费补助", "产出指标", "数量指标", "补助幼儿人数", "≥7000人"),
        ("学前教育生均公用经费补助", "产出指标", "时效指标", "资金拨付时间", "2020年12月前"),
        ("学前教育生均公用经费补助", "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"),
    ]


# --- one grid with a 项目名称 column ------------------------------------------------------------


def test__grid__projects_and_a_sentence_that_disagrees():
    """The text says 90万元 for a project the table prints as 86.40万元: neither is loaded."""
    assert projects("grid_targets_budget") == {
        "学生资助补助经费": (d("3200000.00"), None, None, None),
        "校园安保购买服务": (None, None, None, None),
    }
    (conflict,) = report("grid_targets_budget")["findings"]
    assert conflict["rule"] == "conflicting_statements" and "校园安保购买服务" in conflict["message"]
    assert (conflict["expected_value"], conflict["actual_value"]) == ("864000.00", "900000.00")


def test__grid__direction_and_unit_columns_and_a_page_break():
    assert indicators("grid_targets_budget", *TARGET_FIELDS) == [
        ("学生资助补助经费", "产出指标", "数量指标", "资助学生人数", "1500", "1500", "人次", ">="),
        ("学生资助补助经费", "产出指标", "质量指标", "资助政策落实率", "100", "100", "%", "="),
        ("学生资助补助经费", "效益指标", "社会效益指标", "因贫辍学学生数", "0", "0", "人", "<="),
        ("学生资助补助经费", "满意度指标", "服务对象满意度指标", "受助学生满意度", "90", "90", "%", ">="),
        ("校园安保购买服务", "产出指标", "数量指标", "安保人员配备人数", "120", "120", "人", ">="),
        ("校园安保购买服务", "产出指标", "时效指标", "安保服务覆盖时段", "全学期", None, None, None),
        ("校园安保购买服务", "效益指标", "社会效益指标", "校园安全事故发生率", "明显降低", None, None, None),
        ("校园安保购买服务", "满意度指标", "服务对象满意度指标", "家长满意度", "95", "95", "%", ">="),
    ]


# --- 项目支出绩效自评表 and 项目支出决算表 -------------------------------------------------------


def test__self_evaluation__budget_executed_rate_and_total_score():
    assert projects("self_evaluation_final") == {
        # 全年预算数 125 (年初 120), 全年执行数 118.75, 执行率 95%, 总分 得分 95.5; the 决算表 agrees
        "基本公共卫生服务补助": (d("1250000.00"), d("1187500.00"), d("95"), d("95.5")),
        # the form prints 执行率 80%, the 决算表 90% (45 / 50): the rate is not loaded
        "卫生监督执法专项": (d("500000.00"), d("450000.00"), None, d("90")),
        # only in the 决算表
        "家庭医生签约服务": (d("320000.00"), d("302000.00"), d("94.38"), None),
        # the text says 执行数21万元 (84%), the 决算表 20.00 (80%): budget 25 agrees, the rest is not loaded
        "妇幼健康服务": (d("250000.00"), None, None, None),
    }


def test__self_evaluation__slips_are_findings():
    found = report("self_evaluation_final")["findings"]
    assert rules("self_evaluation_final") == ["conflicting_statements"] * 3 + ["sum_mismatch"]
    (total,) = [f for f in found if f["rule"] == "sum_mismatch"]
    # 8 (资金) + 30 + 28 + 30 = 96, printed 总分 90
    assert (total["expected_value"], total["actual_value"]) == ("90", "96") and "卫生监督执法专项" in total["message"]
    conflicts = {(f["message"].split(":")[0], f["message"].split(": ")[1].split(" ")[0]) for f in found if f["rule"] == "conflicting_statements"}
    assert conflicts == {
        ("project 妇幼健康服务", "executed_yuan"),
        ("project 妇幼健康服务", "completion_pct"),
        ("project 卫生监督执法专项", "completion_pct"),
    }


def test__self_evaluation__indicators_with_actual_weight_and_score():
    fields = ("project", "level1", "level2", "level3", "target", "actual", "actual_value", "weight", "score")
    assert indicators("self_evaluation_final", *fields) == [
        ("基本公共卫生服务补助", "产出指标", "数量指标", "居民电子健康档案建档率", "≥90%", "92%", "92", "20", "20"),
        ("基本公共卫生服务补助", "产出指标", "数量指标", "老年人健康管理人数", "≥8000人", "7600人", "7600", "15", "13"),
        ("基本公共卫生服务补助", "产出指标", "质量指标", "高血压患者规范管理率", "≥60%", "65%", "65", "15", "15"),
        ("基本公共卫生服务补助", "产出指标", "时效指标", "项目资金拨付及时性", "及时", "及时", None, "10", "10"),
        ("基本公共卫生服务补助", "效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "27%", "27", "10", "10"),
        ("基本公共卫生服务补助", "效益指标", "可持续影响指标", "基本公共卫生服务长效机制", "长期", "已建立", None, "10", "8"),
        ("基本公共卫生服务补助", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", "93", "10", "10"),
        ("卫生监督执法专项", "产出指标", "数量指标", "监督检查户次", "≥1200户次", "1260户次", "1260", "30", "30"),
        ("卫生监督执法专项", "效益指标", "社会效益指标", "违法案件结案率", "100%", "98%", "98", "30", "28"),
        ("卫生监督执法专项", "满意度指标", "服务对象满意度指标", "被监督单位满意度", "≥85%", "88%", "88", "30", "30"),
    ]


def test__sichuan_self_evaluation__coded_names_adjusted_budget_and_合计():
    assert projects("sichuan_self_evaluation") == {
        # 调整后预算数 251.89, 预算执行数 251.89, 100.00%, 合计 得分 100
        "工资性支出": (d("2518900.00"), d("2518900.00"), d("100.00"), d("100")),
        "价格监测经费": (d("120000.00"), d("108000.00"), d("90.00"), d("96")),
    }
    assert rules("sichuan_self_evaluation") == []
    fields = ("project", "level3", "target", "actual", "target_value", "unit", "comparator", "weight", "score")
    assert indicators("sichuan_self_evaluation", *fields) == [
        ("工资性支出", "发放(缴纳)覆盖率", "100", "100%", "100", "%", "=", "60", "60"),
        ("工资性支出", "足额保障率(参保率)", "100", "100%", "100", "%", "=", "30", "30"),
        ("价格监测经费", "价格监测报告期数", "24", "24期", "24", "期", ">=", "30", "30"),
        ("价格监测经费", "监测数据按时报送率", "95", "96%", "95", "%", ">=", "30", "30"),
        ("价格监测经费", "服务对象满意度", "90", "88%", "90", "%", ">=", "30", "27"),
    ]


# --- 项目支出表 -----------------------------------------------------------------------------------


def test__expenditure_table__projects_in_yuan_split_rows_added_total_row_skipped():
    assert projects("project_expenditure_budget") == {
        "人民调解工作经费": (d("1250000.00"), None, None, None),
        "法律援助经费": (d("860500.50"), None, None, None),
        # 400,000.00 (2040604) + 120,000.00 (2040699); its 400,000.00 of 一般公共预算 is a part
        "社区矫正工作经费": (d("520000.00"), None, None, None),
        # 合计 300,000.00; the 一般公共预算 table's 200,000.00 is its general-budget part
        "公共法律服务体系建设": (d("300000.00"), None, None, None),
    }
    assert rules("project_expenditure_budget") == []
    assert report("project_expenditure_budget")["performance_indicators"] == []


def test__expenditure_table__both_rows_of_a_split_project_are_its_evidence():
    (row,) = [r for r in report("project_expenditure_budget")["project_performance"] if r["project"] == "社区矫正工作经费"]
    assert "2040604" in row["evidence"] and "2040699" in row["evidence"] and "52万元" in row["evidence"]


# --- what is not read -----------------------------------------------------------------------------


def test__unreadable__findings_instead_of_guesses():
    assert rules("unreadable_tables_budget") == [
        "amount_without_unit",  # 年度资金总额 80, no unit anywhere
        "indicator_row_unreadable",  # a 指标值 without its 三级指标
        "project_cell_unreadable",  # 年度资金总额 详见附表
        "project_table_unreadable",  # 部门项目绩效目标表 with 项目 | 内容
        "project_table_unreadable",  # 单位名称（项目名称）
        "table_header_unmapped",  # 考核方式
    ]
    assert projects("unreadable_tables_budget") == {
        "公共文化场馆免费开放": (None, None, None, None),
        "非遗保护传承": (None, None, None, None),
    }
    levels3 = [row[0] for row in indicators("unreadable_tables_budget", "level3")]
    assert levels3 == ["接待群众人次", "群众满意度", "非遗传承活动场次"]


# --- the pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, expected",
    [
        ("上海市普陀区财政局2025年项目绩效目标表（单位：元）", ("targets", "all", "元")),
        ("表13 部门预算项目绩效目标表", ("targets", "all", None)),
        ("项目支出绩效目标申报表（2024年度）", ("targets", "all", None)),
        ("附件2：2023年度项目支出绩效自评表", ("self_evaluation", "all", None)),
        ("公开10表 一般公共预算项目支出预算表", ("expenditure", "general_budget", None)),
        ("2023年度项目支出决算表", ("expenditure", "all", None)),
        ("详见单位的项目绩效目标表。", None),
        ("部门整体支出绩效目标表", None),
        ("项目绩效目标完成情况表", None),
        ("一般公共预算基本支出和项目支出表", None),
        ("2025年部门支出预算总表", None),
    ],
)
def test__title_family__by_the_end_of_the_title(title, expected):
    family = title_family(title.replace("（", "(").replace("）", ")").replace("：", ":"))
    assert (None if family is None else (family.family, family.fund_scope, family.unit)) == expected


@pytest.mark.parametrize(
    "text, name, unit",
    [
        ("项目资金(万元)", "项目资金", "万元"),
        ("其中:当年财政拨款", "当年财政拨款", None),
        ("年度资金总额:", "年度资金总额", None),
        ("执行率(%)", "执行率", "%"),
        ("执行率(B/A)", "执行率", None),
        ("年度指标值(A)", "年度指标值", None),
    ],
)
def test__label__without_colons_其中_and_unit(text, name, unit):
    assert (label(text).name, label(text).unit) == (name, unit)


@pytest.mark.parametrize(
    "text, unit, value, problem",
    [
        ("2,368,456.78", "元", "2368456.78", None),
        ("236.8万元", None, "2368000.00", None),
        ("120", "万元", "1200000.00", None),
        ("—", "万元", None, None),
        ("", "万元", None, None),
        ("80", None, None, "no unit"),
        ("详见附表", "万元", None, "'详见附表' is not an amount"),
    ],
)
def test__amount_of__a_cell_in_yuan_or_why_not(text, unit, value, problem):
    found = amount_of(text, unit)
    assert (None if found.value is None else str(found.value), found.problem) == (value, problem)


def test__heading__unit_in_a_head_row_of_the_table():
    document = parse_text("2025年项目支出预算表\n编制单位：某局\t单位：元\n项目名称\t合计\n甲项目\t1,000.00\n", "t.txt", "0" * 64)
    head = heading(document, document.tables[0])
    assert (head.family.family, head.unit, head.body) == ("expenditure", "元", 1)


# --- tables as the Word and PDF readers give them: merged cells repeated, marked ---------------

MERGED_FORM = [
    # "<": merged with the cell on the left; "^": merged with the cell above
    ["项目支出绩效目标申报表", "<", "<", "<", "<"],
    ["项目名称", "乡村振兴示范点建设项目", "<", "<", "<"],
    ["项目资金（万元）", "年度资金总额：", "150", "<", "<"],
    ["^", "其中：财政拨款", "120", "<", "<"],
    ["^", "其他资金", "30", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值"],
    ["^", "产出指标", "数量指标", "指标1：建设示范点数量", "3个"],
    ["^", "^", "质量指标", "指标1：工程验收合格率", "100%"],
    ["^", "满意度指标", "服务对象满意度指标", "指标1：村民满意度", "≥95%"],
]


def model_document(rows: list[list[str]], title_above: str | None = None):
    builder = DocumentBuilder("model.docx", "0" * 64, "docx")
    if title_above:
        builder.add_line(title_above)
    cells: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells.append([])
        for c, text in enumerate(row):
            source = cells[r][c - 1] if text == "<" else cells[r - 1][c] if text == "^" else None
            cells[r].append(cell(source.raw, merged=True) if source else cell(text))
    builder.add_table(cells)
    return builder.build()


def test__merged_cells__read_as_the_text_rendering_reads_them():
    found = read_project_tables(model_document(MERGED_FORM), "budget")
    ((mention,),) = [found.mentions]
    assert (mention.name, mention.budget_yuan, found.findings) == ("乡村振兴示范点建设项目", Decimal("1500000.00"), ())
    assert [(r.level1, r.level2, r.level3, r.target) for r in found.indicators] == [
        ("产出指标", "数量指标", "建设示范点数量", "3个"),
        ("产出指标", "质量指标", "工程验收合格率", "100%"),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "≥95%"),
    ]


def test__merged_cells__a_label_and_its_value_in_one_cell_across_the_form():
    rows = [
        ["项目支出绩效目标申报表", "<", "<", "<"],
        ["项目名称：村级公益事业一事一议", "<", "<", "<"],
        ["主管部门：某县财政局", "<", "实施单位：某县财政局", "<"],
        ["项目资金（万元）", "年度资金总额：60万元", "<", "<"],
        ["^", "其中：财政拨款", "60", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "奖补项目个数", "≥12个"],
    ]
    found = read_project_tables(model_document(rows), "budget")
    assert [(m.name, m.budget_yuan) for m in found.mentions] == [("村级公益事业一事一议", Decimal("600000.00"))]
    assert [(r.project, r.level3, r.target_value) for r in found.indicators] == [("村级公益事业一事一议", "奖补项目个数", Decimal("12"))]
    assert found.findings == ()


def test__merged_cells__a_completion_table_is_left_to_extract_tables():
    rows = [["项目名称", "政协会议经费", "<"], ["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "参会率"]]
    assert read_project_tables(model_document(rows, "项目绩效目标完成情况表"), "final") == ProjectTables()


def test__other_year__a_prior_year_self_evaluation_in_a_budget_report_is_not_its_figures():
    text = (
        "2023年度项目支出绩效自评表\n单位：万元\n项目名称\t甲项目\n"
        "项目资金\t\t全年预算数\t全年执行数\n\t年度资金总额\t10\t9\n"
    )
    found = read_project_tables(parse_text(text, "t.txt", "0" * 64), "budget", 2024)
    assert (found.mentions, found.indicators) == ((), ())
    assert [(f.rule, f.message) for f in found.findings] == [
        ("project_table_other_year", "a project table of 2023 in a report of 2024: not loaded as the report's figures")
    ]
    same_year = read_project_tables(parse_text(text, "t.txt", "0" * 64), "final", 2023)
    assert [(m.name, m.budget_yuan, m.executed_yuan) for m in same_year.mentions] == [("甲项目", Decimal("100000.00"), Decimal("90000.00"))]


def test__continuation__a_department_wide_table_after_a_caption_is_not_the_form_s():
    text = (
        "项目绩效目标表\n单位：万元\n项目名称\t甲项目\n项目金额\t10\n"
        "部门整体支出绩效目标表\n"
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t乙指标\t5次\n"
    )
    found = read_project_tables(parse_text(text, "t.txt", "0" * 64), "budget")
    assert [(m.name, m.budget_yuan) for m in found.mentions] == [("甲项目", Decimal("100000.00"))]
    assert found.indicators == ()


def test__continuation__rows_after_another_table_s_title_are_not_the_form_s():
    text = (
        "项目绩效目标表\n单位：万元\n项目名称\t甲项目\n项目金额\t10\n"
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t乙指标\t5次\n"
        "部门整体支出绩效目标表\n"
        "效益指标\t社会效益指标\t丙指标\t提升\n"
    )
    found = read_project_tables(parse_text(text, "t.txt", "0" * 64), "budget")
    assert [row.level3 for row in found.indicators] == ["乙指标"]


def test__continuation__not_across_a_sentence():
    text = (
        "项目绩效目标表\n单位：万元\n项目名称\t甲项目\n项目金额\t10\n"
        "以下为另一张表。\n"
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t乙指标\t5次\n"
    )
    found = read_project_tables(parse_text(text, "t.txt", "0" * 64), "budget")
    assert [(m.name, m.budget_yuan) for m in found.mentions] == [("甲项目", Decimal("100000.00"))]
    assert found.indicators == ()
