"""Fact rows for COPY, built from extracted records, in the column order of load.schema."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, partial

from extract.projects import project_key
from extract.records import ExtractedReport
from load.schema import FACT_TABLES, findings

LINEAGE = ("document_id", "department_id", "fiscal_year", "phase", "line_number", "evidence")


@cache
def _columns(schema: str, name: str) -> tuple[str, ...]:
    table = next(t for t in (*FACT_TABLES.values(), findings) if (t.schema, t.name) == (schema, name))
    return tuple(c.name for c in table.columns if c.name not in ("fact_id", "finding_id"))


def columns(table) -> tuple[str, ...]:
    """Every column but the generated key, in table order."""
    return _columns(table.schema, table.name)


def _lineage(record, document_id: int, department_id: int, report: ExtractedReport) -> dict:
    evidence = record.evidence
    return {
        "document_id": document_id,
        "department_id": department_id,
        "fiscal_year": report.document.fiscal_year,
        "phase": report.document.phase,
        "line_number": evidence.line_number if evidence else None,
        "evidence": evidence.text if evidence else None,
    }


def _row(table, values: dict) -> tuple:
    return tuple(values.get(name) for name in columns(table))


def build(
    reports: Sequence[ExtractedReport],
    document_ids: dict[str, int],
    department_ids: dict[tuple[str, str], int],
    class_ids: dict[tuple[str, str], int],
    project_ids: dict[tuple[int, str], int],
) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {name: [] for name in (*FACT_TABLES, "findings")}
    for report in reports:
        document_id = document_ids[report.document.source_path]
        department_id = department_ids[(report.document.department, report.document.region or "")]

        base = partial(_lineage, document_id=document_id, department_id=department_id, report=report)

        for item in report.summary_items:
            values = {**vars(item), **base(item), "class_id": class_ids[("summary_item", item.item)]}
            rows["summary_items"].append(_row(FACT_TABLES["summary_items"], values))
        for figure in report.three_public:
            values = {**vars(figure), **base(figure), "class_id": class_ids[("three_public", figure.category)]}
            rows["three_public"].append(_row(FACT_TABLES["three_public"], values))
        for figure in report.expenditure_by_function:
            class_id = class_ids.get(("function", figure.class_code)) if figure.class_code else None
            values = {**vars(figure), **base(figure), "class_id": class_id}
            rows["expenditure_by_function"].append(_row(FACT_TABLES["expenditure_by_function"], values))
        for project in report.project_performance:
            values = {**vars(project), **base(project), "project_id": project_ids[(department_id, project_key(project.project))]}
            rows["project_performance"].append(_row(FACT_TABLES["project_performance"], values))
        for indicator in report.performance_indicators:
            project_id = project_ids.get((department_id, project_key(indicator.project))) if indicator.project else None
            values = {**vars(indicator), **base(indicator), "project_id": project_id, "project_label": indicator.project}
            rows["performance_indicators"].append(_row(FACT_TABLES["performance_indicators"], values))
        for finding in report.findings:
            values = {**vars(finding), **base(finding)}
            rows["findings"].append(_row(findings, values))
    return rows
