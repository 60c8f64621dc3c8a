"""Cells of the document model's tables as the project tables read them: slots, numbers, units,
titles and the rows' evidence.

A *slot* is a filled cell of a row, with a horizontal merge read once:

    项目名称 | 食品安全抽检监测 | 食品安全抽检监测 (merged) | 食品安全抽检监测 (merged)
    -> slots (0, 项目名称), (1, 食品安全抽检监测)

A cell covered by a vertical merge (the 项目资金（万元） label beside its 其中：财政拨款 row) stays a
slot, marked ``merged``: it repeats the label above, it does not start a new one.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from extract import numbers
from extract.document import Cell, Document, Line, Table
from extract.project_tables.labels import TitleFamily, inline_pair, title_family
from extract.records import Evidence

# "236.80", "2,368,000.00", "236.8万元", "-1.5"
AMOUNT_CELL = re.compile(rf"^(?P<sign>-)?\s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)?$")
# "95%", "95.00%", "100 %"
PERCENT_CELL = re.compile(r"^(?P<number>-?\d+(?:\.\d+)?)\s*%$")
PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
NOTHING_PRINTED = frozenset({"", "-", "--", "—", "——", "/", "\\", "一"})
"""What a cell holds when the template says "no figure here" (an empty cell is absent, never 0)."""
# "2024年度", "（2023年度）", "2025年项目绩效目标表": the year a table is of
TABLE_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?!\d|\s*\d{1,2}\s*月)")
# "单位：万元", "金额单位：元", "单位:万元"
UNIT_NOTE = re.compile(r"(?:金额)?单位\s*[:：]\s*(?P<unit>万元|元)")
# Lines that may stand between a title and its table, or between two pages of one table:
# "(2024年度)", "2024年度", "- 12 -", "第3页", "编制单位：XX局", "填报单位(盖章)：", "单位：万元"
FILLER = re.compile(
    r"""^(?:
        \(?\s*\d{4}\s*年度?\s*\)?
        | [-—\s]*\d+[-—\s]*
        | 第\s*\d+\s*页(?:\s*[,/，]?\s*共\s*\d+\s*页)?
        | (?:编制|填报|申报|预算|主管)?(?:单位|部门)(?:名称)?(?:\(盖章\))?\s*[:：].{0,40}
        | (?:金额)?单位\s*[:：]\s*(?:万元|元)
        | 续表\d*
    )$""",
    re.VERBOSE,
)
CAPTIONS_MAX = 2
CAPTION_MAX_CHARS = 30
SENTENCE_MARKS = re.compile(r"[。；;，,:：!?！？]")
HEAD_ROWS_MAX = 3
"""Rows at the top of a table that may hold its title, year and unit instead of lines above it."""
LINES_ABOVE_MAX = 6


class Slot(NamedTuple):
    column: int
    text: str
    """Normalised (NFKC, spaces collapsed)."""
    raw: str
    """As printed, line breaks and runs of spaces collapsed: what a figure's text shows."""
    merged: bool


def printed(raw: str) -> str:
    return " ".join(raw.split())


def slots(row: tuple[Cell, ...]) -> list[Slot]:
    found: list[Slot] = []
    for index, cell in enumerate(row):
        if not cell.text:
            continue
        if cell.merged and index and row[index - 1].text == cell.text:
            continue
        found.append(Slot(index, cell.text, printed(cell.raw), cell.merged))
    return found


class CellValue(NamedTuple):
    value: Decimal | None
    problem: str | None = None
    """None when the cell was read (or printed nothing); else what is wrong with it."""
    half_unit: Decimal = Decimal(0)
    """Half a unit of the cell's last printed digit, in the value's own scale (yuan for amounts)."""


def _half_unit(number: str, factor: Decimal = Decimal(1)) -> Decimal:
    decimals = len(number.split(".")[1]) if "." in number else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1) * factor


def amount_of(text: str, unit: str | None) -> CellValue:
    """An amount cell in yuan; its own unit ("236.8万元") wins over ``unit`` (label, heading)."""
    if text in NOTHING_PRINTED:
        return CellValue(None)
    match = AMOUNT_CELL.match(text)
    if not match:
        return CellValue(None, f"{text!r} is not an amount")
    unit = match["unit"] or unit
    if unit is None:
        return CellValue(None, "no unit")
    value = numbers.to_yuan(match["number"], unit)
    factor = numbers.unit_factors()[unit]
    return CellValue(-value if match["sign"] else value, None, _half_unit(match["number"], factor))


