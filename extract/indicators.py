"""The number, unit and comparator in a 预期值 / 实际完成值 cell, when it holds exactly one.

    ≥95%        -> 95, %, >=          大于5次      -> 5, 次, >
    90%以上     -> 90, %, >=          28.4万元     -> 28.4, 万元, =
    2020年全年  -> 2020, 年, =        5次（因疫情…）-> 5, 次, =   (a remark in brackets is ignored)
    ≥1,200人    -> 1200, 人, >=       ≤3000元/场   -> 3000, 元/场, <=  (a unit as printed: 1.5万人次 is 1.5, 万人次)
    已完成, 占一定比例, 2020年1-12月, 老干部慰问3万元；一线人员慰问2万元 -> nothing (never a guess)
Comparator words and units are data: maps/comparators.csv, maps/indicator_units.csv.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from functools import cache

from extract import numbers

IGNORED_TAIL = ("全年",)
"""Words after the unit that do not change the quantity ("2020年全年")."""
REMARK = re.compile(r"\s*\([^()]*\)\s*$")


@cache
def value_pattern() -> re.Pattern[str]:
    with open(numbers.MAPS / "comparators.csv", encoding="utf-8") as handle:
        words = list(csv.DictReader(handle))
    with open(numbers.MAPS / "indicator_units.csv", encoding="utf-8") as handle:
        units = [row["unit"] for row in csv.DictReader(handle)]

    def alternation(items):
        return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))

    prefixes = alternation(w["word"] for w in words if w["position"] == "prefix")
    suffixes = alternation(w["word"] for w in words if w["position"] == "suffix")
    tails = alternation(IGNORED_TAIL)
    return re.compile(
        rf"""
        ^\s*(?P<prefix>{prefixes})?
        \s*(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        \s*(?P<unit>{alternation(units)})?
        \s*(?P<suffix>{suffixes})?
        \s*(?:{tails})?\s*$
        """,
        re.VERBOSE,
    )


@cache
def comparator_words() -> dict[str, str]:
    with open(numbers.MAPS / "comparators.csv", encoding="utf-8") as handle:
        return {row["word"]: row["comparator"] for row in csv.DictReader(handle)}


def parse_indicator_value(text: str | None) -> tuple[Decimal | None, str | None, str | None]:
    """(value, unit, comparator), or (None, None, None) when the text is not one quantity."""
    if not text:
        return None, None, None
    match = value_pattern().match(REMARK.sub("", text))
    if not match or (match["prefix"] and match["suffix"]):
        return None, None, None
    word = match["prefix"] or match["suffix"]
    comparator = comparator_words()[word] if word else "="
    return Decimal(match["number"].replace(",", "")), match["unit"], comparator
