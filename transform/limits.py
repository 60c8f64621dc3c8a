"""What the warehouse can hold. A figure beyond what any budget states is a misreading or a
hostile file: it becomes an ``amount_out_of_range`` finding with its evidence, never a fact, so
that no figure can make the database refuse a document (and with it the batch it is loaded in).

    amounts in yuan (and indicator values)   |x| < 10^15   (China's whole budget is ~3 x 10^13)
    percentages, 分值 and 得分                 |x| < 99,999
    counts (团组, 人次, 批次, 辆)                 0 <= x < 2^31

The limits sit inside the columns' capacity (load.schema: NUMERIC(18,2) holds less than 10^16,
NUMERIC(9,4) less than 10^5, NUMERIC(20,4) less than 10^16, INTEGER less than 2^31); a test checks
that they do. A record with one value beyond them is dropped whole: its other values were read
from the same clause, and a wrong number is worse than a missing one.
"""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from functools import cache

from extract.records import FAMILIES, ExtractedReport, Finding
from transform.checks import finding

MAX_AMOUNT_YUAN = Decimal(10) ** 15
"""Amounts (and any other value that is not a percentage) must be smaller than this, in absolute value."""
MAX_PCT = Decimal(99_999)
"""Percentages (and the points of a self-evaluation: 分值, 得分) must be smaller than this, in absolute value."""
POINTS = frozenset({"score", "weight"})
MAX_COUNT = 2**31 - 1
"""Counts must be smaller than this."""



def limit_for(name: str) -> Decimal:
    """The limit of a decimal field (or column) by its name."""
    return MAX_PCT if name.endswith("_pct") or name in POINTS else MAX_AMOUNT_YUAN


@cache
def checked_fields(kind: type) -> tuple[tuple[str, str], ...]:
    """(field name, 'decimal' | 'pct' | 'count') of a record class's numeric fields."""
    found = []
    for field in fields(kind):
        annotation = str(field.type)
        if "Decimal" in annotation:
            found.append((field.name, "pct" if limit_for(field.name) == MAX_PCT else "decimal"))
        elif annotation.startswith("int"):
            found.append((field.name, "count"))
    return tuple(found)


def beyond(value, kind: str) -> bool:
    if value is None:
        return False
    if kind == "count":
        return not 0 <= value < MAX_COUNT
    if not value.is_finite():
        return True
    return abs(value) >= (MAX_PCT if kind == "pct" else MAX_AMOUNT_YUAN)


def shown(value) -> str:
    """A value short enough for a one-line message, however many digits it has."""
    return f"{value:.4E}" if isinstance(value, Decimal) and value.is_finite() and abs(value) >= 10**12 else str(value)


def out_of_range(family: str, record) -> Finding | None:
    for name, kind in checked_fields(type(record)):
        value = getattr(record, name)
        if beyond(value, kind):
            label = next((getattr(record, key) for key in ("item", "category", "class_code", "project", "level3") if getattr(record, key, None)), "")
            return finding(
                "amount_out_of_range",
                f"{family} {label}: {name} {shown(value)} is beyond what any budget states; not loaded",
                record.evidence,
            )
    return None


def within_limits(report: ExtractedReport) -> ExtractedReport:
    """The report without the records that hold a value beyond the limits, and a finding for each."""
    kept: dict[str, tuple] = {}
    found: list[Finding] = []
    for family in FAMILIES:
        records = getattr(report, family)
        problems = [out_of_range(family, record) for record in records]
        if any(problems):
            kept[family] = tuple(record for record, problem in zip(records, problems) if problem is None)
            found += [problem for problem in problems if problem is not None]
    if not found:
        return report
    return replace(report, **kept, findings=report.findings + tuple(found))


def storable(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Findings whose expected and actual values the warehouse can hold (a value beyond the
    limits stays in the message, which states it in words)."""
    if all(not beyond(f.expected_value, "decimal") and not beyond(f.actual_value, "decimal") for f in findings):
        return findings
    return tuple(
        replace(
            f,
            expected_value=None if beyond(f.expected_value, "decimal") else f.expected_value,
            actual_value=None if beyond(f.actual_value, "decimal") else f.actual_value,
        )
        for f in findings
    )
