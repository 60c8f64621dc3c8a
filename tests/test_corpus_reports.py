"""The published corpus against its expected figures (tests/expected/corpus/*.json, written by hand
from the PDFs): recall and precision of every figure stated, per family and per report.

Each report is read from its tab-separated rendering (tests/reports/tables/: the PDF's lines and
tables as the PDF reader lays them out, checked against the page images) and, once the PDF reader
is installed, from the PDF itself; both must give the same figures. A report published as two
files (说明 + 公开表) is read as one (transform.pipeline.process_reports).

The report's records are turned into the expected files' long format — (family, key, fund scope,
measure) -> value — and compared. `pytest -s` (or the terminal summary) prints the table.
Targets, per family over the corpus: recall >= 0.90, precision >= 0.99; the template loads nothing.
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract.errors import UnreadableReport
from extract.records import ExtractedReport
from transform.pipeline import process_reports

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "expected" / "corpus"
PDFS = ROOT / "tests" / "corpus"
RENDERINGS = ROOT / "tests" / "reports" / "tables"
REPORTS = sorted(path.stem for path in EXPECTED.glob("*.json"))
FAMILIES = (
    "summary_items",
    "three_public",
    "expenditure_by_function",
    "expenditure_by_economic_class",
    "project_performance",
)
TARGET_FAMILIES = ("summary_items", "three_public", "expenditure_by_function", "expenditure_by_economic_class")
"""The families the standard tables and their narrative give; project_performance (four narrative
project amounts of one report) is measured and printed too, but its reading is the project
tables' work (项目支出表, 项目绩效目标表), not asserted here."""
RECALL_TARGET = Decimal("0.90")
PRECISION_TARGET = Decimal("0.99")
SOURCES = ["rendering"] + (["pdf"] if importlib.util.find_spec("extract.readers.pdf") else [])

# record field -> measure name of the expected files, per family
MEASURES = {
    "summary_items": {
        "amount_yuan": "amount",
        "budget_yuan": "budget",
        "prior_year_yuan": "prior_year",
        "prior_year_change_yuan": "prior_year_change",
        "prior_year_change_pct": "prior_year_change_pct",
        "share_pct": "share_pct",
        "completion_pct": "completion_pct",
    },
    "expenditure_by_function": {
        "amount_yuan": "amount",
        "basic_yuan": "basic",
        "project_yuan": "project",
        "budget_yuan": "budget",
        "prior_year_yuan": "prior_year",
        "prior_year_change_yuan": "prior_year_change",
        "prior_year_change_pct": "prior_year_change_pct",
        "share_pct": "share_pct",
        "completion_pct": "completion_pct",
    },
    "expenditure_by_economic_class": {
        "amount_yuan": "amount",
        "personnel_yuan": "personnel",
        "public_funds_yuan": "public_funds",
        "budget_yuan": "budget",
        "prior_year_yuan": "prior_year",
    },
    "project_performance": {
        "budget_yuan": "budget",
        "executed_yuan": "executed",
        "completion_pct": "completion_pct",
    },
}
MEASURES["three_public"] = MEASURES["summary_items"]
KEYS = {
    "summary_items": "item",
    "three_public": "category",
    "expenditure_by_function": "class_code",
    "expenditure_by_economic_class": "class_code",
    "project_performance": "project",
}

Key = tuple[str, str | None, str | None, str]
"""(family, key, fund scope, measure)"""


@cache
def expected(report: str) -> dict:
    return json.loads((EXPECTED / f"{report}.json").read_text(encoding="utf-8"))


def expected_figures(report: str) -> dict[Key, Decimal]:
    """A printed "-" is a 0.00 figure."""
    figures = {}
    for figure in expected(report)["figures"]:
        key = (figure["family"], figure["key"], figure.get("fund_scope"), figure["measure"])
        figures[key] = Decimal(0) if figure["value"] == "-" else Decimal(figure["value"])
    return figures


