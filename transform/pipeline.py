"""A report file through extraction and checks: what both `extract --json` and the loader use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from extract.readers import read_document
from extract.records import ExtractedReport
from extract.report import extract_document
from transform.checks import run_checks
from transform.limits import storable, within_limits


def process_report(path: str | Path, max_bytes: int | None = None) -> ExtractedReport:
    """Read, extract and check one report file. Raises UnreadableReport for a bad file (and one
    larger than ``max_bytes``). Figures beyond what the warehouse holds become findings
    (transform.limits)."""
    document = read_document(path, max_bytes)
    report = within_limits(extract_document(document))
    return replace(report, findings=storable(report.findings + tuple(run_checks(document, report))))
