"""Ruled tables: the grid their lines draw, and merged cells from the lines that are missing.

The published 公开表 are drawn as ruling lines: stroked lines or thin filled rectangles, often one
piece per cell side. The pieces are joined (same coordinate within TOLERANCE, touching), the joined
lines that cross each other form one table, and every distinct x of its vertical lines and y of
its horizontal lines is a grid boundary. Two neighbouring grid cells with no rule between them
(less than half of their common side ruled) are one merged cell:

    ┌───────────────┬──────┐
    │ 项目           │ 支出  │        row 1: 项目 spans three grid columns, 支出 one
    ├────┬────┬─────┼──────┤
    │ 类 │ 款  │ 项  │ 合计  │
    └────┴────┴─────┴──────┘
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from extract.readers.pdf.pages import Rule

TOLERANCE = 2.0
"""Points: rules this close are one line; a rule reaching this close to another meets it."""
MIN_CELL = 3.0
"""Grid rows or columns narrower than this (a double rule) are no row or column."""
RULED_SHARE = 0.5
"""A cell side is ruled when at least this share of it is covered by a rule."""


class Line(NamedTuple):
    """A joined ruling line: at y (horizontal) or x (vertical), from start to end along it."""

    at: float
    start: float
    end: float


@dataclass(frozen=True)
class Grid:
    """One table's grid: boundaries, and for each grid cell the id of the merged cell it is part of."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    regions: tuple[tuple[int, ...], ...]
    """regions[row][column]: the index (row * columns + column) of the merge's first cell."""

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell_at(self, x: float, y: float) -> int | None:
        """The merged cell (its first grid cell's index) that a point falls in, None outside."""
        column, row = bisect_right(self.xs, x) - 1, bisect_right(self.ys, y) - 1
        if 0 <= row < self.rows and 0 <= column < self.columns:
            return self.regions[row][column]
        if self.contains(x, y):
            return self.regions[min(row, self.rows - 1)][min(column, self.columns - 1)]
        return None


def join_rules(rules: list[Rule]) -> list[Line]:
    """Collinear pieces (same coordinate within TOLERANCE, touching or overlapping) as one line."""
    lines: list[Line] = []
    ordered = sorted(rules, key=lambda r: r.at)
    index = 0
    while index < len(ordered):
        group = [ordered[index]]
        index += 1
        while index < len(ordered) and ordered[index].at - group[0].at <= TOLERANCE:
            group.append(ordered[index])
            index += 1
        at = sum(r.at for r in group) / len(group)
        pieces = sorted((r.start, r.end) for r in group)
        start, end = pieces[0]
        for piece_start, piece_end in pieces[1:]:
            if piece_start <= end + TOLERANCE:
                end = max(end, piece_end)
            else:
                lines.append(Line(at, start, end))
                start, end = piece_start, piece_end
        lines.append(Line(at, start, end))
    return lines


def crosses(horizontal: Line, vertical: Line) -> bool:
    return (
        horizontal.start - TOLERANCE <= vertical.at <= horizontal.end + TOLERANCE
        and vertical.start - TOLERANCE <= horizontal.at <= vertical.end + TOLERANCE
    )


def ruled_groups(rules: tuple[Rule, ...]) -> tuple[list[tuple[list[Line], list[Line]]], list[Line]]:
    """Lines that cross one another, as (horizontal, vertical) groups: each a table's frame;
    and the horizontal lines that cross no vertical one (rules of tables without columns ruled,
    or underlines)."""
    horizontals = join_rules([r for r in rules if r.horizontal])
    verticals = join_rules([r for r in rules if not r.horizontal])
    parent = list(range(len(horizontals) + len(verticals)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for h_index, horizontal in enumerate(horizontals):
        for v_index, vertical in enumerate(verticals):
            if crosses(horizontal, vertical):
                parent[find(h_index)] = find(len(horizontals) + v_index)
    groups: dict[int, tuple[list[Line], list[Line]]] = {}
    for h_index, horizontal in enumerate(horizontals):
        groups.setdefault(find(h_index), ([], []))[0].append(horizontal)
    for v_index, vertical in enumerate(verticals):
        groups.setdefault(find(len(horizontals) + v_index), ([], []))[1].append(vertical)
    framed = [group for group in groups.values() if group[0] and group[1]]
    loose = [h for group in groups.values() if not group[1] for h in group[0]]
    return framed, loose


def boundaries(values: list[float]) -> tuple[float, ...]:
    """Distinct coordinates, those closer than MIN_CELL to the previous one dropped."""
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] >= MIN_CELL:
            result.append(value)
    return tuple(result)


def ruled(lines_at: list[Line], start: float, end: float) -> bool:
    """Whether the side from start to end is covered (RULED_SHARE) by these lines."""
    covered = sum(max(0.0, min(end, line.end) - max(start, line.start)) for line in lines_at)
    return covered >= RULED_SHARE * (end - start)


def near(lines: list[Line], at: float) -> list[Line]:
    return [line for line in lines if abs(line.at - at) <= TOLERANCE]


def build_grid(horizontals: list[Line], verticals: list[Line]) -> Grid | None:
    """The grid of one group of crossing lines; None when it has fewer than two columns or no row
    (a grid of one row is kept: a table's row the page break left alone)."""
    xs = boundaries([v.at for v in verticals] + [min(h.start for h in horizontals), max(h.end for h in horizontals)])
    ys = boundaries([h.at for h in horizontals] + [min(v.start for v in verticals), max(v.end for v in verticals)])
    if len(xs) < 3 or len(ys) < 2:
        return None
    rows, columns = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * columns))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        parent[max(a, b)] = min(a, b)

    for column in range(1, columns):
        at_x = near(verticals, xs[column])
        for row in range(rows):
            if not ruled(at_x, ys[row], ys[row + 1]):
                union(row * columns + column - 1, row * columns + column)
    for row in range(1, rows):
        at_y = near(horizontals, ys[row])
        for column in range(columns):
            if not ruled(at_y, xs[column], xs[column + 1]):
                union((row - 1) * columns + column, row * columns + column)
    regions = tuple(tuple(find(row * columns + column) for column in range(columns)) for row in range(rows))
    return Grid(xs, ys, regions)
