"""The measures a clause states about the label it starts with.

A *segment* is the text that follows a label (an item, a 三公 category, a class name) up to the
next label of its family. From it we read, when stated: the amount, the budget beside it, the
share, the completion rate, the change on the prior year, and counts (批次, 人次, 团组, 辆).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extract import numbers

# The amount that directly follows a label: "收、支总计538.25万元", "支出决算为0.50万元",
# "预算数0.5万元", "财政拨款支出决算为0.6万元". The gap before it holds no digit and no
# clause break, so "支出决算比2019年减少…" never yields 2019 as an amount.
LEADING_AMOUNT = re.compile(
    rf"""
    ^(?P<gap>[^\d,;。:、()%]{{0,14}}?)
    (?P<number>{numbers.SIGNED_NUMBER})
    \s*(?P<unit>万元|亿元|千元|元|万)?
    (?P<after>.?)
    """,
    re.VERBOSE,
)
# Words that cannot sit between a label and its own amount.
FOREIGN_GAP = re.compile(r"比|较|与|增|减|占|其中|包括|下降|上升|完成|执行|结转|年初预算|全年预算|安排.*?(?:购置|项目)")
# A segment ends where a list of other figures begins.
SEGMENT_END = re.compile(r"[:：]|其中|主要用于|主要包括|包括|具体")
# A segment that opens with "(" continues a longer name ("社会保障和就业(208)抚恤(08)…"): no figure.
CONTINUED_NAME = re.compile(
    r"^\s*(?:\(|(?:[\u4e00-\u9fff、]|\([\u4e00-\u9fff]{1,3}\)){2,30}?\((?:款|项)\)|[-—－][\u4e00-\u9fff]|(?:委员会|委|局|厅|办公室|中心)(?![\u4e00-\u9fff]*支出))"
)
"""A label whose name goes on: "(类)…"; a 类 followed by its 款 / 项 ("住房保障支出(类)住房改革支出(款)
住房公积金(项)100万元，比上年增加30万元" states the 项, not the 类); a 类 in a dashed path
("“一般公共服务支出-政府办公厅(室)及相关机构事务-行政运行”科目…"); a class word that is part of a
department's name ("上海市卫生健康委员会收入预算…", "科学技术委员会")."""
# "一般公共服务支出（201）550.00万元": a 类's code printed after its name, before its figure
PRINTED_CODE = re.compile(r"^\s*\(2\d{2}\)(?=\s*(?:支出)?\s*(?:为|共计)?\s*\d)")
# "公务用车运行维护费：10.00万元" (Sichuan's 决算), "…支出（类）年初预算为…": a colon, or the 类 marker,
# between a label and its figures
LEI_THEN_FIGURES = re.compile(r"^\s*(?:\(类\)\s*[:：。.]?|[:：])\s*(?=年初预算|全年预算|预算数|支出决算|决算数|\d)")
# "共计支出0.50万元" (reception detail, after the counts)
TOTAL_SPENT = re.compile(rf"共计支出\s*(?P<number>{numbers.SIGNED_NUMBER})\s*(?P<unit>万元|元|万)")
# "年初预算为0.95万元", "全年预算数28.4万元", "预算数为5万元"
BUDGET = re.compile(
    rf"(?:年初预算|全年预算|预算)(?:数)?(?:为)?\s*(?P<number>{numbers.SIGNED_NUMBER})\s*(?P<unit>万元|元|万)"
)
# What a final report calls a budget just before an amount: "支出预算为8万元", "“三公”经费财政拨款预算数0.5万元";
# never a fund's name ("一般公共预算财政拨款支出6.4万元" is spent money).
BUDGET_GAP = re.compile(r"(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)预算(?:数|额)?(?:安排)?(?:为|是)?\s*$")
# "“三公”经费财政拨款支出年初预算为12.00万元，支出决算为10.00万元": the budget the gap names is no
# foreign word in a final report (the 决算 figure after it is the amount)
NAMED_BUDGET = re.compile(r"(?:年初|全年)预算")
# The final figure a final report states after the budget: "支出预算为8万元,支出决算为6.4万元"
FINAL_AMOUNT = re.compile(
    rf"(?:决算(?:数)?|实际支出|执行数)(?:为|是)?\s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|亿元|元|万)"
)
# A prior-year reference must stand in the segment before a change is read as one.
PRIOR_YEAR = re.compile(r"(?:与|比|较|小于|低于|大于|高于)\s*(?:\d{4}\s*年|上年|去年|上一年)|同比")
# "团组0次", "0个团组"
GROUPS = re.compile(r"团组\s*(?P<n>\d+)\s*(?:次|个)|(?P<m>\d+)\s*个团组")
# "4批次", "外事接待0批次", "接待批次为520个"
BATCHES = re.compile(r"(?P<n>\d+)\s*批次?(?!准)|批次(?:为|共)\s*(?P<m>\d+)\s*个?(?![\d.万元])")
# "50人次", "出国(境)0人", "0人"
PERSONS = re.compile(r"(?P<n>\d+)\s*人(?:次)?")
# "购置公务用车0辆", "现有公务用车0辆"
VEHICLES = re.compile(r"(?P<n>\d+)\s*辆")
DIGIT = re.compile(r"\d")
NOT_AN_AMOUNT_AFTER = frozenset("年月日次个人批辆%项件名条篇期")


@dataclass(frozen=True)
class Measures:
    amount_yuan: Decimal | None = None
    amount_unitless: str | None = None
    """The number printed without a unit, when that is all there is (never converted)."""
    budget_yuan: Decimal | None = None
    share_pct: Decimal | None = None
    completion_pct: Decimal | None = None
    prior_year_change_yuan: Decimal | None = None
    prior_year_change_pct: Decimal | None = None
    prior_year_yuan: Decimal | None = None
    """The prior year's figure (a table's 上年预算数 / 上年决算数 column; never read from prose)."""
    groups: int | None = None
    persons: int | None = None
    batches: int | None = None
    vehicles: int | None = None

    def is_empty(self) -> bool:
        return all(value is None for value in self.__dict__.values())


def leading_amount(segment: str, *, final: bool = False) -> tuple[Decimal | None, str | None]:
    """(amount in yuan, unitless number) of the figure right after the label. In a final report
    (``final``) a figure the text calls a budget is not the amount: the 决算 figure stated after it
    is, when there is one."""
    match = LEADING_AMOUNT.match(segment)
    if not match:
        return None, None
    gap = match["gap"]
    budget_first = final and BUDGET_GAP.search(gap)
    if FOREIGN_GAP.search(NAMED_BUDGET.sub("", gap) if budget_first else gap):
        return None, None
    if budget_first:
        stated = FINAL_AMOUNT.search(segment, match.end("number"))
        return (numbers.to_yuan(stated["number"], stated["unit"]) if stated else None), None
    if match["unit"] is None:
        if match["after"] and match["after"] in NOT_AN_AMOUNT_AFTER:
            return None, None
        return None, match["number"]
    return numbers.to_yuan(match["number"], match["unit"]), None


OWN_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年度?")


def own_year_dropped(segment: str, year: int | None) -> str:
    """"“三公”经费2024年预算8.00万元" in a 2024 report: the year right after the label is the
    report's own, no figure (another year there leaves the digits, and so no amount)."""
    match = OWN_YEAR.match(segment)
    if match is None or year is None or int(match["year"]) != year:
        return segment
    return segment[match.end() :]


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if not match:
        return None
    return int(next(value for value in match.groups() if value is not None))


def read_measures(segment: str, context: str, *, counts: bool = False, final: bool = False, year: int | None = None) -> Measures:
    """Measures of ``segment`` (the text after a label); ``context`` is its whole clause;
    ``final``: the segment is a final report's (see leading_amount); ``year``: the report's (a
    change on another year than the prior one is none)."""
    segment = LEI_THEN_FIGURES.sub("", PRINTED_CODE.sub("", segment, count=1), count=1)
    if CONTINUED_NAME.match(segment) or not (DIGIT.search(segment) or numbers.UNCHANGED.search(segment)):
        return Measures()
    end = SEGMENT_END.search(segment)
    if end and end.start() > 0:
        segment = segment[: end.start()]
    elif end:
        return Measures()
    amount, unitless = leading_amount(own_year_dropped(segment, year), final=final)
    if amount is None and unitless is None:
        total = TOTAL_SPENT.search(segment)
        if total:
            amount = numbers.to_yuan(total["number"], total["unit"])
    budget = BUDGET.search(segment)
    change, change_pct = (None, None)
    if PRIOR_YEAR.search(context):
        change, change_pct = numbers.first_change(segment, year)
    measures = Measures(
        amount_yuan=amount,
        amount_unitless=unitless,
        budget_yuan=numbers.to_yuan(budget["number"], budget["unit"]) if budget else None,
        share_pct=numbers.first_share(segment),
        completion_pct=numbers.first_completion(segment),
        prior_year_change_yuan=change,
        prior_year_change_pct=change_pct,
    )
    if counts:
        measures = Measures(
            **{
                **measures.__dict__,
                "groups": _count(GROUPS, segment),
                "batches": _count(BATCHES, segment),
                "persons": _count(PERSONS, segment),
                "vehicles": _count(VEHICLES, segment),
            }
        )
    return measures
