"""Load extracted reports: dimensions upserted, each document's facts replaced, in one
transaction per batch (so per document: a document is fully loaded or not at all).

Facts go in with COPY (psycopg), never row by row. Loading the same file twice leaves the same
rows; a changed file replaces its own facts (unless it now states far fewer of them); a later
version of a report (same department, year and phase under another path) supersedes the older
one, which stays in the warehouse (load.versions says which version is later).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.postgresql import insert

from extract import classification, economic_classification
from extract.errors import one_line, shown
from extract.project_names import project_key
from extract.records import FUND_SCOPES, REPORT_SCOPES, ExtractedReport
from load import facts as fact_rows
from load import versions
from load.schema import FACT_TABLES, dim_expenditure_class, dim_year, documents, findings
from transform.departments import region_level

log = logging.getLogger(__name__)


class LoadError(Exception):
    """A report that cannot be loaded as it is (e.g. no department could be read)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown(path)}: {one_line(reason)}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class LoadedDocument:
    document_id: int
    source_path: str
    fact_count: int
    finding_count: int


def check_loadable(report: ExtractedReport) -> None:
    """Refuse, before anything is written, a report the tables' CHECKs would refuse: the
    batch's other reports then load and this one gets a one-line error."""
    info = report.document
    if not info.department:
        raise LoadError(info.source_path, "no department name could be read from the report")
    if info.report_scope is not None and info.report_scope not in REPORT_SCOPES:
        raise LoadError(info.source_path, f"report scope {info.report_scope!r} is not one of {', '.join(REPORT_SCOPES)}")
    for family in ("expenditure_by_function", "expenditure_by_economic_class"):
        for row in getattr(report, family):
            if row.fund_scope not in FUND_SCOPES:
                raise LoadError(
                    info.source_path,
                    f"{family} line {row.evidence.line_number}: fund scope {row.fund_scope!r} is not one of {', '.join(FUND_SCOPES)}",
                )


def upsert_rows(connection: Connection, table: str, columns: dict[str, str], rows: list[tuple], key: tuple[str, ...], id_column: str) -> dict[tuple, int]:
    """Insert rows that are new (by ``key``) and return key -> id for every row, set-based:
    one statement over arrays (unnest) whatever the number of rows."""
    names = list(columns)
    arrays = [list(values) for values in zip(*rows)]
    casts = ", ".join(f"%s::{kind}[]" for kind in columns.values())
    connection.exec_driver_sql(
        f"insert into {table} ({', '.join(names)}) select * from unnest({casts}) on conflict do nothing", tuple(arrays)
    )
    key_casts = ", ".join(f"%s::{columns[k]}[]" for k in key)
    join = " and ".join(f"t.{k} = wanted.{k}" for k in key)
    found = connection.exec_driver_sql(
        f"select {', '.join('t.' + k for k in key)}, t.{id_column} from {table} t "
        f"join unnest({key_casts}) as wanted({', '.join(key)}) on {join}",
        tuple(arrays[names.index(k)] for k in key),
    )
    return {tuple(row[:-1]): row[-1] for row in found}


def upsert_departments(connection: Connection, reports: Sequence[ExtractedReport]) -> dict[tuple[str, str], int]:
    keys = sorted({(r.document.department, r.document.region or "") for r in reports})
    rows = [(name, region, region_level(region)) for name, region in keys]
    columns = {"department_name": "text", "region_name": "text", "region_level": "text"}
    return upsert_rows(connection, "core.dim_department", columns, rows, ("department_name", "region_name"), "department_id")


def upsert_years(connection: Connection, reports: Sequence[ExtractedReport]) -> None:
    years = sorted({r.document.fiscal_year for r in reports})
    connection.execute(insert(dim_year).values([{"fiscal_year": y} for y in years]).on_conflict_do_nothing())


