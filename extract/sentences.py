"""Sentences of the body text (table cells excluded), each with its line and original text.

Chart images exported with the text leave OCR debris between paragraphs ("20194 20204",
"544.00", "[image: image1.png]520"): lines without a single CJK character are never read as
sentences, so no figure can come from them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extract.document import Document, Line
from extract.records import Evidence

CJK = re.compile(r"[\u4e00-\u9fff]")
# Spaces a justified PDF line puts between characters: "一 般 公 共 预 算 收 入 21,940.96 万 元 , 占99.94 %",
# "2018 年度", "增长 21.95 %". A space beside a CJK character or before % carries nothing.
LOOSE_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff。、“”])\s+|\s+(?=[\u4e00-\u9fff。、“”%])|(?<=[,:;()])\s+(?=[\u4e00-\u9fff])"
)


def tighten(text: str) -> str:
    """The text without the spaces justification puts beside CJK characters (see LOOSE_SPACE)."""
    return LOOSE_SPACE.sub("", text) if " " in text else text


class Sentence(NamedTuple):
    line: Line
    text: str
    """Normalised text of the sentence."""
    raw: str
    """Original text of the sentence, for evidence."""

    @property
    def evidence(self) -> Evidence:
        return self.line.evidence(self.raw)


def is_chart_debris(line: Line) -> bool:
    return not CJK.search(line.text) or line.text.startswith("[image:")


def after_full_stops(text: str) -> list[str]:
    """The text cut after every 。, keeping the 。 with the sentence it ends."""
    parts = text.split("。")
    return [part + "。" for part in parts[:-1]] + [parts[-1]]


def split_line(line: Line) -> list[Sentence]:
    text = tighten(line.text)
    if "。" not in text:
        return [Sentence(line, text.strip(), line.raw)]
    texts = [part for part in after_full_stops(text) if part.strip()]
    raws = [part for part in after_full_stops(line.raw) if part.strip()]
    if len(texts) != len(raws):
        raws = [line.raw] * len(texts)
    return [Sentence(line, text.strip(), raw) for text, raw in zip(texts, raws)]


# "…比2024年预算执行数增加" / "24,558.18万元；事业收入0万元…": a line cut between a change (or 为)
# and its figure, which a reader could not join (the figure did not fit, so the line ends short).
CUT_BEFORE_FIGURE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|为)$")
FIGURE_START = re.compile(r"^\d")


def split_body(document: Document) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    previous: Line | None = None
    for line in document.lines:
        if line.is_cell or not line.text or is_chart_debris(line):
            previous = None
            continue
        parts = split_line(line)
        if previous is not None and sentences and CUT_BEFORE_FIGURE.search(previous.text) and FIGURE_START.match(line.text):
            last = sentences.pop()
            first = parts.pop(0)
            sentences.append(Sentence(last.line, last.text + first.text, last.raw.rstrip() + first.raw.lstrip()))
        sentences.extend(parts)
        previous = line
    return tuple(sentences)


def body_sentences(document: Document) -> tuple[Sentence, ...]:
    """Every sentence of every non-table, non-debris line, in order (computed once per document)."""
    if "sentences" not in document.memo:
        document.memo["sentences"] = split_body(document)
    return document.memo["sentences"]


CLAUSE_SPLIT = re.compile(r"[;；]")


def clauses(text: str) -> list[str]:
    """Parts of a sentence separated by semicolons (the reports list figures that way)."""
    return [part for part in CLAUSE_SPLIT.split(text) if part.strip()]
