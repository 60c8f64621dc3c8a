"""The web-page reader: pages composed here (tests/reports/html/, see its README) give the figures
and tables of their text; small pages written inline show each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import UnreadableReport
from extract.readers import read_bytes, read_document, sniff
from tests.extract.composed import extracted, figures_of

HERE = Path(__file__).resolve().parents[2] / "reports" / "html"
PAGES = sorted(HERE.glob("*.html"))


def figures(path: Path) -> tuple[tuple, set[tuple]]:
    report = extracted(path)
    return (report.document.department, report.document.fiscal_year, report.document.phase), figures_of(report)


def table_texts(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in table.rows] for table in read_document(path).tables]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test__read_html__a_page_gives_the_figures_and_tables_of_its_text(path):
    text = path.with_suffix(".txt")
    document, rows = figures(path)
    assert (document, rows) == figures(text)
    assert document[1:] == (2023, "final") and len(rows) > 10
    assert table_texts(path) == table_texts(text)


def test__read_html__the_declared_gb2312_page_is_read_as_gb18030_its_layout_table_as_lines():
    document = read_document(HERE / "final_accounts_gbk.html")
    assert document.encoding == "html/gb18030"
    texts = [line.raw for line in document.lines if not line.is_cell]
    assert texts[:4] == ["机构概况", "财政预决算", "示例市测绘院", "2023年度部门决算"]
    assert "示例市测绘院2023年度收入支出总计860.00万元。与2022年度相比，收入支出总计增加60.00万元，增长7.5%。主要原因：测绘项目增加。" in texts
    assert [table.width for table in document.tables] == [4, 5]


def test__read_html__the_sites_menu_links_scripts_and_hidden_text_are_no_lines():
    """The header's menu (links in a list) prints nothing of the report; the footer is a line of
    its own; scripts and hidden text print nothing."""
    document = read_document(HERE / "final_accounts_utf8.html")
    texts = [line.text for line in document.lines]
    assert document.encoding == "html/utf-8"
    assert texts[:2] == ["示例县文化馆", "2023年度部门决算"]
    assert texts[-1] == "主办:示例县人民政府办公室 | 网站标识码:0000000000"
    assert not any("首页" in text or "分享" in text or "来源" in text or "脚本" in text for text in texts)


def read(body: str, head: str = '<meta charset="utf-8">'):
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return read_bytes(page.encode("utf-8"), "page.html")


def test__read_html__inline_text_joins_its_line_blocks_and_breaks_end_it():
    document = read(
        "<div>本年支出<span>合计</span>\n  <b>480.00</b>&nbsp;&nbsp;万元，基本\n支出300.00万元。<br>第二行</div>"
        "<ul><li>一<li>二</ul><p>段一<p>段二<style>p {}</style><script>var x = '<p>脚本</p>';</script>"
    )
    assert [line.raw for line in document.lines] == ["本年支出合计 480.00 万元，基本支出300.00万元。", "第二行", "一", "二", "段一", "段二"]
    assert not any(line.is_cell for line in document.lines)


def test__read_html__colspan_and_rowspan_repeat_their_first_cell_marked_merged():
    """
        项目 (colspan 2)        | 合计 (rowspan 2)          项目     | 项目*    | 合计
        科目编码 | 科目名称                            ->   科目编码 | 科目名称 | 合计*
        201      | 一般公共服务<br>支出 | 1.00              201      | 一般公共服务支出 | 1.00
    """
    document = read(
        "<p>单位：万元</p><table>"
        "<tr><th colspan=2>项目</th><th rowspan=2>合计</th></tr>"
        "<tr><th>科目编码</th><th>科目名称</th></tr>"
        "<tr><td>201</td><td>一般公共服务<br>支出</td><td>1.00</td></tr></table>"
    )
    (table,) = document.tables
    assert [[(c.text, c.merged) for c in row] for row in table.rows] == [
        [("项目", False), ("项目", True), ("合计", False)],
        [("科目编码", False), ("科目名称", False), ("合计", True)],
        [("201", False), ("一般公共服务支出", False), ("1.00", False)],
    ]
    assert table.rows[2][1].raw == "一般公共服务\n支出"
    assert [(line.raw, line.table) for line in document.lines] == [
        ("单位：万元", None),
        ("项目\t项目\t合计", 1),
        ("科目编码\t科目名称\t合计", 1),
        ("201\t一般公共服务 支出\t1.00", 1),
    ]


def test__read_html__caption_and_a_title_row_across_the_table_are_lines_above_it():
    document = read(
        "<table><caption>收入支出决算总表</caption>"
        "<tr><td colspan=2>单位：万元<tr><td>项目<td>决算数<tr><td>本年收入合计<td>800.00</table>"
    )
    assert [(line.text, line.table) for line in document.lines] == [
        ("收入支出决算总表", None), ("单位:万元", None), ("项目\t决算数", 1), ("本年收入合计\t800.00", 1)
    ]


def test__read_html__a_table_holding_tables_is_read_as_lines_the_inner_tables_as_tables():
    document = read(
        "<table><tr><td>网站导航</td><td><p>2023年度部门决算</p>"
        "<table><tr><td>项目<td>决算数<tr><td>总计<td>860.00</table>"
        "<table><tr><td>项目<td>预算数<tr><td>合计<td>6.00</table>"
        "</td></tr></table>"
        "<table><tr><td><p>一个单元格框住的说明。</p><p>第二段。</p></td></tr></table>"
    )
    assert [[[c.text for c in row] for row in table.rows] for table in document.tables] == [
        [["项目", "决算数"], ["总计", "860.00"]],
        [["项目", "预算数"], ["合计", "6.00"]],
    ]
    assert [line.text for line in document.lines if not line.is_cell] == ["网站导航", "2023年度部门决算", "一个单元格框住的说明。", "第二段。"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ('<html><meta charset="gbk"><p>部门决算</p>'.encode("gb18030"), "gb18030"),
        ('<html><meta http-equiv="Content-Type" content="text/html; charset=GB2312"><p>部门决算</p>'.encode("gb18030"), "gb18030"),
        ("<html><p>部门决算</p>".encode("gb18030"), "gb18030"),  # no charset, not UTF-8: GBK as the text reader reads
        ('<html><meta charset="gb2312"><p>部门决算</p>'.encode("utf-8"), "utf-8"),  # saved as UTF-8, the old <meta> kept
        ('<html><meta charset="utf-16"><p>部门决算</p>'.encode("gb18030"), "gb18030"),  # a <meta> read in ASCII is no UTF-16
        ("\ufeff<!DOCTYPE html><p>部门决算</p>".encode("utf-8"), "utf-8"),
    ],
)
def test__read_html__the_declared_charset_else_utf8_else_gb18030(data, encoding):
    document = read_bytes(data, "page.html")
    assert (document.encoding, [line.text for line in document.lines]) == (f"html/{encoding}", ["部门决算"])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<html><head><meta charset="utf-8"></head><body><p>\xe9\x83\xa8\xff\xfe\xe9\x97\xa8</p></body></html>',
         "page.html: the page declares the charset UTF-8 but is not UTF-8 (byte 53: invalid start byte)"),
        (b"<html><body><p>\x80\x80\x80</p></body></html>", "declares no charset it can be read in and is neither UTF-8 nor GB18030"),
        ("<html><body><p>部门决算".encode("utf-8")[:-1], "ends in the middle of a UTF-8 character"),
        (b"<!DOCTYPE html><html><head><title>2023</title><script>x()</script></head><body><img src=a.png> </body></html>",
         "page.html: the web page has no text"),
    ],
    ids=["declared-utf8-but-not", "neither-utf8-nor-gbk", "cut-short", "no-text"],
)
def test__read_html__a_page_that_cannot_be_read_is_refused_with_the_reason(data, reason):
    with pytest.raises(UnreadableReport, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_bytes(data, "page.html")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html>\n<html>", "html"),
        (b"\xef\xbb\xbf  \n<HTML lang=zh>", "html"),
        (b'<?xml version="1.0"?>\n<!doctype HTML PUBLIC "-//W3C//DTD XHTML 1.0//EN">', "html"),
        (b"<!-- saved from url -->\n<meta charset=gbk>", "html"),
        (b"<table border=1><tr><td>", "html"),
        ("报告中写到<table>标签\n".encode(), "text"),
        (b"<2023> notes", "text"),
    ],
)
def test__sniff__a_web_page_by_its_markup_at_the_start(head, kind):
    assert sniff(head + b"x" * 10, "report.txt") == kind


def test__read_html__other_reports_listed_beside_the_article_are_not_its_title():
    """A side list of links ("示例县教育局2022年度部门预算公开") came first in reading order and gave
    the document another department, year and phase."""
    document = read(
        '<div class="left"><ul><li><a href="a.html">示例县教育局2022年度部门预算公开</a></li>'
        '<li><a href="b.html">我县机关运行经费支出1,280.00万元</a></li></ul></div>'
        "<div><h1>示例县农业农村局</h1><p>2023年度部门决算</p><p>本年收入合计1,234.56万元。</p></div>"
    )
    assert [line.text for line in document.lines] == ["示例县农业农村局", "2023年度部门决算", "本年收入合计1,234.56万元。"]


def test__read_html__a_page_whose_head_is_never_closed_and_hidden_struck_text():
    document = read_bytes(
        '<html><head><meta charset="utf-8"><title>x</title><body><div>本年支出合计<del>1,300.00</del><ins>1,200.00</ins>万元，'
        '公务接待费<span style="visibility:hidden">7</span>3.00万元。</div>'.encode("utf-8"),
        "page.html",
    )
    assert [line.text for line in document.lines] == ["本年支出合计1,200.00万元,公务接待费3.00万元。"]


def test__read_html__a_column_excel_hid_and_an_article_framed_in_a_table():
    document = read(
        "<table><col><col style='display:none'><col><tr><td>项目</td><td>上年数</td><td>决算数</td></tr>"
        "<tr><td>合计</td><td>999.99</td><td>142.35</td></tr></table>"
        "<table><tr><td colspan=2><h1>示例县农业农村局2023年度部门决算</h1></td></tr><tr><td>发布时间：2024-09-01</td><td>来源</td></tr>"
        "<tr><td colspan=2><p>一、收入决算情况。</p><p>本年收入合计1,234.56万元。</p><p>本年支出合计1,200.00万元。</p></td></tr></table>"
    )
    [table] = document.tables
    assert [[c.text for c in row] for row in table.rows] == [["项目", "决算数"], ["合计", "142.35"]]
    assert "本年收入合计1,234.56万元。" in [line.text for line in document.lines if not line.is_cell]


def test__read_html__breadcrumbs_page_links_and_a_logo_header_leave_the_articles_title():
    """A site's logo heading, its breadcrumb (当前位置：… > 2024年度部门决算) and 上一篇 / 下一篇 links
    in the article's container: the department, year and phase are the article's."""
    document = read(
        "<header><h1 class=logo><a>示例县人民政府</a></h1><div class=crumb>当前位置：<a>首页</a> &gt; <a>2024年度部门决算</a></div></header>"
        "<div class=article><h1>示例县农业农村局</h1><h2>2025年部门预算</h2><div class=content><p>本年收入合计1,234.56万元。</p></div>"
        "上一篇：<a>示例县林业局2024年度部门决算</a><br>下一篇：<a>示例县水务局2025年部门预算</a></div>"
    )
    assert [line.text for line in document.lines] == ["示例县农业农村局", "2025年部门预算", "本年收入合计1,234.56万元。"]


def test__read_html__a_list_item_holding_a_link_and_the_reports_text_is_read():
    document = read(
        "<ul><li><a name=_Toc3></a>2025年支出预算合计1,200.00万元。</li><li><a href=1.xls>收入预算总表</a>：收入预算合计1,200.00万元。</li></ul>"
    )
    assert [line.text for line in document.lines] == ["2025年支出预算合计1,200.00万元。", "收入预算总表:收入预算合计1,200.00万元。"]


def test__read_html__a_project_table_whose_cells_hold_paragraphs_is_a_table():
    """Word writes each paragraph of a 年度绩效目标 cell as a <p>: the table is not an article frame."""
    document = read(
        "<table><tr><td>项目名称</td><td colspan=3>农田水利维护</td></tr><tr><td>年度绩效目标</td><td colspan=3>"
        "<p>1.完成维护50处。</p><p>2.保障灌溉面积2万亩。</p><p>3.群众满意度达到90%以上。</p></td></tr>"
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table>"
    )
    [table] = document.tables
    assert len(table.rows) == 3 and table.rows[0][1].text == "农田水利维护"
