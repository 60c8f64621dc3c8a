"""Which standard table a table is, and its unit, from the lines above it (or its own top rows).

    公开01表                                   <- numbering (公开01表, 公开表一, 表一, 附表1, 1.)
    收支预算总表                               <- the title: a kind of table_titles.csv
    部门：江苏省政协办公厅 单位：万元          <- the unit, never assumed
    收入 | 收入 | 支出 ...                     <- the table

Word and Excel files often put the title and the unit in the table's first rows; those rows are
read as heading lines too. A table without a title right after a recognised one, as wide as it,
with nothing but headings between them, is its continuation on the next page (its repeated
header rows are dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extract.document import Cell, Document, Line, Table, normalise
from extract.numbers import unit_factors
from extract.standard_tables.maps import NOISE, TitleRule, title_rule

HEADING_LINES = 6
"""How many lines above a table may hold its title, department and unit."""
TITLE_MAX_CHARS = 60
HEADING_ROWS = 3
"""How many top rows of a table may hold its title and unit (Word, Excel)."""
# "公开01表：", "公开 09 表：", "公开表一", "表一", "附表1", "1.", "5．" before a title
TITLE_NUMBERING = re.compile(
    r"""
    ^(?: (?:公开|附)?表(?:\d{1,3}|[一二三四五六七八九十]{1,3}(?!般))  # 公开表一, 表一, 附表1 (表五一般公共预算…: 表五)
       | (?:公开|附)?\d{1,3}表                             # 公开01表, 01表
       | [\d一二三四五六七八九十]{1,3}(?=[:：、.．]) )       # 1. 5． 一、
    [:：、.．]?
    """,
    re.VERBOSE,
)
YEAR = re.compile(r"^\d{4}年度?")
# "（功能科目）", "(续)", "续表" after 表
TITLE_TAIL = re.compile(r"(?:\([^()]{1,12}\)|续表?|\(续\))+$")
# "单位：万元", "金额单位：元", "单位:万元"; "单位：万" at the end of a line whose 元 went to the next
UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>万元|千元|亿元|元|万(?=\s*$))|^\s*\(?\s*(?P<alone>万元|元)\s*\)?\s*$")
"""(also a unit printed alone in its cell or line: "万元", "（万元）")"""
UNIT_WORDS = {"万": "万元"}


@dataclass
class Row:
    cells: tuple[Cell, ...]
    line: Line


@dataclass
class Recognised:
    """A standard table: its kind, unit and rows (a continuation's rows appended)."""

    rule: TitleRule
    title: Line
    table: Table
    unit: str | None
    """万元 / 元 as printed; None when the heading names none (nothing is then loaded)."""
    rows: list[Row] = field(default_factory=list)

    @property
    def factor(self) -> Decimal | None:
        return unit_factors().get(self.unit) if self.unit else None


def title_text(text: str) -> str | None:
    """The title a heading line states (numbering and year removed), or None if it is no title."""
    text = NOISE.sub("", text)
    if not text or len(text) > TITLE_MAX_CHARS or "。" in text or "…" in text:
        return None
    text = TITLE_NUMBERING.sub("", text)
    text = YEAR.sub("", text)
    if not TITLE_TAIL.sub("", text).endswith("表"):
        return None
    return text


def unit_of(texts: list[str]) -> str | None:
    for text in texts:
        match = UNIT.search(text)
        if match:
            unit = match["unit"] or match["alone"]
            return UNIT_WORDS.get(unit, unit)
    return None


def heading_lines(document: Document, table: Table) -> list[Line]:
    """The lines just above a table, nearest last, up to the previous table."""
    lines = []
    for line in reversed(document.lines_before(table, HEADING_LINES)):
        if line.table is not None:
            break
        if line.text:
            lines.append(line)
    return lines[::-1]


def top_rows(table: Table) -> int:
    """How many top rows of the table are its title or unit (Word and Excel put them there)."""
    count = 0
    for row in table.rows[:HEADING_ROWS]:
        texts = {cell.text for cell in row if cell.text}
        if not any(title_text(t) or UNIT.search(t) or "编制" in t for t in texts):
            break
        count += 1
    return count


def recognise(document: Document, table: Table) -> tuple[Recognised | None, list[Line]]:
    """The table's kind, title and unit; None when no title is found (the lines looked at too)."""
    lines = heading_lines(document, table)
    inside = top_rows(table)
    candidates = [(line, line.text) for line in lines]
    candidates += [(document.line(table.line_numbers[i]), c.text) for i in range(inside) for c in table.rows[i] if c.text]
    if table.name and table.line_numbers:  # a workbook's sheet named "1.收入支出决算总表": the title of last resort
        candidates.insert(0, (document.line(table.line_numbers[0]), normalise(table.name)))
    for position in range(len(candidates) - 1, -1, -1):
        line, text = candidates[position]
        title = title_text(text)
        rule = title_rule(title) if title else None
        if rule is None:
            continue
        unit = unit_of([t for _, t in candidates[position:]])
        body = [Row(row, document.line(number)) for row, number in zip(table.rows[inside:], table.line_numbers[inside:])]
        return Recognised(rule, line, table, unit, body), lines
    return None, lines


def continues(previous: Recognised | None, table: Table, lines: list[Line]) -> bool:
    """A table without a title, as wide as the recognised table just above, with only headings
    (department, unit, a page number) between them: the rest of that table."""
    if previous is None or table.width != previous.table.width:
        return False
    if previous.rows and previous.rows[-1].line.number < table.line_numbers[0] - HEADING_LINES - 1:
        return False
    return all(len(line.text) <= TITLE_MAX_CHARS and "。" not in line.text and not title_text(line.text) for line in lines)


def append_continuation(previous: Recognised, table: Table, document: Document, header: int) -> None:
    """The continuation's rows, its repeat of the previous table's ``header`` rows dropped."""
    rows = [Row(row, document.line(number)) for row, number in zip(table.rows, table.line_numbers)]
    head = [tuple(c.text for c in r.cells) for r in previous.rows[:header]]
    if header and [tuple(c.text for c in r.cells) for r in rows[:header]] == head:
        rows = rows[header:]
    previous.rows.extend(rows)