def printed_classes(reports: Sequence[ExtractedReport]) -> dict[tuple[str, str], str]:
    """(class_kind, code) -> name of every well-formed official code the reports print, functional
    and economic; the first name printed for a code wins."""
    printed: dict[tuple[str, str], str] = {}
    for report in reports:
        for row in report.expenditure_by_function:
            if row.class_code and classification.level_of(row.class_code):
                printed.setdefault(("function", row.class_code), row.xiang_name or row.kuan_name or row.class_name)
        for row in report.expenditure_by_economic_class:
            level = economic_classification.level_of(row.class_code) if row.class_code else None
            name = row.kuan_name if level == "款" else row.class_name
            if level and name:
                printed.setdefault(("economic", row.class_code), name)
    return printed


def class_level_of(kind: str, code: str) -> str | None:
    return (classification if kind == "function" else economic_classification).level_of(code)


def upsert_printed_classes(connection: Connection, reports: Sequence[ExtractedReport]) -> dict[tuple[str, str], int]:
    """Codes printed in reports but missing from the reference lists join the dimension (a code
    the reference has keeps the reference's name)."""
    printed = printed_classes(reports)
    if printed:
        values = [
            {
                "class_kind": kind,
                "class_code": code,
                "class_level": class_level_of(kind, code),
                "class_name": name,
                "parent_code": code[:-2] if len(code) > 3 else None,  # 款 -> 类, 项 -> 款 in both catalogues
                "source": "report",
            }
            for (kind, code), name in sorted(printed.items())
        ]
        connection.execute(insert(dim_expenditure_class).values(values).on_conflict_do_nothing())
    rows = connection.execute(
        select(dim_expenditure_class.c.class_kind, dim_expenditure_class.c.class_code, dim_expenditure_class.c.class_id)
    )
    return {(kind, code): class_id for kind, code, class_id in rows}


def check_codes(reports: Sequence[ExtractedReport], class_ids: dict[tuple[str, str], int]) -> None:
    """Every summary item and 三公 category must be a class of the dimension (seeded from
    extract/maps): a report with a code nobody added there is refused, alone, with its codes."""
    for report in reports:
        codes = {("summary_item", row.item) for row in report.summary_items}
        codes |= {("three_public", row.category) for row in report.three_public}
        unknown = sorted(f"{kind} {code}" for kind, code in codes - class_ids.keys())
        if unknown:
            raise LoadError(report.document.source_path, f"codes not in core.dim_expenditure_class: {', '.join(unknown)}")


def upsert_projects(
    connection: Connection, reports: Sequence[ExtractedReport], department_ids: dict[tuple[str, str], int]
) -> dict[tuple[int, str], int]:
    wanted: dict[tuple[int, str], str] = {}
    for report in reports:
        department_id = department_ids[(report.document.department, report.document.region or "")]
        for project in report.project_performance:
            wanted.setdefault((department_id, project_key(project.project)), project.project)
        for row in report.performance_indicators:
            if row.project:
                wanted.setdefault((department_id, project_key(row.project)), row.project)
    if not wanted:
        return {}
    rows = [(d, k, n) for (d, k), n in sorted(wanted.items())]
    columns = {"department_id": "int", "project_key": "text", "project_name": "text"}
    return upsert_rows(connection, "core.dim_project", columns, rows, ("department_id", "project_key"), "project_id")


DOCUMENT_COLUMNS = {
    "source_path": "text", "sha256": "text", "department_id": "int", "fiscal_year": "int", "phase": "text",
    "title": "text", "report_scope": "text", "fact_count": "int", "finding_count": "int", "run_id": "int",
    "published_on": "date", "is_correction": "boolean", "part": "text",
}


