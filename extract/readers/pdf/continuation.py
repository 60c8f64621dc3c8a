"""Tables continued on the next page are one table.

A table that ends its page continues on the next when that page starts (page number and running
header already dropped, and perhaps after repeating the table's title and unit lines) with a table
of the same columns (every boundary within COLUMN_TOLERANCE). The rows are joined, each keeping its
page; header rows the next page repeats (identical to the table's first rows) are dropped.
"""

from __future__ import annotations

from extract.document import normalise
from extract.readers.pdf.blocks import Block, PageTable
from extract.readers.pdf.lines import TextLine

COLUMN_TOLERANCE = 3.0
"""Points: column boundaries this close are the same column on two pages."""
TITLE_LINES = 4
"""How many lines above a table may be repeated above its continuation (title, unit, notes)."""
MAX_HEADER_ROWS = 5


def same_columns(table: PageTable, following: PageTable) -> bool:
    return len(table.xs) == len(following.xs) and all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(table.xs, following.xs))


def row_texts(row) -> tuple[str, ...]:
    return tuple(c.text for c in row)


def repeated_header(table: PageTable, following: PageTable) -> int:
    """How many of the continuation's first rows repeat the table's first rows."""
    count = 0
    limit = min(MAX_HEADER_ROWS, len(table.rows), len(following.rows) - 1)
    while count < limit and row_texts(following.rows[count]) == row_texts(table.rows[count]):
        count += 1
    return count


def joined(table: PageTable, following: PageTable) -> PageTable:
    skip = repeated_header(table, following)
    return PageTable(
        table.rows + following.rows[skip:],
        table.top,
        following.bottom,
        table.xs,
        table.pages + following.pages[skip:],
    )


def repeated_titles(blocks: list[Block], before: list[Block]) -> int:
    """How many of a page's first lines repeat lines printed just above the table it continues."""
    titles = {normalise(b.text) for b in before[-TITLE_LINES:] if isinstance(b, TextLine)}
    count = 0
    while count < len(blocks) and isinstance(blocks[count], TextLine) and normalise(blocks[count].text) in titles:
        count += 1
    return count


def join_continued(pages: list[list[Block]]) -> list[list[Block]]:
    """The pages' blocks with each continued table joined into the page where it starts."""
    pages = [list(blocks) for blocks in pages]
    open_table: tuple[int, int] | None = None
    """(page index, block index) of a table that ends its page."""
    for index, blocks in enumerate(pages):
        if open_table is not None and blocks:
            page, position = open_table
            table = pages[page][position]
            skip = repeated_titles(blocks, pages[page][:position])
            if skip < len(blocks) and isinstance(blocks[skip], PageTable) and same_columns(table, blocks[skip]):
                pages[page][position] = joined(table, blocks[skip])
                del blocks[: skip + 1]
        if blocks:
            open_table = (index, len(blocks) - 1) if isinstance(blocks[-1], PageTable) else None
    return pages
