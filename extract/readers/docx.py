"""Word documents (.docx): paragraphs and tables in document order, merged cells resolved.

python-docx opens the package (whichever part is the main document); the body is then read from
its XML, child by child: a paragraph (w:p) is a line, a table (w:tbl) a table whose rows are
lines. A cell spanning grid columns (w:gridSpan) or continuing the cell above (w:vMerge) is laid
out on the table's grid: the merge's first position holds its text, the positions it covers
repeat it, marked ``merged``:

    预算执行情况 (gridSpan 1, vMerge restart) | 预算数: (gridSpan 2)  | 0.5        预算执行情况 | 预算数: | 预算数:* | 0.5
    (vMerge continue)                         | 其中-财政拨款: (2)     | 0.5   ->   预算执行情况* | 其中-财政拨款: | 其中-财政拨款:* | 0.5

A cell's paragraphs are kept apart by line breaks in ``Cell.raw``; a table nested in a cell adds
its rows to that cell's text. A line break inside a paragraph starts a new line. Text boxes
anchored in a paragraph are lines after it. Headers, footers, footnotes and comments are not read;
deleted text of tracked changes is not either.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO

from extract.document import Cell, Document, DocumentBuilder, cell
from extract.errors import UnreadableReport
from extract.readers.sheets import add_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
"""Elements that only wrap blocks, rows or cells (content controls, custom XML): read through."""
NOT_PRINTED = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "txbxContent", MC + "Fallback"}
"""Subtrees of a paragraph whose text is not its printed text (text boxes are read apart)."""
EMPTY = Cell("", "")
MAX_COLUMNS = 63


def read_docx(data: bytes, path: str, sha256: str) -> Document:
    builder = DocumentBuilder(path, sha256, "docx")
    for block in joined_tables(list(blocks(document_body(data, path)))):
        add_block(builder, block)
    return builder.build()


def joined_tables(found: list) -> Iterator:
    """The body's blocks, a table continued after a page break (only empty paragraphs between, one
    of them breaking the page, and its header rows repeated) given as one: [rows] in place of the
    w:tbl elements."""
    pending: list[list[Cell]] | None = None
    gap: list = []
    for block in found:
        if block.tag == W + "tbl":
            rows = table_rows(block)
            if pending is not None and any(breaks_page(paragraph) for paragraph in gap) and continues(pending, rows):
                pending = pending + rows[repeated_rows(pending, rows) :]
                gap = []
                continue
            if pending is not None:
                yield pending
                yield from gap
            pending, gap = rows, []
        elif pending is not None and not paragraph_text(block).strip() and not text_boxes(block):
            gap.append(block)
        else:
            if pending is not None:
                yield pending
                yield from gap
            pending, gap = None, []
            yield block
    if pending is not None:
        yield pending
        yield from gap


def breaks_page(paragraph) -> bool:
    """A paragraph holding a page break (or a section break): where an author split a table."""
    return any(br.get(W + "type") == "page" for br in paragraph.iter(W + "br")) or paragraph.find(f"{W}pPr/{W}sectPr") is not None


def repeated_rows(table: list[list[Cell]], following: list[list[Cell]]) -> int:
    """How many of ``following``'s first rows repeat ``table``'s first rows (a repeated header)."""
    count = 0
    while count < min(len(table), len(following) - 1) and [c.text for c in following[count]] == [c.text for c in table[count]]:
        count += 1
    return count


def continues(table: list[list[Cell]], following: list[list[Cell]]) -> bool:
    """A table of the same width whose first row repeats the previous table's first row."""
    return bool(table and following) and len(table[0]) == len(following[0]) and repeated_rows(table, following) > 0


def document_body(data: bytes, path: str):
    """The w:body element of the main document part."""
    from docx.opc.exceptions import OpcError
    from docx.oxml import parse_xml
    from docx.package import Package

    damaged = (OpcError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError, SyntaxError)
    try:
        part = Package.open(BytesIO(data)).main_document_part
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    except damaged as error:
        raise UnreadableReport(path, f"the Word document is damaged ({type(error).__name__}: {error})") from error
    body = root.find(W + "body")
    if body is None:
        raise UnreadableReport(path, "the Word document has no body (word/document.xml is not a document)")
    return body


def blocks(parent) -> Iterator:
    """The paragraphs and tables of a body, cell or text box, in order, through content controls."""
    for child in parent:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in CONTAINERS:
            yield from blocks(child)


def children(parent, tag: str) -> Iterator:
    """The ``tag`` children of a table or row, through content controls."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from children(child, tag)


def add_block(builder: DocumentBuilder, block) -> None:
    if isinstance(block, list) or block.tag == W + "tbl":
        add_table(builder, block if isinstance(block, list) else table_rows(block))
        return
    for raw in paragraph_text(block).split("\n"):
        builder.add_line(raw)
    for box in text_boxes(block):
        for inner in blocks(box):
            add_block(builder, inner)


def paragraph_text(paragraph) -> str:
    """The printed text of a paragraph: runs, hyperlinks, fields' results, tabs and breaks."""
    parts: list[str] = []
    collect_text(paragraph, parts)
    return "".join(parts)


def collect_text(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in NOT_PRINTED:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            collect_text(child, parts)


def text_boxes(paragraph) -> list:
    """The text boxes anchored in a paragraph (not those of a fallback drawing, nor nested ones)."""
    found = []
    for box in paragraph.iter(W + "txbxContent"):
        ancestor = box.getparent()
        while ancestor is not paragraph and ancestor.tag not in (W + "txbxContent", MC + "Fallback"):
            ancestor = ancestor.getparent()
        if ancestor is paragraph:
            found.append(box)
    return found


def table_rows(table) -> list[list[Cell]]:
    """Every row laid out on the table's grid, merged cells resolved (see the module's doc)."""
    rows: list[list[Cell]] = []
    for tr in children(table, W + "tr"):
        row = [EMPTY] * grid_value(tr, "trPr", "gridBefore")
        for tc in children(tr, W + "tc"):
            span = max(1, grid_value(tc, "tcPr", "gridSpan"))
            if merge_value(tc, "vMerge") == "continue":
                above = rows[-1] if rows else []
                row.extend((above[i] if i < len(above) else EMPTY)._replace(merged=True) for i in range(len(row), len(row) + span))
            elif merge_value(tc, "hMerge") == "continue" and row:
                row.extend(row[-1]._replace(merged=True) for _ in range(span))
            else:
                raw = cell_text(tc)
                row.extend([cell(raw)] + [cell(raw, merged=True)] * (span - 1))
        rows.append(row)
    return rows


def grid_value(element, properties: str, name: str) -> int:
    """An integer property (w:gridSpan of a cell, w:gridBefore of a row); 0 when absent. At most
    the 63 columns a Word table can have."""
    found = element.find(f"{W}{properties}/{W}{name}")
    value = found.get(W + "val") if found is not None else None
    return min(int(value), MAX_COLUMNS) if value and value.isdigit() else 0


def merge_value(tc, name: str) -> str | None:
    """restart or continue for a cell's w:vMerge / w:hMerge (no value means continue); None."""
    found = tc.find(f"{W}tcPr/{W}{name}")
    return None if found is None else found.get(W + "val", "continue")


def cell_text(tc) -> str:
    """A cell's paragraphs, one per line; a nested table's rows, their cells joined by spaces."""
    parts = []
    for block in blocks(tc):
        if block.tag == W + "tbl":
            parts.extend(" ".join(c.raw for c in row if c.text and not c.merged) for row in table_rows(block))
        else:
            parts.append(paragraph_text(block))
    return "\n".join(part.replace("\t", " ") for part in parts if part.strip())
