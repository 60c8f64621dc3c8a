"""The rows of a class table (by 功能分类 or 经济分类) and of an item table, as readings.

A class row carries its code in separate 类 | 款 | 项 columns or in one code column:

    201 |    |    | 一般公共服务支出             (类)
    201 | 03 |    | 政府办公厅（室）及相关机构事务 (款: 201 + 03)
        | 03 | 01 | 行政运行                     (项: the 类 carried from the row above)
    2010301 | 行政运行                             (one code column)

Any other row is read by its label (table_rows.csv): 合计 (the table's total), 一、货物A, 一般公共
预算资金 / 小计 … A table may set two groups of columns side by side (the 决算 基本支出 table:
人员经费 codes on the left, 公用经费 codes on the right): each group is read as its own table.
"""

from __future__ import annotations

import re

from extract import catalogue
from extract.document import WRAPPED_NAME
from extract.records import Finding
from extract.standard_tables.cells import NotANumber, read_amount
from extract.standard_tables.header import Column
from extract.standard_tables.maps import NUMBERING, label, row_rule
from extract.standard_tables.readings import RowReading
from extract.standard_tables.recognise import Row

CODE_ROLES = ("code", "code_lei", "code_kuan", "code_xiang")
LABEL_ROLES = ("name", "label")
PERCENT_MEASURES = frozenset({"prior_year_change_pct", "completion_pct"})
PART = "part:"
"""Measure prefix of a column that is a part of the row's 合计 without a field (单位预留机动经费)."""
LEVEL_OF_LENGTH = {length: level for level, length in catalogue.LEVEL_LENGTHS.items()}


def column_groups(columns: list[Column]) -> list[list[Column]]:
    """Columns split where a code or name column follows a measure column."""
    groups: list[list[Column]] = [[]]
    for column in columns:
        starts = column.role in CODE_ROLES or column.role in LABEL_ROLES
        if starts and any(c.role == "measure" for c in groups[-1]):
            groups.append([])
        groups[-1].append(column)
    return [group for group in groups if group]


def cell_values(row: Row, columns: list[Column], factor, phase: str | None, findings: list[Finding]) -> dict:
    """The figures of a row's measure columns: {(measure, scope): Amount}; text is a finding."""
    values = {}
    texts = [c.text for c in row.cells]
    for column in columns:
        if column.role not in ("measure", "part"):
            continue
        cell = row.cells[column.index]
        measure = "amount" if (phase == "budget" and column.measure == "budget") else column.measure
        if column.role == "part":
            measure = f"{PART}{column.heading}"  # a part of the 合计 the schema has no field for
        try:
            amount = read_amount(cell.text, factor, percent=measure in PERCENT_MEASURES)
        except NotANumber:
            if cell.merged or cell.text in texts[: column.index]:
                continue  # a merged label (当年支出小计) repeated into the amount column
            findings.append(
                Finding(
                    "table_cell_not_a_number",
                    "warning",
                    f"{column.heading}: {cell.text!r} is not a figure; nothing is read from the cell",
                    row.line.evidence(),
                )
            )
            continue
        if amount is not None:
            values[(measure, column.scope)] = amount
    return values


class CodeContext:
    """The 类 and 款 codes of the rows above (a 款 row may print only its own two digits)."""

    def __init__(self, lengths: dict[str, int]) -> None:
        self.lengths = lengths
        self.lei: str | None = None
        self.kuan: str | None = None

    def full_kuan(self, lei: str, kuan: str) -> str:
        if not kuan:
            return self.kuan or ""
        return kuan if len(kuan) > 2 else (lei or self.lei or "") + kuan

    def compose(self, parts: dict[str, str]) -> str | None:
        """The full code from the row's code cells; None when they do not make one."""
        lei, kuan, xiang, whole = (parts.get(k, "") for k in ("code_lei", "code_kuan", "code_xiang", "code"))
        kuan, xiang = (part.zfill(2) if len(part) == 1 else part for part in (kuan, xiang))  # "5": an Excel cell lost its 0
        if whole:
            code = whole
        elif xiang:
            code = xiang if len(xiang) > 2 else self.full_kuan(lei, kuan) + xiang
        elif kuan:
            code = self.full_kuan(lei, kuan)
        else:
            code = lei
        if not code.isdigit() or len(code) not in self.lengths.values():
            return None
        if len(code) == self.lengths["类"]:
            self.lei, self.kuan = code, None
        elif len(code) == self.lengths.get("款"):
            self.lei, self.kuan = code[: self.lengths["类"]], code
        return code


