"""Reports published as two files: the 说明, a report of its own, and the 公开表, a file of tables
only whose title is a table's (extract.records.PARTS; the Jiangsu ``*-tables.pdf``).

A batch does not load a 公开表 file: it records it as a part waiting (status ``part``,
``record_parts``). After the batches the flow (flows.ingest.pair_parts) takes every part waiting
(``waiting``), finds its report (``report_of``: the latest loaded report file of the same
department under any of its printed names, region, year and phase) and loads the two files as one
document in the report file's row; the part's row then points to it (``part_of``) and holds no
figure of its own (``mark_paired``), so that no figure counts twice and none is lost. A part whose
report is not loaded loads alone, and is paired once the report arrives; a report file loaded
again on its own (it changed) is paired with its part again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, text

from extract.department_names import body_key
from extract.metadata import same_report
from extract.records import DocumentInfo, ExtractedReport
from load import versions
from load.loader import delete_facts, upsert_departments, upsert_years

STORED = """
    select d.document_id, d.source_path, d.sha256, dep.department_name, nullif(dep.region_name, ''),
           d.fiscal_year, d.phase, d.report_scope, d.status, d.loaded_at is not null, d.part_of, d.partner_sha256,
           d.is_correction, d.published_on, d.first_loaded_at, d.fact_count, d.run_id
    from etl.documents d join core.dim_department dep using (department_id)
"""


@dataclass(frozen=True)
class Stored:
    """A report file or a part as etl.documents holds it."""

    document_id: int
    source_path: str
    sha256: str
    info: DocumentInfo
    status: str
    loaded: bool
    part_of: int | None
    partner_sha256: str | None
    order: tuple
    fact_count: int
    run_id: int | None


def stored(row) -> Stored:
    (document_id, path, sha256, department, region, year, phase, scope, status, loaded, part_of, partner,
     correction, published, first, facts, run_id) = row
    info = DocumentInfo(department, region, year, phase, sha256, path, report_scope=scope)
    order = (correction, published or date.min, first or datetime.min.replace(tzinfo=timezone.utc), document_id)
    return Stored(document_id, path, sha256, info, status, loaded, part_of, partner, order, facts, run_id)


def record_parts(connection: Connection, reports: Sequence[ExtractedReport], run_id: int | None) -> None:
    """Record each part as waiting for its report. A part loaded before keeps its row (and, until
    it is loaded again, what it was loaded as)."""
    if not reports:
        return
    department_ids = upsert_departments(connection, reports)
    upsert_years(connection, reports)
    connection.execute(
        text(
            """
            insert into etl.documents (source_path, sha256, department_id, fiscal_year, phase, title,
                                       report_scope, part, status, run_id, attempted_at)
            values (:path, :sha256, :department_id, :year, :phase, :title, :scope, :part, 'part', :run_id, now())
            on conflict (source_path) do update set
                sha256 = excluded.sha256, department_id = excluded.department_id, fiscal_year = excluded.fiscal_year,
                phase = excluded.phase, title = excluded.title, report_scope = excluded.report_scope,
                part = excluded.part, status = 'part', error = null, error_sha256 = null,
                run_id = excluded.run_id, attempted_at = now()
            """
        ),
        [
            {
                "path": r.document.source_path,
                "sha256": r.document.sha256,
                "department_id": department_ids[(r.document.department, r.document.region or "")],
                "year": r.document.fiscal_year,
                "phase": r.document.phase,
                "title": r.document.title,
                "scope": r.document.report_scope,
                "part": r.document.part,
                "run_id": run_id,
            }
            for r in reports
        ],
    )


def waiting(connection: Connection, run_id: int | None) -> list[Stored]:
    """The parts to load: those waiting (status ``part``), those whose report file was loaded again
    on its own since they were paired, and those of a year and phase of which this run loaded a
    report (it may be theirs)."""
    rows = connection.execute(
        text(
            STORED
            + """
            left join etl.documents report on report.document_id = d.part_of
            where d.part is not null and (
                d.status = 'part'
                or (d.part_of is not null and report.partner_sha256 is null)
                or exists (
                    select from etl.documents n
                    where n.run_id = :run_id and n.status = 'loaded' and n.part is null
                      and n.fiscal_year = d.fiscal_year and n.phase = d.phase
                )
            )
            order by d.document_id
            """
        ),
        {"run_id": run_id},
    ).all()
    return [stored(row) for row in rows]


def reports_for(connection: Connection, parts: Sequence[Stored]) -> dict[tuple, list[Stored]]:
    """The loaded report files of the parts' years and phases, by department (under any of its
    printed names), year and phase."""
    keys = sorted({(part.info.fiscal_year, part.info.phase) for part in parts})
    rows = connection.execute(
        text(
            STORED
            + """
            join unnest(cast(:years as int[]), cast(:phases as text[])) as k(fiscal_year, phase) using (fiscal_year, phase)
            where d.part is null and d.loaded_at is not null
            """
        ),
        {"years": [year for year, _ in keys], "phases": [phase for _, phase in keys]},
    ).all()
    index: dict[tuple, list[Stored]] = defaultdict(list)
    for report in map(stored, rows):
        index[report_key(report.info)].append(report)
    return index


def report_key(info: DocumentInfo) -> tuple:
    return body_key(info.department), info.fiscal_year, info.phase


def report_of(part: Stored, reports: dict[tuple, list[Stored]]) -> Stored | None:
    """The report file a part belongs to: of the loaded files of the same report
    (extract.metadata.same_report), the latest by publication (as load.versions orders them)."""
    candidates = [report for report in reports.get(report_key(part.info), []) if same_report(report.info, part.info)]
    return max(candidates, key=lambda report: report.order, default=None)


def is_paired(part: Stored, report: Stored) -> bool:
    """The part was loaded with this report file, as both are now."""
    return part.status == "loaded" and part.part_of == report.document_id and report.partner_sha256 == part.sha256


def is_copy_of(part: Stored, report: Stored) -> bool:
    """The part is marked as an older copy of the part loaded with this report file."""
    return part.status == "loaded" and part.part_of == report.document_id


def mark_paired(connection: Connection, part: Stored, report_id: int, run_id: int | None, loaded_with: bool = True) -> None:
    """The part's figures are now the report's: its row points to the report and holds none, and it
    is no version of anything (load.versions). ``loaded_with``: the report was loaded with this
    part (else with a later part of the same report, this one being an older copy of it)."""
    delete_facts(connection, [part.document_id])
    connection.execute(
        text(
            """
            update etl.documents set status = 'loaded', part_of = :report_id, is_current = false, superseded_by = null,
                fact_count = 0, finding_count = 0, partner_sha256 = null, error = null, error_sha256 = null,
                loaded_at = now(), attempted_at = now(), run_id = :run_id,
                first_loaded_at = coalesce(first_loaded_at, (select started_at from etl.runs where run_id = :run_id), now())
            where document_id = :part_id
            """
        ),
        {"report_id": report_id, "part_id": part.document_id, "run_id": run_id},
    )
    if loaded_with:
        connection.execute(
            text("update etl.documents set partner_sha256 = :sha256 where document_id = :report_id"),
            {"sha256": part.sha256, "report_id": report_id},
        )
    versions.supersede(connection, [report_id, part.document_id])
