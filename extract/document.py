"""The document every reader produces and every rule reads: lines and tables, with positions.

A reader (``extract.readers``: text, PDF, Word, Excel, HTML) turns a file into a ``Document``; nothing
after it knows which format the file was, so a rule is written once for all of them.

- ``lines``: everything the document says, in reading order, numbered from 1. Prose and headings
  are lines; so is each row of each table (its cells joined by tabs, ``table`` and ``row`` set),
  so that a title or a note keeps its place beside the table it belongs to. Rules that read
  sentences skip every line whose ``is_cell`` is true: table rows, and the one-cell-per-line
  table exports of the text seeds.
- ``tables``: each table as rows of cells, merged cells resolved (a cell covered by a merge
  repeats the text of the merge's first cell, marked ``merged``), with the line number of each
  row.

Text is normalised once, here (NFKC: full-width digits and punctuation become ASCII, ideographic
spaces become spaces); the original is kept for the evidence a user sees.
"""

from __future__ import annotations

import hashlib
import unicodedata
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from extract.records import Evidence, Finding


class Line(NamedTuple):
    number: int
    """1-based, in reading order over the whole document (a text file's own line number)."""
    raw: str
    """The line as read, without its line break: what evidence shows."""
    text: str
    """NFKC-normalised and stripped: what patterns read."""
    is_cell: bool
    """Not prose: a row of a table (``table`` set), or a one-cell line of a text export."""
    page: int | None = None
    """1-based page of a PDF; None for formats without pages."""
    table: int | None = None
    """The number of the table whose row this line is."""
    row: int | None = None
    """The 1-based row of that table."""

    def evidence(self, text: str | None = None) -> Evidence:
        """This line as the evidence of a figure: its position and ``text`` (default: the line)."""
        return Evidence(self.number, (self.raw if text is None else text).strip(), self.page, self.table, self.row)


class Cell(NamedTuple):
    text: str
    """NFKC-normalised, inner line breaks and runs of spaces collapsed to one space; '' if empty."""
    raw: str
    """As read."""
    merged: bool = False
    """True when the cell is covered by a merge and repeats the text of the merge's first cell."""


@dataclass(frozen=True)
class Table:
    number: int
    """1-based, in document order."""
    rows: tuple[tuple[Cell, ...], ...]
    """Every row has the same number of cells (short rows are padded with empty cells)."""
    line_numbers: tuple[int, ...]
    """The ``Line.number`` of each row, in ``Document.lines``."""
    pages: tuple[int | None, ...] = ()
    """The page of each row (PDF); empty for formats without pages."""
    name: str | None = None
    """A name the file gives the table (an Excel sheet's name)."""

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def page_of(self, row_index: int) -> int | None:
        return self.pages[row_index] if self.pages else None


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    encoding: str
    """How the file was read: utf-8, gb18030, pdf, docx, xlsx, xls, html/utf-8, html/gb18030."""
    lines: tuple[Line, ...]
    tables: tuple[Table, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    """What the reader could not read with confidence (a page without text, unmapped glyphs)."""
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    """What the rules compute once per document and share (its body sentences, extract.sentences)."""

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def lines_before(self, table: Table, count: int) -> tuple[Line, ...]:
        """Up to ``count`` lines just above a table (its title, unit and notes live there)."""
        first = table.line_numbers[0] - 1 if table.line_numbers else len(self.lines)
        return self.lines[max(0, first - count) : first]


# The full-width forms reports use most (！-～, the ideographic space), mapped as NFKC maps them.
FULL_WIDTH = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in (*range(0xFF01, 0xFF5F), 0x3000, 0x00A0, *range(0x2002, 0x200B))}
FULL_WIDTH_CHAR = re.compile("[" + re.escape("".join(FULL_WIDTH)) + "]")
SPACES = re.compile(r"\s+")


