"""The Excel reader: workbooks written here with openpyxl, read back as lines and tables.

The sheet of most tests, as Excel shows it:

    A1:E1  2020年部门收支决算总表                    (merged across the width)
    A2     编制单位：攀枝花市西区政协    E2 单位：元
    A3:A4  项目 (merged down) | B3:C3 本年收入 (merged across) | D3:E3 本年支出 (merged across)
    A4     (covered)        | 财政拨款 | 其他 | 基本支出 | 项目支出
    A5     一般公共服务支出   | 91016775.35 (#,##0.00) | 0 (accounting) | =B5*0.8 (cached) | #REF!
    A7:E7  注：本表反映部门本年度的总收支。            (merged across the width)
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from extract.errors import UnreadableReport
from extract.readers import read_bytes

ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_cached_values(data: bytes, sheet: str, cells: dict[str, tuple[str, str, str]]) -> bytes:
    """The workbook with formula cells as Excel saves them: formula and cached value
    (openpyxl writes formulas without one). ``cells``: reference -> (type, formula, value)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == sheet:
                text = content.decode()
                for reference, (kind, formula, value) in cells.items():
                    text = re.sub(
                        rf'<c r="{reference}"([^>]*?)(?: t="\w+")?>.*?</c>',
                        rf'<c r="{reference}"\1 t="{kind}"><f>{formula}</f><v>{value}</v></c>',
                        text,
                    )
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


def budget_sheet(worksheet) -> None:
    worksheet["A1"] = "2020年部门收支决算总表"
    worksheet.merge_cells("A1:E1")
    worksheet["A2"] = "编制单位：攀枝花市西区政协"
    worksheet["E2"] = "单位：元"
    worksheet["A3"] = "项目"
    worksheet.merge_cells("A3:A4")
    worksheet["B3"] = "本年收入"
    worksheet.merge_cells("B3:C3")
    worksheet["D3"] = "本年支出"
    worksheet.merge_cells("D3:E3")
    for column, text in zip("BCDE", ("财政拨款", "其他", "基本支出", "项目支出")):
        worksheet[f"{column}4"] = text
    worksheet["A5"] = "一般公共服务支出"
    worksheet["B5"] = 91016775.35
    worksheet["B5"].number_format = "#,##0.00"
    worksheet["C5"] = 0
    worksheet["C5"].number_format = ACCOUNTING
    worksheet["D5"] = "=B5*0.8"
    worksheet["D5"].number_format = "#,##0.00"
    worksheet["E5"] = "=SUM(#REF!)"
    worksheet["A7"] = "注：本表反映部门本年度的总收支。"
    worksheet.merge_cells("A7:E7")


def budget_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = "收入支出决算总表"
    budget_sheet(worksheet)
    hidden = workbook.create_sheet("底稿")
    hidden["A1"] = "不公开的底稿"
    hidden["B1"] = "999"
    hidden.sheet_state = "hidden"
    dated = workbook.create_sheet("日期")
    dated["A1"] = "填报日期"
    dated["B1"] = "金额"
    dated["A2"] = datetime(2021, 3, 5)
    dated["A2"].number_format = 'yyyy"年"m"月"d"日"'
    dated["B2"] = 0.9512
    dated["B2"].number_format = "0.00%"
    cached = {"D5": ("n", "B5*0.8", "72813420.28"), "E5": ("e", "SUM(#REF!)", "#REF!")}
    return with_cached_values(workbook_bytes(workbook), "xl/worksheets/sheet1.xml", cached)


@pytest.fixture(scope="module")
def document():
    return read_bytes(budget_workbook(), "收支总表.xlsx")


def test__read_xlsx__title_rows_are_lines_the_rest_one_table_named_after_the_sheet(document):
    assert document.encoding == "xlsx"
    assert [(line.raw, line.is_cell) for line in document.lines[:3]] == [
        ("2020年部门收支决算总表", False), ("编制单位：攀枝花市西区政协", False), ("单位：元", False)
    ]
    first = document.tables[0]
    assert (first.name, first.width, len(first.rows)) == ("收入支出决算总表", 5, 3)
    assert document.lines[-3].raw == "注：本表反映部门本年度的总收支。" and not document.lines[-3].is_cell


