"""The performance tables of the seed reports, rebuilt as their authors meant them. Counts and
rows below were read off the reports' text (cat -n, tabs shown) by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.readers import read_document
from extract.tables import read_performance_tables
from tests.conftest import REPORTS


def tables(seed: str):
    return read_performance_tables(read_document(REPORTS / f"{seed}.txt"))


@pytest.mark.parametrize(
    "seed, rows_per_table",
    [
        ("000_dac422e8fb956846", [26]),
        ("001_5bad65b3efb8bad8", [10, 18, 8]),
        ("002_7c31d4a17c7f4b76", [8, 9, 6, 7, 7]),
        ("003_e72cc16d30ba4fbe", []),
        ("004_72e822381483855d", []),
    ],
)
def test__read_performance_tables__every_indicator_row(seed, rows_per_table):
    assert [len(table.rows) for table in tables(seed)] == rows_per_table


def row_at(seed: str, line: int):
    return next(row for table in tables(seed) for row in table.rows if row.evidence.line_number == line)


@pytest.mark.parametrize(
    "seed, line, expected",
    [
        # "\t / \t项目完成指标 / \t数量指标 / \t提案工作 / \t大于5次 / \t5次"
        ("001_5bad65b3efb8bad8", 311, ("政协业务经费", "项目完成指标", "数量指标", "提案工作", "大于5次", "5次", "5", "次", ">")),
        # split cell "\t社会效益" + blank + "指标"
        ("001_5bad65b3efb8bad8", 402, ("政协业务经费", "效益指标", "社会效益指标", "提案工作", "促进西区社会发展", "已完成", None, None, None)),
        # "\t满意度" + "指标" split, then 服务对象满意度指标
        ("001_5bad65b3efb8bad8", 253, ("政协会议经费", "满意度指标", "服务对象满意度指标", "委员满意率", "95%", "95%", "95", "%", "=")),
        # blank lines inside a row; two quantities in one cell -> no value
        ("001_5bad65b3efb8bad8", 185, ("政协会议经费", "项目完成指标", "数量指标", "会议次数、参会人数", "召开政协全体会议1次，参会人员200人", "召开政协全体会议1次，参会人员200人", None, None, None)),
        # a bracketed remark after the value
        ("001_5bad65b3efb8bad8", 511, ("政协履职能力提升经费", "项目完成指标", "成本指标", "学习培训", "14.32万元", "3.67万元（因新冠肺炎疫情影响，减少人员聚集及学习培训活动。）", "14.32", "万元", "=")),
        # 一级 merged (empty cell): inherited from the row above
        ("002_7c31d4a17c7f4b76", 166, ("纪检监察工作经费", "项目完成指标", "质量指标", "建设纪检监察系统的检举举报平台；被监督单位认真履行党风廉政建设主体责任。", "2020年年底前完成检举举报平台主体工程建设和大数据应用平台部署应用；被监督单位认真履行党风廉政主体责任，干部职工筑牢思想防线。", "2020年年底前完成检举举报平台主体工程建设和大数据应用平台部署应用；被监督单位认真履行党风廉政主体责任，干部职工筑牢思想防线。", None, None, None)),
        # 一级 and 二级 merged: both inherited (效益指标 / 社会效益指标)
        ("002_7c31d4a17c7f4b76", 203, ("纪检监察工作经费", "效益指标", "社会效益指标", "履行党风廉政建设主体责任", "被监督单位的干部队伍建设和工作作风明显好转。", "被监督单位的干部队伍建设和工作作风明显好转。", None, None, None)),
        ("002_7c31d4a17c7f4b76", 318, ("政策研究咨询经费", "满意度指标", "服务对象满意度指标", "区级各部门满意度", "≥95%", "≥95%", "95", "%", ">=")),
        # a 二级 cell that names one of the table's projects
        ("000_dac422e8fb956846", 396, ("人代会经费", "满意度指标", None, "领导满意度；群众满意度", "90%以上", "95%以上", "90", "%", ">=")),
        # the merged first column printed again after a page break
        ("000_dac422e8fb956846", 326, ("人代会经费、在线监督经费、代表工作联系点经费、人大业务经费、代表工作平台建设补助经费", "项目完成指标", "时效指标", "执行计划", "2020年全年", "2020年全年", "2020", "年", "=")),
    ],
)
def test__indicator_rows__as_the_author_meant(seed, line, expected):
    row = row_at(seed, line)
    value = None if row.target_value is None else str(row.target_value)
    assert (row.project, row.level1, row.level2, row.level3, row.target, row.actual, value, row.unit, row.comparator) == expected


def test__table_budget_cells__in_yuan_from_the_header_unit():
    (first, *_) = tables("001_5bad65b3efb8bad8")
    assert (first.project_names, first.department, first.budget_yuan, first.executed_yuan) == (
        ("政协会议经费",), "攀枝花市西区政协", Decimal("215500.00"), Decimal("215500.00"),
    )
    (combined,) = tables("000_dac422e8fb956846")
    assert len(combined.project_names) == 5 and combined.budget_yuan == Decimal("952000.00")


COMPOSED = """\t项目绩效目标完成情况表
(2021年度)

