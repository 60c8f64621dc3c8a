"""Figures the warehouse cannot hold never leave extraction: they become findings (issue 13, case 1)."""

from __future__ import annotations

from decimal import Decimal

from load.schema import FACT_TABLES, findings
from tests.conftest import REPORTS
from transform.limits import MAX_AMOUNT_YUAN, MAX_COUNT, limit_for
from transform.pipeline import process_report

SEED = REPORTS / "002_7c31d4a17c7f4b76.txt"


def overflowing(tmp_path):
    """The issue's file: a 合计 of 10^20 万元 (10^24 yuan), beyond NUMERIC(18,2)."""
    text = SEED.read_text(encoding="utf-8").replace("合计872.17万元", "合计100000000000000000000万元")
    assert "合计100000000000000000000万元" in text
    path = tmp_path / "x.txt"
    path.write_text(text.replace("人民政府办公室", "测试局"), encoding="utf-8")
    return path


def figures(report):
    for family in ("summary_items", "three_public", "expenditure_by_function", "project_performance", "performance_indicators"):
        yield from getattr(report, family)


def test__process_report__an_amount_beyond_the_limit_is_a_finding_not_a_figure(tmp_path):
    report = process_report(overflowing(tmp_path))
    beyond = [
        (type(row).__name__, name, value)
        for row in figures(report)
        for name, value in vars(row).items()
        if isinstance(value, Decimal) and abs(value) >= MAX_AMOUNT_YUAN
    ]
    assert beyond == []
    (found,) = [f for f in report.findings if f.rule == "amount_out_of_range"]
    assert "合计100000000000000000000万元" in found.evidence.text
    assert "\n" not in found.message and len(found.message) < 300
    assert found.expected_value is None and found.actual_value is None
    assert all(
        value is None or abs(value) < MAX_AMOUNT_YUAN
        for f in report.findings
        for value in (f.expected_value, f.actual_value)
    )
    assert len(report.summary_items) > 10  # the rest of the report is read as before


def test__limits__fit_inside_the_warehouse_columns():
    """Every figure within the limits can be stored: amounts NUMERIC(18,2) hold < 10^16,
    percentages and points NUMERIC(9,4) < 10^5, values NUMERIC(20,4) < 10^16, counts INTEGER < 2^31."""
    for table in (*FACT_TABLES.values(), findings):
        for column in table.columns:
            kind = column.type.__visit_name__
            if kind == "numeric":
                capacity = Decimal(10) ** (column.type.precision - column.type.scale)
                limit = limit_for(column.name)
                assert limit < capacity, f"{table.name}.{column.name}"
            elif kind == "integer" and column.name in ("groups", "persons", "batches", "vehicles"):
                assert MAX_COUNT <= 2**31 - 1