def actual_figures(report: ExtractedReport) -> dict[Key, Decimal]:
    figures: dict[Key, Decimal] = {}
    for family, measures in MEASURES.items():
        for record in getattr(report, family):
            scope = getattr(record, "fund_scope", None)
            key = getattr(record, KEYS[family])
            for field, measure in measures.items():
                value = getattr(record, field)
                if value is not None:
                    figures[(family, key, scope, measure)] = value
    return figures


def source_paths(report: str, source: str) -> list[Path]:
    files = expected(report)["files"]
    if source == "pdf":
        return [PDFS / name for name in files]
    return [RENDERINGS / name.replace(".pdf", ".txt") for name in files]


@cache
def extracted(report: str, source: str) -> ExtractedReport | None:
    """The report as extracted and checked; None when it is refused (a blank template)."""
    try:
        return process_reports(source_paths(report, source))
    except UnreadableReport:
        return None


@cache
def comparison(report: str, source: str) -> dict[str, dict[str, list]]:
    """Per family: the figures found right, missed (expected, absent or different) and extra."""
    result = extracted(report, source)
    wanted, found = expected_figures(report), ({} if result is None else actual_figures(result))
    out: dict[str, dict[str, list]] = defaultdict(lambda: {"right": [], "missed": [], "extra": []})
    for key, value in wanted.items():
        if found.get(key) == value:
            out[key[0]]["right"].append(key)
        else:
            out[key[0]]["missed"].append((key, value, found.get(key)))
    for key, value in found.items():
        if wanted.get(key) != value:
            out[key[0]]["extra"].append((key, value, wanted.get(key)))
    return dict(out)


def ratio(part: int, whole: int) -> Decimal:
    return Decimal(1) if whole == 0 else (Decimal(part) / Decimal(whole)).quantize(Decimal("0.001"))


