"""Office 97-2003 files: .xls read (workbooks written here with xlwt), Word 97 and WPS refused.

The .xls sheet, as Excel shows it:

    A1:D1  2020年部门支出决算表 (merged across)
    A2     编制单位：攀枝花市西区政协   D2 单位：万元
    A3:A4  科目 (merged down) | B3:D3 支出决算 (merged across)
    A4     (covered)          | 基本支出 | 项目支出 | 合计
    A5     人大事务            | 411.08 (#,##0.00) | 0.9512 (0.00%) | #REF! (an error cell)
"""

from __future__ import annotations

import io
from datetime import date

import pytest
import xlwt

from extract.errors import UnreadableReport
from extract.readers import read_bytes, sniff
from tests.extract.readers.compound_files import compound_file


def xls_workbook() -> bytes:
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("支出决算表")
    sheet.write_merge(0, 0, 0, 3, "2020年部门支出决算表")
    sheet.write(1, 0, "编制单位：攀枝花市西区政协")
    sheet.write(1, 3, "单位：万元")
    sheet.write_merge(2, 3, 0, 0, "科目")
    sheet.write_merge(2, 2, 1, 3, "支出决算")
    for column, text in enumerate(("基本支出", "项目支出", "合计"), start=1):
        sheet.write(3, column, text)
    sheet.write(4, 0, "人大事务")
    sheet.write(4, 1, 411.08, xlwt.easyxf(num_format_str="#,##0.00"))
    sheet.write(4, 2, 0.9512, xlwt.easyxf(num_format_str="0.00%"))
    sheet.row(4).set_cell_error(3, "#REF!")
    sheet.write(5, 0, date(2021, 3, 5), xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"'))
    sheet.write(5, 1, 1234567.5, xlwt.easyxf(num_format_str="#,##0.00"))
    hidden = workbook.add_sheet("底稿")
    hidden.write(0, 0, "不公开")
    hidden.visibility = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def document():
    return read_bytes(xls_workbook(), "支出决算.xls")


def test__read_xls__title_rows_are_lines_the_rest_one_table(document):
    assert (sniff(xls_workbook(), "x"), document.encoding) == ("ole2", "xls")
    assert [line.raw for line in document.lines[:3]] == ["2020年部门支出决算表", "编制单位：攀枝花市西区政协", "单位：万元"]
    (table,) = document.tables
    assert (table.name, table.width, len(table.rows)) == ("支出决算表", 4, 4)


def test__read_xls__merged_ranges_and_numbers_as_printed(document):
    header, subheader, row, dated = document.tables[0].rows
    assert [(c.text, c.merged) for c in header] == [("科目", False), ("支出决算", False), ("支出决算", True), ("支出决算", True)]
    assert (subheader[0].text, subheader[0].merged) == ("科目", True)
    assert [c.text for c in row] == ["人大事务", "411.08", "95.12%", ""]
    assert [c.text for c in dated] == ["2021年3月5日", "1,234,567.50", "", ""]


def test__read_xls__an_error_cell_is_empty_with_a_finding_hidden_sheets_skipped(document):
    (finding,) = document.findings
    assert finding.rule == "sheet_formula_error" and "支出决算表!D5" in finding.message
    assert not any("不公开" in line.text for line in document.lines)


def test__read_xls__a_damaged_workbook_stream_is_one_line_saying_what_to_do():
    with pytest.raises(UnreadableReport, match=r"^坏\.xls: the Excel 97-2003 workbook cannot be read .*save it as \.xlsx$"):
        read_bytes(compound_file({"Workbook": b"not a BIFF record"}), "坏.xls")


@pytest.mark.parametrize(
    ("streams", "name", "says"),
    [
        ({"WordDocument": b"\xec\xa5", "1Table": b""}, "2020年部门决算.doc", "a Word 97-2003 or WPS document"),
        ({"WordDocument": b"\xec\xa5", "1Table": b""}, "2020年部门决算.wps", "a Word 97-2003 or WPS document"),
        ({"CONTENTS": b"", "SPELLING": b""}, "2020年部门决算.wps", "a Works or WPS word-processor file"),
    ],
)
def test__read_ole2__word_and_wps_documents_are_refused_saying_save_as_docx(streams, name, says):
    with pytest.raises(UnreadableReport) as caught:
        read_bytes(compound_file(streams), name)
    message = str(caught.value)
    assert message.startswith(f"{name}: {says}") and message.endswith("save it as .docx") and "\n" not in message


def test__read_ole2__a_password_protected_file_is_refused():
    with pytest.raises(UnreadableReport, match="protected by a password"):
        read_bytes(compound_file({"EncryptionInfo": b"", "EncryptedPackage": b""}), "加密.xlsx")


def test__read_ole2__a_truncated_file_is_one_line_naming_it():
    with pytest.raises(UnreadableReport, match=r"^半\.doc: the Office 97-2003 file is damaged"):
        read_bytes(compound_file({"WordDocument": b"x"})[:700], "半.doc")
