"""One report file -> ExtractedReport: metadata and every figure family, with findings."""

from __future__ import annotations

from extract.document import Document
from extract.function_classes import extract_function_classes
from extract.metadata import read_metadata
from extract.projects import extract_projects
from extract.records import DocumentInfo, ExtractedReport
from extract.summary_items import extract_summary_items
from extract.tables import read_performance_tables
from extract.three_public import extract_three_public
from extract.version import is_correction, published_on


def extract_document(document: Document) -> ExtractedReport:
    """Every family the report states. Raises UnreadableReport when it is not a budget report."""
    metadata, findings = read_metadata(document)
    phase = metadata.phase
    summary, found_summary = extract_summary_items(document, phase)
    three, found_three = extract_three_public(document, phase)
    functions, found_functions = extract_function_classes(document)
    tables = read_performance_tables(document)
    projects, found_projects = extract_projects(document, phase, tables)
    indicators = [row for table in tables for row in table.rows]
    table_findings = [f for table in tables for f in table.findings]
    info = DocumentInfo(
        department=metadata.department,
        region=metadata.region,
        fiscal_year=metadata.fiscal_year,
        phase=phase,
        sha256=document.sha256,
        source_path=document.path,
        title=metadata.title.raw.strip(),
        published_on=published_on(document, metadata.fiscal_year),
        is_correction=is_correction(document, metadata.title.number),
    )
    return ExtractedReport(
        document=info,
        summary_items=tuple(summary),
        three_public=tuple(three),
        expenditure_by_function=tuple(functions),
        project_performance=tuple(projects),
        performance_indicators=tuple(indicators),
        findings=tuple(findings + found_summary + found_three + found_functions + found_projects + table_findings),
    )
