"""Text reports: UTF-8 (with or without BOM), UTF-16 or UTF-32 (with their BOM), or GB18030/GBK, detected.

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

import codecs
import re

from extract.document import Document, DocumentBuilder, cell, normalise_block
from extract.errors import UnreadableReport

MAX_CONTROL_RATIO = 0.01
"""Share of control characters above which a decoded file is treated as binary."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Text saved as UTF-16 or UTF-32 (Windows Notepad's "Unicode") starts with its byte-order mark;
its NUL bytes are those of the encoding. (UTF-32 LE's mark begins with UTF-16 LE's: it goes first.)"""


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-16/32 (told by their BOM), UTF-8 (with or without BOM), else GB18030.
    Refuse binary data (a NUL byte anywhere, or too many control characters) and a file cut in
    the middle of a character."""
    if not data.strip():
        raise UnreadableReport(path, "the file is empty")
    encoding = next((name for bom, name in UNICODE_BOMS if data.startswith(bom)), None)
    if encoding is not None:
        text = strict(data, encoding, path)
    elif b"\x00" in data:
        raise UnreadableReport(path, "the file is binary (it contains NUL bytes), not a text report")
    else:
        text, encoding = utf8_or_gb18030(data, path)
    if not text.strip():
        raise UnreadableReport(path, "the file is empty")
    if "\x00" in text or len(CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise UnreadableReport(path, "the file is binary (too many control characters), not a text report")
    return text, encoding


def utf8_or_gb18030(data: bytes, path: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        if cut_short(data, error, "utf-8-sig"):
            raise UnreadableReport(path, "the file ends in the middle of a UTF-8 character (cut short?)") from None
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        if cut_short(data, error, "gb18030"):
            raise UnreadableReport(path, "the file ends in the middle of a GB18030/GBK character (cut short?)") from None
    raise UnreadableReport(path, "the text is neither UTF-8 nor GB18030/GBK")


def strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.end >= len(data) - 3:
            raise UnreadableReport(path, f"the file ends in the middle of a {encoding.upper()} character (cut short?)") from None
        raise UnreadableReport(path, f"the text starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()}") from None


def cut_short(data: bytes, error: UnicodeDecodeError, encoding: str) -> bool:
    """Whether the only error is at the very end: all but the last character decode."""
    if error.end != len(data) or len(data) - error.start > 3:
        return False
    try:
        data[: error.start].decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


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
