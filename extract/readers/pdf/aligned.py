"""Tables with horizontal rules only: columns from where the words line up, when they clearly do.

Some reports draw a table with horizontal lines and no vertical ones (the "three-line table":
a rule above the header, one below it, one at the end). Such a band — at least MIN_RULES
horizontal rules of the same extent — holds lines whose column gaps (``lines.COLUMN_GAP``)
cut them into segments. A column is a stretch of x that some segment covers; the gaps between
the stretches are empty in every line of the band, so each segment falls in exactly one column:

    项目            金额       占比          two segments per line, three columns:
    基本支出      418.21     80%          [项目 基本支出] [金额 418.21] [占比 80%]

The columns are taken only when they are unambiguous: at least two, and most rows holding a
segment in more than one of them; a line that crosses a gap joins the stretches it covers (a
title across the band leaves one column: no table). Otherwise the lines stay lines: a wrong
column would put a figure under the wrong heading.
"""

from __future__ import annotations

from extract.document import Cell, cell
from extract.readers.pdf.blocks import PageTable
from extract.readers.pdf.grid import Line
from extract.readers.pdf.lines import TextLine

MIN_RULES = 3
EXTENT_TOLERANCE = 3.0
"""Points: rules whose ends are this close span the same table."""
MIN_WIDTH = 150.0
"""Points: narrower rules are underlines, not a table's."""


def rule_bands(rules: list[Line]) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) of each set of MIN_RULES or more horizontal rules of one extent."""
    bands = []
    remaining = sorted((r for r in rules if r.end - r.start >= MIN_WIDTH), key=lambda r: r.at)
    while remaining:
        first = remaining[0]
        same = [r for r in remaining if abs(r.start - first.start) <= EXTENT_TOLERANCE and abs(r.end - first.end) <= EXTENT_TOLERANCE]
        if len(same) >= MIN_RULES:
            bands.append((first.start, same[0].at, first.end, same[-1].at))
        remaining = [r for r in remaining if r not in same]
    return bands


def columns(lines: list[TextLine]) -> list[tuple[float, float]]:
    """The stretches of x covered by the lines' segments, left to right."""
    spans = sorted((s.x0, s.x1) for line in lines for s in line.segments)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def line_cells(line: TextLine, stretches: list[tuple[float, float]]) -> tuple[Cell, ...]:
    texts = [""] * len(stretches)
    for segment in line.segments:
        index = next(i for i, (x0, x1) in enumerate(stretches) if x0 <= segment.x0 <= x1)
        texts[index] = f"{texts[index]} {segment.text}".strip()
    return tuple(cell(text) for text in texts)


def band_table(lines: list[TextLine]) -> list[tuple[Cell, ...]] | None:
    """Rows of cells when the band's columns are unambiguous, else None."""
    stretches = columns(lines)
    if len(stretches) < 2:
        return None
    rows = [line_cells(line, stretches) for line in lines]
    spread = sum(1 for row in rows if sum(1 for c in row if c.text) >= 2)
    if spread * 2 < len(rows) or spread < 2:
        return None
    return rows


def aligned_table(lines: list[TextLine], rules: list[Line], page: int) -> tuple[list[TextLine], list[PageTable]]:
    """The lines left as lines, and the tables rebuilt from bands of horizontal rules."""
    tables = []
    for x0, top, x1, bottom in rule_bands(rules):
        inside = [line for line in lines if top <= (line.top + line.bottom) / 2 <= bottom and line.x0 >= x0 - EXTENT_TOLERANCE and line.x1 <= x1 + EXTENT_TOLERANCE]
        rows = band_table(inside) if len(inside) >= 2 else None
        if rows is None:
            continue
        edges = tuple(sorted({x0, x1, *(s[0] for s in columns(inside)[1:])}))
        tables.append(PageTable(tuple(rows), top, bottom, edges, (page,) * len(rows)))
        lines = [line for line in lines if line not in inside]
    return lines, tables
