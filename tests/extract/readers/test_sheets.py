"""A sheet's cells laid out as lines and one table, whatever workbook format they came from."""

from __future__ import annotations

from extract.document import DocumentBuilder
from extract.readers.sheets import Sheet, add_sheet, column_name


def test__add_sheet__title_rows_and_notes_are_lines_spacer_columns_go():
    """As printed (column B is an empty spacer; B3:B4 is merged with an empty first cell, so the
    value typed into B4 is not shown):

        A1:D1  2020年部门支出决算表
        A2 编制单位：攀枝花市西区政协 | C2 2020年度 | D2 单位：元
        A3 科目  | B3:B4 (empty) | C3 基本支出 | D3 项目支出
        A4 人大事务 |             | C4 411.08  | D4 0.50
        A6 注：本表反映部门的支出。
    """
    texts = {
        (0, 0): "2020年部门支出决算表",
        (1, 0): "编制单位：攀枝花市西区政协", (1, 2): "2020年度", (1, 3): "单位：元",
        (2, 0): "科目", (2, 2): "基本支出", (2, 3): "项目支出",
        (3, 0): "人大事务", (3, 1): "隐藏", (3, 2): "411.08", (3, 3): "0.50",
        (5, 0): "注：本表反映部门的支出。",
    }
    builder = DocumentBuilder("t.xlsx", "0" * 64, "xlsx")
    add_sheet(builder, Sheet("支出决算表", texts, ((0, 0, 0, 3), (2, 1, 3, 1))))
    document = builder.build()
    assert [(line.raw, line.is_cell) for line in document.lines] == [
        ("2020年部门支出决算表", False),
        ("编制单位：攀枝花市西区政协", False),
        ("2020年度", False),
        ("单位：元", False),
        ("科目\t基本支出\t项目支出", True),
        ("人大事务\t411.08\t0.50", True),
        ("注：本表反映部门的支出。", False),
    ]
    assert document.tables[0].name == "支出决算表" and document.lines_before(document.tables[0], 1)[0].raw == "单位：元"


def test__column_name__as_excel_names_columns():
    assert [column_name(index) for index in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
