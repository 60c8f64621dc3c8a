"""The Word reader: documents written here with python-docx (and, where python-docx cannot write
it, a little WordprocessingML), read back as lines and tables in document order."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from extract.errors import UnreadableReport
from extract.readers import read_bytes

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def budget_document():
    """A title, a table with merged cells (drawn below), a closing paragraph; a header and a footer.

        项目 (vMerge restart)     | 本年支出 (gridSpan 2)          <- the header spans two rows
        (vMerge continue)         | 基本支出   | 项目支出
        一般公共服务支出           | 411.08    | 0.5
    """
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：内部资料"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    document.add_paragraph("攀枝花市西区政协2020年度部门决算")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "本年支出"
    for column, text in ((1, "基本支出"), (2, "项目支出")):
        table.cell(1, column).text = text
    for column, text in enumerate(("一般公共服务支出", "411.08", "0.5")):
        table.cell(2, column).text = text
    document.add_paragraph("本年支出合计411.58万元。")
    return document


@pytest.fixture(scope="module")
def document():
    return read_bytes(docx_bytes(budget_document()), "决算.docx")


def test__read_docx__paragraphs_and_tables_in_document_order(document):
    assert document.encoding == "docx"
    assert [(line.raw, line.is_cell, line.table, line.row) for line in document.lines] == [
        ("攀枝花市西区政协2020年度部门决算", False, None, None),
        ("项目\t本年支出\t本年支出", True, 1, 1),
        ("项目\t基本支出\t项目支出", True, 1, 2),
        ("一般公共服务支出\t411.08\t0.5", True, 1, 3),
        ("本年支出合计411.58万元。", False, None, None),
    ]


def test__read_docx__merged_cells_repeat_their_first_cell(document):
    (table,) = document.tables
    assert [[(c.text, c.merged) for c in row] for row in table.rows[:2]] == [
        [("项目", False), ("本年支出", False), ("本年支出", True)],
        [("项目", True), ("基本支出", False), ("项目支出", False)],
    ]
    assert table.line_numbers == (2, 3, 4)


def test__read_docx__headers_and_footers_are_not_read(document):
    assert not any("页眉" in line.text or "第 1 页" in line.text for line in document.lines)


def test__read_docx__a_nested_table_is_text_of_its_cell_and_cell_paragraphs_are_lines_of_it():
    word = docx.Document()
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "社会效益"
    table.cell(0, 0).add_paragraph("指标")
    nested = table.cell(0, 1).add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "预算数", (0, 1): "21.55", (1, 0): "执行数", (1, 1): "21.55"}.items():
        nested.cell(row, column).text = text
    (read,) = read_bytes(docx_bytes(word), "nested.docx").tables
    first, second = read.rows[0]
    assert (first.raw, first.text) == ("社会效益\n指标", "社会效益指标")  # a name wrapped in its cell is one word
    assert second.raw == "预算数 21.55\n执行数 21.55"


ROWS_XML = f"""
<w:tbl {NAMESPACES}>
  <w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
  <w:tr><w:tc><w:p><w:r><w:t>科目</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>决算数</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>
  <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
        <w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>基本</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>
        <w:tc><w:p><w:r><w:t>项目</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p></w:tc></w:tr>
</w:tbl>"""

TEXT_BOX_XML = f"""
<w:p {NAMESPACES}>
  <w:r><w:t>封面</w:t></w:r>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>2020年度部门决算</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>2020年度部门决算</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></w:pict></mc:Fallback>
  </mc:AlternateContent></w:r>
  <w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r>
</w:p>"""


def test__read_docx__grid_before_legacy_hmerge_and_content_controls():
    word = docx.Document()
    word.element.body.insert(0, parse_xml(ROWS_XML))
    (table,) = read_bytes(docx_bytes(word), "rows.docx").tables
    assert [[(c.text, c.merged) for c in row] for row in table.rows] == [
        [("科目", False), ("决算数", False), ("决算数", True)],
        [("", False), ("基本", False), ("项目", False)],
    ]


def test__read_docx__a_text_box_is_read_once_after_its_paragraph_a_break_starts_a_line():
    word = docx.Document()
    word.element.body.insert(0, parse_xml(TEXT_BOX_XML))
    lines = [line.raw for line in read_bytes(docx_bytes(word), "box.docx").lines]
    assert lines == ["封面", "第二行\t制表", "2020年度部门决算"]


def rewritten(data: bytes, name: str, content: bytes | None) -> bytes:
    """The package with one part replaced (None: left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
            elif content is not None:
                target.writestr(item, content)
    return out.getvalue()


def damaged_files() -> dict[str, tuple[bytes, str]]:
    data = docx_bytes(budget_document())
    not_word = io.BytesIO()
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return {
        "cut in half": (data[: len(data) // 2], "the file is a damaged zip archive"),
        "not a Word or Excel zip": (not_word.getvalue(), "neither a Word"),
        "document.xml garbage": (rewritten(data, "word/document.xml", b"\x00garbage<<"), "the Word document is damaged"),
        "document.xml without a body": (rewritten(data, "word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'), "has no body"),
    }


@pytest.mark.parametrize("case", sorted(damaged_files()))
def test__read_docx__a_damaged_file_fails_alone_with_one_line_naming_it(case):
    data, says = damaged_files()[case]
    with pytest.raises(UnreadableReport) as caught:
        read_bytes(data, "损坏.docx")
    message = str(caught.value)
    assert message.startswith("损坏.docx: ") and says in message and "\n" not in message