def upsert_documents(
    connection: Connection,
    reports: Sequence[ExtractedReport],
    department_ids: dict[tuple[str, str], int],
    run_id: int | None,
) -> dict[str, int]:
    """One row per report file: inserted, or replaced in place when the file was loaded before.
    ``first_loaded_at`` is the start of the run that first loaded the file (see load.versions).
    A file loaded on its own is no longer loaded with a part of its report (load.parts), nor part
    of another."""
    rows = [
        (
            r.document.source_path, r.document.sha256,
            department_ids[(r.document.department, r.document.region or "")],
            r.document.fiscal_year, r.document.phase, r.document.title, r.document.report_scope,
            r.fact_count(), len(r.findings), run_id, r.document.published_on, r.document.is_correction,
            r.document.part,
        )
        for r in reports
    ]
    names = ", ".join(DOCUMENT_COLUMNS)
    casts = ", ".join(f"%s::{kind}[]" for kind in DOCUMENT_COLUMNS.values())
    replaced = ", ".join(f"{c} = excluded.{c}" for c in DOCUMENT_COLUMNS if c != "source_path")
    found = connection.exec_driver_sql(
        f"""
        insert into etl.documents ({names}, status, is_current, first_loaded_at, loaded_at, attempted_at)
        select *, 'loaded', true, coalesce((select started_at from etl.runs where run_id = %s), now()), now(), now()
        from unnest({casts})
        on conflict (source_path) do update set {replaced}, status = 'loaded', error = null,
            error_sha256 = null, part_of = null, partner_sha256 = null, first_loaded_at = coalesce(etl.documents.first_loaded_at, excluded.first_loaded_at),
            loaded_at = now(), attempted_at = now()
        returning source_path, document_id
        """,
        (run_id, *(list(column) for column in zip(*rows))),
    )
    return dict(found.all())


def copy_rows(connection: Connection, table, rows: list[tuple]) -> None:
    if not rows:
        return
    columns = fact_rows.columns(table)
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor:
        with cursor.copy(f"copy {table.schema}.{table.name} ({', '.join(columns)}) from stdin") as copy:
            for row in rows:
                copy.write_row(row)


def delete_facts(connection: Connection, document_ids: Sequence[int]) -> None:
    """Remove the facts and findings of these documents (before they are loaded again)."""
    for table in (*FACT_TABLES.values(), findings):
        connection.execute(table.delete().where(table.c.document_id.in_(list(document_ids))))


def load_reports(
    connection: Connection, reports: Sequence[ExtractedReport], run_id: int | None = None
) -> list[LoadedDocument]:
    """Load a batch inside the caller's transaction. Raises LoadError before any document or fact
    is written (the caller rolls the transaction back and loads the others without it)."""
    if not reports:
        return []
    for report in reports:
        check_loadable(report)
    try:
        versions.check_not_shrunk(connection, reports)
    except versions.ShrunkReport as error:
        raise LoadError(error.path, str(error)) from error
    department_ids = upsert_departments(connection, reports)
    upsert_years(connection, reports)
    class_ids = upsert_printed_classes(connection, reports)
    check_codes(reports, class_ids)
    project_ids = upsert_projects(connection, reports, department_ids)
    document_ids = upsert_documents(connection, reports, department_ids, run_id)
    ids = list(document_ids.values())
    delete_facts(connection, ids)
    rows = fact_rows.build(reports, document_ids, department_ids, class_ids, project_ids)
    for name, table in (*FACT_TABLES.items(), ("findings", findings)):
        copy_rows(connection, table, rows[name])
    versions.supersede(connection, ids)
    return [
        LoadedDocument(document_ids[r.document.source_path], r.document.source_path, r.fact_count(), len(r.findings))
        for r in reports
    ]


def record_failure(connection: Connection, path: str, sha256: str, error: str, run_id: int | None) -> None:
    """Note why a file failed. A version loaded before keeps its facts: nothing loaded is lost."""
    now = datetime.now(timezone.utc)
    statement = insert(documents).values(
        source_path=path, sha256=sha256, status="failed", error=error, error_sha256=sha256, attempted_at=now, run_id=run_id
    )
    statement = statement.on_conflict_do_update(
        index_elements=["source_path"],
        set_={
            "error": statement.excluded.error,
            "error_sha256": statement.excluded.error_sha256,
            "attempted_at": now,
            "run_id": run_id,
            "status": text("case when etl.documents.loaded_at is null then 'failed' else 'loaded' end"),
        },
    )
    connection.execute(statement)
