"""The benchmark's synthetic corpus: distinct files that still read as reports."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from bench.corpus import build_corpus
from transform.pipeline import process_report


def test__build_corpus__distinct_valid_reports(tmp_path):
    paths = build_corpus(tmp_path, 20)
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}) == 20
    departments = set()
    for path in paths:
        report = process_report(path)
        assert report.document.department and report.document.fiscal_year
        assert report.summary_items and report.fact_count() >= 15
        departments.add((report.document.department, report.document.fiscal_year))
    assert len(departments) == 20


def test__build_corpus__scales_amounts_consistently(tmp_path):
    (path,) = build_corpus(tmp_path, 1)
    report = process_report(path)
    items = {i.item: i.amount_yuan for i in report.summary_items}
    ratio = items["expense_basic"] / items["expense_total"]
    assert abs(ratio - Decimal("418.21") / Decimal("522.10")) < Decimal("0.001")
