"""The seed reports as the .docx files they were exported from: a test helper.

Prose lines become paragraphs (a blank line an empty paragraph). Each performance table, which
the text export prints one cell per line (extract.tables.table_blocks reads them back into
rows), becomes a real Word table on a six-column grid, merged as such tables are merged:

    项目绩效目标完成情况表 / (2020年度)            one cell, two paragraphs, across all six columns
    项目名称 | 政协会议经费                        the second cell spans the other five columns
    预算执行情况(万元) | 预算数: | 21.55 | …       预算数: spans two columns
    (empty) | 其中-财政拨款: | …                  the empty first cell continues the one above (vMerge)
    年度目标完成情况 | 预期目标 | 实际完成目标        spans of three and two columns
    (empty) | (empty) | 质量指标 | …              below the header, an empty 一级 / 二级 continues the cell above

A cell split over two lines in the export ("社会效益" + "指标") is a cell of two paragraphs.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import docx
from docx.table import _Cell

from extract.readers.text import parse_text
from extract.tables import is_header, table_blocks

GRID_COLUMNS = 6


def seed_as_docx(path: Path) -> bytes:
    document = parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64)
    tables = {rows[0][0].line.number: rows for rows in table_blocks(document)}
    ends = {start: last_line(document, rows) for start, rows in tables.items()}
    word = docx.Document()
    skip_to = 0
    for line in document.lines:
        if line.number <= skip_to:
            continue
        if line.number in tables:
            add_table(word, tables[line.number])
            skip_to = ends[line.number]
        else:
            word.add_paragraph(line.raw)
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def last_line(document, rows) -> int:
    """The last line a table takes in the export: its last cell's, or the rest of that cell's."""
    last = rows[-1][-1]
    number = last.line.number
    rest = last.raw[len(last.line.raw.strip()) :]
    while rest and number < len(document.lines):
        number += 1
        rest = rest[len(document.line(number).raw.strip()) :]
    return number


def paragraphs(cell) -> list[str]:
    """A cell's paragraphs: its line, and the rest of it when the export split it."""
    first = cell.line.raw.strip()
    rest = cell.raw[len(first) :]
    return [first, rest] if rest else [first]


def spans(count: int) -> list[int]:
    """Grid columns of each of ``count`` cells: the first takes one, the next ones share the rest."""
    if count == 1:
        return [GRID_COLUMNS]
    share, extra = divmod(GRID_COLUMNS - 1, count - 1)
    return [1] + [share + (1 if index < extra else 0) for index in range(count - 1)]


def continues(rows, index: int, position: int, below_header: bool) -> bool:
    """An empty cell that continues the cell above: the first column, or 一级 / 二级 below the header."""
    row = rows[index]
    if index == 0 or row[position].text or len(rows[index - 1]) != len(row):
        return False
    return position == 0 or (below_header and len(row) == GRID_COLUMNS and position in (1, 2))


def add_table(word, rows) -> None:
    """The table written as Word writes merged cells: w:gridSpan, w:vMerge restart / continue."""
    table = word.add_table(rows=0, cols=GRID_COLUMNS)
    below_header = False
    restarts = {}
    for index, row in enumerate(rows):
        tr = table._tbl.add_tr()
        column = 0
        for position, (cell, span) in enumerate(zip(row, spans(len(row)))):
            tc = tr.add_tc()
            tc.grid_span = span
            if continues(rows, index, position, below_header):
                restarts[column].vMerge = "restart"
                tc.vMerge = "continue"
            else:
                restarts[column] = tc
                write(_Cell(tc, table), paragraphs(cell))
            column += span
        below_header = below_header or is_header(row)


def write(target, texts: list[str]) -> None:
    target.paragraphs[0].text = texts[0]
    for text in texts[1:]:
        target.add_paragraph(text)
