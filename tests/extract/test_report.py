"""extract_document: what a reader could not read reaches the report's findings."""

from __future__ import annotations

from dataclasses import replace

from extract.readers import read_document
from extract.records import Evidence, Finding
from extract.report import extract_document
from tests.conftest import REPORTS


def test__extract_document__keeps_the_readers_findings():
    document = read_document(REPORTS / "003_e72cc16d30ba4fbe.txt")
    scanned = Finding("pdf_page_without_text", "warning", "page 2 has no text layer", Evidence(1, "", page=2))
    report = extract_document(replace(document, findings=(scanned,)))
    assert report.findings[0] == scanned
    assert report.findings[1:] == extract_document(document).findings