def test__read_xlsx__merged_ranges_repeat_their_first_cell(document):
    header, subheader, _ = document.tables[0].rows
    assert [(c.text, c.merged) for c in header] == [
        ("项目", False), ("本年收入", False), ("本年收入", True), ("本年支出", False), ("本年支出", True)
    ]
    assert (subheader[0].text, subheader[0].merged) == ("项目", True)


def test__read_xlsx__numbers_as_printed_formulas_by_their_cached_value(document):
    row = document.tables[0].rows[2]
    assert [c.text for c in row] == ["一般公共服务支出", "91,016,775.35", "-", "72,813,420.28", ""]
    line = document.line(document.tables[0].line_numbers[2])
    assert line.raw == "一般公共服务支出\t91,016,775.35\t-\t72,813,420.28\t" and (line.table, line.row) == (1, 3)


def test__read_xlsx__a_cached_error_is_an_empty_cell_and_a_finding(document):
    (finding,) = document.findings
    assert (finding.rule, finding.severity) == ("sheet_formula_error", "warning")
    assert "收入支出决算总表!E5" in finding.message and "#REF!" in finding.message
    assert (finding.evidence.table, finding.evidence.row) == (1, 3)


def test__read_xlsx__hidden_sheets_are_skipped_dates_print_as_formatted(document):
    assert [table.name for table in document.tables] == ["收入支出决算总表", "日期"]
    assert [c.text for c in document.tables[1].rows[1]] == ["2021年3月5日", "95.12%"]
    assert not any("底稿" in line.text for line in document.lines)


def test__read_xlsx__a_broken_sheet_is_one_line_naming_the_file():
    data = budget_workbook()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            broken = item.filename == "xl/worksheets/sheet1.xml"
            target.writestr(item, b"<worksheet><sheetData><row>" if broken else source.read(item.filename))
    with pytest.raises(UnreadableReport, match=r"^坏表\.xlsx: the Excel workbook is damaged \(") as caught:
        read_bytes(out.getvalue(), "坏表.xlsx")
    assert "\n" not in str(caught.value)


def test__read_xlsx__twenty_sheets_read_in_well_under_a_second():
    import time

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for index in range(20):
        budget_sheet(workbook.create_sheet(f"表{index + 1}"))
        for row in range(8, 60):
            workbook[f"表{index + 1}"].append([f"项目{row}", 1234.5 * row, 0, 2.5 * row, 1.25])
    data = workbook_bytes(workbook)
    timings = []
    for _ in range(3):  # the best of three: a busy machine must not fail the test
        started = time.process_time()
        document = read_bytes(data, "twenty.xlsx")
        timings.append(time.process_time() - started)
    assert len(document.tables) == 20 and min(timings) < 1.0


def test__process_report__the_reader_findings_reach_the_report(tmp_path):
    from transform.pipeline import process_report

    path = tmp_path / "决算.xlsx"
    workbook = openpyxl.Workbook()
    budget_sheet(workbook.active)
    workbook.active["A1"] = "攀枝花市西区政协2020年度部门决算"
    cached = {"E5": ("e", "SUM(#REF!)", "#REF!")}
    path.write_bytes(with_cached_values(workbook_bytes(workbook), "xl/worksheets/sheet1.xml", cached))
    report = process_report(path)
    assert (report.document.fiscal_year, report.document.phase) == (2020, "final")
    assert "sheet_formula_error" in {finding.rule for finding in report.findings}


