"""One report file -> ExtractedReport: metadata and every figure family, with findings."""

from __future__ import annotations

from extract.document import Document
from extract.errors import UnreadableReport
from extract.function_classes import extract_function_classes
from extract.metadata import Metadata, read_metadata
from extract.project_tables import read_project_tables
from extract.projects import extract_projects
from extract.records import DocumentInfo, ExtractedReport
from extract.standard_tables import TableReading, combine_with_narrative, printed_codes, read_tables
from extract.summary_items import extract_summary_items
from extract.tables import read_performance_tables
from extract.three_public import extract_three_public
from extract.version import is_correction, published_on


def document_info(document: Document, metadata: Metadata) -> DocumentInfo:
    return DocumentInfo(
        department=metadata.department,
        region=metadata.region,
        fiscal_year=metadata.fiscal_year,
        phase=metadata.phase,
        sha256=document.sha256,
        source_path=document.path,
        title=metadata.title.raw.strip(),
        report_scope=metadata.report_scope,
        published_on=published_on(document, metadata.fiscal_year),
        is_correction=is_correction(document, metadata.title.number),
        part="tables" if metadata.subject == "tables" else None,
    )


def three_public_disclosure(document: Document, metadata: Metadata, findings: list) -> ExtractedReport:
    """A stand-alone 三公 disclosure states 三公 figures only: its "支出预算为8万元" is the 三公
    budget, never a summary item, so no other family is read from it."""
    three, found_three = extract_three_public(document, metadata.phase, standalone=True, year=metadata.fiscal_year, department=metadata.department)
    return ExtractedReport(
        document=document_info(document, metadata),
        three_public=tuple(three),
        findings=document.findings + tuple(findings + found_three),
    )


def extract_document(document: Document) -> ExtractedReport:
    """Every family the report states. Raises UnreadableReport when it is not a budget report,
    or a template whose department is a placeholder."""
    return read_report(document)[0]


def read_report(document: Document) -> tuple[ExtractedReport, list[TableReading]]:
    """The report (see extract_document) and its standard tables as read, which the checks of
    each table (transform.table_checks) use without reading them again."""
    metadata, findings = read_metadata(document)
    if metadata.placeholder:
        raise UnreadableReport(
            document.path,
            f"the file is a template: its department is a placeholder ({metadata.placeholder}); nothing to load",
        )
    phase = metadata.phase
    if metadata.subject == "three_public":
        return three_public_disclosure(document, metadata, findings), read_tables(document, phase, metadata.fiscal_year)
    summary, found_summary = extract_summary_items(document, phase, metadata.fiscal_year, metadata.department)
    three, found_three = extract_three_public(document, phase, year=metadata.fiscal_year, department=metadata.department)
    readings = read_tables(document, phase, metadata.fiscal_year)
    functions, found_functions = extract_function_classes(document, printed_codes(readings), phase, metadata.fiscal_year)
    combined = combine_with_narrative(document, readings, summary, three, functions)
    tables = read_performance_tables(document)
    project_tables = read_project_tables(document, phase, metadata.fiscal_year)
    projects, found_projects = extract_projects(document, phase, tables, project_tables.mentions, metadata.fiscal_year)
    indicators = [row for table in tables for row in table.rows] + list(project_tables.indicators)
    if phase == "budget":  # 完成值 / 得分 in a budget report: a past year's self-evaluation (extract.projects)
        indicators = [row for row in indicators if row.actual is None and row.actual_value is None and row.score is None]
    table_findings = [f for table in tables for f in table.findings] + list(project_tables.findings)
    report = ExtractedReport(
        document=document_info(document, metadata),
        summary_items=tuple(combined.summary_items),
        three_public=tuple(combined.three_public),
        expenditure_by_function=tuple(combined.expenditure_by_function),
        expenditure_by_economic_class=tuple(combined.expenditure_by_economic_class),
        project_performance=tuple(projects),
        performance_indicators=tuple(indicators),
        findings=document.findings
        + tuple(findings + found_summary + found_three + found_functions + combined.findings + found_projects + table_findings),
    )
    return report, readings
