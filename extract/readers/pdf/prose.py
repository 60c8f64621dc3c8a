"""Prose re-joined: a sentence that a line break cut is one line again.

A PDF breaks a paragraph where the page's width ends, in the middle of a sentence and often of a
figure ("比2024年预算减少2,389.52万" / "元；事业收入…"). A line is joined to the next when both say
so, and only then (a wrong join makes a wrong sentence):

- the line spans the page's text: it is long (MIN_SPAN of the page), starts near the left edge
  (MAX_INDENT) and runs to the right edge (within FULL_SLACK of the font size, or, in text set
  flush left, closer to it than the next line's first word is wide: "…占" / "40.7%。", the word
  moved down whole because it did not fit), and does not end a sentence (。；：！？ and their
  ASCII forms, perhaps followed by a closing quote or bracket);
- the next line has the same font size, starts at the left edge of the text (a paragraph's
  first line is indented), follows closely (within LEADING font sizes), and does not start an
  item (一、 （一） 1. 2． 第二部分 ①, a note);
- neither is a heading (a font larger than the body's by HEADING_RATIO) nor tabular: cut by
  column gaps (``lines.COLUMN_GAP``) into pieces that cover less than TABULAR_COVER of it (a row
  of an unruled table, "编制部门：…      单位：元"; a sentence with a blank to fill in,
  "增长 20.52      %", is mostly text, and a sentence has punctuation).

A paragraph that goes on over a page break is joined too, when nothing but furniture lies between.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from extract.readers.pdf.blocks import Block
from extract.readers.pdf.lines import TextLine, join_wrapped

FULL_SLACK = 1.6
"""A line 'runs to the edge' when it ends at most this many font sizes before the text's right edge."""
INDENT = 0.8
"""A line starting more than this many font sizes right of the text's left edge is indented."""
MIN_SPAN = 0.5
"""A line of prose that goes on to the next spans at least this share of the page's width."""
MAX_INDENT = 4.0
"""A line starting further right than this many font sizes from the left edge is no paragraph's
line (a unit "单位：万" wrapped in a header) and is never joined."""
LEADING = 1.2
"""At most this many font sizes of white between two lines of one paragraph."""
SIZE_TOLERANCE = 0.12
HEADING_RATIO = 1.15
"""Lines whose font is larger than the body's by this ratio are headings or titles."""

HALF_WIDTH = 0.6
"""The width of a half-width character (digits, Latin letters, ASCII punctuation) in font sizes,
at most: CJK characters and full-width punctuation are one font size wide."""
FIRST_WORD = re.compile(
    r"^[(\[（【《“‘]*(?:[0-9A-Za-z.,%+\-]+|.)[)\]）】》”’。，、；：！？%％]*"
)
"""What a line break keeps together at the start of a line: opening brackets, a run of half-width
characters (a figure: 1,234.56) or one character, and the closing punctuation that may not start
a line ("(项)。", "40.7%。")."""

TABULAR_COVER = 0.7
"""A line whose text covers less than this share of its width, the rest column gaps, is a table's row."""

PUNCTUATION = re.compile(r"[，。；：、,;]")
"""Sentence punctuation: a letter-spaced sentence with a blank, "一 般 公 共 预 算 收 入    21,940.96    万 元 ， 占",
is prose though its gaps are wide."""
SENTENCE_END = re.compile(r"[。；;：:！!？?][”’」』）)\]】]*$")
"""比上年增加12.5万元。  ·  主要职能包括：  ·  （如持平作持平表述）。"""
NEW_ITEM = re.compile(
    r"""
    ^\s*(?:
        [一二三四五六七八九十百]+\s*[、.．]                          # 一、 二．
      | [（(]\s*(?:[一二三四五六七八九十百]+|\d{1,2})\s*[）)]          # （一） (1), not a code (2080505)
      | \d{1,2}\s*[、.．](?![\d,，])                              # 1. 2． 3、 (not 1.5 or 1,234)
      | 第[一二三四五六七八九十百\d]+\s*(?:部分|章|节|条|项|篇)          # 第二部分
      | [①-⑳⑴-⒇㈠-㈩]                                            # ① ⑴ ㈠
      | [•·●○■□◆◇▪▶►★☆]                                          # bullets
      | (?:注|说明|备注|附件|附表)\s*\d*\s*[:：]                      # 注：本表…
    )
    """,
    re.VERBOSE,
)


def body_size(lines: list[TextLine]) -> float:
    """The most common font size of the document's prose, by characters."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 0.0


class Edges(NamedTuple):
    """Where the body text of the pages of one width starts and ends."""

    left: float
    right: float
    width: float
    """The page's width: a line of prose spans at least MIN_SPAN of it."""


def most_common(values: list[int]) -> int | None:
    """The value printed most often, if any is printed twice."""
    counts = Counter(values).most_common(1)
    return counts[0][0] if counts and counts[0][1] >= 2 else None


