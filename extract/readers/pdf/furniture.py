"""Page furniture: page numbers and running headers and footers, which are not the report's text.

Only a page's first and last lines are candidates, and only within MARGIN of the page's top or
bottom edge (MIN_MARGIN points at least): a page number ("- 3 -", "第3页", "3", "3/22"), or a line printed with the same text
at the same height on at least RUNNING_SHARE of the pages (a running header or footer). A title
that names its table ("公开01表") changes from page to page and stays.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from extract.document import normalise
from extract.readers.pdf.blocks import Block
from extract.readers.pdf.lines import TextLine

MARGIN = 0.1
"""Share of the page's height, at the top and at the bottom, where furniture is printed."""
MIN_MARGIN = 72.0
"""Points: the band is at least this deep (Word sets headers and footers a fixed distance from the
edge: on an A6 or a landscape page 10% of the height is less than that distance)."""
RUNNING_SHARE = 0.5
MIN_RUNNING_PAGES = 3
"""A running header or footer repeats on this share of the pages, and on this many at least."""
HEIGHT_STEP = 3.0
"""Points: the same line on two pages sits at the same height within about this much."""

PAGE_NUMBER = re.compile(
    r"""
    ^\s*(?:
        [-—–─━]?\s*\d{1,4}\s*[-—–─━]?                          # 3 · - 3 - · —3— · ─ 17 ─
      | 第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?        # 第3页 · 第3页，共22页
      | \d{1,4}\s*/\s*\d{1,4}                                  # 3/22
      | (?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?  # Page 3 of 22
    )\s*$
    """,
    re.VERBOSE,
)


def is_page_number(line: TextLine) -> bool:
    return PAGE_NUMBER.match(normalise(line.text)) is not None


def in_margin(line: TextLine, height: float) -> bool:
    band = max(MARGIN * height, MIN_MARGIN)
    return line.bottom <= band or line.top >= height - band


def edge_lines(blocks: list[Block], height: float) -> list[TextLine]:
    """The page's first and last blocks, when they are text lines in the margins."""
    edges = [blocks[0], blocks[-1]] if blocks else []
    return [b for b in dict.fromkeys(edges) if isinstance(b, TextLine) and in_margin(b, height)]


def running_key(line: TextLine) -> tuple[str, int]:
    return normalise(line.text), round(line.top / HEIGHT_STEP)


def running_lines(pages: list[tuple[list[Block], float]]) -> set[tuple[str, int]]:
    """The (text, height) of lines that repeat at the same place on most pages."""
    counts: Counter[tuple[str, int]] = Counter()
    for blocks, height in pages:
        counts.update({running_key(line) for line in edge_lines(blocks, height)})
    needed = max(MIN_RUNNING_PAGES, RUNNING_SHARE * len(pages))
    return {key for key, count in counts.items() if count >= needed}


def strip_edges(blocks: list[Block], height: float, drop: Callable[[TextLine], bool]) -> list[Block]:
    """The page without its first and last lines that ``drop`` says are furniture (twice over:
    a footer above a page number goes too)."""
    for _ in range(2):
        for line in edge_lines(blocks, height):
            if drop(line):
                blocks = [b for b in blocks if b is not line]
    return blocks


def drop_furniture(pages: list[tuple[list[Block], float]]) -> list[list[Block]]:
    """Each page's blocks (with the page's height) without page numbers, running headers and footers."""
    numbered = [(strip_edges(blocks, height, is_page_number), height) for blocks, height in pages]
    running = running_lines(numbered)
    return [strip_edges(blocks, height, lambda line: running_key(line) in running) for blocks, height in numbered]
