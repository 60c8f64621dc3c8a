"""Which version of a report a file is, from its own text: what orders the versions of one
report (same department, year and phase) by publication (load.versions).

    2022年部门预算情况说明（更正）        a correction: a marker (maps/version_markers.csv) in
                                        the title or a heading at the top of the report
    攀枝花市西区人大办公室 / 2022年3月15日  the latest date the report prints (its publication
                                        date, usually its last line), of a plausible year
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache

from extract.document import Document
from extract.numbers import MAPS

HEAD_LINES = 12
"""How many lines at the top of a report are read for a correction marker (a heading above or
below the title), besides the title itself."""
HEADING_MAX_CHARS = 60
# "2022年3月15日", "2020年6月", "2021年 12 月"
DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*日)?")
# "截至2023年12月31日，公务用车保有量2辆", "自2023年7月1日起": a date the text is about, not the
# report's publication
AS_OF = re.compile(r"(?:截至|截止到?|至|到|自|从|于)\s*$")
SINCE = re.compile(r"\s*(?:起|以来|止|前|后|之前|之后|以前|以后)")
YEARS_BEFORE, YEARS_AFTER = 1, 3
"""A publication date falls within a year before the fiscal year and three after it: a 决算 is
published the year after, a correction later still; other dates are not publication dates."""


@cache
def markers() -> re.Pattern[str]:
    with open(MAPS / "version_markers.csv", encoding="utf-8") as handle:
        words = [row["marker"] for row in csv.DictReader(handle)]
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def is_correction(document: Document, title_number: int) -> bool:
    """Whether the title, or a short heading among the first lines, marks the report as a correction."""
    head = [line for line in document.lines[: max(HEAD_LINES, title_number)] if not line.is_cell]
    headings = [line.text for line in head if line.text and len(line.text) <= HEADING_MAX_CHARS and "。" not in line.text]
    return any(markers().search(text) for text in headings)


# A web page's header: "发布日期: 2024-10-15", "发布时间：2024-09-10 10:30:43", "公开日期：2024/09/10"
LABELLED_DATE = re.compile(
    r"(?:发布|公开|成文|印发|更新)(?:日期|时间)\s*[:：]?\s*(?P<year>(?:19|20)\d{2})[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<day>3[01]|[12]\d|0?[1-9])(?!\d)"
)


def date_of(year: int, month: int, day: int, fiscal_year: int) -> date | None:
    """The date, when it is one (2月30日 is a misprint) and of a year a publication date can be (see
    YEARS_BEFORE)."""
    if not fiscal_year - YEARS_BEFORE <= year <= fiscal_year + YEARS_AFTER:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def published_on(document: Document, fiscal_year: int) -> date | None:
    """The latest date the report prints, of a year from the one before the fiscal year to three
    after it, not one a sentence is about (截至…, …起); None when it prints none."""
    latest = None
    for line in document.lines:
        for match in LABELLED_DATE.finditer(line.text):
            found = date_of(int(match["year"]), int(match["month"]), int(match["day"]), fiscal_year)
            latest = found if latest is None or (found is not None and found > latest) else latest
        if "年" not in line.text or "月" not in line.text:
            continue
        for match in DATE.finditer(line.text):
            if AS_OF.search(line.text[: match.start()]) or SINCE.match(line.text[match.end() :]):
                continue
            found = date_of(int(match["year"]), int(match["month"]), int(match["day"]) if match["day"] else 1, fiscal_year)
            latest = found if latest is None or (found is not None and found > latest) else latest
    return latest