def percent_of(text: str, header_unit: str | None) -> CellValue:
    """"95%" (or 95 under a 执行率(%) header), as printed."""
    if text in NOTHING_PRINTED:
        return CellValue(None)
    match = PERCENT_CELL.match(text)
    if match:
        return CellValue(Decimal(match["number"]), None, _half_unit(match["number"].lstrip("-")))
    if header_unit == "%" and PLAIN_NUMBER.match(text):
        return CellValue(Decimal(text), None, _half_unit(text.lstrip("-")))
    return CellValue(None, f"{text!r} is not a percentage")


def number_of(text: str) -> CellValue:
    """A score or a weight (分值, 得分): a plain number."""
    if text in NOTHING_PRINTED:
        return CellValue(None)
    if PLAIN_NUMBER.match(text):
        return CellValue(Decimal(text), None, _half_unit(text.lstrip("-")))
    return CellValue(None, f"{text!r} is not a number")


def is_filler(line: Line) -> bool:
    return not line.text or bool(FILLER.match(line.text))


def row_evidence(document: Document, table: Table, index: int) -> Evidence:
    """A table row as evidence: its position and its distinct cells joined by " | "."""
    line = document.line(table.line_numbers[index])
    text = " | ".join(slot.raw for slot in slots(table.rows[index]))
    return Evidence(line.number, text, line.page, table.number, index + 1)


def is_head_row(row: tuple[Cell, ...]) -> bool:
    """A row holding one text (a title over the whole width) or only year / unit notes."""
    found = slots(row)
    texts = {slot.text for slot in found}
    if len(texts) == 1:
        return inline_pair(next(iter(texts))) is None  # not 项目名称：NAME across the width
    return all(FILLER.match(text) for text in texts)


class Heading(NamedTuple):
    family: TitleFamily | None
    """The project-table family of the table's title; None when it has no title of that kind."""
    titled: bool
    """The table has a title of its own (of any kind) just above it or in its first rows."""
    unit: str | None
    """单位：万元 / 元 from the title, the lines above or the head rows."""
    body: int
    """Index of the first row after the head rows."""
    year: int | None = None
    """The year the title or the note under it names (2024年度项目支出绩效目标申报表, （2023年度）)."""


def heading(document: Document, table: Table, captions: bool = False) -> Heading:
    """The table's title, unit and head rows. With ``captions`` (the table opens a project's
    form), up to CAPTIONS_MAX short headings may stand between it and its title:

        项目绩效目标表
        （一）食品安全抽检监测        <- a caption naming the project
        项目名称 | 食品安全抽检监测 …
    """
    body = body_start(table)
    texts = [slot.text for row in table.rows[:body] for slot in slots(row)]
    above = []
    for line in reversed(document.lines_before(table, LINES_ABOVE_MAX)):
        if line.table is not None:  # the table before this one: nothing above is this table's
            break
        above.append(line.text)
    family, titled, scanned, skipped = None, False, [], 0
    for text in texts + above:
        scanned.append(text)
        if not text or FILLER.match(text):
            continue
        family = title_family(text)
        if family is None and captions and skipped < CAPTIONS_MAX and is_caption(text):
            skipped += 1
            continue
        titled = True
        break
    units = [m["unit"] for text in scanned for m in UNIT_NOTE.finditer(text)]
    unit = (family.unit if family else None) or (units[0] if units else None)
    years = [int(m["year"]) for text in scanned for m in TABLE_YEAR.finditer(text)]
    return Heading(family, titled, unit, body, years[0] if titled and len(set(years)) == 1 else None)


def body_start(table: Table) -> int:
    """The first row after the table's head rows (title, year, unit)."""
    body = 0
    while body < min(HEAD_ROWS_MAX, len(table.rows) - 1) and is_head_row(table.rows[body]):
        body += 1
    return body


def is_caption(text: str) -> bool:
    """A short heading, not a sentence nor another table's title: "（二）特种设备安全监察", a
    running page header ("2024年部门预算")."""
    title = re.sub(r"\([^()]*\)$", "", text).strip()
    return len(text) <= CAPTION_MAX_CHARS and not SENTENCE_MARKS.search(text) and not title.endswith("表")


def gap_is_filler(document: Document, previous: Table, table: Table, captions: bool = False) -> bool:
    """Only blank lines, page numbers, year and unit notes between two tables (and, with
    ``captions``, up to CAPTIONS_MAX short headings)."""
    start, end = previous.line_numbers[-1], table.line_numbers[0] - 1
    lines = [document.line(number) for number in range(start + 1, end + 1)]
    others = [line for line in lines if not is_filler(line)]
    return not others or (captions and len(others) <= CAPTIONS_MAX and all(is_caption(line.text) for line in others))
