"""Checks every document gets: parts against totals, shares and completion rates against their
amounts, years and units that conflict. A failed check is a Finding with both numbers; nothing is
ever "fixed". The rule ids and their severities are catalogued in transform/rules.csv.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

from extract.document import Document
from extract.records import Evidence, ExtractedReport, Finding, FunctionFigure
from extract.sentences import body_sentences
from extract.standard_tables.readings import TableReading
from extract.standard_tables.reconcile import NARRATIVE_RESOLUTION, printed_resolution
from extract.standard_tables.rows import PART

RULES = Path(__file__).with_name("rules.csv")
HALF_CENT_WAN = Decimal("50")
"""Half of 0.01万元 in yuan: the rounding of one printed figure."""

# (total, parts) that must add up, by family.
SUMMARY_SUMS = (
    ("expense_total", ("expense_basic", "expense_project")),
    ("general_budget_basic", ("basic_personnel", "basic_public_funds")),
    ("procurement_total", ("procurement_goods", "procurement_works", "procurement_services")),
)
THREE_PUBLIC_SUMS = (
    ("three_public_total", ("outbound_travel", "official_vehicles", "official_reception")),
    ("official_vehicles", ("vehicle_purchase", "vehicle_operation")),
    ("official_reception", ("reception_domestic", "reception_foreign")),
)
# part -> the total its share % refers to
SUMMARY_SHARE_OF = {
    "income_general_public_budget": "income_total",
    "income_government_fund": "income_total",
    "income_state_capital": "income_total",
    "income_superior_subsidy": "income_total",
    "income_business": "income_total",
    "income_operating": "income_total",
    "income_affiliated": "income_total",
    "income_other": "income_total",
    "expense_basic": "expense_total",
    "expense_project": "expense_total",
    "general_budget_expense": "expense_total",
    "fiscal_total": "expense_total",
    "procurement_sme": "procurement_total",
    "procurement_micro": "procurement_total",
}
# part -> (words after 占 that name another base, that base): "授予小微企业合同金额20万元，占授予中小
# 企业合同金额的80%" is a share of the SME contracts, not of all procurement
OTHER_SHARE_BASE = {
    "procurement_micro": (re.compile(r"占[^,，。;；%]{0,10}中小企业"), "procurement_sme"),
}
THREE_PUBLIC_SHARE_OF = {
    "outbound_travel": "three_public_total",
    "official_vehicles": "three_public_total",
    "official_reception": "three_public_total",
}
# "22022年": a year with a digit too many
# Lookbehinds go last, so that the search can skip ahead to a digit / to 万元 (a pattern that
# starts with a lookbehind is tried at every position of the text).
LONG_YEAR = re.compile(r"(?P<year>\d{5})年(?<!\d\d{5}年)")
# "支出万元", "增加万元": a unit with no number before it (not "30余万元", "数十万元")
MISSING_FIGURE = re.compile(r"万元(?<=[\u4e00-\u9fff]万元)(?<![余多几数千百十亿]万元)")


@cache
def severities() -> dict[str, str]:
    with open(RULES, encoding="utf-8") as handle:
        return {row["rule"]: row["severity"] for row in csv.DictReader(handle)}


def finding(rule: str, message: str, evidence: Evidence | None, expected=None, actual=None) -> Finding:
    return Finding(rule, severities()[rule], message, evidence, expected, actual)


HAIR = Decimal("0.01")


def pct_tolerance(printed: Decimal) -> Decimal:
    """Half a unit of the printed percentage's last digit, plus a hair for the amounts' rounding."""
    exponent = printed.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1) + HAIR


# "国内公务接待支出1.96万元（含外宾接待支出0.45万元）": the foreign part is inside the domestic one
INCLUDED_IN_SIBLING = {"reception_foreign": re.compile(r"[(（]\s*(?:含|包含|其中)[:：]?\s*(?:外宾|外事)")}


# "支出合计4100.00万元。其中：基本支出3500.00万元…项目支出540.00万元…经营支出60.00万元": a total whose
# evidence states a part no item holds (a school's or hospital's 经营支出, with its figure; not
# 国有资本经营支出, nor "无经营支出") adds up without it
PARTS_WITHOUT_ITEM = {
    "expense_total": re.compile(r"(?:(?<!资本)经营支出|上缴上级支出|对附属单位补助支出|预留机动经费)(?:预算|决算)?(?:数)?(?:为)?\s*\d")
}


def check_sums(amounts: dict[str, Decimal | None], evidence: dict[str, Evidence], sums, label: str) -> Iterator[Finding]:
    for total_code, part_codes in sums:
        other_parts = PARTS_WITHOUT_ITEM.get(total_code)
        texts = [evidence[code].text or "" for code in (total_code, *part_codes) if code in evidence]
        if other_parts is not None and any(other_parts.search(text) for text in texts):
            continue
        part_codes = tuple(
            code for code in part_codes
            if not (code in INCLUDED_IN_SIBLING and code in evidence and INCLUDED_IN_SIBLING[code].search(evidence[code].text or ""))
        )
        total = amounts.get(total_code)
        parts = [amounts.get(code) for code in part_codes]
        if total is None or any(part is None for part in parts):
            continue
        added = sum(parts, Decimal(0))
        if abs(added - total) > HALF_CENT_WAN * len(parts):
            yield finding(
                "sum_mismatch",
                f"{label}: {' + '.join(part_codes)} = {added} yuan, but {total_code} = {total} yuan",
                evidence[total_code],
                total,
                added,
            )


def check_shares(rows, share_of: dict[str, str], key: str, label: str) -> Iterator[Finding]:
    by_code = {getattr(row, key): row for row in rows}
    for code, total_code in share_of.items():
        part = by_code.get(code)
        words, other = OTHER_SHARE_BASE.get(code, (None, None))
        if part is not None and words is not None and part.evidence is not None and words.search(part.evidence.text or ""):
            total_code = other
        total = by_code.get(total_code)
        if part is None or total is None or part.share_pct is None:
            continue
        yield from share_finding(part, total.amount_yuan, f"{label} {code} of {total_code}", total)


def share_tolerance(part, total_yuan: Decimal, total=None) -> Decimal:
    """Half a unit of the printed share, plus what the rounding of the two amounts (half a unit of
    their last printed digit, DEFAULT_RESOLUTION when it cannot be found) moves part / total."""
    r_part = printed_resolution(part.evidence.text, part.amount_yuan, "amount_yuan") / 2
    r_total = (printed_resolution(total.evidence.text, total_yuan, "amount_yuan") if total is not None else NARRATIVE_RESOLUTION) / 2
    moved = (r_part * abs(total_yuan) + abs(part.amount_yuan) * r_total) / (total_yuan * total_yuan) * 100
    return pct_tolerance(part.share_pct) - HAIR + moved


def share_finding(part, total_yuan: Decimal | None, what: str, total=None) -> Iterator[Finding]:
    if part.amount_yuan is None or not total_yuan:
        return
    exact = part.amount_yuan / total_yuan * 100
    computed = exact.quantize(Decimal("0.01"))
    within_print = abs(exact - part.share_pct) <= pct_tolerance(part.share_pct) - HAIR
    if not within_print and abs(exact - part.share_pct) > share_tolerance(part, total_yuan, total):
        yield finding(
            "share_mismatch",
            f"{what}: printed share {part.share_pct}% but the amounts give {computed}%",
            part.evidence,
            part.share_pct,
            computed,
        )


def check_completion(rows: Iterable, budget_field: str, executed_field: str, label: str) -> Iterator[Finding]:
    for row in rows:
        budget, executed, printed = getattr(row, budget_field), getattr(row, executed_field), row.completion_pct
        if budget is None or executed is None or printed is None or not budget:
            continue
        computed = (executed / budget * 100).quantize(Decimal("0.01"))
        if abs(computed - printed) > pct_tolerance(printed):
            yield finding(
                "completion_mismatch",
                f"{label}: printed completion {printed}% but {executed} / {budget} gives {computed}%",
                row.evidence,
                printed,
                computed,
            )


def check_function_sums(rows: list[FunctionFigure], garbled_lines: set[int]) -> Iterator[Finding]:
    """A 类 against the sum of its 项 of the same fund scope, when its detail paragraph was read
    whole (the tables' own sums are checked table by table, transform/table_checks.py)."""
    for scope in sorted({row.fund_scope for row in rows}):
        yield from scope_function_sums([row for row in rows if row.fund_scope == scope], garbled_lines)


def scope_function_sums(rows: list[FunctionFigure], garbled_lines: set[int]) -> Iterator[Finding]:
    leis = {row.class_code: row for row in rows if row.class_level == "类" and row.class_code}
    for code, lei in leis.items():
        items = [row for row in rows if row.class_level == "项" and (row.class_code or "").startswith(code)]
        if not items or lei.amount_yuan is None or any(row.amount_yuan is None for row in items):
            continue
        if any(row.evidence.line_number in garbled_lines for row in items):
            continue
        added = sum((row.amount_yuan for row in items), Decimal(0))
        if abs(added - lei.amount_yuan) > HALF_CENT_WAN * len(items):
            yield finding(
                "sum_mismatch",
                f"类 {code} {lei.class_name}: its {len(items)} 项 add up to {added} yuan, the 类 is {lei.amount_yuan} yuan",
                lei.evidence,
                lei.amount_yuan,
                added,
            )


def check_function_shares(report: ExtractedReport) -> Iterator[Finding]:
    total = next((i.amount_yuan for i in report.summary_items if i.item == "general_budget_expense"), None)
    for row in report.expenditure_by_function:
        if row.class_level == "类" and row.share_pct is not None:
            yield from share_finding(row, total, f"类 {row.class_code} {row.class_name} of general_budget_expense")


def check_text(document: Document, fiscal_year: int) -> Iterator[Finding]:
    whole = "\n".join(line.text for line in document.lines)
    if not LONG_YEAR.search(whole) and not MISSING_FIGURE.search(whole):
        return
    for sentence in body_sentences(document):
        for match in LONG_YEAR.finditer(sentence.text):
            yield finding(
                "year_typo",
                f"year printed as {match['year']}年; the report's year is {fiscal_year}",
                sentence.evidence,
            )
        for _ in MISSING_FIGURE.finditer(sentence.text):
            yield finding("figure_missing", "a figure is missing before 万元", sentence.evidence)


SIGNED_FIELDS = ("amount_yuan", "budget_yuan", "executed_yuan")
"""Amounts that cannot be negative: a spending, an income, a budget. (A change on the prior year
can: 减少 makes it negative, and it is not checked here.)"""


def check_signs(report: ExtractedReport) -> Iterator[Finding]:
    """A figure printed negative where no figure can be ("基本支出-776.32万元"): loaded as printed,
    with a finding, never silently made positive."""
    for family in ("summary_items", "three_public", "expenditure_by_function", "expenditure_by_economic_class", "project_performance"):
        for row in getattr(report, family):
            for name in SIGNED_FIELDS:
                value = getattr(row, name, None)
                if value is not None and value < 0:
                    label = getattr(row, "item", None) or getattr(row, "category", None) or getattr(row, "class_code", None) or getattr(row, "project", "")
                    yield finding("negative_amount", f"{family} {label}: {name} is negative ({value} yuan)", row.evidence, None, value)


def has_other_expense_parts(readings: list[TableReading]) -> bool:
    """A 支出 total that has parts beside 基本 / 项目 (单位预留机动经费 …): 基本 + 项目 is not its sum."""
    for reading in readings:
        for row in reading.rows:
            if row.item in ("table_total", "expense_total") and reading.kind in ("expense", "income_expense_total"):
                if any(m.startswith(PART) and a.value for (m, _), a in row.values.items()):
                    return True
    return False


def run_checks(document: Document, report: ExtractedReport, readings: list[TableReading] = ()) -> list[Finding]:
    """``readings``: the report's standard tables as read (their own sums: transform/table_checks.py)."""
    items = {i.item: i.amount_yuan for i in report.summary_items}
    item_evidence = {i.item: i.evidence for i in report.summary_items}
    basic_total = "general_budget_basic" if "general_budget_basic" in items else "expense_basic"
    summary_sums = tuple(
        (basic_total if total == "general_budget_basic" else total, parts)
        for total, parts in SUMMARY_SUMS
        if not (total == "expense_total" and has_other_expense_parts(list(readings)))
    )
    three = {f.category: f.amount_yuan for f in report.three_public}
    three_evidence = {f.category: f.evidence for f in report.three_public}
    garbled = {f.evidence.line_number for f in report.findings if f.rule == "function_line_garbled" and f.evidence}
    found = [
        *check_sums(items, item_evidence, summary_sums, "summary"),
        *check_sums(three, three_evidence, THREE_PUBLIC_SUMS, "三公经费"),
        *check_function_sums(list(report.expenditure_by_function), garbled),
        *check_shares(report.summary_items, SUMMARY_SHARE_OF, "item", "share of"),
        *check_shares(report.three_public, THREE_PUBLIC_SHARE_OF, "category", "share of"),
        *check_function_shares(report),
        *check_completion(report.project_performance, "budget_yuan", "executed_yuan", "project"),
        *check_completion(report.summary_items, "budget_yuan", "amount_yuan", "summary"),
        *check_completion(report.three_public, "budget_yuan", "amount_yuan", "三公经费"),
        *check_completion(report.expenditure_by_function, "budget_yuan", "amount_yuan", "functional class"),
        *check_text(document, report.document.fiscal_year),
        *check_signs(report),
    ]
    return found