\t项目名称
\t农村道路养护经费

\t预算单位
\t某县交通运输局

\t预算执行情况(元)
\t预算数:
\t120000
\t执行数:
\t96000

\t绩效指标完成情况
\t一级指标
\t二级指标
\t三级指标
\t预期指标值(包含数字及文字描述)
\t实际完成指标值(包含数字及文字描述)

\t
\t产出指标
\t数量指标
\t养护里程
\t≥40公里
\t42公里

\t质量指标
\t路面完好率
\t不低于90%
\t93%

\t时效指标完成时间
\t2021年
\t2021年

\t效益指标
\t社会效益
指标
\t群众出行
\t改善
\t已改善
"""


def test__composed_table__rows_missing_their_merged_cells_align_right():
    from extract.readers.text import parse_text

    (table,) = read_performance_tables(parse_text(COMPOSED, "composed.txt", "0" * 64))
    assert (table.budget_yuan, table.executed_yuan) == (Decimal("120000.00"), Decimal("96000.00"))
    assert [(r.level1, r.level2, r.level3, str(r.target_value), r.unit, r.comparator) for r in table.rows] == [
        ("产出指标", "数量指标", "养护里程", "40", "公里", ">="),
        ("产出指标", "质量指标", "路面完好率", "90", "%", ">="),
        ("产出指标", "质量指标", "时效指标完成时间", "2021", "年", "="),
        ("效益指标", "社会效益指标", "群众出行", "None", None, None),
    ]


def test__composed_table__from_an_excel_sheet_as_from_its_text():
    """The composed table as a sheet: the title (A1:F2) above the table, merged ranges for the
    project name (B3:F3), 预算数: (B5:C5), 绩效指标完成情况 (A6:A10), 产出指标 (B7:B9), 质量指标 (C8:C9)."""
    import io

    import openpyxl

    from extract.readers import read_bytes
    from extract.readers.text import parse_text

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [
        ["项目绩效目标完成情况表\n(2021年度)"],
        [],
        ["项目名称", "农村道路养护经费"],
        ["预算单位", "某县交通运输局"],
        ["预算执行情况(元)", "预算数:", None, 120000, "执行数:", 96000],
        ["绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)"],
        [None, "产出指标", "数量指标", "养护里程", "≥40公里", "42公里"],
        [None, None, "质量指标", "路面完好率", "不低于90%", "93%"],
        [None, None, None, "时效指标完成时间", "2021年", "2021年"],
        [None, "效益指标", "社会效益\n指标", "群众出行", "改善", "已改善"],
    ]
    for row in rows:
        sheet.append(row)
    for merged in ("A1:F2", "B3:F3", "B4:F4", "B5:C5", "A6:A10", "B7:B9", "C8:C9"):
        sheet.merge_cells(merged)
    buffer = io.BytesIO()
    workbook.save(buffer)
    document = read_bytes(buffer.getvalue(), "composed.xlsx")
    (table,) = read_performance_tables(document)
    (text_table,) = read_performance_tables(parse_text(COMPOSED, "composed.txt", "0" * 64))
    assert (table.project_names, table.department, table.budget_yuan, table.executed_yuan) == (
        text_table.project_names, text_table.department, text_table.budget_yuan, text_table.executed_yuan
    )
    assert [(r.level1, r.level2, r.level3, r.target, r.actual) for r in table.rows] == [
        (r.level1, r.level2, r.level3, r.target, r.actual) for r in text_table.rows
    ]


def test__printed_rows__a_merge_across_columns_is_one_cell_one_continued_from_above_is_empty():
    """A table as read, merged copies marked *:

        A  | B  | B* | C
        A* | B* | B* | D        <- B is a 2 x 2 block, A merged down
        E  | F  | G  | D*       <- D merged down

    printed as the export prints it: A | B | C, empty | empty | D, E | F | G | empty."""
    from extract.document import DocumentBuilder, cell
    from extract.tables import printed_rows

    builder = DocumentBuilder("t.docx", "0" * 64, "docx")
    a, b, d = cell("A"), cell("B"), cell("D")
    merged = {name: cell(name, merged=True) for name in "ABD"}
    builder.add_table([
        [a, b, merged["B"], cell("C")],
        [merged["A"], merged["B"], merged["B"], d],
        [cell("E"), cell("F"), cell("G"), merged["D"]],
    ])
    document = builder.build()
    assert [[c.text for c in row] for row in printed_rows(document, document.tables[0])] == [
        ["A", "B", "C"], ["", "", "D"], ["E", "F", "G", ""]
    ]
