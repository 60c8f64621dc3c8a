"""The reference catalogues (支出功能分类, 支出经济分类) as files: they load, their codes nest, every
row names its sources, and the names printed in real reports find their codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import catalogue, classification, economic_classification
from extract.catalogue import CatalogueClass, FormerName
from extract.document import normalise

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "reference"
CATALOGUES = {
    "function": (classification.REFERENCE, classification.ALIASES, classification.LEVELS),
    "economic": (economic_classification.REFERENCE, economic_classification.ALIASES, economic_classification.LEVELS),
}


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def source_ids() -> set[str]:
    return {row["source_id"] for row in rows(REFERENCE / "sources.csv")}


@pytest.mark.parametrize("kind", sorted(CATALOGUES))
def test__catalogue__codes_nest_by_prefix(kind):
    path, _, levels = CATALOGUES[kind]
    classes = {row["code"]: row for row in rows(path)}
    for code, row in classes.items():
        assert len(code) == levels[row["level"]] and code.isdigit(), code
        parent = row["parent_code"] or None
        assert parent == catalogue.parent_of(code), code
        assert parent is None or parent in classes, f"{code}: parent {parent} is not listed"


@pytest.mark.parametrize("kind", sorted(CATALOGUES))
def test__catalogue__names_unique_within_a_parent(kind):
    """Among codes in force; a retired code may have carried a name a current one now has."""
    path, _, _ = CATALOGUES[kind]
    seen: dict[tuple[str, str], str] = {}
    for row in rows(path):
        if row["valid_to"]:
            continue
        key = (row["parent_code"], row["name"])
        assert key not in seen, f"{row['code']} and {seen[key]} are both {key}"
        seen[key] = row["code"]


@pytest.mark.parametrize("kind", sorted(CATALOGUES))
def test__catalogue__every_row_and_former_name_names_known_sources(kind):
    path, aliases, _ = CATALOGUES[kind]
    known = source_ids()
    for row in rows(path) + rows(aliases):
        sources = set(row["sources"].split(";"))
        assert row["sources"] and sources <= known, f"{row}: unknown {sources - known}"


@pytest.mark.parametrize("kind", sorted(CATALOGUES))
def test__former_names__belong_to_listed_codes_and_end_before_today(kind):
    path, aliases, _ = CATALOGUES[kind]
    codes = {row["code"] for row in rows(path)}
    for row in rows(aliases):
        assert row["code"] in codes, row
        assert row["valid_to"], f"{row}: a former name says until when it was used"


def test__function_catalogue__keeps_every_code_of_the_93_row_list():
    """The list before it grew (kept in tests/reference) is a subset, each code under a
    compatible name: the same name, or a former name recorded as an alias."""
    before = rows(ROOT / "tests" / "reference" / "function_classes_93.csv")
    now = {row["code"]: row for row in rows(classification.REFERENCE)}
    former = {(row["code"], row["alias"]) for row in rows(classification.ALIASES)}
    assert len(before) == 93
    for row in before:
        assert row["code"] in now, row["code"]
        assert now[row["code"]]["name"] == row["name"] or (row["code"], row["name"]) in former, row


@pytest.mark.parametrize(
    ("name", "parent", "code"),
    [
        ("行政运行", "20103", "2010301"),
        ("行政运行", "20101", "2010101"),
        ("机关事业单位基本养老保险缴费支出", "20805", "2080505"),
        ("医疗卫生与计划生育支出", None, "210"),
        ("卫生健康支出", None, "210"),
        ("文化体育与传媒支出", None, "207"),
        ("行政事业单位离退休", "208", "20805"),
        ("资源勘探信息等支出", None, "215"),
        ("城管执法", "21201", "2120104"),
        ("其他文化体育与传媒支出", "207", "20799"),
        ("社会保障和就业", None, "208"),
        ("小学教育", "20502", "2050202"),
        ("行政运行", "21305", "2130501"),
        ("重大公共卫生专项", "21004", "2100409"),
        ("其他文化支出", "20701", "2070199"),
        ("行政运行", None, None),
        ("不存在的事务", "20103", None),
    ],
)
def test__function_lookup__names_printed_in_reports(name, parent, code):
    assert classification.lookup(name, parent) == code


@pytest.mark.parametrize(
    ("name", "parent", "year", "code"),
    [
        ("基本工资", "301", None, "30101"),
        ("工资福利支出", None, None, "301"),
        ("机关事业单位基本养老保险缴费", "301", None, "30108"),
        ("公务接待费", "302", None, "30217"),
        ("招待费", "302", 2012, "30217"),
        ("公务用车运行维护费", "302", None, "30231"),
        ("维修(护)费", "302", None, "30213"),
        ("其他社会保障缴费", "301", None, "30112"),
        ("其他社会保障缴费", "301", 2017, "30104"),
        ("其他社会保障缴费", "301", 2019, "30112"),
        ("住房公积金", "301", 2019, "30113"),
        ("住房公积金", "303", 2017, "30311"),
        ("医疗费", "303", 2017, "30307"),
        ("医疗费", "301", None, "30114"),
        ("其他资本性支出", None, 2017, "310"),
        ("房屋建筑物购建", "309", None, "30901"),
        ("房屋建筑物购建", "310", None, "31001"),
        ("基本工资", "302", None, None),
    ],
)
def test__economic_lookup__names_printed_in_reports(name, parent, year, code):
    assert economic_classification.lookup(name, parent, year) == code


def test__pick__year_decides_only_between_codes_of_one_name():
    """其他社会保障缴费 under 301: 30112 since 2018, 30104 (retired) until 2017."""
    classes = [
        CatalogueClass("301", "类", "工资福利支出", None),
        CatalogueClass("30112", "款", "其他社会保障缴费", "301", valid_from=2018),
        CatalogueClass("30104", "款", "其他社会保障缴费", "301", valid_to=2017),
    ]
    entries = catalogue.build_index(classes, [])[("301", "其他社会保障缴费")]
    assert [entry.code for entry in entries] == ["30112", "30104"]
    assert catalogue.pick(entries) == "30112"
    assert catalogue.pick(entries, 2016) == "30104"
    assert catalogue.pick(entries, 2030) == "30112"


def test__build_index__a_former_name_ranks_after_the_current_one():
    classes = [CatalogueClass("210", "类", "卫生健康支出", None)]
    former = [FormerName("210", "医疗卫生与计划生育支出", 2014, 2018)]
    index = catalogue.build_index(classes, former, classification.short_names)
    assert catalogue.pick(index[(None, "医疗卫生与计划生育支出")], 2025) == "210"
    assert catalogue.pick(index[(None, "卫生健康")]) == "210"
    assert (None, "医疗卫生与计划生育") in index


def test__economic_classes__cover_the_categories_reports_print():
    codes = {cls.code: cls.name for cls in economic_classification.economic_classes()}
    assert {"301", "302", "303", "307", "309", "310"} <= set(codes)
    assert codes["30217"] == "公务接待费" and codes["30231"] == "公务用车运行维护费"
    assert codes["30212"] == normalise("因公出国（境）费用") and codes["31013"] == "公务用车购置"