def text_edges(lines: list[TextLine], size: float, width: float) -> Edges:
    """Where most long lines of body text start and end (justified lines end at one x), else the
    extremes; read over every page of one width, so that a page of short lines does not take its
    longest line for a full one. No right edge (no join) where no line is long."""
    body = [line for line in lines if abs(line.size - size) <= SIZE_TOLERANCE * size and line.x1 - line.x0 >= MIN_SPAN * width]
    if not body:
        return Edges(0.0, float("inf"), width)
    left = most_common([round(line.x0) for line in body])
    right = most_common([round(line.x1) for line in body])
    return Edges(
        float(left) if left is not None else min(line.x0 for line in body),
        float(right) if right is not None else max(line.x1 for line in body),
        width,
    )


def page_edges(pages: list[list[Block]], widths: list[float], size: float) -> list[Edges]:
    """Each page's text edges, read over all the pages of its width."""
    by_width: dict[int, list[TextLine]] = {}
    for blocks, width in zip(pages, widths):
        by_width.setdefault(round(width), []).extend(b for b in blocks if isinstance(b, TextLine))
    edges = {key: text_edges(lines, size, key) for key, lines in by_width.items()}
    return [edges[round(width)] for width in widths]


def first_word_width(line: TextLine) -> float:
    """How wide the first unbreakable word of a line is, at most (in points)."""
    match = FIRST_WORD.match(line.text)
    if match is None:
        return 0.0
    return sum(HALF_WIDTH if char.isascii() else 1.0 for char in match.group()) * line.size


def is_tabular(line: TextLine) -> bool:
    """A row of an unruled table: column gaps, mostly white, and no sentence punctuation."""
    if len(line.segments) < 2 or PUNCTUATION.search(line.text):
        return False
    return sum(s.x1 - s.x0 for s in line.segments) < TABULAR_COVER * (line.x1 - line.x0)


def indents_paragraphs(pages: list[list[Block]], all_edges: list[Edges], size: float) -> bool:
    """Whether the document starts its paragraphs with an indent: most lines that follow a line
    ending short of the right edge (a paragraph's last line) are indented. Then a line that is not
    indented, after one that ends a sentence at the right edge, carries on the paragraph."""
    starts = []
    for blocks, edges in zip(pages, all_edges):
        lines = [b for b in blocks if isinstance(b, TextLine) and abs(b.size - size) <= SIZE_TOLERANCE * size]
        for line, following in zip(lines, lines[1:]):
            if line.x1 < edges.right - FULL_SLACK * line.size and following.x1 - following.x0 >= MIN_SPAN * edges.width:
                starts.append(following.x0 > edges.left + INDENT * following.size)
    return len(starts) >= MIN_PARAGRAPHS and sum(starts) >= PARAGRAPH_INDENT_SHARE * len(starts)


MIN_PARAGRAPHS = 3
PARAGRAPH_INDENT_SHARE = 0.6


def continues(
    line: TextLine, edges: Edges, following: TextLine, following_edges: Edges, size: float, same_page: bool, indented: bool = False
) -> bool:
    """Whether ``following`` carries on the sentence that ``line`` leaves unfinished (each line with
    its page's text edges); ``indented``: the document indents its paragraphs, so a line that ends
    a sentence at the right edge and is followed by one that is not indented is the same paragraph."""
    if max(line.size, following.size) > HEADING_RATIO * size or is_tabular(line) or is_tabular(following):
        return False
    if abs(line.size - following.size) > SIZE_TOLERANCE * line.size:
        return False
    if line.x1 - line.x0 < MIN_SPAN * edges.width:
        return False
    if line.x1 < edges.right - FULL_SLACK * line.size - first_word_width(following):
        return False
    if line.x0 > edges.left + MAX_INDENT * line.size:
        return False
    if SENTENCE_END.search(line.text) and not (indented and line.x1 >= edges.right - FULL_SLACK * line.size):
        return False
    if following.x0 > following_edges.left + INDENT * following.size or NEW_ITEM.match(following.text):
        return False
    return not same_page or following.top - line.bottom <= LEADING * line.size


def join_prose(pages: list[list[Block]], widths: list[float]) -> list[tuple[Block, int]]:
    """Every block with its page (pages of these widths), in reading order, lines that continue a
    sentence joined into one."""
    size = body_size([b for blocks in pages for b in blocks if isinstance(b, TextLine)])
    all_edges = page_edges(pages, widths, size)
    indented = indents_paragraphs(pages, all_edges, size)
    result: list[tuple[Block, int]] = []
    tail: tuple[TextLine, Edges] | None = None
    """The last physical line of the latest prose line, and its page's text edges."""
    for number, blocks in enumerate(pages, start=1):
        edges = all_edges[number - 1]
        for position, block in enumerate(blocks):
            if not isinstance(block, TextLine):
                result.append((block, number))
                tail = None
                continue
            if tail is not None and continues(tail[0], tail[1], block, edges, size, position > 0, indented):
                joined, page = result[-1]
                text = join_wrapped([joined.text, block.text])
                result[-1] = (joined._replace(text=text, x1=block.x1, bottom=block.bottom), page)
            else:
                result.append((block, number))
            tail = (block, edges)
        if blocks and not isinstance(blocks[-1], TextLine):
            tail = None
    return result
