"""Which version of a report is current. The versions of one report are the loaded documents of
one department, fiscal year and phase (a 更正 published under another file name, the same
report in two folders); the marts show one of them, the others stay in the warehouse pointing
at it (``is_current``, ``superseded_by``).

Versions are ordered by publication, from the reports' own text first:
    1. a correction (its title or a heading at its top says 更正, 修订版, 重新公开 ...) is later
       than a report that is not one;
    2. then the later date printed in the report (extract.version.published_on), a report
       that prints none being the earlier;
    3. then the file first loaded later (``first_loaded_at``: the start of the run that first
       loaded it; a file changed in place keeps its place), and within one run the later path.
Walking them in that order, each version supersedes the current one unless it states far fewer
figures (fewer than ``MIN_FIGURES_SHARE`` of them): a title-only fragment or a file cut short
never replaces the full report; it gets a ``version_incomplete`` finding instead. The order
depends on the versions only, never on which batch or run loaded them last, so touching an old
file (which reloads it) cannot make it current again. A file loaded as part of another document
(``part_of``: a report's 公开表 file, see load.parts) is no version: its figures are that document's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import Connection, text

from extract.errors import shown
from extract.records import ExtractedReport
from transform.checks import severities

MIN_FIGURES_SHARE = Decimal("0.8")
"""A version stating fewer than this share of the current version's figures does not supersede it."""
SUPERSEDE_LOCK_CLASS = 7301
"""First key of the two-key advisory locks that serialise superseding per department, year and
phase (the two-key space never meets the run lock's one-key space)."""
RULE = "version_incomplete"


class ShrunkReport(Exception):
    """A file changed in place into a version with far fewer figures (see ``check_not_shrunk``)."""

    def __init__(self, path: str, figures: int, before: int) -> None:
        super().__init__(
            f"it states {figures} figures where the version loaded before stated {before}: "
            "the loaded version is kept (a file cut short or half written?)"
        )
        self.path = path


@dataclass(frozen=True)
class Version:
    document_id: int
    group: tuple
    is_correction: bool
    published_on: date | None
    first_loaded_at: datetime | None
    source_path: str
    fact_count: int
    is_current: bool
    superseded_by: int | None

    def order(self) -> tuple:
        return (
            self.is_correction,
            self.published_on or date.min,
            self.first_loaded_at or datetime.min.replace(tzinfo=timezone.utc),
            self.source_path,
        )


def far_fewer(figures: int, than: int) -> bool:
    return than > 0 and figures < MIN_FIGURES_SHARE * than


def check_not_shrunk(connection: Connection, reports: Sequence[ExtractedReport]) -> None:
    """Refuse a file changed in place that now states far fewer figures than the version of it
    loaded before, of the same report: that version keeps its facts, and the file is recorded as
    failed (a copy cut short must not wipe out the figures of the full one). A file loaded before
    with its 公开表 file (load.parts) is not compared: on its own it states far fewer by nature,
    and the flow loads the two together again after the batches."""
    before = connection.execute(
        text(
            """
            select d.source_path, d.fact_count, dep.department_name, dep.region_name, d.fiscal_year, d.phase
            from etl.documents d join core.dim_department dep using (department_id)
            where d.source_path = any(:paths) and d.loaded_at is not null and d.partner_sha256 is null
            """
        ),
        {"paths": [r.document.source_path for r in reports]},
    ).all()
    loaded = {path: (facts, rest) for path, facts, *rest in before}
    for report in reports:
        info = report.document
        facts, group = loaded.get(info.source_path, (0, None))
        if group == [info.department, info.region or "", info.fiscal_year, info.phase] and far_fewer(report.fact_count(), facts):
            raise ShrunkReport(info.source_path, report.fact_count(), facts)


def lock_groups(connection: Connection, document_ids: Sequence[int]) -> None:
    """Batches load in parallel: each transaction first takes a lock per report it touches (in
    one order, so two never wait on each other), so the last to commit sees every other's rows."""
    connection.execute(
        text(
            """
            select pg_advisory_xact_lock(:lock_class, hashtext(grp))
            from (
                select distinct concat_ws('/', department_id, fiscal_year, phase) as grp
                from etl.documents where document_id = any(:ids)
                order by grp
            ) as touched
            """
        ),
        {"ids": list(document_ids), "lock_class": SUPERSEDE_LOCK_CLASS},
    )


