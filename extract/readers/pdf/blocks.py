"""What a page is read into: text lines (``lines.TextLine``) and tables, each with its place."""

from __future__ import annotations

from dataclasses import dataclass

from extract.document import Cell
from extract.readers.pdf.lines import TextLine


@dataclass(frozen=True)
class PageTable:
    """A table as found on one page."""

    rows: tuple[tuple[Cell, ...], ...]
    top: float
    bottom: float
    xs: tuple[float, ...]
    """Column boundaries: a table continued on the next page has the same ones."""
    pages: tuple[int, ...]
    """The page of each row (a table continued over pages has rows of each)."""
    alone: tuple[TextLine, ...] = ()
    """A grid of one row only (the first or last row of a table the page break cut off) is a table
    only when it joins the table on the page before or after; otherwise it is these lines."""


Block = TextLine | PageTable
"""A page's content, top to bottom."""
