"""Web pages (.html, .htm, .shtml): lines and tables in reading order, merged cells resolved.

Many local governments publish their reports as pages, often Word's "Save as HTML". The page is
parsed with the standard library's ``html.parser`` (lxml is installed only as python-docx's
dependency, and a report page needs no more) into a small tree, the end tags HTML lets an author
leave out (of cells, rows, paragraphs and list items) implied, then read in order:

- a block element (p, div, h1-h6, li, br, tr, td …) ends a line; the text of inline elements
  (span, font, b, a …) joins its line; runs of whitespace and &nbsp; are one space, and a line
  break between two Chinese characters is none (an editor wrapped the source there);
- head and title, script, style, noscript, template and select (a drop-down menu) print nothing;
  neither does an element marked ``hidden`` or styled ``display:none``;
- a ``<table>`` is a table of the Document, laid out on its grid as the Word reader lays out
  merged cells: a cell spanning columns (colspan) or rows (rowspan) holds its text in its first
  position and repeats it, marked ``merged``, in the positions it covers:

      项目 (colspan 2)      | 合计 (rowspan 2)          项目     | 项目*    | 合计
      科目编码 | 科目名称                        ->     科目编码 | 科目名称 | 合计*

  Its caption, and its first rows that hold one text (the title, 单位：万元), are lines above it.
- a table used for the page's layout is not a table: when one of its cells holds a table, or it
  has a single column (a frame around text), its cells are read as blocks, and the tables inside
  them by the same rule. A table of figures never holds a table; a page laid out in tables
  would otherwise be one giant table whose sentences are cells, which no rule reads.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from extract.document import Cell, Document, DocumentBuilder, cell
from extract.errors import UnreadableReport
from extract.readers.sheets import add_table
from extract.readers.text import cut_short

VOID = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"}
"""Elements without content or end tag."""
NOT_PRINTED = {"head", "script", "style", "title", "noscript", "template", "select", "nav", "del"}
"""Elements whose text is no part of the report: the site's menu (<nav>) and Word's tracked
deletions. Lists of links (other reports' titles beside the article, see link_item), breadcrumbs
and 上一篇 / 下一篇 links are left out too (see flow)."""
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
"""Elements that end the line before them and start a new one after."""
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)

CELL_ENDS = ({"td", "th"}, {"tr", "table"})
ROW_ENDS = ({"tr"}, {"table"})
SECTION_ENDS = ({"thead", "tbody", "tfoot"}, {"table"})
PARAGRAPH_ENDS = ({"p"}, {"td", "th", "table", "caption", "button"})
ITEM_ENDS = ({"li"}, {"ul", "ol", "td", "th", "table"})
TABLE_PARTS = {"caption", "td", "th", "tr", "thead", "tbody", "tfoot"}
IMPLIED_ENDS = {
    **{block: (PARAGRAPH_ENDS,) for block in BLOCKS - TABLE_PARTS - {"br", "body", "html"}},
    "li": (PARAGRAPH_ENDS, ITEM_ENDS),
    "td": (CELL_ENDS,),
    "th": (CELL_ENDS,),
    "tr": (CELL_ENDS, ROW_ENDS),
    **{section: (CELL_ENDS, ROW_ENDS, SECTION_ENDS) for section in ("thead", "tbody", "tfoot")},
}
"""What a start tag closes: (the open elements it ends, the elements that bound the search).
A new cell ends the open cell of its row; a paragraph or a block ends the open paragraph."""
HEAD_CONTENT = {"html", "head", "meta", "link", "title", "style", "script", "base", "noscript", "template"}
"""What a page's head holds; any other element starts its body."""
MAX_DEPTH = 100
"""Deeper elements are read as part of their ancestor at this depth (tag soup that never closes
its font tags must not exhaust the stack)."""
MAX_COLSPAN = 1000
"""The largest colspan HTML honours."""

# <meta charset="gbk">, <meta http-equiv=Content-Type content="text/html; charset=gb2312">
DECLARED_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)""", re.IGNORECASE)
CHARSET_WITHIN = 4096
"""Where the page's <meta> declaring its charset is looked for (the head precedes the text)."""
GB_CHARSETS = {"gb2312", "gbk", "x-gbk", "gb18030", "chinese", "csgb2312", "gb_2312", "gb_2312-80", "cp936", "windows-936", "euc-cn"}
"""Names a page gives GB2312 or GBK; both are read as GB18030, their superset, as browsers do."""

