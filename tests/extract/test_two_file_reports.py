"""A Jiangsu report published as two PDFs (说明 + 公开表): each file gives the same identity, so the
flow can pair them. The texts are the PDFs' own lines (pypdfium2), page by page as noted."""

from __future__ import annotations

from dataclasses import replace

from extract.metadata import read_metadata, same_report
from extract.readers.text import parse_text
from extract.records import DocumentInfo

# jiangsu-npc-standing-committee-2019-budget.pdf, page 1
NPC_EXPLANATION = """江苏省人大常委会办公厅
2019年度部门预算公开
"""
# jiangsu-npc-standing-committee-office-2019-budget-tables.pdf, pages 1, 2 and 12 (the year is
# printed in the last table's title only; page 1's 部门 line is empty, the name sits lower)
NPC_TABLES = """公开表一
部门： 单位：万元
功能科目名称 金额 项目名称 金额
一、财政拨款 18,330.37 一、一般公共服务支出 13,907.78 一、基本支出 9,312.90
收入合计 18,330.37 18,330.37
收支预算总表
江苏省人大常委会办公厅
收入 支出
公开表二
部门： 江苏省人大常委会办公厅 单位：万元
金额
18,330.37
公开表十二
部门： 单位：万元
采购品目大类 专项名称 经济科目 采购物品名称 采购组织形式 总计
合计 2,416.43
全国人代会江苏代表团工
作经费 会议费 113.63
2019年政府采购预算表
江苏省人大常委会办公厅
"""
# jiangsu-party-committee-office-2017-budget.pdf, page 1, and the 公开表 PDF's pages 1, 2 and 13
PARTY_EXPLANATION = """江苏省委办公厅 2017 年度部门预算 
目 录 
 第一部分 部门概况 
"""
PARTY_TABLES = """部门：中国共产党江苏省委员会办公厅 单位：万元
功能科目名称 金额 项目名称 金额
收支预算总表
部门：中国共产党江苏省委员会办
公厅 单位：万元
收入预算总表
台式计算机（20万以下） 政府集中采购 4.00
2017年政府采购预算表
部门：中国共产党江苏省委员会办公厅
"""


def info(text: str, name: str) -> DocumentInfo:
    metadata, _ = read_metadata(parse_text(text, name, "0" * 64))
    return DocumentInfo(
        metadata.department, metadata.region, metadata.fiscal_year, metadata.phase, "0" * 64, name,
        metadata.title.text, metadata.report_scope,
    )


def identity(document: DocumentInfo) -> tuple:
    return (document.department, document.region, document.fiscal_year, document.phase, document.report_scope)


def test__two_files__npc_explanation_and_tables_are_one_report():
    explanation, tables = info(NPC_EXPLANATION, "npc-2019.pdf"), info(NPC_TABLES, "npc-2019-tables.pdf")
    assert identity(explanation) == identity(tables) == ("江苏省人大常委会办公厅", "江苏省", 2019, "budget", "department")
    assert same_report(explanation, tables)


def test__two_files__party_office_under_its_short_and_full_name():
    """The 说明 prints the short name (江苏省委办公厅), the 公开表 the full one: one body."""
    explanation, tables = info(PARTY_EXPLANATION, "party-2017.pdf"), info(PARTY_TABLES, "party-2017-tables.pdf")
    assert identity(tables) == ("中国共产党江苏省委员会办公厅", "江苏省", 2017, "budget", "department")
    assert identity(explanation) == ("江苏省委办公厅", "江苏省", 2017, "budget", "department")
    assert same_report(explanation, tables)


def test__same_report__another_year_phase_scope_or_body_is_another_report():
    npc = info(NPC_EXPLANATION, "npc-2019.pdf")
    assert not same_report(npc, replace(npc, fiscal_year=2018))
    assert not same_report(npc, replace(npc, phase="final"))
    assert not same_report(npc, replace(npc, report_scope="unit"))
    assert not same_report(npc, replace(npc, department="江苏省政协办公厅"))
    assert not same_report(replace(npc, department=None), replace(npc, department=None))


def test__extract_command__two_files_are_one_report_and_the_tables_file_is_a_part(tmp_path):
    """`budget-etl extract 说明 公开表 --json` prints the report the two files make together; the
    公开表 file alone says it is a part (document.part), which the ingest flow pairs."""
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from budget_etl.cli import main
    from transform.pipeline import process_reports

    renderings = Path(__file__).resolve().parents[1] / "reports" / "tables"
    report, tables = renderings / "jiangsu-cppcc-office-2019-budget.txt", renderings / "jiangsu-cppcc-office-2019-budget-tables.txt"
    together = json.loads(CliRunner().invoke(main, ["extract", str(report), str(tables), "--json"]).output)
    alone = json.loads(CliRunner().invoke(main, ["extract", str(tables), "--json"]).output)
    assert together["document"]["part"] is None and alone["document"]["part"] == "tables"
    assert together["document"]["department"] == "江苏省政协办公厅"
    expected = process_reports([report, tables])
    assert len(together["summary_items"]) == len(expected.summary_items) > len(alone["summary_items"]) > 0
    assert len(together["expenditure_by_function"]) == len(expected.expenditure_by_function) > 0
