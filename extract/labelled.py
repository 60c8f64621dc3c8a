"""Find labelled figures in sentences and merge what one report says of the same label.

A family (三公 categories, summary items) is a map of aliases to codes. Each clause is cut at
every alias it holds; the text after an alias, up to the next alias, is that label's segment,
and its measures are read from it. One report often states the same figure several times
(a total, then its share, then its change on the prior year): the statements are merged into
one row per code, and two statements that disagree become a finding, never a silent choice.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from extract.measures import PRIOR_YEAR, Measures, read_measures
from extract.numbers import first_change, first_completion, years_in
from extract.records import Evidence, Finding
from extract.sentences import Sentence, clauses

MEASURE_FIELDS = tuple(Measures.__dataclass_fields__)
# "包括：办公费9.5万元，…，公用经费51.65万元": labels after 包括 are parts of another figure.
LISTING = re.compile(r"包括")
# "收入包括：一般公共预算拨款收入5,800.00万元、事业收入200.00万元…" (Chongqing): an income's own list
INCOME_LIST = re.compile(r"收入(?:预算|决算)?(?:总计|合计|总额)?(?:为|共计)?\s*(?:[\d,.]+\s*(?:万元|元))?\s*,?\s*(?:主要)?$")
# "占“三公”经费的16.06%": the label after 占 is the base of a share, never a statement, and does
# not end the segment of the label before it.
SHARE_BASE = re.compile(r"占[^,;:，；：]{0,6}$")
# "比2024年收支总预算422.68万元增加10.00万元", "较2022年项目支出398.60万元增加43.30万元": the figure a
# comparison starts from, not a statement of the label
COMPARISON_BASE = re.compile(r"(?:比|较|同比)\s*(?:上年|去年|上年度|(?:19|20)\d{2}\s*年度?)?\s*(?:年初)?(?:预算|决算)?数?$")
COMPARED_YEAR = re.compile(r"(?:与|同|和|比|较)\s*(?:19|20)\d{2}\s*年度?(?:相比|比较|同期)?")
RELATIVE_COMPARED = re.compile(r"(?:与|同|和|比|较|低于|高于|少于|多于|相对于|相较于)\s*(?:上年度?|上一年度?|去年)(?:同期)?(?:相比|比较)?")
SUB_CLAUSE = re.compile(r"[,，、:：]")
TIME_NAMED = re.compile(r"(?:19|20)\d{2}\s*年|上年度|上年同期|上一年度|去年")
"""A year a clause names: printed, or the one before the report's."""
# "…主要用于单位行政运行等。与上年相比增加2,444.1万元，增长31.22%。": a sentence that opens with the
# prior-year comparison and names no label states the change of the one label of the sentence
# before it, in the same paragraph.
FOLLOW_ON = re.compile(r"^(?:与|比|较)\s*(?:上年|去年|上一年|\d{4}\s*年)")
# "…收入总计3,100.00万元，支出总计3,100.00万元。收支较上年决算数减少200.00万元、下降6.1%。"
FOLLOW_ON_BOTH = re.compile(r"^收[、,]?支(?:总计)?(?:均|各)?\s*(?:与|比|较)\s*(?:上年|去年|上一年|\d{4}\s*年)")


@dataclass(frozen=True)
class Alias:
    code: str
    label: str
    alias: str