# "主要原因：测绘项目\n增加。" (Word's "Save as HTML" wraps its lines anywhere): "主要原因：测绘项目增加。"
WRAPPED = re.compile(
    r"""
    (?<=[\u3001-\u303f\u4e00-\u9fff\uff00-\uffef])  # after a Chinese character or full-width punctuation,
    [^\S\n]*\n\s*                                  # whitespace that holds a line break,
    (?=[\u3001-\u303f\u4e00-\u9fff\uff00-\uffef])   # before another
    """,
    re.VERBOSE,
)
WHITESPACE = re.compile(r"\s+")

Rows = list[list[Cell]]


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)

    def elements(self, *tags: str) -> Iterator[Element]:
        """The child elements with one of ``tags``, printed ones only."""
        return (child for child in self.children if isinstance(child, Element) and child.tag in tags and is_printed(child))


def read_html(data: bytes, path: str, sha256: str) -> Document:
    text, encoding = decode(data, path)
    builder = DocumentBuilder(path, sha256, f"html/{encoding}")
    for item in lines_of(flow(parse(text))):
        if isinstance(item, str):
            builder.add_line(item)
        else:
            add_table(builder, item)
    if not builder.lines:
        raise UnreadableReport(path, "the web page has no text (only markup, scripts or images)")
    return builder.build()


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The page's text and its encoding. Valid UTF-8 is UTF-8 whatever the page declares (a page
    saved again as UTF-8 often keeps its gb2312 <meta>, and GBK text as long as a report is never
    valid UTF-8); otherwise the charset the page declares, else GB18030 (GBK), as the text reader
    reads. Bytes the encoding cannot decode are refused, not replaced."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        if cut_short(data, error, "utf-8-sig"):
            raise UnreadableReport(path, "the page ends in the middle of a UTF-8 character (cut short?)") from None
    declared = declared_charset(data)
    encoding = declared or "gb18030"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        if cut_short(data, error, encoding):
            raise UnreadableReport(path, f"the page ends in the middle of a {encoding.upper()} character (cut short?)") from None
        why = f"byte {error.start}: {error.reason}"
    except UnicodeError as error:  # the odd codecs (idna, punycode) fail otherwise
        why = str(error)
    said = f"declares the charset {encoding.upper()} but is not" if declared else "declares no charset it can be read in and is neither UTF-8 nor"
    raise UnreadableReport(path, f"the page {said} {encoding.upper()} ({why})")


def declared_charset(data: bytes) -> str | None:
    """The codec of the charset a <meta> declares (charset=… or http-equiv content-type); None
    when it declares none, one Python does not know, or one in which the <meta> itself would not
    read as written (UTF-16, base64): a declaration read in ASCII declares an ASCII superset."""
    found = DECLARED_CHARSET.search(data[:CHARSET_WITHIN])
    if found is None:
        return None
    name = found.group(1).decode("ascii").lower()
    if name in GB_CHARSETS:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
        reads_ascii = found.group(0).decode(codec) == found.group(0).decode("ascii")
    except (LookupError, UnicodeError):
        return None
    return codec if reads_ascii else None


