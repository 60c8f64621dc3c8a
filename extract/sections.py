"""Sections of a report: the top-level ones ("七、“三公”经费财政拨款支出决算情况说明" up to
"八、…"), and the fund scope a heading names for the figures under it (maps/section_scopes.csv):
"（二）支出预算总计…包括：" -> all, "五、财政拨款支出预算情况说明" -> fiscal, "七、一般公共预算支出…"
-> general_budget."""

from __future__ import annotations

import csv
import re
from functools import cache

from extract.document import Document, Line
from extract.numbers import MAPS

# "七、“三公”经费财政拨款支出决算情况说明", "五、“三公”经费财政拨款预算安排情况说明"
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、")


def section_lines(document: Document, heading: re.Pattern[str]) -> list[Line] | None:
    """Lines of every top-level section whose heading matches; None when there is none."""
    selected: list[Line] = []
    inside = False
    found = False
    for line in document.lines:
        if not line.is_cell and TOP_HEADING.match(line.text):
            inside = bool(heading.search(line.text))
            found = found or inside
        if inside:
            selected.append(line)
    return selected if found else None


HEADING_MAX_CHARS = 40
LEAD_IN = re.compile(r"(?:包括|如下|其中)[:：]$")
DEFAULT_SCOPE = "general_budget"


@cache
def section_scopes() -> tuple[tuple[re.Pattern[str], str], ...]:
    with open(MAPS / "section_scopes.csv", encoding="utf-8") as handle:
        return tuple((re.compile(row["pattern"]), row["fund_scope"]) for row in csv.DictReader(handle))


def is_heading(text: str) -> bool:
    return bool(text) and (len(text) <= HEADING_MAX_CHARS or bool(LEAD_IN.search(text)))


def scope_of_line(document: Document, number: int) -> str:
    """The scope the nearest heading above the line names, within its top-level section."""
    for line in reversed(document.lines[: number - 1]):
        if line.is_cell:
            continue
        if is_heading(line.text):
            for pattern, scope in section_scopes():
                if pattern.search(line.text):
                    return scope
        if TOP_HEADING.match(line.text):
            break
    return DEFAULT_SCOPE