def row_codes(row: Row, columns: list[Column]) -> tuple[dict[str, str], list[str]]:
    """(the digits of each code column, the texts of code columns that are not digits)."""
    digits, texts = {}, []
    for column in columns:
        if column.role in CODE_ROLES:
            text = row.cells[column.index].text.replace(" ", "")
            if text.isdigit():
                digits[column.role] = text
            elif text:
                texts.append(text)
    return digits, texts


def row_label(row: Row, columns: list[Column], code_texts: list[str], carried: list[str]) -> str:
    """The row's label path: its label cells (the first carried down when it is empty and a later
    one is not: a merged group label), repeats dropped."""
    texts = [label(row.cells[c.index].text) for c in columns if c.role in LABEL_ROLES]
    if texts and not texts[0] and any(texts[1:]) and carried:
        texts[0] = carried[0]
    if texts and texts[0]:
        carried[:] = [texts[0]]
    path: list[str] = []
    for text in [label(t) for t in code_texts] + texts:
        if text and (not path or path[-1] != text):
            path.append(text)
    return "/".join(path)


def read_group(kind: str, rows_kind: str, columns: list[Column], body: list[Row], factor, phase, levels) -> tuple[list[RowReading], list[Finding]]:
    readings: list[RowReading] = []
    findings: list[Finding] = []
    context = CodeContext(levels)
    carried: list[str] = []
    names = [c for c in columns if c.role in LABEL_ROLES]
    for row in body:
        digits, code_texts = row_codes(row, columns)
        values = cell_values(row, columns, factor, phase, findings)
        name = printed_name(row.cells[names[-1].index]) if names else None
        if not digits and name and rows_kind in ("function", "economic"):
            digits, name = code_in_name(name, digits)
        if digits:
            code = context.compose(digits)
            if code is None:
                findings.append(unreadable_code(row, digits))
                continue
            if rows_kind in ("function", "economic"):
                level = {length: level for level, length in levels.items()}[len(code)]
                readings.append(RowReading(row.line, values, code=code, level=level, name=name))
            continue
        text = row_label(row, columns, code_texts, carried)
        rule = row_rule(kind, None, text) if text else None
        if rule is not None and rule.item is not None:
            readings.append(RowReading(row.line, values, name=name or text, item=rule.item))
        elif not text and values and not names and not any(c.role in CODE_ROLES for c in columns):
            readings.append(RowReading(row.line, values, item="table_total"))  # a table of one row
    return readings, findings


CODE_IN_NAME = re.compile(r"^[\[【(]?(?P<code>\d{3}(?:\d{2}){0,2})[\]】)]?\s*[-—－:：.、]?\s*(?P<name>[^\d\s].*)$")
"""A class row whose code is printed in its name cell: "201 一般公共服务支出", "[2010801]行政运行",
"2010801-行政运行" (a table with one 科目 column)."""


def code_in_name(name: str, digits: dict[str, str]) -> tuple[dict[str, str], str]:
    """The code printed at the start of a name cell, as the row's code, and the name without it."""
    match = CODE_IN_NAME.match(name)
    if match is None:
        return digits, name
    return {"code": match["code"]}, match["name"].strip()


def printed_name(cell) -> str | None:
    """A row's name as printed (original characters), without its numbering (一、 1. （一）)."""
    text = " ".join(WRAPPED_NAME.sub("", cell.raw).split())
    return NUMBERING.sub("", text) or None


def unreadable_code(row: Row, digits: dict[str, str]) -> Finding:
    return Finding(
        "table_row_unreadable",
        "warning",
        f"the code cells {' | '.join(digits.values())} do not make a class code; the row is not read",
        row.line.evidence(),
    )


def read_class_table(kind: str, rows_kind: str, columns: list[Column], body: list[Row], factor, phase) -> tuple[list[RowReading], list[Finding]]:
    """Every row of a class / item table, each group of columns in turn."""
    levels = {"类": 3, "款": 5} if rows_kind == "economic" else dict(catalogue.LEVEL_LENGTHS)
    readings: list[RowReading] = []
    findings: list[Finding] = []
    for group in column_groups(columns):
        found, problems = read_group(kind, rows_kind, group, body, factor, phase, levels)
        readings.extend(found)
        findings.extend(problems)
    return readings, findings