class TreeBuilder(HTMLParser):
    """The page as a tree of Elements and texts (entities decoded); end tags the author left out
    are implied (IMPLIED_ENDS), a stray end tag is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HEAD_CONTENT:
            self.end({"head"}, set())  # </head> is optional: the body's first element closes it
        for ended, bounds in IMPLIED_ENDS.get(tag, ()):
            self.end(ended, bounds)
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        if tag not in VOID and len(self.open) < MAX_DEPTH:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        self.end({tag}, set() if tag == "table" else {"table"})

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)

    def end(self, tags: set[str], bounds: set[str]) -> None:
        """Close the innermost open element with one of ``tags`` (and those inside it), unless an
        element of ``bounds`` comes first."""
        for depth in range(len(self.open) - 1, 0, -1):
            tag = self.open[depth].tag
            if tag in tags:
                del self.open[depth:]
                return
            if tag in bounds:
                return


def parse(text: str) -> Element:
    parser = TreeBuilder()
    parser.feed(text)
    parser.close()
    return parser.root


def is_printed(element: Element) -> bool:
    style = element.attrs.get("style") or ""
    return element.tag not in NOT_PRINTED and "hidden" not in element.attrs and not HIDDEN_STYLE.search(style) and not link_item(element)


LINK_ITEM_EXTRA = 12
"""At most this many characters beside its link make a list item an entry of a list of links
(a date: "示例县教育局2022年度部门预算公开 2022-02-10")."""


def link_item(element: Element) -> bool:
    """A list item that is a link to another page (related reports, news headlines), with at most
    a date beside it, or a heading that is only a link (the site's logo, <h1><a href="/">示例县人民
    政府</a></h1>): never the report's text."""
    if element.tag in HEADINGS:
        linked = "".join(text_of(child) for child in element.children if isinstance(child, Element) and child.tag == "a")
        return bool(linked.strip()) and not WHITESPACE.sub("", text_of(element)).replace(WHITESPACE.sub("", linked), "")
    if element.tag != "li":
        return False
    linked = "".join(text_of(child) for child in element.children if isinstance(child, Element) and child.tag == "a").strip()
    return bool(linked) and len(WHITESPACE.sub("", text_of(element))) - len(WHITESPACE.sub("", linked)) <= LINK_ITEM_EXTRA


def text_of(element: Element) -> str:
    return "".join(child if isinstance(child, str) else text_of(child) for child in element.children)


PAGE_LINK = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|当前位置|您的位置|您现在的位置)")
"""Text that starts the site's navigation around an article: 上一篇：<a>…</a>, 当前位置：首页 > …"""


def flow(element: Element) -> Iterator[str | None | Rows]:
    """What an element prints, in order: texts, None where a line ends, and tables (rows). A
    navigation text (PAGE_LINK) and the links after it, to the end of its line, print nothing."""
    navigating = False
    for child in element.children:
        if isinstance(child, str):
            if PAGE_LINK.match(child):
                navigating = True
            if not navigating:
                yield child
            continue
        if navigating and (child.tag in BLOCKS or child.tag == "br"):
            navigating = False
        if not is_printed(child) or (navigating and child.tag in ("a", "span")):
            continue
        elif child.tag == "table":
            yield None
            yield from table_flow(child)
            yield None
        elif child.tag in BLOCKS:
            yield None
            yield from flow(child)
            yield None
        else:
            yield from flow(child)


def table_flow(table: Element) -> Iterator[str | None | Rows]:
    """A table of figures: its caption, then its rows; a layout table: its content, as blocks."""
    rows = [list(tr.elements("td", "th")) for tr in table_rows(table)]
    laid_out = None if any(holds_table(td) for row in rows for td in row) else grid(rows)
    if laid_out and max(len(row) for row in laid_out) <= FRAME_COLUMNS and any(holds_article(td) for row in rows for td in row):
        laid_out = None  # an article framed in a table of one or two columns
    if laid_out and not any(not is_printed(td) for tr in table_rows(table) for td in tr.children if isinstance(td, Element)):
        laid_out = without_hidden_columns(laid_out, hidden_columns(table))
    if not laid_out or max(len(row) for row in laid_out) < 2:
        yield from flow(table)
        return
    for caption in table.elements("caption"):
        yield from flow(caption)
        yield None
    yield laid_out


def table_rows(table: Element) -> Iterator[Element]:
    """The table's own rows, in the order written (not those of a table inside a cell)."""
    for child in table.elements("tr", "thead", "tbody", "tfoot"):
        yield from ([child] if child.tag == "tr" else child.elements("tr"))


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ARTICLE_PARAGRAPHS = 3
FRAME_COLUMNS = 2
"""A table framing an article has one or two columns (the text, a menu beside it); a table of
figures with a heading or paragraphs in a cell (a 项目绩效目标表's 年度目标) has more."""


