"""The report's identity from every common title shape, each with a line as a PDF or a Word file
prints it (one title line per line), and what must never be read as a title or a department."""

from __future__ import annotations

import pytest

from extract.department_names import body_key, labelled_name, placeholder_in, region_of
from extract.errors import UnreadableReport
from extract.metadata import read_metadata
from extract.readers.text import parse_text
from extract.report import extract_document


def doc(text: str):
    return parse_text(text, "inline.txt", "0" * 64)


def identity(text: str) -> tuple:
    metadata, _ = read_metadata(doc(text))
    return (metadata.department, metadata.region, metadata.fiscal_year, metadata.phase, metadata.report_scope)


@pytest.mark.parametrize(
    "text, expected",
    [
        # two lines: the department, then the year and the kind (a Jiangsu cover)
        ("江苏省高级人民法院\n2019 年度部门预算公开\n", ("江苏省高级人民法院", "江苏省", 2019, "budget", "department")),
        ("江苏省人民检察院\n2018年部门预算\n \n", ("江苏省人民检察院", "江苏省", 2018, "budget", "department")),
        ("成都市锦江区教育局\n2024年度部门决算\n", ("成都市锦江区教育局", "成都市锦江区", 2024, "final", "department")),
        # the department before the year, on one line
        ("江苏省人大常委会办公厅2019年部门预算\n", ("江苏省人大常委会办公厅", "江苏省", 2019, "budget", "department")),
        ("江苏省委办公厅 2017 年度部门预算 \n目 录 \n", ("江苏省委办公厅", "江苏省", 2017, "budget", "department")),
        ("成都市锦江区教育局2018年度部门预算公开\n", ("成都市锦江区教育局", "成都市锦江区", 2018, "budget", "department")),
        ("攀枝花市西区财政局2023年度单位决算\n", ("攀枝花市西区财政局", "攀枝花市西区", 2023, "final", "unit")),
        # a qualifier saying which accounts the report covers is no part of the department's name
        ("绍兴市越城区农业农村局（本级）2019年部门预算\n", ("绍兴市越城区农业农村局", "绍兴市越城区", 2019, "budget", "department")),
        ("怀远县人民政府办公室(汇总)2022年部门预算\n", ("怀远县人民政府办公室", "怀远县", 2022, "budget", "department")),
        ("2021年度平阳县水务局（本级）部门决算\n", ("平阳县水务局", "平阳县", 2021, "final", "department")),
        # the department between the year and 部门预算
        ("2017年度江苏省财政厅部门预算公开\n", ("江苏省财政厅", "江苏省", 2017, "budget", "department")),
        # a region before the year, the department on a label line below (Shanghai)
        (
            "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区人民政府办公室\n",
            ("上海市普陀区人民政府办公室", "上海市普陀区", 2025, "budget", "department"),
        ),
        (
            "上海市普陀区2025年区级单位预算\n预算单位：上海市普陀区商务委员会\n",
            ("上海市普陀区商务委员会", "上海市普陀区", 2025, "budget", "unit"),
        ),
        # the region from the title when the department's own name lacks it (or has only its tail)
        ("上海市普陀区2025年区级部门预算\n预算主管部门：区财政局\n", ("区财政局", "上海市普陀区", 2025, "budget", "department")),
        ("上海市普陀区2025年区级部门预算\n编制部门：普陀区财政局\n", ("普陀区财政局", "上海市普陀区", 2025, "budget", "department")),
        # a region before the year, the department on the next line without a label
        ("上海市普陀区2025年区级部门预算\n上海市普陀区财政局\n目 录\n", ("上海市普陀区财政局", "上海市普陀区", 2025, "budget", "department")),
        # other label words
        ("2023年度部门决算\n单位名称：阜宁县卫生健康委员会\n", ("阜宁县卫生健康委员会", "阜宁县", 2023, "final", "department")),
        ("2023年度单位决算公开\n编制单位：阜宁县疾病预防控制中心\n", ("阜宁县疾病预防控制中心", "阜宁县", 2023, "final", "unit")),
        ("2023年度部门决算\n部门：涟水县教育局\n", ("涟水县教育局", "涟水县", 2023, "final", "department")),
        # spaces inside the year and the name, full-width digits
        ("上海市 XX 局\n2024 年度部门决算\n", ("上海市XX局", "上海市", 2024, "final", "department")),
        ("绵阳市涪城区卫生健康局\n２０２３年度部门预算\n", ("绵阳市涪城区卫生健康局", "绵阳市涪城区", 2023, "budget", "department")),
        ("中共阜宁县委宣传部二〇二三年度部门决算\n", ("中共阜宁县委宣传部", "阜宁县", 2023, "final", "department")),
        ("2023年度部门决算公开\n单位名称（盖章）：阜宁县财政局\n", ("阜宁县财政局", "阜宁县", 2023, "final", "department")),
        ("2023年度部门决算公开\n填报单位：阜宁县财政局\n", ("阜宁县财政局", "阜宁县", 2023, "final", "department")),
        # a part heading for the title; the department in another part heading
        (
            "第一部分  攀枝花市西区人大办公室概况\n第二部分  攀枝花市西区人大办公室\n\n2022年部门预算情况说明\n",
            ("攀枝花市西区人大办公室", "攀枝花市西区", 2022, "budget", "department"),
        ),
        # a self-evaluation names no scope
        (
            "附件2\n\n定西市人大常委会办公室\n2021年度市级预算执行情况绩效自评报告\n",
            ("定西市人大常委会办公室", "定西市", 2021, "self_evaluation", None),
        ),
    ],
)
def test__read_metadata__title_shapes(text, expected):
    assert identity(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "阜宁县财政局2023年度一般公共预算财政拨款“三公”经费支出决算\n",
            ("阜宁县财政局", "阜宁县", 2023, "final", None),
        ),
        ("涟水县教育局2023年度“三公”经费决算情况说明\n", ("涟水县教育局", "涟水县", 2023, "final", None)),
        ("阜宁县财政局关于2023年度“三公”经费决算情况的说明\n", ("阜宁县财政局", "阜宁县", 2023, "final", None)),
        ("宁远县农业农村局2024年“三公”经费预算公开\n", ("宁远县农业农村局", "宁远县", 2024, "budget", None)),
        (
            "2015年射阳县农业委员会部门“三公”经费情况统计表\n单位：元\n项目\t预算数\t决算数\n公务接待费\t3,000.00\t2,000.00\n",
            ("射阳县农业委员会", "射阳县", 2015, "final", "department"),
        ),
        (
            "2016年射阳县农业委员会部门“三公”经费情况统计表\n单位：元\n项目\t本年预算数\t上年预算数\n公务接待费\t3,000.00\t2,000.00\n",
            ("射阳县农业委员会", "射阳县", 2016, "budget", "department"),
        ),
        # the title says 预算 (执行), the table has a 决算数 column: final
        (
            "宁远县农业农村局2023年“三公”经费预算执行情况\n单位：万元\n项目\t预算数\t决算数\n公务接待费\t3\t2\n",
            ("宁远县农业农村局", "宁远县", 2023, "final", None),
        ),
    ],
)
def test__read_metadata__standalone_three_public_titles(text, expected):
    metadata, _ = read_metadata(doc(text))
    assert metadata.subject == "three_public"
    assert (metadata.department, metadata.region, metadata.fiscal_year, metadata.phase, metadata.report_scope) == expected


