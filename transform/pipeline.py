"""A report file through extraction and checks: what both `extract --json` and the loader use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from extract.document import Document, combine
from extract.readers import read_document
from extract.records import ExtractedReport
from extract.report import read_report
from transform.changes import check_changes
from transform.checks import run_checks
from transform.limits import storable, within_limits
from transform.table_checks import check_tables


def process_report(path: str | Path, max_bytes: int | None = None) -> ExtractedReport:
    """Read, extract and check one report file. Raises UnreadableReport for a bad file (and one
    larger than ``max_bytes``)."""
    return process_document(read_document(path, max_bytes))


def process_reports(paths: list[str | Path], max_bytes: int | None = None) -> ExtractedReport:
    """One report published as several files (the 说明, then the 公开表): read each, extract and
    check them as one document (see extract.document.combine). Raises UnreadableReport."""
    return process_document(combine([read_document(path, max_bytes) for path in paths]))


def process_document(document: Document) -> ExtractedReport:
    """Extract and check a document. Figures beyond what the warehouse holds become findings
    (transform.limits)."""
    report, readings = read_report(document)
    report = within_limits(report)
    checked = run_checks(document, report, readings) + check_tables(readings) + check_changes(report)
    return replace(report, findings=storable(report.findings + tuple(checked)))
