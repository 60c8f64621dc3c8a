"""Numbers as the reports print them: amounts with 万元 / 元, percentages, signed changes.

All patterns work on NFKC-normalised text (full-width digits and punctuation already ASCII).
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

MAPS = Path(__file__).with_name("maps")

DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
MINUS = "\\-\u2212"
"""The minus signs, for a character class: ASCII (also what NFKC makes of the full-width －) and U+2212."""
NUMBER = rf"(?<![{MINUS}\d.]){DIGITS}"
"""An unsigned number, whole: never the digits of one printed with a minus ("基本支出-776.32万元"
must not yield 776.32: a pattern that cannot read the sign reads nothing), nor its tail."""
SIGNED_NUMBER = rf"(?:[{MINUS}]|(?<![{MINUS}\d.])){DIGITS}"
"""A number with its sign when one is printed directly before it: "-776.32"."""

# "277.83万元", "0.5 万元", "449.63元", "48.8" (no unit), "12,345.6万元"
AMOUNT = re.compile(
    rf"""
    (?P<number>{NUMBER})
    \s*
    (?P<unit>万元|亿元|千元|元|万)?
    """,
    re.VERBOSE,
)

# "占79%", "占本年支出合计的100%", "占政府采购支出总额的0%", "占总收入98%"
SHARE = re.compile(rf"占[^,;。%\d{MINUS}]{{0,20}}?(?P<pct>\d+(?:\.\d+)?)\s*%", re.VERBOSE)

# "完成预算100%", "完成预算的97%", "完成预算100 %", "执行率100%", "完成进度100%",
# "完成预算25万元的73.44%", "完成年初预算3508万元的104.08%" (the budget named on the way)
COMPLETION = re.compile(
    r"(?:完成(?:年初|全年)?预算(?:数)?(?:\s*[\d,.]+\s*(?:万元|元)\s*)?(?:的)?|预算完成率(?:为)?|执行率(?:为)?|完成率(?:为)?"
    r"|决算数?(?:为|占)(?:年初|全年)?预算数?的?)"
    r"\s*(?P<pct>\d+(?:\.\d+)?)\s*%"
)

# "减少4.89万元，下降1%", "增加329.81万元，增长58.46%", "减少0.01万元,下降2%", "减少134万元，降幅0.66%"
# "增加（减少）0万元，增长（减少）0%": the template's both directions, read only for a zero
CHANGE = re.compile(
    rf"""
    (?P<dir>增加|减少|增长|下降|上升|降低)(?P<either>\((?:增加|减少|增长|下降)\))?
    (?P<number>{NUMBER})\s*(?P<unit>万元|亿元|元|万)
    (?:\s*[,，、]?\s*(?P<pdir>增长|下降|上升|降低|减少|增加|降幅|增幅)(?:\((?:增加|减少|增长|下降)\))?\s*(?P<pct>\d+(?:\.\d+)?)\s*%)?
    """,
    re.VERBOSE,
)

# "本年数小于上年预算数40.05万元", "高于上年0.5万元"
COMPARED = re.compile(
    rf"(?P<dir>小于|低于|大于|高于)(?:上年|去年|上一年)(?:预算|决算|执行)?数?\s*(?P<number>{NUMBER})\s*(?P<unit>万元|亿元|元|万)"
)

# "增长8%" with no amount beside it
PCT_CHANGE = re.compile(r"(?P<dir>增长|下降|上升|降低|降幅|增幅)\s*(?P<pct>\d+(?:\.\d+)?)\s*%")

# "与2019年一样", "与2019年持平", "与2019年均为0万元", "较2021年预算相同", "维持不变",
# "与上年数一致", "与上年预算数相等", "较上年无增减"
UNCHANGED = re.compile(r"(?:一样|持平|相同|一致|相等|维持不变|保持不变|无增减|与\d{4}年(?:支出)?均为)")

NEGATIVE_WORDS = frozenset({"减少", "下降", "降低", "降幅", "小于", "低于"})


@cache
def unit_factors() -> dict[str, Decimal]:
    """Unit word -> factor to yuan, from maps/units.csv."""
    with open(MAPS / "units.csv", encoding="utf-8") as handle:
        return {row["unit"]: Decimal(row["yuan_factor"]) for row in csv.DictReader(handle)}


def to_decimal(number: str) -> Decimal:
    """"-1,234.5" -> Decimal("-1234.5") (the sign kept, U+2212 included)."""
    return Decimal(number.replace(",", "").replace("\u2212", "-"))


def to_yuan(number: str, unit: str | None) -> Decimal | None:
    """The amount in yuan, or None when the unit is unknown (never assumed here). A number too
    long to be rounded to the fen (over 26 digits) is returned unrounded: it is beyond any budget,
    and transform.limits turns it into a finding."""
    if unit is None:
        return None
    factor = unit_factors().get(unit)
    if factor is None:
        return None
    yuan = to_decimal(number) * factor
    try:
        return yuan.quantize(Decimal("0.01"))
    except InvalidOperation:
        return yuan


def signed(direction: str, value: Decimal) -> Decimal:
    return -value if direction in NEGATIVE_WORDS else value


def first_share(text: str) -> Decimal | None:
    match = SHARE.search(text)
    return Decimal(match["pct"]) if match else None


def first_completion(text: str) -> Decimal | None:
    match = COMPLETION.search(text)
    return Decimal(match["pct"]) if match else None


# "比预算增加0万元", "较年初预算减少2万元", "与预算持平": a change on the budget, not on the prior
# year ("比2023年预算数增加" and "较上年预算减少" are on the prior year: a year stands before 预算)
ON_BUDGET = re.compile(r"(?:比|较|与|对比)(?:年初|全年|调整后)?预算(?:数)?(?:相比)?[^,，;；。\d]{0,4}$")
CLAUSE_BREAK = re.compile(r"[,，;；。]")


def on_budget(text: str, start: int) -> bool:
    """The change phrase at ``start`` compares with the budget (its clause says 比预算 …)."""
    return bool(ON_BUDGET.search(CLAUSE_BREAK.split(text[:start])[-1]))


# "比2021年减少3.05万元" in a 2023 report, "比2023年预算减少2.73万元" in a 2023 final report: a
# change on a year other than the one before the report's is no change on the prior year
COMPARED_WITH_YEAR = re.compile(r"(?:比|较|与|同|对比)\s*((?:19|20)\d{2})\s*年")


def on_other_year(text: str, start: int, year: int | None) -> bool:
    """The change phrase at ``start`` compares with a year that is not the prior one."""
    if year is None:
        return False
    compared = COMPARED_WITH_YEAR.findall(CLAUSE_BREAK.split(text[:start])[-1])
    return bool(compared) and int(compared[-1]) != year - 1


def first_match(pattern: re.Pattern[str], text: str, skipped: list[tuple[int, int]], year: int | None = None) -> re.Match[str] | None:
    """The first match that is not a change on the budget (see ON_BUDGET) or on another year than
    the prior one (``year``: the report's), nor inside one (``skipped`` collects their spans:
    "比年初预算数增加5.00万元，增长5.26%" as a whole)."""
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in skipped):
            continue
        if on_budget(text, match.start()) or on_other_year(text, match.start(), year):
            skipped.append(match.span())
            continue
        return match
    return None


def first_change(text: str, year: int | None = None) -> tuple[Decimal | None, Decimal | None]:
    """(change in yuan, change in %) of the first change phrase on the prior year; (0, 0) for
    持平 / 一样. A change on the budget ("比预算增加0万元，比去年增加1.55万元") or, when the report's
    ``year`` is known, on another year than the one before it is skipped."""
    skipped: list[tuple[int, int]] = []
    match = first_match(CHANGE, text, skipped, year)
    if match and match["either"] and to_decimal(match["number"]) != 0:
        return None, None  # 增加（减少）5万元: which way is not said
    if match:
        amount = to_yuan(match["number"], match["unit"])
        amount = signed(match["dir"], amount) if amount is not None else None
        pct = None
        if match["pct"] is not None:
            pct = signed(match["pdir"], Decimal(match["pct"]))
        return amount, pct
    match = COMPARED.search(text)
    if match:
        amount = to_yuan(match["number"], match["unit"])
        return (signed(match["dir"], amount) if amount is not None else None), None
    match = first_match(PCT_CHANGE, text, skipped, year)
    if match:
        return None, signed(match["dir"], Decimal(match["pct"]))
    if first_match(UNCHANGED, text, skipped, year):
        return Decimal("0.00"), None
    return None, None


YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
"""A year as reports print it: 2023年, 2023 年 (the 年 of 年度 included)."""
HEADING_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年度?")


def years_in(text: str) -> list[int]:
    """The years a text names, in order."""
    return [int(found) for found in YEAR.findall(text)]


def relative_years(heading: str, year: int | None) -> str:
    """A heading's years as the report's: "2024年预算数" in a 2024 report reads 本年预算数, "2023年执行数"
    上年执行数 (any other year is left as printed, and no rule reads it)."""
    if year is None:
        return heading

    def relative(match: re.Match[str]) -> str:
        printed = int(match[1])
        return "本年" if printed == year else "上年" if printed == year - 1 else match.group()

    return HEADING_YEAR.sub(relative, heading)