def test__read_metadata__a_three_public_title_without_phase_or_table_is_refused():
    with pytest.raises(UnreadableReport, match="say neither 预算 nor 决算"):
        read_metadata(doc("2015年射阳县农业委员会部门“三公”经费情况统计表\n公务接待费2,000元。\n"))


def test__read_metadata__a_report_title_wins_over_its_three_public_table_titles():
    """A Shanghai 部门预算's table of contents names its 三公 table with the year; the cover wins."""
    text = "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区财政局\n9．2025年部门“三公”经费和机关运行经费预算表\n"
    metadata, _ = read_metadata(doc(text))
    assert (metadata.subject, metadata.title.number) == ("report", 1)


def test__read_metadata__department_from_a_performance_tables_budget_unit_cell():
    """A Word or PDF table row "预算单位 | 攀枝花市西区政协" (the text exports print one cell a line)."""
    text = "第二部分 2020年度部门决算情况说明\n项目名称\t政协会议经费\n预算单位\t攀枝花市西区政协\n"
    assert identity(text) == ("攀枝花市西区政协", "攀枝花市西区", 2020, "final", "department")


def test__read_metadata__department_from_another_title_when_the_cover_is_an_image():
    """The Jiangsu 政协 说明: its cover is a picture; the 附件 line names the department."""
    text = (
        "- 1 -\n目 录\n第一部分 部门概况\n第二部分 2019 年度部门预算表\n第三部分 2019 年度部门预算情况说明\n"
        "省政协是我省最广泛的爱国统一战线组织。\n附件：江苏省政协办公厅 2019 年度部门预算公开表\n"
    )
    assert identity(text) == ("江苏省政协办公厅", "江苏省", 2019, "budget", "department")


def test__read_metadata__a_file_of_tables_takes_its_department_from_the_label_lines():
    """A Jiangsu 公开表 file: "部门：" above every table (one cut by a line break), a year only in
    the last table's title."""
    text = (
        "部门：中国共产党江苏省委员会办公厅 单位：万元\n收支预算总表\n"
        "部门：中国共产党江苏省委员会办\n公厅 单位：万元\n收入预算总表\n"
        "部门：中国共产党江苏省委员会办公厅 单位：万元\n支出预算总表\n"
        "2017年政府采购预算表\n部门：中国共产党江苏省委员会办公厅\n单位：万元\n"
    )
    metadata, findings = read_metadata(doc(text))
    assert (metadata.department, metadata.region, metadata.fiscal_year, metadata.phase, metadata.report_scope) == (
        "中国共产党江苏省委员会办公厅", "江苏省", 2017, "budget", "department",
    )
    assert metadata.subject == "tables" and not findings