def normalise_block(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII, ideographic spaces to spaces). The common
    full-width forms are replaced first, one str.replace per form present (a report uses a dozen
    of them, a thousand times each: far cheaper than a per-character translation); NFKC runs only
    if anything is left."""
    for form in set(FULL_WIDTH_CHAR.findall(text)):
        text = text.replace(form, FULL_WIDTH[form])
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def normalise(text: str) -> str:
    """One line, normalised and stripped."""
    return normalise_block(text).strip()


WRAPPED_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n\s*(?=[\u4e00-\u9fff])")
"""A line break inside a cell between two Chinese characters: a name wrapped in its cell
("国有土地使用权出\n让收入安排的支出"), one word again, as the PDF reader joins it."""


def cell(raw: str | None, merged: bool = False) -> Cell:
    """A table cell from its text as read (None: empty)."""
    raw = raw or ""
    return Cell(SPACES.sub(" ", WRAPPED_NAME.sub("", normalise(raw))), raw, merged)


class DocumentBuilder:
    """Lines and tables appended in reading order; numbers and positions kept consistent."""

    def __init__(self, path: str, sha256: str, encoding: str) -> None:
        self.path, self.sha256, self.encoding = path, sha256, encoding
        self.lines: list[Line] = []
        self.tables: list[Table] = []
        self.findings: list[Finding] = []

    def add_line(self, raw: str, page: int | None = None, is_cell: bool = False, text: str | None = None) -> Line:
        line = Line(len(self.lines) + 1, raw, normalise(raw) if text is None else text, is_cell, page)
        self.lines.append(line)
        return line

    def add_table(self, rows: list[list[Cell]], pages: list[int | None] | None = None, name: str | None = None) -> Table | None:
        """A table of ``rows`` (padded to one width), each row also a line; None when it is empty."""
        kept = [index for index, row in enumerate(rows) if any(c.text for c in row)]
        if not kept:
            return None
        rows = [rows[index] for index in kept]
        pages = [pages[index] for index in kept] if pages else None
        width = max(len(row) for row in rows)
        number = len(self.tables) + 1
        numbers = []
        for index, row in enumerate(rows):
            row.extend(Cell("", "") for _ in range(width - len(row)))
            raw = "\t".join(c.raw.replace("\n", " ") for c in row)
            text = "\t".join(c.text for c in row)
            page = pages[index] if pages else None
            line = Line(len(self.lines) + 1, raw, text, True, page, number, index + 1)
            self.lines.append(line)
            numbers.append(line.number)
        table = Table(number, tuple(tuple(row) for row in rows), tuple(numbers), tuple(pages or ()), name)
        self.tables.append(table)
        return table

    def build(self) -> Document:
        return Document(self.path, self.sha256, self.encoding, tuple(self.lines), tuple(self.tables), tuple(self.findings))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def combine(documents: list[Document]) -> Document:
    """One report published as several files (the 说明 and the 公开表) as one Document.

    Lines and tables keep their order, file after file, and are renumbered so that every line and
    table number is unique; a line keeps its own page (pages are per file: the evidence's text says
    which row or sentence it is). The path is the first file's; the sha256 is that of the files'
    hashes in order, so the pair changes when either file does.
    """
    if len(documents) == 1:
        return documents[0]
    lines: list[Line] = []
    tables: list[Table] = []
    findings: list[Finding] = []
    for document in documents:
        line_offset, table_offset = len(lines), len(tables)
        for line in document.lines:
            table = None if line.table is None else line.table + table_offset
            lines.append(line._replace(number=line.number + line_offset, table=table))
        for table in document.tables:
            numbers = tuple(number + line_offset for number in table.line_numbers)
            tables.append(Table(table.number + table_offset, table.rows, numbers, table.pages, table.name))
        findings.extend(document.findings)
    sha256 = hashlib.sha256("".join(d.sha256 for d in documents).encode()).hexdigest()
    return Document(documents[0].path, sha256, documents[0].encoding, tuple(lines), tuple(tables), tuple(findings))