def read_aliases(path: Path) -> list[Alias]:
    """Rows of a map file whose columns are: code, label, alias."""
    with open(path, encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [Alias(code, label, alias) for code, label, alias in reader]


def alias_pattern(aliases: Iterable[Alias]) -> re.Pattern[str]:
    """One alternation, longest alias first, so 公务用车购置及运行维护费 beats 公务用车购置费."""
    return _alternation(frozenset(a.alias for a in aliases))


@cache
def _alternation(aliases: frozenset[str]) -> re.Pattern[str]:
    ordered = sorted(aliases, key=lambda alias: (-len(alias), alias))
    return re.compile("|".join(re.escape(alias) for alias in ordered))


@dataclass(frozen=True)
class Statement:
    code: str
    label: str
    measures: Measures
    sentence: Sentence
    before: str = ""
    """The sentence's text before the label (its earlier clauses too): what the figure is a part of."""
    after: str = ""
    """The few characters right after the label."""
    alias: str = ""
    """The label as the text prints it."""


def statements(
    sentences: Iterable[Sentence],
    aliases: list[Alias],
    *,
    counts: bool = False,
    guard: re.Pattern[str] | None = None,
    skip_listed: bool = True,
    final: bool = False,
    year: int | None = None,
    whole_names: bool = False,
) -> Iterator[Statement]:
    """Every (label, measures) a sentence states.

    ``guard``: text that must not precede a label; ``skip_listed``: ignore labels after 包括;
    ``final``: the sentences are a final report's (a figure called a budget is no amount);
    ``year``: the report's, when known: a label its clause says is of another year
    ("2023年收入预算总计432.68万元" in a 2025 budget) states nothing of this report;
    ``whole_names``: a label must not be the start of a longer name (城乡社区 in 城乡社区环境卫生).
    """
    pattern = alias_pattern(aliases)
    by_alias = {a.alias: a for a in aliases}
    previous: list[Statement] = []
    for sentence in sentences:
        if not pattern.search(sentence.text):
            follow_on = follow_on_change(sentence, previous)
            previous = []
            if follow_on is not None:
                yield follow_on
            continue
        previous = []
        compared = ""  # "比2021年度…，其中：" of an earlier clause: the parts after it compare with that year too
        earlier = ""
        for clause in clauses(sentence.text):
            context = clause if PRIOR_YEAR.search(clause) or not compared else f"{compared} {clause}"
            compared = prior_year_breakdown(clause, year) or compared
            listing = LISTING.search(clause) if skip_listed else None
            if listing and INCOME_LIST.search(clause[: listing.start()]):
                listing = None
            matches = [
                m
                for m in pattern.finditer(clause)
                if not _guarded(clause, m, guard)
                and (listing is None or m.start() < listing.start())
                and not of_other_year(clause[: m.start()], year)
                and not (whole_names and LONGER_NAME.match(clause, m.end()) and not m.group().endswith(("支出", ")")))
            ]
            if not matches and not pattern.search(clause):
                follow_on = follow_on_clause(clause, previous, year)
                if follow_on is not None:
                    yield follow_on
            for index, match in enumerate(matches):
                segment = own_segment(clause, match, matches[index + 1 :])
                measures = read_measures(inside_parentheses(segment), context, counts=counts, final=final, year=year)
                if measures.is_empty():
                    continue
                alias = by_alias[match.group()]
                before, after = earlier + clause[: match.start()], clause[match.end() : match.end() + 4]
                statement = Statement(alias.code, alias.label, measures, sentence, before, after, match.group())
                previous.append(statement)
                yield statement
            earlier += clause + ";"


# "…决算为8.00万元。其中：局本级“三公”经费支出6.00万元，洛南市第一高级中学“三公”经费支出2.00万元":
# after 其中, a label right after the name of one of the department's units states that unit's part
UNIT_BEFORE = re.compile(r"(?:本级|[\u4e00-\u9fff]{2,}(?:学校|中学|小学|幼儿园|医院|卫生院|中心|站|所|馆|队|院))[\"“”'‘’\s]*$")


# "决算数大于年初预算数的主要原因是年中追加公用经费30.00万元": an explanation's figures are not the
# item's (the 追加, 调减 or 压减 of a part)
REASON = re.compile(r"原因|由于|因为")


def in_an_explanation(statement: Statement) -> bool:
    """Whether the label stands in the part of its clause that explains a change or a difference
    (see REASON; "主要原因是严格控制接待标准，全年国内公务接待20批次" states the counts after it)."""
    return bool(REASON.search(SUB_CLAUSE.split(statement.before.rsplit(";", 1)[-1])[-1]))


def said_of_a_unit(statement: Statement, department: str | None = None) -> bool:
    """Whether the statement is one unit's part of the department's figure (see UNIT_BEFORE): after
    其中 in its clause, and named by a unit that is not the department itself ("其中：…；测试市政务
    服务中心本年支出合计…" in the 中心's own report is its figure)."""
    clause = statement.before.rsplit(";", 1)[-1]
    unit = UNIT_BEFORE.search(clause)
    if "其中" not in clause or unit is None:
        return False
    name = unit.group().strip("\"“”'‘’ ")
    return not (department and (name in department or department.endswith(name[-6:])))


def own_segment(clause: str, match: re.Match[str], later: list[re.Match[str]]) -> str:
    """The text after a label up to the next label outside parentheses, without a parenthesis
    that holds labels of its own: in "国内公务接待支出1.96万元（含外宾接待支出0.45万元），共接待15批次、
    118人次" the counts after ")" are said of 国内公务接待, the 0.45万元 of 外宾接待 only. A label
    inside a parenthesis stops at its ")" (inside_parentheses)."""
    starts = [m.start() for m in later]
    text: list[str] = []
    index = match.end()
    while index < len(clause):
        if index in starts:
            break
        char = clause[index]
        if char == "(":
            close = closing(clause, index)
            if close is not None and any(index < start < close for start in starts):
                index = close + 1  # the parenthesis of other labels: theirs
                continue
        text.append(char)
        index += 1
    return "".join(text)


def closing(text: str, opening: int) -> int | None:
    """The index of the ")" that closes the "(" at ``opening``, if any."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def inside_parentheses(segment: str) -> str:
    """The segment up to a closing parenthesis it did not open: in "运行费28万元(购置费0万元,运行
    维护费28万元),较上年无增减" what follows the ")" is said of the label outside the parentheses."""
    depth = 0
    for index, char in enumerate(segment):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return segment[:index]
            depth -= 1
    return segment


