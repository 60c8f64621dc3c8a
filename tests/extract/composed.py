"""Helpers of the tests that read reports composed for them, or files made from those reports."""

from __future__ import annotations

from pathlib import Path

from extract.readers import read_document
from extract.readers.text import parse_text
from extract.records import ExtractedReport
from extract.report import extract_document
from transform.pipeline import process_document

FAMILIES = ("summary_items", "three_public", "expenditure_by_function")


def read_text(text: str):
    """A report composed in the test, read and checked as the ingest reads a text file."""
    return process_document(parse_text(text, "t.txt", "0" * 64))


def figures_of(report: ExtractedReport) -> set[tuple]:
    """Every summary, 三公 and class figure with all its fields but its evidence (which names lines
    and pages: a PDF's and its text's differ)."""
    return {
        (family, *(str(v) for k, v in sorted(vars(figure).items()) if k != "evidence"))
        for family in FAMILIES
        for figure in getattr(report, family)
    }


def extracted(path: Path) -> ExtractedReport:
    return extract_document(read_document(path))
