"""Sections of a report: the top-level ones ("七、“三公”经费财政拨款支出决算情况说明" up to
"八、…"), and the fund scope a heading names for the figures under it (maps/section_scopes.csv):
"（二）支出预算总计…包括：" -> all, "五、财政拨款支出预算情况说明" -> fiscal, "七、一般公共预算支出…"
-> general_budget."""

from __future__ import annotations

import csv
import re
from functools import cache

from extract.document import Document, Line, normalise
from extract.numbers import MAPS, years_in

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


ALL_FUNDS_LEAD = re.compile(
    r"""
    ^[^。;]*?(?<!公共预算)(?<!拨款)(?<!基金)(?<!经营)
    (?:支出预算(?:总计|总额|合计)?|支出总预算|本年支出合计|支出决算(?:总计|合计)?)
    (?:为|共计|合计)?\s*[\d,.]+\s*(?:万元|元)
    [^。;]*?其中
    """,
    re.VERBOSE,
)
"""A sentence that breaks the report's whole spending down: "2025年本部门支出预算4326800元，其中：
文化旅游体育与传媒支出2990000元，其他支出500000元" (not "一般公共预算拨款支出预算…其中")."""
SHARE_OF_ALL = re.compile(r"占(?:部门|本部门|本单位)?(?:支出总预算|支出预算总(?:额|计)|本年支出合计|总支出)")
"""A class's share of the whole spending: "文化旅游体育与传媒支出类科目2990000元，占支出总预算69.10%"."""


ALL_FUNDS_LIST = re.compile(r"^(?:本年|部门)?支出(?:预算)?(?:主要)?包括")
WHOLE_SECTION = re.compile(r"^(?!.*(?:财政拨款|一般公共预算|政府性基金|国有资本经营)).*收支.*总体情况")
"""Chongqing's "一、部门收支总体情况 … 支出包括：一般公共服务支出4,900.00万元、…": the whole spending's
classes, every fund."""


def scope_of_sentence(document: Document, number: int, text: str) -> str:
    """The fund scope of a sentence's class figures: all funds when the sentence itself breaks
    the whole spending down or gives a share of it, else the scope its section names."""
    text = normalise(text)
    if ALL_FUNDS_LEAD.search(text) or SHARE_OF_ALL.search(text):
        return "all"
    if ALL_FUNDS_LIST.match(text) and WHOLE_SECTION.search(top_headings_above(document)[number]):
        return "all"
    return scope_of_line(document, number)


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


STATED_AMOUNT = re.compile(r"\d\s*(?:万元|元)")
"""A heading states no amount: "二、一般公共预算拨款收入1,100.00万元。" is an item of a list."""


def top_headings_above(document: Document) -> list[str]:
    """For each line number, the last top-level heading above it ("" before the first): one pass
    over the document, kept in its memo (every sentence of several families asks)."""
    if "top_headings" not in document.memo:
        above, current = [""], ""
        for line in document.lines:
            above.append(current)
            if not line.is_cell and TOP_HEADING.match(line.text) and not STATED_AMOUNT.search(line.text):
                current = line.text
        document.memo["top_headings"] = above
    return document.memo["top_headings"]


def heading_years_above(document: Document) -> list[frozenset[int]]:
    """For each line number, the years named by the last top-level heading above it."""
    if "heading_years" not in document.memo:
        years = {heading: frozenset(years_in(heading)) for heading in set(top_headings_above(document))}
        document.memo["heading_years"] = [years[heading] for heading in top_headings_above(document)]
    return document.memo["heading_years"]


def section_scope(document: Document, number: int) -> str | None:
    """The fund scope the line's top-level section heading names ("十、政府性基金预算支出预算情况
    说明" -> government_fund), or None. Unlike scope_of_line, a list item above ("（2）政府性基金
    收入预算0万元") does not count: only the section the line is in."""
    heading = top_headings_above(document)[number]
    if not heading or not is_heading(heading):
        return None
    return next((scope for pattern, scope in section_scopes() if pattern.search(heading)), None)


def in_other_years_section(document: Document, number: int, year: int | None) -> bool:
    """Whether the line is in a top-level section whose heading names years, the report's not
    among them: "二、2023年“三公”经费决算情况" in a 2024 budget disclosure states last year's figures."""
    if year is None:
        return False
    years = heading_years_above(document)[number]
    return bool(years) and year not in years

