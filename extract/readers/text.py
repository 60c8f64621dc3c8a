"""Text reports: UTF-8 (with or without BOM) or GB18030/GBK, detected.

Each line of the file is a line of the document, with its own line number. Lines holding two or
more tab-separated cells are rows of a table (consecutive rows, one table), so a tab-separated
rendering of a PDF's tables reads like the PDF:

    201\t一般公共服务支出\t82,096,797.42\t15,686,797.42\t66,410,000.00

A row with fewer than two filled cells still belongs to the table above it when it has as many
cells as that table's rows (three or more): a 收支总表 row that names only an expense class,
``\t\t六、科学技术支出\t\t\t``, is a row of the table, not a line between two tables.

A line that starts with a tab and holds one cell is how the .docx exports of the seed reports
print a table cell: it stays a line of its own (``is_cell``), as it always was.
"""

from __future__ import annotations

import re

from extract.document import Document, DocumentBuilder, cell, normalise_block
from extract.errors import UnreadableReport

MAX_CONTROL_RATIO = 0.01
"""Share of control characters above which a decoded file is treated as binary."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else GB18030. Refuse binary data."""
    if not data.strip():
        raise UnreadableReport(path, "the file is empty")
    if b"\x00" in data[:65536]:
        raise UnreadableReport(path, "the file is binary (it contains NUL bytes), not a text report")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
            raise UnreadableReport(path, "the file is binary (too many control characters), not a text report")
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    raise UnreadableReport(path, "the text is neither UTF-8 nor GB18030/GBK")


MIN_CONTINUING_WIDTH = 3
"""A sparse row continues an open table only when the table is this wide (the seeds' one-cell
lines, ``\tcell``, have two cells and never continue one)."""


def table_cells(raw: str, open_width: int = 0) -> list[str] | None:
    """The cells of a tab-separated row, or None when the line is not one: fewer than two filled
    cells, unless it has exactly the width of the table open above it (``open_width``)."""
    cells = raw.split("\t")
    if open_width >= MIN_CONTINUING_WIDTH and len(cells) == open_width and any(c.strip() for c in cells):
        return cells
    if "\t" not in raw.strip("\t"):
        return None
    return cells if sum(1 for c in cells if c.strip()) >= 2 else None


def parse_text(text: str, path: str, sha256: str, encoding: str = "utf-8") -> Document:
    raws = text.splitlines()
    # NFKC once over the whole text (it never makes or removes a "\n"), then back to lines.
    normalised = normalise_block("\n".join(raws)).split("\n")
    if len(normalised) != len(raws):
        normalised = [normalise_block(raw) for raw in raws]
    builder = DocumentBuilder(path, sha256, encoding)
    rows: list[list] = []
    for raw, text_line in zip(raws, normalised):
        cells = table_cells(raw, len(rows[-1]) if rows else 0)
        if cells is not None:
            rows.append([cell(c) for c in cells])
            continue
        if rows:
            builder.add_table(rows)
            rows = []
        builder.add_line(raw, is_cell=raw[:1] == "\t", text=text_line.strip())
    if rows:
        builder.add_table(rows)
    return builder.build()


def read_text(data: bytes, path: str, sha256: str) -> Document:
    text, encoding = decode(data, path)
    return parse_text(text, path, sha256, encoding)
