"""The PDF reader on the twelve published PDFs of tests/corpus, and on bad files made here.

Every asserted figure and cell was read off the page images (pypdfium2 renders them), not off
the reader's output.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from extract.document import Document, Table
from extract.errors import UnreadableReport
from extract.readers import read_bytes, read_document
from tests.extract.composed import extracted, figures_of
from tests.extract.readers import pdf_files

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PDFS = sorted(p.name for p in CORPUS.glob("*.pdf"))
EXPLANATIONS_ONLY = {
    "jiangsu-cppcc-office-2019-budget.pdf",
    "jiangsu-npc-standing-committee-2019-budget.pdf",
    "jiangsu-party-committee-office-2017-budget.pdf",
}
"""The Jiangsu 说明 files: prose, their tables published apart (the *-tables.pdf files)."""
PAGE_NUMBER = re.compile(r"^[-—─\s]*\d{1,3}[-—─\s]*$")


@cache
def read(name: str) -> Document:
    """Each corpus PDF read once per session."""
    return read_document(CORPUS / name)


def texts(row) -> list[str]:
    return [c.text for c in row]


def table_after(document: Document, title: str) -> Table:
    """The one table with a title line ``title`` (within the three lines above it)."""
    found = [t for t in document.tables if any(title == line.text for line in document.lines_before(t, 3))]
    assert len(found) == 1, [t.number for t in found]
    return found[0]


def row_starting(table: Table, *cells: str) -> list[str]:
    rows = [texts(row) for row in table.rows if texts(row)[: len(cells)] == list(cells)]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("name", PDFS)
def test__read_pdf__every_corpus_file_reads_into_lines_with_pages_and_rectangular_tables(name):
    document = read(name)
    assert document.encoding == "pdf" and len(document.lines) > 100
    assert bool(document.tables) == (name not in EXPLANATIONS_ONLY)
    assert all(line.page for line in document.lines)
    assert not [line.text for line in document.lines if not line.is_cell and PAGE_NUMBER.match(line.text)]
    for table in document.tables:
        assert len({len(row) for row in table.rows}) == 1
        assert len(table.pages) == len(table.rows) and all(table.pages)
    assert not document.findings


def test__read_pdf__shanghai_expenditure_table_is_one_table_over_two_pages():
    document = read("shanghai-putuo-gov-office-2025-budget.pdf")
    table = table_after(document, "2025年部门支出预算总表")
    assert row_starting(table, "201", "03", "01") == ["201", "03", "01", "行政运行", "12,029,501.84", "11,919,501.84", "110,000.00"]
    assert row_starting(table, "201", "03", "02") == ["201", "03", "02", "一般行政管理事务", "46,140,000.00", "", "46,140,000.00"]
    assert texts(table.rows[-1])[4:] == ["91,016,775.35", "24,606,775.35", "66,410,000.00"]
    assert (table.pages[0], table.pages[-1]) == (11, 12)
    before = [line.text for line in document.lines_before(table, 2)]
    assert before == ["2025年部门支出预算总表", "编制部门:上海市普陀区人民政府办公室 单位:元"]


def test__read_pdf__a_header_cell_spanning_columns_repeats_as_merged_cells():
    table = table_after(read("shanghai-putuo-gov-office-2025-budget.pdf"), "2025年部门支出预算总表")
    header = table.rows[0]
    assert texts(header) == ["项目"] * 4 + ["支出预算"] * 3
    assert [c.merged for c in header] == [False, True, True, True, False, True, True]
    assert [c.merged for c in table.rows[2]][:3] == [False, False, False]
    assert table.rows[2][3].merged and table.rows[2][3].text == "功能分类科目名称"


def test__read_pdf__three_public_values_sit_under_their_headings():
    table = table_after(read("shanghai-putuo-gov-office-2025-budget.pdf"), "2025年部门“三公”经费和机关运行经费预算表")
    heading = texts(table.rows[1])
    values = dict(zip(heading, texts(table.rows[-1])))
    assert values["合计"] == "867.50"
    assert values["因公出国(境)费"] == "839.00"
    assert values["公务接待费"] == "28.50"
    assert values["机关运行经费预算数"] == "213.28"
    vehicles = [v for h, v in zip(heading, texts(table.rows[-1])) if h == "公务用车购置及运行费"]
    assert vehicles == ["", "", ""]
    assert texts(table.rows[2])[3:6] == ["小计", "购置费", "运行费"]


def test__read_pdf__a_sentence_cut_by_a_line_break_is_one_line():
    document = read("shanghai-putuo-gov-office-2025-budget.pdf")
    lines = [line for line in document.lines if "比2024年预算减少2,389.52万元；事业收入0万元" in line.raw]
    assert len(lines) == 1 and lines[0].page == 6 and not lines[0].is_cell
    assert lines[0].raw.startswith("2025年，上海市普陀区人民政府办公室收入预算9,101.68万元")
    items = [line.raw for line in document.lines if line.raw.startswith(("1.", "2.", "3.")) and line.page == 3]
    assert items[0] == "1.根据区政府领导的要求，组织起草或审核以区政府、区政府办公室名义发布的文件。"


def test__read_pdf__jiangsu_tables_file_has_one_table_a_page():
    document = read("jiangsu-cppcc-office-2019-budget-tables.pdf")
    assert [set(t.pages) for t in document.tables] == [{page} for page in range(1, 13)]
    functions = table_after(document, "财政拨款支出预算表(功能科目)")
    assert row_starting(functions, "2010201") == ["2010201", "行政运行", "5,223.22"]
    three = table_after(document, "“三公”经费、会议费、培训费支出预算表")
    assert texts(three.rows[-1]) == ["2,224.43", "660.10", "106.00", "156.60", "", "156.60", "397.50", "1,282.56", "281.77"]
    assert texts(three.rows[2])[3:7] == ["小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"]
    assert [line.text for line in document.lines_before(three, 3)] == ["公开09表", "“三公”经费、会议费、培训费支出预算表", "部门:江苏省政协办公厅 单位:万元"]


def test__read_pdf__jiangsu_combined_report_keeps_prose_and_tables_in_reading_order():
    document = read("jiangsu-high-court-2019-budget.pdf")
    duty = [line for line in document.lines if line.raw.startswith("江苏省高级人民法院是国家审判机关")]
    assert duty[0].raw == "江苏省高级人民法院是国家审判机关，依法独立行使审判权，对省人民代表大会及其常务委员会负责并报告工作。其主要职责是："
    # the page indents its paragraphs: a line ending at the right edge with "；" and a next line that is
    # not indented are one item
    assert any(line.raw.endswith("提审或指令下级人民法院再审；审理最高人民法院指令再审的各类案件。") for line in document.lines)
    totals = table_after(document, "收支预算总表")
    assert totals.pages[0] == 8 and document.line(totals.line_numbers[0] - 3).text == "公开01表"
    assert row_starting(totals, "一、财政拨款") == ["一、财政拨款", "37,188.34", "一、一般公共服务支出", "", "一、基本支出", "21,968.00"]
    purchases = table_after(document, "政府采购支出预算表")
    assert ["", "信息网络建设费", "信息网络及软件购置更新", "", "", "966.50"] in [texts(row) for row in purchases.rows]


def test__read_pdf__a_table_continued_on_the_next_page_is_joined():
    document = read("jiangsu-procuratorate-2018-budget.pdf")
    table = table_after(document, "公开01表:收支预算总表")
    assert set(table.pages) == {13, 14}
    assert texts(table.rows[-1]) == ["收入合计", "21,955.35", "支出合计", "支出合计", "支出合计", "21,955.35"]
    following = table_after(document, "公开02表:收入预算总表")
    assert following.pages[0] == 14 and following.number == table.number + 1


def test__read_pdf__a_rotated_page_reads_as_shown():
    table = read("jiangsu-npc-standing-committee-office-2019-budget-tables.pdf").tables[0]
    assert row_starting(table, "一、财政拨款") == ["一、财政拨款", "18,330.37", "一、一般公共服务支出", "13,907.78", "一、基本支出", "9,312.90"]


def test__read_pdf__template_cells_wrapped_over_two_lines_are_one_text():
    document = read("template-department-final-accounts.pdf")
    income = table_after(document, "收入决算表")
    assert texts(income.rows[0]) == ["项目", "项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    assert texts(income.rows[1])[:2] == ["功能分类科目编码", "科目名称"]
    assert set(table_after(document, "财政拨款收入支出决算总表").pages) == {8, 9}
    assert any(
        line.raw == "上海市XX局2024年度收入支出总计XXX万元。与2023年度相比，收入支出总计增加（减少）XXX万元，增长（下降）XX%。主要原因：XXXXXXXX。（如持平作持平表述）"
        for line in document.lines
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: (CORPUS / PDFS[0]).read_bytes()[:50_000], "damaged and cannot be opened"),
        (pdf_files.encrypted, "encrypted with a password"),
        (pdf_files.scanned, "no text layer (scanned pages?)"),
        (pdf_files.no_pages, "has no pages"),
        (lambda: "2025年部门预算\n收入预算9,101.68万元\n".encode(), "named .pdf but is no PDF"),
    ],
    ids=["truncated", "encrypted", "scanned", "no-pages", "text-named-pdf"],
)
def test__read_bytes__a_bad_pdf_fails_alone_with_one_line_naming_the_file(make, reason):
    with pytest.raises(UnreadableReport) as raised:
        read_bytes(make(), "reports/bad.pdf")
    message = str(raised.value)
    assert message.startswith("reports/bad.pdf: ") and reason in message and "\n" not in message


def test__read_pdf__a_scanned_page_among_text_pages_is_a_finding_naming_it():
    data = pdf_files.text_then_scan((CORPUS / "template-department-final-accounts.pdf").read_bytes())
    document = read_bytes(data, "mixed.pdf")
    assert [line.text for line in document.lines] == ["上海市XX局", "2024年度部门决算"]
    (finding,) = document.findings
    assert (finding.rule, finding.severity, finding.evidence.page) == ("pdf_page_without_text", "warning", 2)
    assert "page 2 has no text layer" in finding.message


def test__read_pdf__unmapped_glyphs_are_a_finding_and_no_figure_is_read_from_them():
    document = read_bytes(pdf_files.unmapped_glyphs(), "unmapped.pdf")
    assert document.lines[0].text == "Total 12.5"
    assert not re.search(r"\d", document.lines[1].text) and "\ufffd" in document.lines[1].text
    (finding,) = document.findings
    assert (finding.rule, finding.evidence.page) == ("pdf_unmapped_glyphs", 1)


def test__read_pdf__a_table_ruled_only_horizontally_gets_columns_from_aligned_words():
    document = read_bytes(pdf_files.three_line_table(), "three-line.pdf")
    (table,) = document.tables
    assert [texts(row) for row in table.rows] == [
        ["Item", "Amount", "Share"],
        ["Basic", "418.21", "80%"],
        ["Project", "104.50", "20%"],
        ["Total", "522.71", "100%"],
    ]
    assert document.lines_before(table, 1)[0].text == "Expenditure by kind"


def test__read_pdf__ambiguous_columns_leave_the_rows_as_lines_never_joined():
    document = read_bytes(pdf_files.three_line_table("Note: one long sentence that runs across every column"), "note.pdf")
    assert not document.tables
    assert [line.text for line in document.lines][1:5] == ["Item Amount Share", "Basic 418.21 80%", "Project 104.50 20%", "Total 522.71 100%"]


FLUSH_LEFT = Path(__file__).resolve().parents[2] / "reports" / "pdf" / "composed_final_accounts_narrative_flush_left.pdf"
"""tests/reports/composed_final_accounts_narrative.txt set flush left (not justified) in a Word
table layout and printed to PDF by LibreOffice: a figure that does not fit at the end of a line
moves down whole, leaving the line short of the right edge."""


def test__read_pdf__flush_left_sentences_whose_figure_moved_down_whole_are_one_line():
    raw = [line.raw for line in read_document(FLUSH_LEFT).lines]
    assert "本年支出合计1,180.00万元，其中：基本支出700.00万元，占59.3%；项目支出480.00万元，占40.7%。" in raw
    assert any(line.endswith("完成年初预算的105.3%。决算数大于预算数的主要原因：追加项目。其中：") for line in raw)
    assert any(line.startswith("2、文化旅游体育与传媒支出（类）其他文化旅游体育与传媒支出（款）其他文化旅游体育与传媒支出（项）。") for line in raw)
    assert "八、机关运行经费支出情况说明" in raw


REPORTS = Path(__file__).resolve().parents[2] / "reports"
PRINTED = {
    FLUSH_LEFT: REPORTS / "composed_final_accounts_narrative.txt",
    REPORTS / "pdf" / "composed_final_accounts_narrative_indented_small.pdf": REPORTS / "composed_final_accounts_narrative.txt",
    REPORTS / "pdf" / "composed_budget_narrative_small_page_header_footer.pdf": REPORTS / "composed_budget_narrative.txt",
    REPORTS / "pdf" / "row_broken_over_pages.pdf": REPORTS / "pdf" / "row_broken_over_pages.txt",
    REPORTS / "pdf" / "last_row_alone_on_next_page.pdf": REPORTS / "pdf" / "row_broken_over_pages.txt",
    REPORTS / "pdf" / "header_row_alone_on_its_page.pdf": REPORTS / "pdf" / "row_broken_over_pages.txt",
    REPORTS / "pdf" / "title_in_first_ruled_row.pdf": REPORTS / "pdf" / "title_in_first_ruled_row.txt",
    REPORTS / "pdf" / "code_merged_on_continued_pages.pdf": REPORTS / "pdf" / "code_merged_on_continued_pages.txt",
}
"""PDFs printed by LibreOffice from a .docx of the text (tests/reports/pdf/README.md), and that text:
flush left; justified with first-line indents on a small page (a sentence that ends at the right
edge, its paragraph going on below); an A6 page with a running header and a 第 N 页 footer; a
table row the page break cut in two, its figures wrapped in their cells ("1,234" | ".56"); a
table's last row alone on the next page, and its header row alone at the foot of a page; a page
opening with a table of the same columns whose title is its first ruled row (a new table); tables
continued without their header, the code merged across 类 | 款 | 项 (fewer rules on the next page)."""


@pytest.mark.parametrize("pdf", sorted(PRINTED), ids=lambda path: path.stem)
def test__extract__a_printed_pdf_gives_the_figures_of_its_text(pdf):
    assert figures_of(extracted(pdf)) == figures_of(extracted(PRINTED[pdf]))


THREADED_READS = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from extract.readers import read_document

paths = [Path(p) for p in sys.argv[1:]]

def shape(path):
    document = read_document(path)
    return [line.raw for line in document.lines], [[c.text for c in row] for t in document.tables for row in t.rows]

alone = [shape(path) for path in paths]
with ThreadPoolExecutor(8) as pool:
    for _ in range(5):
        assert list(pool.map(shape, paths * 2)) == alone * 2, "a PDF read in a thread differs from it read alone"
"""
"""Reads the PDFs in eight threads at once, five times over, and compares each with it read alone."""


def test__read_document__pdfs_read_in_parallel_threads_read_as_they_do_alone():
    """pdfium is not thread-safe: without the reader's lock, two threads inside it crash the
    process (the thread task runner reads reports in parallel threads). Run in a child process
    so that a crash fails this test instead of ending the session."""
    paths = [str(CORPUS / name) for name in PDFS] + [str(path) for path in sorted(PRINTED)]
    done = subprocess.run([sys.executable, "-c", THREADED_READS, *paths], check=False, capture_output=True, text=True, cwd=CORPUS.parents[1], timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test__read_pdf__a_page_wrapped_in_a_form_xobject_keeps_its_tables(tmp_path):
    """Rules inside a form XObject, in its own space, were never seen: no table was found."""
    pdf = REPORTS / "pdf" / "title_in_first_ruled_row.pdf"
    wrapped = tmp_path / "wrapped.pdf"
    wrapped.write_bytes(pdf_files.wrapped_in_forms(pdf.read_bytes()))
    assert figures_of(extracted(wrapped)) == figures_of(extracted(PRINTED[pdf]))