def test__read_metadata__a_table_title_without_phase_takes_the_tables_names():
    text = "2017年部门收支总表\n部门：江苏省财政厅 单位：万元\n收入预算总表\n支出预算总表\n"
    assert identity(text) == ("江苏省财政厅", "江苏省", 2017, "budget", "department")


def test__read_metadata__a_table_title_without_department_is_no_report():
    with pytest.raises(UnreadableReport, match="no department"):
        read_metadata(doc("2019年政府采购预算表\n单位：万元\n"))


def test__read_metadata__the_label_lines_contradicting_the_title_are_a_finding():
    text = "江苏省财政厅\n2019年度部门预算公开\n目 录\n第一部分 部门概况\n一、主要职能\n收支预算总表\n" + "部门：江苏省审计厅 单位：万元\n" * 3
    metadata, findings = read_metadata(doc(text))
    assert metadata.department == "江苏省财政厅"
    assert [f.rule for f in findings] == ["document_department_conflict"]


@pytest.mark.parametrize(
    "text",
    [
        "2022年，收入预算556.28万元，其中：一般公共预算收入471.08万元。\n",
        "江苏省政协办公厅 2019 年度财政拨款基本支出预算\n",
        "从前有座山。\n山里有座庙。\n",
    ],
)
def test__read_metadata__sentences_are_no_titles(text):
    with pytest.raises(UnreadableReport, match="not a budget report"):
        read_metadata(doc(text))


@pytest.mark.parametrize("cover", ["××局\n2024年度部门决算\n", "XX县财政局2023年度“三公”经费决算情况说明\n"])
def test__extract_document__other_templates_load_nothing(cover):
    with pytest.raises(UnreadableReport, match="a template: its department is a placeholder"):
        extract_document(doc(cover))


def test__extract_document__a_template_loads_nothing_and_says_why():
    """The Shanghai 部门决算 template: department 上海市 XX 局, every amount XXX."""
    text = (
        "上海市 XX 局\n2024 年度部门决算\n第三部分 上海市 XX 局 2024 年度部门决算情况说明\n"
        "上海市 XX 局 2024 年度收入、支出决算总计 XXX 万元。与 2023 年度相比，收、支决算总计各增加 XXX 万元。\n"
    )
    with pytest.raises(UnreadableReport, match=r"a template: its department is a placeholder \(XX\); nothing to load"):
        extract_document(doc(text))


@pytest.mark.parametrize(
    "line, name, scope",
    [
        ("预算主管部门：上海市普陀区财政局", "上海市普陀区财政局", "department"),
        ("部门名称：江苏省高级人民法院 单位：万元", "江苏省高级人民法院", "department"),
        ("部门： 江苏省人大常委会办公厅 单位：万元", "江苏省人大常委会办公厅", "department"),
        ("编制单位：上海市普陀区商务委员会 单位：元", "上海市普陀区商务委员会", None),
        ("预算单位：上海市普陀区商务委员会", "上海市普陀区商务委员会", "unit"),
    ],
)
def test__labelled_name__label_lines(line, name, scope):
    from extract.document import normalise

    found = labelled_name(normalise(line))
    assert (found.name, found.label.report_scope) == (name, scope)


@pytest.mark.parametrize("line", ["部门： 单位：万元", "单位：万元", "部门：负责全省党政系统的密码通信"])
def test__labelled_name__no_name_no_label(line):
    from extract.document import normalise

    assert labelled_name(normalise(line)) is None


@pytest.mark.parametrize(
    "department, region",
    [
        ("中国共产党江苏省委员会办公厅", "江苏省"),
        ("中共江苏省委办公厅", "江苏省"),
        ("江苏省人大常委会办公厅", "江苏省"),
        ("上海市XX局", "上海市"),
        ("攀枝花市西区政协", "攀枝花市西区"),
    ],
)
def test__region_of__after_a_partys_name(department, region):
    assert region_of(department) == region


def test__body_key__one_body_under_its_printed_names():
    assert body_key("中国共产党江苏省委员会办公厅") == body_key("中共江苏省委办公厅") == body_key("江苏省委办公厅")
    assert body_key("江苏省人民代表大会常务委员会办公厅") == body_key("江苏省人大常委会办公厅")
    assert body_key("江苏省政协办公厅") != body_key("江苏省人大常委会办公厅")


@pytest.mark.parametrize("name, token", [("上海市XX局", "XX"), ("××县财政局", "××"), ("上海市普陀区财政局", None)])
def test__placeholder_in(name, token):
    assert placeholder_in(name) == token
