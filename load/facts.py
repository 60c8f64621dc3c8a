"""Fact rows for COPY, built from extracted records, in the column order of load.schema.

A row is the record's own fields, the lineage every fact carries (document, department, year,
phase, line, evidence, and the evidence's page, table and row) and the ids of its dimensions.
The field order of each table is worked out once; a row is then a tuple assembled without
intermediate dicts (this runs once per fact: 60 times per report).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cache
from operator import attrgetter, itemgetter

from extract.project_names import project_key
from extract.records import (
    EconomicFigure,
    ExtractedReport,
    Finding,
    FunctionFigure,
    IndicatorRow,
    ProjectFigure,
    SummaryItem,
    ThreePublicFigure,
)
from load.schema import FACT_TABLES, findings

LINEAGE = (
    "document_id", "department_id", "fiscal_year", "phase",
    "line_number", "evidence", "page_number", "table_number", "row_number",
)
NOWHERE = (None, None, None, None, None)
"""The evidence columns of a record without evidence (a finding about the whole document)."""
DIMENSION_IDS = ("class_id", "project_id")
RECORDS = {
    "summary_items": SummaryItem,
    "three_public": ThreePublicFigure,
    "expenditure_by_function": FunctionFigure,
    "expenditure_by_economic_class": EconomicFigure,
    "project_performance": ProjectFigure,
    "performance_indicators": IndicatorRow,
    "findings": Finding,
}
# Columns named differently from the record's field.
RENAMED = {("performance_indicators", "project_label"): "project"}


@cache
def _columns(schema: str, name: str) -> tuple[str, ...]:
    table = next(t for t in (*FACT_TABLES.values(), findings) if (t.schema, t.name) == (schema, name))
    return tuple(c.name for c in table.columns if c.name not in ("fact_id", "finding_id"))


def columns(table) -> tuple[str, ...]:
    """Every column but the generated key, in table order."""
    return _columns(table.schema, table.name)


@cache
def _layout(family: str) -> tuple[Callable, Callable]:
    """(a getter of the record fields a row needs, and an itemgetter that puts lineage, dimension
    id and those fields into the table's column order)."""
    table = findings if family == "findings" else FACT_TABLES[family]
    known = {f.name for f in fields(RECORDS[family])}
    names: list[str] = []
    order: list[int] = []
    for column in columns(table):
        if column in LINEAGE:
            order.append(LINEAGE.index(column))
        elif column in DIMENSION_IDS:
            order.append(len(LINEAGE))
        else:
            name = RENAMED.get((family, column), column)
            if name not in known:
                raise LookupError(f"{table.name}.{column}: no field of {RECORDS[family].__name__} fills it")
            order.append(len(LINEAGE) + 1 + len(names))
            names.append(name)
    own = attrgetter(*names) if len(names) > 1 else (lambda record: (getattr(record, names[0]),))
    return own, itemgetter(*order)


def _rows(family: str, records, head: tuple, dimension_id: Callable[[object], int | None] | None) -> list[tuple]:
    """One row per record: lineage, dimension id and fields, in the table's column order."""
    if not records:
        return []
    own, pick = _layout(family)
    rows = []
    for record in records:
        evidence = record.evidence
        where = (evidence.line_number, evidence.text, evidence.page, evidence.table, evidence.row) if evidence else NOWHERE
        dimension = dimension_id(record) if dimension_id else None
        rows.append(pick((*head, *where, dimension, *own(record))))
    return rows


def build(
    reports: Sequence[ExtractedReport],
    document_ids: dict[str, int],
    department_ids: dict[tuple[str, str], int],
    class_ids: dict[tuple[str, str], int],
    project_ids: dict[tuple[int, str], int],
) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {name: [] for name in (*FACT_TABLES, "findings")}
    for report in reports:
        info = report.document
        department_id = department_ids[(info.department, info.region or "")]
        head = (document_ids[info.source_path], department_id, info.fiscal_year, info.phase)

        def project_of(record):
            return project_ids.get((department_id, project_key(record.project))) if record.project else None

        rows["summary_items"] += _rows("summary_items", report.summary_items, head, lambda r: class_ids[("summary_item", r.item)])
        rows["three_public"] += _rows("three_public", report.three_public, head, lambda r: class_ids[("three_public", r.category)])
        rows["expenditure_by_function"] += _rows(
            "expenditure_by_function", report.expenditure_by_function, head,
            lambda r: class_ids.get(("function", r.class_code)) if r.class_code else None,
        )
        rows["expenditure_by_economic_class"] += _rows(
            "expenditure_by_economic_class", report.expenditure_by_economic_class, head,
            lambda r: class_ids.get(("economic", r.class_code)) if r.class_code else None,
        )
        rows["project_performance"] += _rows(
            "project_performance", report.project_performance, head,
            lambda r: project_ids[(department_id, project_key(r.project))],
        )
        rows["performance_indicators"] += _rows("performance_indicators", report.performance_indicators, head, project_of)
        rows["findings"] += _rows("findings", report.findings, head, None)
    return rows
