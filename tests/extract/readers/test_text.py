"""The text reader and the format sniffing: lines as before, tab-separated rows as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import UnreadableReport
from extract.readers import read_bytes, sniff
from extract.readers.text import parse_text

RENDERED = (
    "2025年部门支出预算总表\n"
    "编制部门：上海市普陀区人民政府办公室\t\t单位：元\n"
    "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
    "201\t\t\t一般公共服务支出\t82,096,797.42\t15,686,797.42\t66,410,000.00\n"
    "201\t03\t01\t行政运行\t12,029,501.84\t11,919,501.84\t110,000.00\n"
    "注：本表为空表以外的说明。\n"
)


def test__parse_text__tab_separated_rows_are_one_table_with_their_lines():
    document = parse_text(RENDERED, "t.txt", "0" * 64)
    (table,) = document.tables
    assert [len(document.lines), table.width, len(table.rows)] == [6, 7, 4]
    assert table.line_numbers == (2, 3, 4, 5)
    assert [c.text for c in table.rows[3]] == ["201", "03", "01", "行政运行", "12,029,501.84", "11,919,501.84", "110,000.00"]
    assert table.rows[2][1].text == "" and not table.rows[2][1].merged
    row_line = document.line(5)
    assert (row_line.is_cell, row_line.table, row_line.row) == (True, 1, 4)
    assert row_line.evidence().table == 1 and row_line.evidence().row == 4
    assert [line.is_cell for line in document.lines] == [False, True, True, True, True, False]
    assert document.lines_before(table, 3) == (document.line(1),)


def test__parse_text__one_cell_lines_of_the_seed_exports_stay_lines():
    document = parse_text("标题\n\t项目名称\n\t政协会议经费\n", "t.txt", "0" * 64)
    assert not document.tables
    assert [(line.text, line.is_cell, line.table) for line in document.lines] == [
        ("标题", False, None), ("项目名称", True, None), ("政协会议经费", True, None)
    ]


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7\n", "pdf"), (b"\n\n%PDF-1.4", "pdf"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "ole2"), ("报告".encode(), "text")],
)
def test__sniff__tells_the_format_by_content(head, kind):
    assert sniff(head + b"x" * 10, "file.txt") == kind


def test__sniff__a_zip_that_is_not_office_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableReport, match="neither a Word"):
        read_bytes(buffer.getvalue(), "report.docx")


def test__read_bytes__an_empty_file_is_refused():
    with pytest.raises(UnreadableReport, match="report.pdf: the file is empty"):
        read_bytes(b"  \n", "report.pdf")


def test__parse_text__a_sparse_row_of_the_table_width_continues_the_table():
    text = (
        "收支预算总表\n"
        "一、财政拨款\t13,297.11\t一、一般公共服务支出\t10,271.56\n"
        "\t\t二、外交支出\t\n"
        "当年收入小计\t13,377.11\t当年支出小计\t13,377.11\n"
        "\t说明\n"
    )
    document = parse_text(text, "t.txt", "0" * 64)
    (table,) = document.tables
    assert [row[2].text for row in table.rows] == ["一、一般公共服务支出", "二、外交支出", "当年支出小计"]
    assert document.lines[-1].table is None and document.lines[-1].is_cell


def test__read_document__a_file_over_the_limit_is_refused_unread(tmp_path):
    from extract.readers import read_document

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3_000_000)
    with pytest.raises(UnreadableReport, match=r"big.txt: the file is 2.9 MB, over the limit of 1.0 MB"):
        read_document(path, max_bytes=1_048_576)


SAMPLE = (Path(__file__).resolve().parents[3] / "examples" / "reports" / "003_e72cc16d30ba4fbe.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test__read_bytes__utf16_with_its_bom_is_text(encoding):
    """Issue 13, case 10: UTF-16 text (as Windows Notepad saves it) was called binary."""
    data = SAMPLE.encode(encoding)
    if encoding != "utf-16":
        data = "\ufeff".encode(encoding) + data
    document = read_bytes(data, "u16.txt")
    assert document.encoding == "utf-16"
    assert [line.raw for line in document.lines] == SAMPLE.splitlines()


def test__read_bytes__a_nul_byte_anywhere_in_a_text_file_is_binary():
    """The NUL check read the first 64 KiB only; one NUL further on reached the database."""
    data = SAMPLE.encode("utf-8") * 4 + b"\x00" + "合计".encode()
    assert len(data) > 65536
    with pytest.raises(UnreadableReport, match=r"^late.txt: the file is binary \(it contains NUL bytes\)"):
        read_bytes(data, "late.txt")


def test__read_bytes__utf8_cut_in_the_middle_of_a_character():
    data = SAMPLE.rstrip().encode("utf-8")[:-1]  # its last character (附表) loses its last byte
    with pytest.raises(UnreadableReport, match=r"^cut.txt: the file ends in the middle of a UTF-8 character \(cut short\?\)$"):
        read_bytes(data, "cut.txt")


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"%PDF-1.4\n1 0 obj\n<<", "PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word 97 / Excel 97 (OLE2)")],
)
def test__read_bytes__a_format_without_its_reader_is_one_line_and_not_binary(data, name, monkeypatch):
    """.pdf and .docx were called "binary (NUL bytes)"; a format whose reader is not installed
    is said to be that format."""
    import sys

    for module in ("extract.readers.pdf", "extract.readers.ole2"):
        monkeypatch.setitem(sys.modules, module, None)  # as if that reader were not installed
    with pytest.raises(UnreadableReport) as raised:
        read_bytes(data, "r.bin")
    message = str(raised.value)
    assert message.startswith(f"r.bin: a {name} file, and no reader for {name} files is installed")  # a PDF, a Word 97
    assert "NUL" not in message and "\n" not in message


def test__unreadable_report__a_file_name_with_a_line_break_stays_on_one_line():
    error = UnreadableReport("reports/a\nb.txt", "the file is empty")
    assert str(error) == "reports/a\\nb.txt: the file is empty"
def test__add_table__rows_dropped_as_empty_take_their_pages_with_them():
    from extract.document import DocumentBuilder, cell

    builder = DocumentBuilder("t.pdf", "0" * 64, "pdf")
    table = builder.add_table([[cell("a"), cell("1")], [cell(""), cell(None)], [cell("b"), cell("2")]], pages=[3, 3, 4])
    assert [r[0].text for r in table.rows] == ["a", "b"] and table.pages == (3, 4)
    assert [line.page for line in builder.build().lines] == [3, 4]
