"""The 收支总表 and the 财政拨款收支总表: sides of label and amount columns, read row by row.

    收入                    | 支出
    项目名称     | 金额     | 功能科目名称 | 金额      | 项目名称 | 金额        (Jiangsu: 支出 by 功能分类 and 支出用途)
    一、财政拨款 | 13,297.11 | 一、一般公共服务支出 | 10,271.56 | 一、基本支出 | 6,522.75
    当年收入小计 | 13,377.11 | 当年支出小计 | 当年支出小计 | 当年支出小计 | 13,377.11

Each label column starts a side (income, expense, expense by class, expense by use: its heading
says which, table_columns.csv) and the amount columns up to the next label column are its
figures. A label names a summary item (table_rows.csv) or, on an expense side, a 类 (by the
classification reference: these tables print no code). A total label merged across the columns of
two sides (当年支出小计 above) is the label of the amount at its right. Rows after a 结转和结余
row on a side are its parts (一般公共预算财政拨款, 政府性基金 …), not the year's income: skipped.
"""

from __future__ import annotations

import re

from extract import classification
from extract.records import Finding
from extract.standard_tables.header import Column
from extract.standard_tables.maps import label, row_rule
from extract.standard_tables.readings import RowReading
from extract.standard_tables.recognise import Row
from extract.standard_tables.rows import cell_values, printed_name

TOTAL_ITEMS = frozenset({"total_income_and_expense", "fiscal_total", "income_total", "expense_total", "carryover_ending"})
# "年初财政拨款结转和结余", "年末结转和结余", "二、上年结转": the rows after it (一般公共预算财政拨款 …)
# are its parts
PARTS_HEADER = re.compile(r"(?:年初|年末|上年|本年)?(?:财政拨款)?结转(?:和结余|结余)?(?:资金)?|结转下年(?:资金)?")
"""A carryover row: the rows under it are its parts (其中：基本支出 / 项目支出 of 结转下年), not the year's."""
CLASS_SIDES = frozenset({"expense", "expense_function"})


def side_groups(columns: list[Column]) -> list[tuple[Column, list[Column]]]:
    """Each side column with the measure columns after it."""
    groups: list[tuple[Column, list[Column]]] = []
    for column in columns:
        if column.role == "side":
            groups.append((column, []))
        elif column.role in ("measure", "part") and groups:
            groups[-1][1].append(column)
    return groups


def side_label(row: Row, side: Column) -> tuple[str, bool]:
    """(the label of the side's row, whether it was borrowed from a merged cell on the left)."""
    text = label(row.cells[side.index].text)
    if text:
        return text, False
    for cell in reversed(row.cells[: side.index]):
        if cell.text:
            return label(cell.text), True
    return "", False


def read_side_table(kind: str, columns: list[Column], body: list[Row], factor, phase, year: int | None) -> tuple[list[RowReading], list[Finding]]:
    readings: list[RowReading] = []
    findings: list[Finding] = []
    for side, measures in side_groups(columns):
        in_parts = False
        for row in body:
            values = cell_values(row, measures, factor, phase, findings)
            text, borrowed = side_label(row, side)
            if not text:
                continue
            rule = row_rule(kind, side.measure, text)
            item = rule.item if rule else None
            if borrowed and item not in TOTAL_ITEMS:
                continue
            if item in ("total_income_and_expense", "fiscal_total") or (in_parts and not values):
                in_parts = False  # a total, or a heading row of its own ("按支出性质分："), ends the parts
                if not values:
                    continue
            elif in_parts:
                continue
            in_parts = bool(PARTS_HEADER.fullmatch(text))
            if rule is not None:
                if item is not None:
                    readings.append(RowReading(row.line, values, name=row.cells[side.index].text, item=item, side=side.measure))
                continue
            reading = class_row(row, side, text, values, year, findings)
            if reading is not None:
                readings.append(reading)
    return without_special_account(readings, body), findings


SPECIAL_ACCOUNT = re.compile(r"财政专户")
UNIT_MONEY = re.compile(r"单位资金|事业收入")


def without_special_account(readings: list[RowReading], body: list[Row]) -> list[RowReading]:
    """财政专户管理资金 is read as 事业收入 (Jiangsu 2017–2019 print no other); a table that also
    prints 单位资金 or 事业收入 rows (the newer template) has it as a source of its own: not read."""
    labels = [label(cell.text) for row in body for cell in row.cells]
    if not any(UNIT_MONEY.search(text) and not SPECIAL_ACCOUNT.search(text) for text in labels):
        return readings
    return [r for r in readings if not (r.item == "income_business" and SPECIAL_ACCOUNT.search(r.name or ""))]


def class_row(row: Row, side: Column, text: str, values: dict, year: int | None, findings: list[Finding]) -> RowReading | None:
    """A 类 named on an expense side: its code from the classification reference."""
    if side.measure not in CLASS_SIDES:
        if values:
            findings.append(unmapped_row(row, text))
        return None
    code = classification.lookup(text, None, year)
    if code is None:
        if values:
            findings.append(
                Finding(
                    "function_class_unknown",
                    "warning",
                    f"类 {text} is not in the functional classification list and the table prints no code; its row is not read",
                    row.line.evidence(),
                )
            )
        return None
    return RowReading(row.line, values, code=code, level="类", name=printed_name(row.cells[side.index]), side=side.measure)


def unmapped_row(row: Row, text: str) -> Finding:
    return Finding("table_row_unmapped", "info", f"the row {text} names no summary item; its figures are not loaded", row.line.evidence())