# "1.公务接待费预算为3.00万元，支出决算为1.70万元，完成预算的57%；较上年减少0.30万元，下降15%。",
# "…决算为12.00万元…；决算数比年初预算数减少3.00万元，决算数为年初预算数的80.0%。"
FOLLOW_ON_CLAUSE = re.compile(r"^\s*(?:(?:与|比|较)\s*(?:上年|去年|上一年|\d{4}\s*年)|决算数?(?:比|较|为|占))")


def follow_on_clause(clause: str, previous: list[Statement], year: int | None) -> Statement | None:
    """The change on the prior year, or the completion, that a label-less clause states of the one
    label of the clause before it in the sentence."""
    if not previous or len({s.code for s in previous}) != 1 or not FOLLOW_ON_CLAUSE.match(clause):
        return None
    change, pct = first_change(clause, year) if PRIOR_YEAR.search(clause) else (None, None)
    completion = first_completion(clause)
    if change is None and pct is None and completion is None:
        return None
    last = previous[-1]
    measures = Measures(prior_year_change_yuan=change, prior_year_change_pct=pct, completion_pct=completion)
    return Statement(last.code, last.label, measures, last.sentence, last.before, last.after, last.alias)


def follow_on_change(sentence: Sentence, previous: list[Statement]) -> Statement | None:
    """The change a label-less sentence states of the one label of the sentence before it."""
    if not previous or len({s.code for s in previous}) != 1 or previous[0].sentence.line.number != sentence.line.number:
        return None
    both = previous[0].code == "total_income_and_expense" and FOLLOW_ON_BOTH.match(sentence.text)
    if not (FOLLOW_ON.match(sentence.text) or both):
        return None
    change, pct = first_change(clauses(sentence.text)[0])
    if change is None and pct is None:
        return None
    last = previous[-1]
    return Statement(last.code, last.label, Measures(prior_year_change_yuan=change, prior_year_change_pct=pct), sentence)


# A label that names whose money the 三公 are: "一般公共预算财政拨款安排的“三公”经费支出决算总额为…"
# states the 三公 total, not the 一般公共预算 figure
QUALIFIES_THREE_PUBLIC = re.compile(r"^(?:安排的?|的)?\s*[\"“”'‘’]?三公")