def holds_article(element: Element) -> bool:
    """Whether a cell holds an article: a heading, or paragraphs of sentences (a page framing its
    text in a table of one or two columns); a cell of figures holds neither."""
    paragraphs = 0
    for inner in descendants(element):
        if inner.tag in HEADINGS:
            return True
        if inner.tag in ("p", "div") and any(isinstance(line, str) and "。" in line for line in lines_of(flow(inner))):
            paragraphs += 1
    return paragraphs >= ARTICLE_PARAGRAPHS


def hidden_columns(table: Element) -> set[int]:
    """The columns a table hides on its <col> elements (Excel's "Save as Web Page" hides a column
    there, its cells printing as they are): their cells are not part of the table as shown."""
    hidden, column = set(), 0
    cols = []
    for child in table.children:
        if isinstance(child, Element) and child.tag == "col":
            cols.append(child)
        elif isinstance(child, Element) and child.tag == "colgroup":
            inside = [col for col in child.children if isinstance(col, Element) and col.tag == "col"]
            cols += inside or [child]  # a <colgroup span=2> without <col>s stands for its columns
    for col in cols:
        width = min(max(span(col, "span"), 1), MAX_COLSPAN)
        if HIDDEN_STYLE.search(col.attrs.get("style") or "") or "hidden" in col.attrs:
            hidden.update(range(column, column + width))
        column += width
    return hidden


def without_hidden_columns(rows: Rows, hidden: set[int]) -> Rows:
    return [[c for index, c in enumerate(row) if index not in hidden] for row in rows] if hidden else rows


def holds_table(element: Element) -> bool:
    """Whether a table is anywhere inside (then the cell's table is one of layout)."""
    return any(inner.tag == "table" for inner in descendants(element))


def descendants(element: Element) -> Iterator[Element]:
    """Every element inside, at any depth."""
    pending = [element]
    while pending:
        for child in pending.pop().children:
            if isinstance(child, Element):
                yield child
                pending.append(child)


def grid(rows: list[list[Element]]) -> Rows:
    """The cells laid out on the table's grid, spans resolved (see the module's doc)."""
    laid: list[list[Cell | None]] = [[] for _ in rows]
    for top, cells in enumerate(rows):
        column = 0
        for td in cells:
            while column < len(laid[top]) and laid[top][column] is not None:
                column += 1  # taken by a cell spanning down from a row above
            width = min(max(span(td, "colspan"), 1), MAX_COLSPAN)
            height = span(td, "rowspan")
            height = len(rows) - top if height == 0 else min(height, len(rows) - top)  # rowspan=0: to the end
            first = cell(cell_text(td))
            for row in laid[top : top + height]:
                row.extend([None] * (column + width - len(row)))
                row[column : column + width] = [first._replace(merged=True)] * width
            laid[top][column] = first
            column += width
    return [[found or Cell("", "") for found in row] for row in laid]


def span(td: Element, name: str) -> int:
    """A colspan or rowspan as browsers read it: its leading digits ("2", "2px"); 1 otherwise."""
    found = re.match(r"\s*(\d{1,7})", td.attrs.get(name) or "")
    return int(found.group(1)) if found else 1


def cell_text(td: Element) -> str:
    """A cell's lines (paragraphs, breaks) kept apart by line breaks, as the Word reader keeps them."""
    return "\n".join(line for line in lines_of(flow(td)) if isinstance(line, str))


def lines_of(items: Iterator[str | None | Rows]) -> Iterator[str | Rows]:
    """Texts joined into lines, whitespace collapsed, empty lines left out; tables as they come."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
            continue
        line = collapsed(parts)
        parts = []
        if line:
            yield line
        if item is not None:
            yield item
    line = collapsed(parts)
    if line:
        yield line


def collapsed(parts: list[str]) -> str:
    """Texts as one line: a line break between two Chinese characters dropped, other whitespace
    one space."""
    return WHITESPACE.sub(" ", WRAPPED.sub("", "".join(parts))).strip()