def versions_of(connection: Connection, document_ids: Sequence[int]) -> dict[tuple, list[Version]]:
    rows = connection.execute(
        text(
            """
            with touched as (
                select distinct department_id, fiscal_year, phase from etl.documents where document_id = any(:ids)
            )
            select d.document_id, d.department_id, d.fiscal_year, d.phase, d.is_correction, d.published_on,
                   d.first_loaded_at, d.source_path, d.fact_count, d.is_current, d.superseded_by
            from etl.documents d inner join touched using (department_id, fiscal_year, phase)
            where d.loaded_at is not null and d.part_of is null
            """
        ),
        {"ids": list(document_ids)},
    ).all()
    groups: dict[tuple, list[Version]] = defaultdict(list)
    for document_id, department_id, year, phase, *rest in rows:
        groups[(department_id, year, phase)].append(Version(document_id, (department_id, year, phase), *rest))
    return groups


def current_of(versions: list[Version]) -> tuple[Version, dict[int, Version]]:
    """(the current version, {document_id: the version it did not supersede} for the incomplete ones)."""
    ordered = sorted(versions, key=Version.order)
    current, incomplete = ordered[0], {}
    for version in ordered[1:]:
        if far_fewer(version.fact_count, current.fact_count):
            incomplete[version.document_id] = current
        else:
            current = version
    return current, incomplete


def supersede(connection: Connection, document_ids: Sequence[int]) -> None:
    """Make the latest complete version of each report touched by ``document_ids`` current."""
    lock_groups(connection, document_ids)
    groups = versions_of(connection, document_ids)
    changes, incomplete = [], {}
    for versions in groups.values():
        current, skipped = current_of(versions)
        incomplete.update({(v.document_id, v.fact_count): skipped[v.document_id] for v in versions if v.document_id in skipped})
        for version in versions:
            wanted = (version.document_id == current.document_id, None if version is current else current.document_id)
            if (version.is_current, version.superseded_by) != wanted:
                changes.append((version.document_id, *wanted))
    if changes:
        connection.execute(
            text(
                """
                update etl.documents as d set is_current = c.is_current, superseded_by = c.superseded_by
                from unnest(cast(:ids as int[]), cast(:current as boolean[]), cast(:by as int[])) as c(document_id, is_current, superseded_by)
                where d.document_id = c.document_id
                """
            ),
            {"ids": [c[0] for c in changes], "current": [c[1] for c in changes], "by": [c[2] for c in changes]},
        )
    every = [v.document_id for versions in groups.values() for v in versions]
    record_incomplete(connection, every, incomplete)


def record_incomplete(connection: Connection, document_ids: list[int], incomplete: dict[tuple, Version]) -> None:
    """Replace the version_incomplete findings of these documents and keep their finding_count."""
    removed = connection.execute(
        text("delete from etl.findings where rule = :rule and document_id = any(:ids) returning document_id"),
        {"rule": RULE, "ids": document_ids},
    ).scalars().all()
    rows = [
        {
            "document_id": document_id,
            "rule": RULE,
            "severity": severities()[RULE],
            "message": (
                f"it states {figures} figures where the version it would replace (document {current.document_id}, "
                f"{shown(current.source_path)}) states {current.fact_count}: not made current"
            ),
        }
        for (document_id, figures), current in incomplete.items()
    ]
    if rows:
        connection.execute(
            text("insert into etl.findings (document_id, rule, severity, message) values (:document_id, :rule, :severity, :message)"),
            rows,
        )
    touched = set(removed) | {row["document_id"] for row in rows}
    if touched:
        connection.execute(
            text(
                """
                update etl.documents d
                set finding_count = (select count(*) from etl.findings f where f.document_id = d.document_id)
                where d.document_id = any(:ids)
                """
            ),
            {"ids": sorted(touched)},
        )