def scores(reports: list[str], source: str) -> dict[str, tuple[Decimal, Decimal, int, int, int]]:
    """family -> (recall, precision, right, expected, loaded)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for report in reports:
        for family, result in comparison(report, source).items():
            right = len(result["right"])
            totals[family][0] += right
            totals[family][1] += right + len(result["missed"])
            totals[family][2] += right + len(result["extra"])
    return {
        family: (ratio(right, wanted), ratio(right, loaded), right, wanted, loaded)
        for family, (right, wanted, loaded) in sorted(totals.items())
    }


def summary_lines(source: str) -> list[str]:
    lines = [f"corpus measurement ({source}): recall / precision (right of expected / of loaded)"]
    for report in REPORTS:
        lines.append(f"  {report}")
        for family, (recall, precision, right, wanted, loaded) in scores([report], source).items():
            lines.append(f"    {family:32} {recall:>6} {precision:>6}  ({right}/{wanted} / {right}/{loaded})")
    lines.append("  all reports")
    for family, (recall, precision, right, wanted, loaded) in scores(REPORTS, source).items():
        lines.append(f"    {family:32} {recall:>6} {precision:>6}  ({right}/{wanted} / {right}/{loaded})")
    return lines


MEASURED: dict[str, list[str]] = {}
"""source -> the summary lines, printed at the end of the run by tests/conftest.py."""


@pytest.mark.parametrize("source", SOURCES)
def test__corpus__recall_and_precision_per_family(source):
    MEASURED[source] = summary_lines(source)
    print("\n".join(MEASURED[source]))
    results = scores(REPORTS, source)
    below = {
        family: (recall, precision)
        for family, (recall, precision, *_counts) in results.items()
        if family in TARGET_FAMILIES and (recall < RECALL_TARGET or precision < PRECISION_TARGET)
    }
    assert not below, f"below target (recall >= {RECALL_TARGET}, precision >= {PRECISION_TARGET}): {below}"


GAPS = ROOT / "tests" / "expected" / "corpus_gaps.tsv"
"""Every figure the corpus reading misses or loads unexpected, with why: a new gap is a regression
(the recall target alone let four lost figures through once), a closed one is removed from the file."""


def known_gaps() -> set[tuple[str, str, str, str | None, str | None, str]]:
    with open(GAPS, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    return {(report, kind, family, key or None, scope or None, measure) for report, kind, family, key, scope, measure, _why in rows}


@pytest.mark.parametrize("source", SOURCES)
def test__corpus__misses_and_extras_are_the_known_gaps_only(source):
    gaps = {
        (report, kind, *key)
        for report in REPORTS
        for result in comparison(report, source).values()
        for kind in ("missed", "extra")
        for key, _value, _wanted in result[kind]
    }
    assert not gaps - known_gaps(), f"new gaps (a figure lost or unexpected): {sorted(gaps - known_gaps(), key=str)}"
    assert not known_gaps() - gaps, f"closed gaps: remove them from {GAPS.name}: {sorted(known_gaps() - gaps, key=str)}"


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("report", REPORTS)
def test__corpus_report__no_wrong_figure(report, source):
    """A figure loaded with another value than the expected one is never acceptable."""
    wrong = [
        (key, value, wanted)
        for result in comparison(report, source).values()
        for key, value, wanted in result["extra"]
        if wanted is not None
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("report", [r for r in REPORTS if r.startswith("template")])
def test__template__loads_nothing(report, source):
    """Refused as a template, or read without a figure."""
    assert expected(report)["loads_nothing"]
    result = extracted(report, source)
    assert result is None or result.fact_count() == 0


@pytest.mark.parametrize("report", [r for r in REPORTS if not r.startswith("template")])
def test__corpus_report__document(report):
    document = extracted(report, "rendering").document
    for field in ("fiscal_year", "phase"):
        assert getattr(document, field) == expected(report)["document"][field], field


SLIP_FINDINGS = {
    "jiangsu-high-court-2019-budget": [("function_class_unknown", "一般行政事务管理")],
    "jiangsu-npc-standing-committee-2019-budget": [
        ("figure_missing", "万元"),
        ("function_marker_inconsistent", "行政事业单位离退休"),
        ("function_marker_inconsistent", "住房改革支出"),
    ],
    "jiangsu-party-committee-office-2017-budget": [("change_pct_on_this_year", "2013101")],
    "jiangsu-procuratorate-2018-budget": [
        ("change_disagrees", "income_general_public_budget"),
        ("change_pct_mismatch", "total_income_and_expense: printed change 21.95%"),
        ("change_pct_mismatch", "2040402"),
        ("change_pct_mismatch", "2040405"),
        ("change_pct_mismatch", "2040401"),
        ("change_pct_mismatch", "class_code 208 (all)"),
        ("share_mismatch", "income_general_public_budget of income_total"),
        ("share_mismatch", "income_other of income_total"),
        ("share_mismatch", "expense_basic of expense_total"),
        ("share_mismatch", "fiscal_total of expense_total"),
    ],
    "shanghai-putuo-commerce-commission-2025-unit-budget": [("change_disagrees", "income_general_public_budget")],
    "shanghai-putuo-finance-bureau-2025-budget": [
        ("narrative_table_disagree", "2080506"),
        ("narrative_truncated", "2080501"),
        ("narrative_truncated", "2101101"),
        ("narrative_truncated", "2210201"),
        ("narrative_truncated", "2210203"),
    ],
}
"""The numeric slips of the expected files' `slips`, as the findings that report them. Not found by
any check, and said so in the README: the wording-only slips, the 会议费 change of the CPPCC report
(会议费 is not recorded), the high court's 16.93% (within the rounding of its 万元 amounts)."""


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("report", sorted(SLIP_FINDINGS))
def test__corpus_report__every_slip_is_a_finding(report, source):
    findings = [(f.rule, f.message) for f in extracted(report, source).findings]
    missing = [slip for slip in SLIP_FINDINGS[report] if not any(r == slip[0] and slip[1] in m for r, m in findings)]
    assert not missing, missing
