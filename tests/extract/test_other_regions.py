"""Shapes that reports of other regions print (county and township 部门决算, budgets of other
provinces, self-evaluation reports), composed here with figures of our own: each test names the
shape and what a reader must take from it, or must not."""

from __future__ import annotations

from decimal import Decimal

from extract.readers.text import parse_text
from transform.pipeline import process_document

WAN = Decimal(10000)


def read_text(text: str):
    """A report composed in the test, read and checked as the ingest reads a text file."""
    return process_document(parse_text(text, "t.txt", "0" * 64))


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
