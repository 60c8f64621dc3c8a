"""A report file through extraction and checks: what both `extract --json` and the loader use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from extract.readers import read_document
from extract.records import ExtractedReport
from extract.report import extract_document
from transform.checks import run_checks


def process_report(path: str | Path) -> ExtractedReport:
    """Read, extract and check one report file. Raises UnreadableReport for a bad file."""
    document = read_document(path)
    report = extract_document(document)
    return replace(report, findings=report.findings + tuple(run_checks(document, report)))
