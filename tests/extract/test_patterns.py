"""Each named pattern with the real sentence it was written for, and the figures it yields."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.document import normalise
from extract.readers.text import decode, parse_text
from extract.errors import UnreadableReport
from extract.function_classes import extract_function_classes
from extract.measures import read_measures
from extract.metadata import read_metadata, region_of
from extract.numbers import first_change, to_yuan
from extract.project_names import display_name, project_key
from extract.sentences import body_sentences


def doc(text: str):
    return parse_text(text, "inline.txt", "0" * 64)


def test__normalise__fullwidth_digits_and_punctuation():
    assert normalise("２０２１年，完成预算１００ ％。\u3000") == "2021年,完成预算100 %。"


def test__decode__gbk_and_utf8_bom():
    text = "2020年度部门决算"
    assert decode(text.encode("gb18030"), "x.txt") == (text, "gb18030")
    assert decode("\ufeff".encode() + text.encode(), "x.txt") == (text, "utf-8")


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02abc", "binary"), (bytes(range(1, 32)) * 40, "binary")],
)
def test__decode__refuses_what_is_not_text(data, reason):
    with pytest.raises(UnreadableReport, match=reason):
        decode(data, "bad.txt")


@pytest.mark.parametrize(
    "number, unit, yuan",
    [("277.83", "万元", "2778300.00"), ("449.63", "元", "449.63"), ("12,345.6", "万元", "123456000.00"), ("4.34", "万", "43400.00")],
)
def test__to_yuan__units(number, unit, yuan):
    assert to_yuan(number, unit) == Decimal(yuan)


def test__to_yuan__never_assumes_a_missing_unit():
    assert to_yuan("500.78", None) is None


@pytest.mark.parametrize(
    "text, change",
    [
        ("收、支总计各减少4.89万元，下降1%", (Decimal("-48900.00"), Decimal("-1"))),
        ("增加329.81万元,增长58.46%", (Decimal("3298100.00"), Decimal("58.46"))),
        ("比2021年预算增加万元，增长8%", (None, Decimal("8"))),
        ("因公出国(境)支出决算与2019年一样为0万元", (Decimal("0.00"), None)),
    ],
)
def test__first_change__signed(text, change):
    assert first_change(normalise(text)) == change


def test__read_measures__share_completion_and_counts():
    clause = normalise("国内公务接待4批次，50人次，共计支出0.50万元，具体内容包括：开展调研工作0.36万元")
    measures = read_measures(clause[len("国内公务接待") :], clause, counts=True)
    assert (measures.amount_yuan, measures.batches, measures.persons) == (Decimal("5000.00"), 4, 50)


def test__read_measures__a_year_is_not_an_amount():
    clause = normalise("公务接待费支出决算比2019年减少0.01万元，下降2%")
    measures = read_measures(clause[len("公务接待费") :], clause)
    assert measures.amount_yuan is None and measures.prior_year_change_yuan == Decimal("-100.00")


def test__read_measures__no_prior_year_no_change():
    clause = normalise("“三公”经费财政拨款支出决算为0.50万元，完成预算100%，决算数与预算数持平")
    measures = read_measures(clause[len("“三公”经费") :], clause)
    assert (measures.amount_yuan, measures.completion_pct, measures.prior_year_change_yuan) == (
        Decimal("5000.00"), Decimal("100"), None,
    )


def test__body_sentences__chart_ocr_is_skipped():
    document = doc("[image: image1.png]544.00\n542.00\n20194 20204\n2020年度收、支总计538.25万元。")
    assert [s.text for s in body_sentences(document)] == ["2020年度收、支总计538.25万元。"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("附件2\n\n定西市人大常委会办公室\n2021年度市级预算执行情况绩效自评报告\n", ("定西市人大常委会办公室", "定西市", 2021, "self_evaluation")),
        ("第一部分  攀枝花市西区人大办公室概况\n第二部分  攀枝花市西区人大办公室\n\n2022年部门预算情况说明\n", ("攀枝花市西区人大办公室", "攀枝花市西区", 2022, "budget")),
        ("第一部分 部门概况\n\t预算单位\n\t攀枝花市西区政协\n第二部分 2020年度部门决算情况说明\n", ("攀枝花市西区政协", "攀枝花市西区", 2020, "final")),
        # units that publish their own reports: a school, a kindergarten, a forest farm, a TV station
        ("测试县平远镇中心小学2023年度部门决算\n目录\n", ("测试县平远镇中心小学", "测试县", 2023, "final")),
        ("测试市实验幼儿园2024年单位预算\n", ("测试市实验幼儿园", "测试市", 2024, "budget")),
        ("测试县国有林场2023年度部门决算\n", ("测试县国有林场", "测试县", 2023, "final")),
        ("测试市广播电视台2022年度部门决算\n", ("测试市广播电视台", "测试市", 2022, "final")),
        # a self-evaluation named 自评报告 with a word before it, and a title broken after its year
        ("测试州数据发展中心2024年度项目支出绩效单位自评报告\n一、基本情况\n", ("测试州数据发展中心", "测试州", 2024, "self_evaluation")),
        (
            "测试市2018年度部门整体支出\n绩效评价自评报告\n部门(单位)名称:  测试市城市管理监督指挥中心\n",
            ("测试市城市管理监督指挥中心", "测试市", 2018, "self_evaluation"),
        ),
    ],
)
def test__read_metadata__from_the_reports_own_text(text, expected):
    metadata, _ = read_metadata(doc(text))
    assert (metadata.department, metadata.region, metadata.fiscal_year, metadata.phase) == expected


def test__read_metadata__refuses_a_text_that_is_no_report():
    with pytest.raises(UnreadableReport, match="not a budget report"):
        read_metadata(doc("从前有座山。\n山里有座庙。\n"))


@pytest.mark.parametrize(
    "department, region",
    [
        ("成都市锦江区教育局", "成都市锦江区"),
        ("四川省财政厅", "四川省"),
        ("区政府办公室", None),
        ("广州市财政局", "广州市"),
        ("苏州市民政局", "苏州市"),
        ("杭州市西湖区教育局", "杭州市西湖区"),
        ("甘孜藏族自治州财政局", "甘孜藏族自治州"),
        ("贵州省财政厅", "贵州省"),
    ],
)
def test__region_of__administrative_prefix(department, region):
    assert region_of(department) == region


def test__function_lines__kuan_carries_over_and_first_xiang_lacks_its_marker():
    document = doc(
        "1.一般公共服务支出（类）人大事务（款）行政运行: 支出决算为277.83万元，完成预算100%；"
        "一般行政管理事务（项）: 支出决算为93.38万元，完成预算90%。\n"
    )
    rows, findings = extract_function_classes(document)
    assert [(r.class_code, r.kuan_name, r.xiang_name, str(r.amount_yuan), str(r.completion_pct)) for r in rows] == [
        ("2010101", "人大事务", "行政运行", "2778300.00", "100"),
        ("2010102", "人大事务", "一般行政管理事务", "933800.00", "90"),
    ]
    assert not findings


def test__function_lines__unknown_name_gets_no_code_and_a_finding():
    rows, findings = extract_function_classes(doc("1.一般公共服务支出（类）人大事务（款）新设事务（项）: 支出决算为1.00万元。\n"))
    assert rows[0].class_code is None and [f.rule for f in findings] == ["function_class_unknown"]


@pytest.mark.parametrize(
    "first, second",
    [("在线监督项目", "在线监督经费"), ("纪检监察专项工作项目", "纪检监察工作经费"), ("代表工作联系点经费支出", "代表工作联系点经费")],
)
def test__project_key__one_project_two_names(first, second):
    assert project_key(first) == project_key(second)


def test__display_name__drops_trailing_words():
    assert display_name("“人大业务项目”") == "人大业务" and display_name("代表工作联系点经费支出") == "代表工作联系点经费"


TARGETED_LIST = (
    "2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元 ，"
    "财政业务费10.00 万元， 信息化系统日常维护费166.66万元，援滇干部工作经费3.00 万元。"
)


def test__targeted_mentions__projects_listed_under_their_total_are_read_when_they_add_up():
    from extract.projects import targeted_mentions

    (line,) = doc(TARGETED_LIST).lines
    mentions, findings = targeted_mentions([line])
    assert [(m.name, m.budget_yuan) for m in mentions] == [
        ("中介机构服务费", Decimal("4188000.00")), ("财政业务费", Decimal("100000.00")),
        ("信息化系统日常维护费", Decimal("1666600.00")), ("援滇干部工作经费", Decimal("30000.00")),
    ]
    assert findings == []


def test__targeted_mentions__a_list_that_does_not_add_up_loads_nothing():
    from extract.projects import targeted_mentions

    (line,) = doc(TARGETED_LIST.replace("598.46", "698.46")).lines
    mentions, findings = targeted_mentions([line])
    assert mentions == [] and [f.rule for f in findings] == ["sum_mismatch"]