def test__read_xlsx__a_title_merged_across_the_whole_row_costs_nothing():
    import time

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "攀枝花市西区政协\n2020年度部门决算"
    sheet.merge_cells("A1:XFD1")
    sheet["A3"], sheet["B3"], sheet["A4"], sheet["B4"] = "项目", "金额", "一般公共服务支出", 1.5
    data = workbook_bytes(workbook)
    started = time.process_time()
    document = read_bytes(data, "wide.xlsx")
    assert time.process_time() - started < 0.5
    assert [line.raw for line in document.lines] == ["攀枝花市西区政协", "2020年度部门决算", "项目\t金额", "一般公共服务支出\t1.5"]


def test__process_report__a_table_titled_only_by_its_sheets_name(tmp_path):
    """A workbook of 公开表 whose sheets carry the titles ("2.支出决算表"): no title row above the table."""
    from transform.pipeline import process_report

    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "封面"
    cover.append(["青禾县测试局"])
    cover.append(["2023年度部门决算"])
    sheet = workbook.create_sheet("2.支出决算表")
    sheet.append(["部门：青禾县测试局", None, None, "单位：万元"])
    sheet.append(["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"])
    sheet.append([None, "合计", 60, 40, 20])
    sheet.append(["210", "卫生健康支出", 60, 40, 20])
    path = tmp_path / "决算.xlsx"
    path.write_bytes(workbook_bytes(workbook))
    report = process_report(path)
    assert {(f.class_code, f.amount_yuan) for f in report.expenditure_by_function} == {("210", Decimal("600000.00"))}


def test__process_report__tables_stacked_on_one_sheet_are_each_a_table(tmp_path):
    """Two 公开表 one under the other, an empty row between: each is read under its own title."""
    from transform.pipeline import process_report

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (
        ["青禾县测试局"], ["2023年度部门决算"], [], ["支出决算表"], ["单位：万元"],
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], [None, "合计", 60, 40, 20], ["210", "卫生健康支出", 60, 40, 20],
        [], ["财政拨款“三公”经费支出决算表"], ["单位：万元"],
        ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"], [15, 0, 10, 5],
    ):
        sheet.append(row)
    path = tmp_path / "决算.xlsx"
    path.write_bytes(workbook_bytes(workbook))
    report = process_report(path)
    assert {f.category: f.amount_yuan for f in report.three_public}["three_public_total"] == Decimal("150000.00")
    assert {(f.class_code, f.amount_yuan) for f in report.expenditure_by_function} == {("210", Decimal("600000.00"))}


def test__read_xlsx__a_formula_saved_without_its_result_is_a_finding():
    """openpyxl (and other programs) write formulas with no cached value: the cell reads empty, and
    a finding names it rather than a figure going missing without a word."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "公开01表"
    for row in (["项目", "金额"], ["基本支出", 40], ["项目支出", 20], ["合计", "=SUM(B2:B3)"]):
        sheet.append(row)
    document = read_bytes(workbook_bytes(workbook), "决算.xlsx")
    [finding] = [f for f in document.findings if f.rule == "sheet_formula_error"]
    assert "公开01表!B4" in finding.message and "without its result" in finding.message


def test__process_report__a_continued_title_on_its_sheet_goes_on_with_the_table(tmp_path):
    """"…表（续）" after an empty row is the rest of the table above, not a new table (whose columns,
    without the 项目支出 of the first part, would no longer line up)."""
    from transform.pipeline import process_report

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (
        ["青禾县测试局"], ["2024年部门预算"], ["一般公共预算支出预算表"], ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [None, "合计", 110, 70, 40],
        ["207", "文化旅游体育与传媒支出", 100, 60, 40], [], ["一般公共预算支出预算表（续）"],
        ["208", "社会保障和就业支出", 10, 10, None],
    ):
        sheet.append(row)
    path = tmp_path / "预算.xlsx"
    path.write_bytes(workbook_bytes(workbook))
    report = process_report(path)
    assert {(f.class_code, f.amount_yuan) for f in report.expenditure_by_function} == {("207", Decimal("1000000.00")), ("208", Decimal("100000.00"))}