BREAKDOWN = re.compile(r"其中")
LONGER_NAME = re.compile(r"[\u4e00-\u9fff](?<![支类])")
"""A name character right after a label: the label is the start of a longer name."""


def prior_year_breakdown(clause: str, year: int | None) -> str:
    """The prior-year comparison a clause makes before it breaks its total down ("…决算数比2021年度
    增加1.72万元，其中：…"), for the clauses of the breakdown that follow; "" when there is none or it
    compares with another year than the one before the report's."""
    match = PRIOR_YEAR.search(clause)
    if match is None or not BREAKDOWN.search(clause, match.end()):
        return ""
    years = years_in(match.group())
    if year is not None and years and years[-1] != year - 1:
        return ""
    return match.group()


def of_other_year(before: str, year: int | None) -> bool:
    """Whether the last year named before a label (in its clause) is not the report's: a printed
    year, or 上年度 / 上年同期 / 去年 right before it, in its own part of the clause ("上年度“三公”
    经费支出决算为27.00万元" in a 2023 决算; not "其中：上年度结转结余50.00万元，一般公共预算拨款收入…"
    for the labels after the comma). A year compared with ("与2019年相比，收、支总计各减少…",
    "与上年度相比", "低于上年度") says nothing of whose the label is."""
    before = RELATIVE_COMPARED.sub("", COMPARED_YEAR.sub("", before))
    named = TIME_NAMED.findall(before)
    if not named:
        return False
    if not named[-1][:1].isdigit():
        return bool(TIME_NAMED.search(SUB_CLAUSE.split(before)[-1]))
    return year is not None and years_in(named[-1])[-1] != year


def _guarded(clause: str, match: re.Match[str], guard: re.Pattern[str] | None) -> bool:
    before = clause[max(0, match.start() - 12) : match.start()]
    if SHARE_BASE.search(before) or COMPARISON_BASE.search(before) or QUALIFIES_THREE_PUBLIC.match(clause[match.end() : match.end() + 8]):
        return True
    return bool(guard is not None and guard.search(before))


@dataclass
class Merged:
    code: str
    label: str
    values: dict[str, object] = field(default_factory=dict)
    evidence: list[Sentence] = field(default_factory=list)

    @property
    def first_evidence(self) -> Evidence:
        return self.evidence[0].evidence

    def joined_evidence(self) -> Evidence:
        seen: list[str] = []
        for sentence in self.evidence:
            text = sentence.raw.strip()
            if text not in seen:
                seen.append(text)
        return self.evidence[0].line.evidence(" … ".join(seen))


def merge(found: Iterable[Statement], family: str) -> tuple[list[Merged], list[Finding]]:
    """One row per code. Two statements of a measure that disagree leave it empty, reported."""
    merged: dict[str, Merged] = {}
    conflicted: dict[str, set[str]] = {}
    findings: list[Finding] = []
    for statement in found:
        row = merged.setdefault(statement.code, Merged(statement.code, statement.label))
        contributed = False
        for name in MEASURE_FIELDS:
            value = getattr(statement.measures, name)
            if value is None:
                continue
            known = row.values.get(name)
            if known is None:
                row.values[name] = value
                contributed = True
            elif known != value and name != "amount_unitless":
                conflicted.setdefault(statement.code, set()).add(name)
                findings.append(_conflict(family, statement, name, known, value))
                contributed = True
        if contributed and statement.sentence not in row.evidence:
            row.evidence.append(statement.sentence)
    for code, names in conflicted.items():
        for name in names:
            merged[code].values[name] = None
    return list(merged.values()), findings


def _conflict(family: str, statement: Statement, name: str, known: object, value: object) -> Finding:
    return Finding(
        rule="conflicting_statements",
        severity="error",
        message=(
            f"{family} {statement.code} ({statement.label}): {name} is stated as {known} and "
            f"as {value}; neither is loaded"
        ),
        evidence=statement.sentence.evidence,
        expected_value=known if isinstance(known, Decimal) else None,
        actual_value=value if isinstance(value, Decimal) else None,
    )
