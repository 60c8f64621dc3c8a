"""A table's header rows -> one label path per column -> the column's role (table_columns.csv).

    项目                         | 项目 | 项目 | 项目              | 支出预算 | 支出预算 | 支出预算
    功能分类科目编码             | …    | …    | 功能分类科目名称  | 合计     | 基本支出 | 项目支出
    类                           | 款   | 项   |                   |          |          |

gives the paths 项目/功能分类科目编码/类 … 支出预算/合计, 支出预算/基本支出 …: roles code_lei,
code_kuan, code_xiang, name, and the measures amount, basic, project. A merged cell is either
repeated (the PDF reader) or left empty (a hand-made rendering): an empty heading takes the text on
its left when both columns have the same headings above it and it has headings below it
(a horizontal merge); otherwise it is the lower part of a vertical merge and adds nothing.

The header ends at the first row that holds a figure, a code, a dash, or a lone total label
(合计 | 合计 | 合计 | …, the total row of an empty table). A 栏次 row (1 | 2 | 3 …) is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from extract.numbers import unit_factors
from extract.standard_tables import cells as amounts
from extract.standard_tables.maps import ColumnRule, column_rule, label
from extract.standard_tables.recognise import Row

TOTAL_LABEL = re.compile(r"(?:本年)?(?:收入|支出)?(?:合计|总计|小计)")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
MAX_HEADER_ROWS = 4
# In a budget report a heading 预算数 over other headings names the year's own figures.
BUDGET_PHASE_NEUTRAL = re.compile(r"^(?:本年)?预算数?$")


@dataclass(frozen=True)
class Column:
    index: int
    path: tuple[str, ...]
    role: str
    measure: str | None = None
    scope: str | None = None

    @property
    def heading(self) -> str:
        return "/".join(self.path)


# "金额（万元）", "预算数(元)", "单位：万元" in a heading cell
HEADER_UNIT = re.compile(r"(?:\(|（|单位[:：]\s*)(?P<unit>万元|千元|亿元|元)")


def header_unit_factor(header: list[list[str]]) -> Decimal | None:
    """The unit the header cells print, when the heading lines above the table print none: one
    unit for every heading that names one, else None (never assumed)."""
    units = {match["unit"] for row in header for text in row for match in HEADER_UNIT.finditer(text)}
    return unit_factors().get(next(iter(units))) if len(units) == 1 else None


def is_figure(text: str) -> bool:
    return bool(amounts.AMOUNT.match(text) or amounts.DASH.match(text))


def is_index_row(texts: list[str]) -> bool:
    """栏次 | 1 | 2 | 3 …: column numbers, not figures."""
    if any("栏次" in t for t in texts):
        return True
    numbers = [t for t in texts if t]
    return len(numbers) >= 3 and all(t.isdigit() and len(t) <= 2 for t in numbers) and [int(t) for t in numbers] == sorted(
        {int(t) for t in numbers}
    )


# "一、一般公共预算财政拨款收入", "1.一般公共预算", "（一）…": a listed row, never a heading
LISTED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]\D|[(（][一二三四五六七八九十\d]{1,3}[)）])")
# The headings of a row's name or code: 合计 under them is the table's total row, not a heading
NAME_HEADING = re.compile(r"(?:科目)?(?:编码|代码|名称)$|^项目$")


def headings_of_index_row(row: Row) -> list[str]:
    """The headings a 栏次 row carries besides its column numbers (类 | 款 | 项 | 栏次 | 1 | 2 …:
    the code columns' last heading), its numbers blanked."""
    return ["" if "栏次" in c.text or c.text.isdigit() else c.text for c in row.cells]


def is_data_row(texts: list[str], above: list[str] | None = None) -> bool:
    """A row with a figure, a code, a listed label (一、…), a lone total label (合计 | 合计 | …), or
    合计 under the name or code heading of the row above (the total row of a template whose
    column heads run into it)."""
    filled = [t for t in texts if t]
    if any(is_figure(t) or CODE.match(t) for t in filled):
        return True
    if filled and LISTED.match(filled[0]):
        return True
    distinct = {label(t) for t in filled}
    if len(distinct) == 1 and TOTAL_LABEL.fullmatch(next(iter(distinct))):
        return True
    first = next((i for i, t in enumerate(texts) if t), None)
    return bool(
        above and first is not None and TOTAL_LABEL.fullmatch(label(texts[first])) and NAME_HEADING.search(label(above[first]))
    )


def header_size(rows: list[Row]) -> tuple[int, set[int]]:
    """(number of header rows, the indexes among them that are 栏次 rows)."""
    index_rows = set()
    above = None
    for index, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        texts = [c.text for c in row.cells]
        if is_index_row(texts):
            index_rows.add(index)
            continue
        if is_data_row(texts, above):
            return index, index_rows
        above = texts
    return min(len(rows), MAX_HEADER_ROWS), index_rows


def column_paths(rows: list[list[str]]) -> list[tuple[str, ...]]:
    """One label path per column (see the module docstring for merged cells)."""
    width = len(rows[0]) if rows else 0
    grid = [[label(text) for text in row] for row in rows]
    for r, row in enumerate(grid):
        for c in range(1, width):
            if row[c] or not row[c - 1] or r == len(grid) - 1:
                continue
            same_parents = all(grid[p][c] == grid[p][c - 1] for p in range(r))
            has_children = any(grid[q][c] for q in range(r + 1, len(grid)))
            if same_parents and has_children:
                row[c] = row[c - 1]
    paths = []
    for c in range(width):
        path: list[str] = []
        for row in grid:
            if row[c] and (not path or path[-1] != row[c]):
                path.append(row[c])
        paths.append(tuple(path))
    return paths


def matching_path(path: tuple[str, ...], phase: str | None) -> tuple[str, ...]:
    """In a budget report, a parent heading 预算数 says nothing (every figure is the budget)."""
    if phase != "budget" or len(path) < 2:
        return path
    return tuple(part for part in path[:-1] if not BUDGET_PHASE_NEUTRAL.match(part)) + path[-1:]


def role_of(kind: str, path: tuple[str, ...], phase: str | None) -> ColumnRule | None:
    return column_rule(kind, matching_path(path, phase))


Resolver = Callable[[str, tuple[str, ...], "str | None"], "ColumnRule | None"]


def read_columns(
    kind: str, header: list[list[str]], body: list[Row], phase: str | None, resolve: Resolver = role_of
) -> tuple[list[Column], list[str]]:
    """The columns with their roles, and the headings no rule maps (the table is then not read)."""
    paths = column_paths(header)
    columns: list[Column] = []
    unmapped: list[str] = []
    for index, path in enumerate(paths):
        if not path and columns and columns[-1].role in ("name", "label", "side"):
            path = columns[-1].path
        if not path:
            has_data = any(index < len(row.cells) and row.cells[index].text for row in body)
            columns.append(Column(index, path, "ignore"))
            if has_data:
                unmapped.append(f"column {index + 1} (no heading)")
            continue
        rule = resolve(kind, path, phase)
        if rule is None:
            unmapped.append("/".join(path))
            columns.append(Column(index, path, "unmapped"))
            continue
        columns.append(Column(index, path, rule.role, rule.measure, rule.scope))
    return columns, unmapped
