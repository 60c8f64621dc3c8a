"""Tables continued on the next page are one table.

A table that ends its page continues on the next when that page starts (page number and running
header already dropped, and perhaps after repeating the table's title and unit lines) with a table
of the same columns (every boundary within COLUMN_TOLERANCE). The rows are joined, each keeping its
page; header rows the next page repeats (identical to the table's first rows) are dropped. A row
the page break cut in two (a figure wrapped in its cell: "1,234" above, ".56" below) is mended.
"""

from __future__ import annotations

import re

from extract.document import Cell, cell, normalise
from extract.readers.pdf.blocks import Block, PageTable
from extract.readers.pdf.lines import TextLine

COLUMN_TOLERANCE = 3.0
"""Points: column boundaries this close are the same column on two pages."""
TITLE_LINES = 4
"""How many lines above a table may be repeated above its continuation (title, unit, notes)."""
MAX_HEADER_ROWS = 5


def same_columns(table: PageTable, following: PageTable) -> bool:
    return len(table.xs) == len(following.xs) and all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(table.xs, following.xs))


def on_columns(table: PageTable, following: PageTable) -> PageTable | None:
    """The continuation laid on the table's columns when its grid lacks some of their boundaries
    (a code merged across 类 | 款 | 项 on a page whose rows print no rule between them): each cell
    fills the columns it spans, repeated there as a merged cell; None when a boundary of the
    continuation is not one of the table's, or the outer edges differ."""
    xs, fxs = table.xs, following.xs
    if len(fxs) >= len(xs) or len(fxs) < 2:
        return None
    at = []
    for x in fxs:
        index = next((i for i, edge in enumerate(xs) if abs(edge - x) <= COLUMN_TOLERANCE), None)
        if index is None:
            return None
        at.append(index)
    if at[0] != 0 or at[-1] != len(xs) - 1:
        return None
    rows = []
    for row in following.rows:
        cells: list[Cell] = []
        for index, one in enumerate(row):
            span = at[index + 1] - at[index]
            cells += [one] + [cell(one.raw, True) for _ in range(span - 1)]
        rows.append(tuple(cells))
    return PageTable(tuple(rows), following.top, following.bottom, xs, following.pages, following.alone)


def row_texts(row) -> tuple[str, ...]:
    return tuple(c.text for c in row)


def repeated_header(table: PageTable, following: PageTable) -> int:
    """How many of the continuation's first rows repeat the table's first rows."""
    count = 0
    limit = min(MAX_HEADER_ROWS, len(table.rows), len(following.rows) - 1)
    while count < limit and row_texts(following.rows[count]) == row_texts(table.rows[count]):
        count += 1
    return count


# A figure's tail that a row broken over two pages carries to the next one: "1,234" | ".56",
# "234.5" | "6" (the row's cells wrapped inside their cells, and the page ended between the lines)
FIGURE_TAIL = re.compile(r"^(?:[.,]\d{1,3}|\d{1,2})$")
FIGURE_HEAD = re.compile(r"^-?[\d,]*\d(?:\.\d?)?$")
WHOLE_FIGURE = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")


def broken_row(last: tuple[Cell, ...], first: tuple[Cell, ...]) -> bool:
    """Whether ``first`` (the first row on the next page) is the rest of ``last``: a figure's tail
    in some column, text only where ``last`` has text, and no whole figure of its own. Read as a
    row of its own, "1,234" and ".56" would be two wrong figures."""
    if len(last) != len(first):
        return False
    tails = 0
    for above, below in zip(last, first):
        if not below.text:
            continue
        if not above.text or WHOLE_FIGURE.match(below.text):
            return False
        if FIGURE_TAIL.match(below.text):
            if not FIGURE_HEAD.match(above.text):
                return False
            tails += 1
    return tails > 0


def mended(last: tuple[Cell, ...], first: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return tuple(cell(above.raw + below.raw, above.merged) if below.text else above for above, below in zip(last, first))


def joined(table: PageTable, following: PageTable) -> PageTable:
    skip = repeated_header(table, following)
    rows, pages = table.rows, table.pages
    rest, rest_pages = following.rows[skip:], following.pages[skip:]
    if rest and rows and broken_row(rows[-1], rest[0]):
        rows = rows[:-1] + (mended(rows[-1], rest[0]),)
        rest, rest_pages = rest[1:], rest_pages[1:]
    return PageTable(rows + rest, table.top, following.bottom, table.xs, pages + rest_pages)


def opens_with_title(table: PageTable) -> bool:
    """Whether the table's first row is a table's title ("政府性基金预算财政拨款支出决算表" in a cell
    merged across the table): a new table of the same template width, not the one above going on."""
    texts = {normalise(c.text) for c in table.rows[0] if c.text} if table.rows else set()
    return len(texts) == 1 and texts.pop().endswith("表")


def repeated_titles(blocks: list[Block], before: list[Block]) -> int:
    """How many of a page's first lines repeat lines printed just above the table it continues."""
    titles = {normalise(b.text) for b in before[-TITLE_LINES:] if isinstance(b, TextLine)}
    count = 0
    while count < len(blocks) and isinstance(blocks[count], TextLine) and normalise(blocks[count].text) in titles:
        count += 1
    return count


def unjoined_rows_as_lines(pages: list[list[Block]]) -> list[list[Block]]:
    """A one-row grid that joined no table is the lines it holds (a framed line of text)."""
    out = []
    for blocks in pages:
        page: list[Block] = []
        for block in blocks:
            page.extend(block.alone if isinstance(block, PageTable) and block.alone else [block])
        out.append(page)
    return out


def join_continued(pages: list[list[Block]]) -> list[list[Block]]:
    """The pages' blocks with each continued table joined into the page where it starts; a
    one-row piece joins only a table on the page before or after (else it is lines again)."""
    return unjoined_rows_as_lines(join_pieces(pages))


def join_pieces(pages: list[list[Block]]) -> list[list[Block]]:
    pages = [list(blocks) for blocks in pages]
    open_table: tuple[int, int] | None = None
    """(page index, block index) of a table that ends its page."""
    for index, blocks in enumerate(pages):
        if open_table is not None and blocks:
            page, position = open_table
            table = pages[page][position]
            skip = repeated_titles(blocks, pages[page][:position])
            following = blocks[skip] if skip < len(blocks) else None
            if isinstance(following, PageTable) and not same_columns(table, following) and not opens_with_title(following):
                following = on_columns(table, following) or following
            if isinstance(following, PageTable) and same_columns(table, following) and not opens_with_title(following):
                pages[page][position] = joined(table, following)
                del blocks[: skip + 1]
        if blocks:
            open_table = (index, len(blocks) - 1) if isinstance(blocks[-1], PageTable) else None
    return pages
