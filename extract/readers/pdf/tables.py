"""A page's tables: grids from its rules, each glyph in the cell its centre falls in.

A cell's glyphs are read as lines (``lines.group_lines``) and a cell wrapped over two lines is
one text ("事业单位\\n经营收入" → 事业单位经营收入). A merged cell's text is its first grid cell's;
the other grid cells it covers repeat it, marked ``merged`` (``extract.document.cell``), so every
row has one cell per grid column.
"""

from __future__ import annotations

from extract.document import Cell, cell
from extract.readers.pdf.aligned import aligned_table
from extract.readers.pdf.blocks import Block, PageTable
from extract.readers.pdf.grid import Grid, build_grid, ruled_groups
from extract.readers.pdf.lines import LINE_BAND, group_lines, join_wrapped, make_line, text_lines
from extract.readers.pdf.pages import Glyph, PageContent


def cell_text(glyphs: list[Glyph]) -> str:
    """A cell's text, its lines joined (most cells hold one line: read without grouping)."""
    glyphs = [g for g in glyphs if g.text != " "]
    if not glyphs:
        return ""
    first = glyphs[0]
    if all(abs(g.top - first.top) < LINE_BAND * (first.bottom - first.top) for g in glyphs):
        return make_line(sorted(glyphs, key=lambda g: g.x0)).text
    return join_wrapped([make_line(line).text for line in group_lines(glyphs)])


def grid_rows(grid: Grid, glyphs: list[Glyph]) -> tuple[tuple[Cell, ...], ...]:
    """Rows of cells from the glyphs each merged cell holds (by the glyph's centre)."""
    held: dict[int, list[Glyph]] = {}
    cell_at = grid.cell_at
    for glyph in glyphs:
        held.setdefault(cell_at((glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2), []).append(glyph)
    texts = {region: cell_text(found) for region, found in held.items()}
    rows = []
    for row, regions in enumerate(grid.regions):
        first = row * grid.columns
        rows.append(tuple(cell(texts.get(region, ""), merged=region != first + column) for column, region in enumerate(regions)))
    return tuple(rows)


def split_glyphs(grids: list[Grid], glyphs: tuple[Glyph, ...]) -> tuple[list[list[Glyph]], list[Glyph]]:
    """Each grid's glyphs (by their centre), and the glyphs outside every grid."""
    if not grids:
        return [], list(glyphs)
    frames = [(grid.xs[0], grid.xs[-1], grid.ys[0], grid.ys[-1], []) for grid in grids]
    outside: list[Glyph] = []
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for x0, x1, top, bottom, inside in frames:
            if x0 <= x <= x1 and top <= y <= bottom:
                inside.append(glyph)
                break
        else:
            outside.append(glyph)
    return [frame[4] for frame in frames], outside


def page_layout(page: PageContent) -> list[Block]:
    """The page's lines and tables, top to bottom."""
    framed, loose = ruled_groups(page.rules)
    grids = [grid for grid in (build_grid(h, v) for h, v in framed) if grid is not None]
    inside, outside = split_glyphs(grids, page.glyphs)
    blocks: list[Block] = []
    for grid, glyphs in zip(grids, inside):
        rows = grid_rows(grid, glyphs)
        if any(c.text for row in rows for c in row):
            alone = tuple(text_lines(glyphs)) if len(rows) == 1 else ()
            blocks.append(PageTable(rows, grid.ys[0], grid.ys[-1], grid.xs, (page.number,) * len(rows), alone))
    lines = text_lines(outside)
    if loose:
        lines, found = aligned_table(lines, loose, page.number)
        blocks.extend(found)
    blocks.extend(lines)
    blocks.sort(key=lambda block: block.top)
    return blocks
