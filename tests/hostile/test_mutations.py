"""Property: random mutations of the real reports (characters deleted, doubled, swapped; digits,
units, signs and full-width forms inserted) never raise anything but the named UnreadableReport
from process_report, and never yield a figure that is not printed in its evidence. Amounts are
Decimal throughout (issue 13)."""

from __future__ import annotations

import re
from dataclasses import fields
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st

from extract.document import normalise_block
from extract.errors import ExtractError
from extract.numbers import UNCHANGED, unit_factors
from tests.conftest import REPORTS
from transform.pipeline import process_report

SEEDS = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
INSERTS = ["0", "1", "7", "9", ".", ",", "万元", "元", "亿元", "万", "%", "-", "－", "−", "减少", "增加", "１", "５", "．",
           "，", "：", "（", "）", "\n", "\t", " ", "\u3000", "年", "合计", "基本支出"]
PRINTED = re.compile(r"(?P<sign>[-\u2212]?)(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)")
FIGURE_FAMILIES = ("summary_items", "three_public", "expenditure_by_function", "project_performance", "performance_indicators")
SIGNED_EITHER_WAY = ("prior_year_change_yuan", "prior_year_change_pct")
"""A change on the prior year takes its sign from 减少 / 增加, not from a printed minus."""


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for _ in range(draw(st.integers(1, 8))):
        near_a_figure = draw(st.booleans()) and digits
        where = draw(st.sampled_from(digits)) if near_a_figure else draw(st.integers(0, len(text) - 1))
        where = min(where, len(text) - 1)
        how = draw(st.sampled_from(["delete", "double", "swap", "insert"]))
        if how == "delete":
            text = text[:where] + text[where + 1 :]
        elif how == "double":
            text = text[:where] + text[where] + text[where:]
        elif how == "swap" and where + 1 < len(text):
            text = text[:where] + text[where + 1] + text[where] + text[where + 2 :]
        else:
            text = text[:where] + draw(st.sampled_from(INSERTS)) + text[where:]
        digits = [i for i in digits if i < len(text)]
    return text


def printed_values(evidence: str) -> tuple[set[Decimal], set[Decimal]]:
    """(the signed numbers printed in the evidence, their absolute values), as written."""
    signed, plain = set(), set()
    for match in PRINTED.finditer(normalise_block(evidence)):
        for number in {match["number"], match["number"].replace(",", ""), *match["number"].split(",")}:
            if not number:
                continue
            value = Decimal(number.replace(",", ""))
            plain.add(value)
            signed.add(-value if match["sign"] else value)
    return signed, plain


def amounts(values: set[Decimal]) -> set[Decimal]:
    found = set()
    for value in values:
        for factor in {Decimal(1), *unit_factors().values()}:
            yuan = value * factor
            found.add(yuan)
            try:
                found.add(yuan.quantize(Decimal("0.01")))
            except ArithmeticError:
                pass
    return found


def not_printed(report) -> list[str]:
    """Every figure of the report that cannot be derived from a number printed in its evidence."""
    wrong = []
    for family in FIGURE_FAMILIES:
        for row in getattr(report, family):
            signed, plain = printed_values(row.evidence.text)
            for field in fields(row):
                value = getattr(row, field.name)
                if isinstance(value, float):
                    wrong.append(f"{family}.{field.name} is a float: {value!r}")
                if not isinstance(value, (Decimal, int)) or isinstance(value, bool) or field.name in ("line_number",):
                    continue
                if field.name in SIGNED_EITHER_WAY and value == 0 and UNCHANGED.search(normalise_block(row.evidence.text)):
                    ok = True  # 与上年持平, 较2021年预算相同: no change, in words
                elif field.name.endswith("_yuan"):
                    ok = value in amounts(signed) or (field.name in SIGNED_EITHER_WAY and abs(value) in amounts(plain))
                else:  # percentages, counts, indicator values: as printed
                    ok = abs(value) in plain
                if not ok:
                    wrong.append(f"{family}.{field.name} = {value} is not printed in: {row.evidence.text[:300]!r}")
    return wrong


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated())
def test__process_report__a_mutated_report_fails_by_name_or_states_only_printed_figures(text, tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / "mutated.txt"
    path.write_text(text, encoding="utf-8")
    try:
        report = process_report(path)
    except ExtractError:
        return
    assert not_printed(report) == []


def test__not_printed__catches_a_figure_whose_sign_was_dropped():
    """The property's own check: it does fail on a figure that is not in its evidence."""
    from dataclasses import replace

    report = process_report(REPORTS / "002_7c31d4a17c7f4b76.txt")
    assert not_printed(report) == []
    first = report.summary_items[0]
    flipped = replace(first, amount_yuan=-first.amount_yuan if first.amount_yuan else Decimal("1.23"))
    assert not_printed(replace(report, summary_items=(flipped,)))
