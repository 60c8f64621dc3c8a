"""A worksheet, whatever the workbook's format, as lines and one table of a Document.

The Excel readers (xlsx, xls) give each visible sheet as its printed cell texts and its merged
ranges; this module lays them out the way a 公开表 is printed:

    2020年部门收支决算总表                 <- rows above the table proper: lines (a title
    编制单位：攀枝花市西区政协   单位：元     merged across the width, the unit, the editor)
    项目 | 决算数 | …                      <- the table: every row with the full width, a
    一般公共服务支出 | 91,016,775.35 | …      merged range's first cell holds the text, the
    注：本表反映…                            cells it covers repeat it (``merged``);
                                            a trailing note row is a line again

A row is above the table while it holds one text (however wide its merge) or only notes such as
编制单位：… / 单位：元; the first row with two or more other texts opens the table. Columns
empty in every row of the table (spacers) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.document import Cell, DocumentBuilder, cell
from extract.records import Evidence, Finding

SAVE_AS_XLSX = "open it in Excel or WPS Office and save it as .xlsx"
"""What a workbook that cannot be read should become (every workbook reader says it alike)."""

# "编制单位：攀枝花市西区政协", "单位：元", "金额单位：万元", "填报日期：…", "公开08表", "表3-1", "2020年度"
PREAMBLE_NOTE = re.compile(
    r"""
    ^(?:[\u4e00-\u9fff]{0,4}(?:单位|部门|日期)\s*[:：]
      | 公开\s*\d+\s*表$
      | 表\s*[\d一二三四五六七八九十]+(?:-\d+)?$
      | (?:19|20)\d{2}\s*年度?$
    )
    """,
    re.VERBOSE,
)
# "注：本表反映部门本年度…", "备注：…", "说明：…"
TRAILING_NOTE = re.compile(r"^(?:注|备注|说明)\s*\d*\s*[:：.、]")


@dataclass(frozen=True)
class Sheet:
    name: str
    texts: dict[tuple[int, int], str]
    """(row, column), 0-based -> the text the cell prints; empty cells absent."""
    merges: tuple[tuple[int, int, int, int], ...] = ()
    """Merged ranges as (first row, first column, last row, last column), 0-based, inclusive."""
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) -> the error a formula's cached value is (#REF!, #DIV/0!), or NO_CACHED_VALUE;
    the cell is empty."""


def grid(sheet: Sheet) -> list[list[Cell]]:
    """Every row of the sheet with one width, merged ranges resolved. The grid ends with the last
    text: a merge reaching past it (a title merged across the whole row) is cut there."""
    height = 1 + max((row for row, _ in sheet.texts), default=-1)
    width = 1 + max((column for _, column in sheet.texts), default=-1)
    rows = [[Cell("", "") for _ in range(width)] for _ in range(height)]
    for (row, column), text in sheet.texts.items():
        rows[row][column] = cell(text)
    for top, left, bottom, right in sheet.merges:
        copy = cell(sheet.texts.get((top, left)), merged=True)  # Excel shows only the first cell's value
        for row in range(top, min(bottom, height - 1) + 1):
            for column in range(left, min(right, width - 1) + 1):
                if (row, column) != (top, left):
                    rows[row][column] = copy
    return rows


NO_CACHED_VALUE = "no cached value"
"""The error of a formula cell saved without its result."""


def texts_of(row: list[Cell]) -> list[Cell]:
    """The cells a row prints: merged copies and empty cells left out."""
    return [c for c in row if c.text and not c.merged]


def is_preamble(row: list[Cell]) -> bool:
    texts = texts_of(row)
    return len(texts) <= 1 or all(PREAMBLE_NOTE.match(c.text) for c in texts)


def is_trailing_note(row: list[Cell]) -> bool:
    texts = texts_of(row)
    return len(texts) == 1 and bool(TRAILING_NOTE.match(texts[0].text))


def without_empty_columns(rows: list[list[Cell]]) -> list[list[Cell]]:
    keep = [index for index in range(len(rows[0]) if rows else 0) if any(row[index].text for row in rows)]
    return [[row[index] for index in keep] for row in rows]


def add_sheet(builder: DocumentBuilder, sheet: Sheet) -> None:
    """Each table of the sheet (see blocks) as its title rows and notes as lines, the rest as one
    table named after the sheet."""
    rows = grid(sheet)
    lines: dict[int, int | None] = {}
    for start, end in blocks(rows):
        first = next((index for index in range(start, end) if not is_preamble(rows[index])), end)
        last = end
        while last > first and (is_trailing_note(rows[last - 1]) or not texts_of(rows[last - 1])):
            last -= 1
        lines.update({index: add_lines(builder, rows[index]) for index in range(start, first)})
        table = builder.add_table(without_empty_columns(rows[first:last]), name=sheet.name)
        if table is not None:
            kept = [index for index in range(first, last) if any(c.text for c in rows[index])]
            lines.update(zip(kept, table.line_numbers))
        lines.update({index: add_lines(builder, rows[index]) for index in range(last, end)})
    for (row, column), error in sorted(sheet.errors.items()):
        builder.findings.append(formula_error(builder, sheet, row, column, error, lines.get(row)))


TABLE_TITLE = re.compile(r"(?<!续)表$|公开\d+表")


def blocks(rows: list[list[Cell]]) -> list[tuple[int, int]]:
    """The row ranges of the tables a sheet stacks one under another: a new one starts at a
    table's title ("…支出决算表", alone in its row) after an empty row; "…表（续）" goes on with the
    table above (its rows keep the table's columns). One range for most sheets."""
    starts = [0] + [
        index
        for index in range(1, len(rows))
        if not texts_of(rows[index - 1])
        and len(texts_of(rows[index])) == 1
        and TABLE_TITLE.search(texts_of(rows[index])[0].text)
        and "续" not in texts_of(rows[index])[0].text
    ]
    return [(start, end) for start, end in zip(starts, starts[1:] + [len(rows)])]


def add_table(builder: DocumentBuilder, rows: list[list[Cell]]) -> None:
    """A table of a Word document or a web page; its first rows that hold one text across the
    table (the title, 单位：万元 merged over every column) are lines above it, as a sheet's are."""
    first = 0
    while first < len(rows) - 1 and is_preamble(rows[first]):
        first += 1
    for row in rows[:first]:
        add_lines(builder, row)
    builder.add_table(rows[first:])


def add_lines(builder: DocumentBuilder, row: list[Cell]) -> int | None:
    """Each text of a row above or below the table as lines (one a line of the cell); the number
    of the first."""
    numbers = [builder.add_line(raw).number for c in texts_of(row) for raw in c.raw.splitlines() if raw.strip()]
    return numbers[0] if numbers else None


def formula_error(builder: DocumentBuilder, sheet: Sheet, row: int, column: int, error: str, line: int | None) -> Finding:
    """The finding of a cell whose cached value is an error, at its row's line (else the sheet's last)."""
    where = f"{sheet.name}!{column_name(column)}{row + 1}"
    evidence = Evidence(line or len(builder.lines) or 1, f"{where}: {error}")
    if builder.lines:
        at = builder.lines[evidence.line_number - 1]
        evidence = Evidence(at.number, evidence.text, at.page, at.table, at.row)
    what = "a formula without its result (written by a program, never saved by a spreadsheet)" if error == NO_CACHED_VALUE else f"the error {error}"
    return Finding("sheet_formula_error", "warning", f"cell {where} holds {what} instead of a value; it is read as empty", evidence)


def column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name

