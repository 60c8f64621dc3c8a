"""Records -> rows with the column names of the mart views (DESIGN.md, "The contract")."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from extract.records import FAMILIES, ExtractedReport

DOCUMENT_COLUMNS = ("department", "region", "fiscal_year", "phase")


def plain(value: Any) -> Any:
    """JSON-ready: Decimals as strings (amounts never go through float), dates as 2022-03-15."""
    return str(value) if isinstance(value, (Decimal, date)) else value


EVIDENCE_COLUMNS = {
    "line_number": "line_number",
    "evidence": "text",
    "page_number": "page",
    "table_number": "table",
    "row_number": "row",
}
"""Contract column -> field of extract.records.Evidence: where a figure was read (the columns of
the same name in the mart views)."""


def record_row(record: Any) -> dict[str, Any]:
    raw = asdict(record)
    evidence = raw.pop("evidence", None) or {}
    row = {key: plain(value) for key, value in raw.items()}
    row.update({column: evidence.get(field) for column, field in EVIDENCE_COLUMNS.items()})
    return row


def document_dict(report: ExtractedReport) -> dict[str, Any]:
    return {key: plain(value) for key, value in asdict(report.document).items()}


def contract_dict(report: ExtractedReport) -> dict[str, Any]:
    """The `extract --json` object: document, the six families, findings."""
    document = document_dict(report)
    shared = {key: document[key] for key in DOCUMENT_COLUMNS}
    out: dict[str, Any] = {"document": document}
    for family in FAMILIES:
        out[family] = [{**shared, **record_row(record)} for record in getattr(report, family)]
    out["findings"] = [record_row(finding) for finding in report.findings]
    return out
