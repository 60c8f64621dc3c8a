"""Characters into lines: grouped by their vertical centre, ordered by x, gaps read as spaces.

A PDF has no lines, only glyphs placed on the page; pdfium's character order follows the content
stream, which is not always the reading order (a table's cells may be drawn column by column).
So glyphs are grouped by geometry: sorted by the centre of their box, a glyph whose centre is
within LINE_BAND of a line's first glyph belongs to that line; a line is read left to right.

Inside a line, a gap of at least SPACE_GAP of the line's height is a space (Latin words, the
blanks of a form "增长 20.52 %"); a gap of COLUMN_GAP or more separates columns (a segment
each), which tables without vertical rules are rebuilt from, and which prose keeps as a space.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extract.readers.pdf.pages import UNMAPPED, Glyph

LINE_BAND = 0.45
"""A glyph is on a line when its centre is within this share of the line's height of the line's."""
SPACE_GAP = 0.35
COLUMN_GAP = 1.5
"""Gaps, as shares of the line's height (about the font size): a space; a column gap."""
DUPLICATE_SHIFT = 0.3
"""The same character again within this share of its width is a fake bold (drawn twice): one."""


FIGURE_WITH_UNMAPPED = re.compile(r"[\d.,，]*\ufffd[\d.,，\ufffd]*")
"""A figure with an unmapped glyph in it, "1,2\ufffd4.50": all of it reads as \ufffd ("\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd"),
so that no rule reads "1,2" or "4.50" out of it."""


def mask_unmapped(text: str) -> str:
    """The text with every figure that an unmapped glyph touches masked (U+FFFD per character)."""
    if UNMAPPED not in text:
        return text
    return FIGURE_WITH_UNMAPPED.sub(lambda match: UNMAPPED * len(match.group()), text)


class Segment(NamedTuple):
    """Part of a line between column gaps."""

    text: str
    x0: float
    x1: float


class TextLine(NamedTuple):
    text: str
    """As printed (not normalised); gaps as single spaces."""
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    """The height of the line's glyphs (the font size, near enough)."""
    segments: tuple[Segment, ...]


def group_lines(glyphs: list[Glyph] | tuple[Glyph, ...]) -> list[list[Glyph]]:
    """Glyphs in lines, top to bottom, each line left to right."""
    ordered = sorted(glyphs, key=lambda g: g.top + g.bottom)
    lines: list[list[Glyph]] = []
    current: list[Glyph] = []
    limit = 0.0
    for glyph in ordered:
        centre = (glyph.top + glyph.bottom) / 2
        if current and centre > limit:
            lines.append(current)
            current = []
        if not current:
            limit = centre + LINE_BAND * (glyph.bottom - glyph.top)
        current.append(glyph)
    if current:
        lines.append(current)
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


def line_height(glyphs: list[Glyph]) -> float:
    heights = sorted(g.bottom - g.top for g in glyphs)
    return heights[len(heights) // 2]


def make_line(glyphs: list[Glyph]) -> TextLine:
    """One line of glyphs (left to right) as text with its box, size and column segments. A printed
    space, or a gap of SPACE_GAP, is one space; a gap of COLUMN_GAP from the last printed glyph
    starts a new segment."""
    printed = [g for g in glyphs if g.text != " "] or glyphs[:1]
    size = line_height(printed)
    space, column = SPACE_GAP * size, COLUMN_GAP * size
    segments: list[Segment] = []
    parts: list[str] = []
    start = printed[0].x0
    previous = None
    spaced = False
    for glyph in glyphs:
        if glyph.text == " ":
            spaced = previous is not None
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if gap >= column:
                segments.append(Segment(mask_unmapped("".join(parts)), start, previous.x1))
                parts, start = [], glyph.x0
            elif spaced or gap >= space:
                parts.append(" ")
            elif glyph.text == previous.text and glyph.x0 - previous.x0 < DUPLICATE_SHIFT * (glyph.x1 - glyph.x0):
                continue
        parts.append(glyph.text)
        previous, spaced = glyph, False
    last = previous or printed[-1]
    segments.append(Segment(mask_unmapped("".join(parts)), start, last.x1))
    text = " ".join(s.text for s in segments)
    top = min(g.top for g in printed)
    bottom = max(g.bottom for g in printed)
    return TextLine(text, printed[0].x0, top, last.x1, bottom, size, tuple(segments))


def text_lines(glyphs: list[Glyph] | tuple[Glyph, ...]) -> list[TextLine]:
    """The glyphs' lines, top to bottom (lines of spaces only left out)."""
    return [make_line(line) for line in group_lines(glyphs) if any(g.text != " " for g in line)]


def join_wrapped(parts: list[str]) -> str:
    """Lines of one cell or sentence as one text: no space where either side is CJK, digits or
    punctuation; a space between two Latin letters (a word wrapped at its space)."""
    text = ""
    for part in parts:
        if text and part and text[-1].isascii() and text[-1].isalpha() and part[0].isascii() and part[0].isalpha():
            text += " "
        text += part
    return mask_unmapped(text)
