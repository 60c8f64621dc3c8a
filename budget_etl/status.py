"""Text views of the warehouse for the CLI: status, and the 三公 table read from the mart."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, text


def table(headers: list[str], rows: list[tuple]) -> str:
    """A plain-text table; CJK characters count as two columns."""
    def width(value: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in value)

    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def wan(value: Decimal | None) -> str | None:
    return None if value is None else f"{value / 10000:,.2f}"


def render_three_public(engine: Engine) -> str:
    query = text(
        """
        select department, fiscal_year, phase,
               max(amount_yuan) filter (where category = 'three_public_total') as total,
               max(amount_yuan) filter (where category = 'outbound_travel') as outbound,
               max(amount_yuan) filter (where category = 'official_vehicles') as vehicles,
               max(amount_yuan) filter (where category = 'official_reception') as reception
        from mart.three_public
        group by department, fiscal_year, phase
        order by department, fiscal_year, phase
        """
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    body = [(d, y, p, wan(t), wan(o), wan(v), wan(r)) for d, y, p, t, o, v, r in rows]
    headers = ["department", "year", "phase", "三公 total", "出国(境)", "公务用车", "公务接待"]
    return "三公经费 (万元), from mart.three_public\n" + table(headers, body)


def render_status(engine: Engine, show_errors: bool = True) -> str:
    with engine.connect() as connection:
        counts = connection.execute(
            text(
                """
                select count(*) filter (where loaded_at is not null),
                       count(*) filter (where loaded_at is null),
                       count(*) filter (where loaded_at is not null and not is_current),
                       coalesce(sum(fact_count) filter (where loaded_at is not null), 0)
                from etl.documents
                """
            )
        ).one()
        failed = connection.execute(
            text("select source_path, error from etl.documents where error is not null order by source_path")
        ).all()
        by_rule = connection.execute(
            text(
                """
                select f.rule, f.severity, count(*) from etl.findings f
                join etl.documents d using (document_id) where d.is_current
                group by f.rule, f.severity order by count(*) desc, f.rule
                """
            )
        ).all()
        last_runs = connection.execute(
            text(
                """
                select run_id, started_at::timestamp(0), status, documents_seen, documents_new,
                       documents_skipped, documents_failed, facts_loaded
                from etl.runs order by run_id desc limit 5
                """
            )
        ).all()
    parts = [
        f"documents loaded: {counts[0]} (superseded: {counts[2]}), failed: {counts[1]}, facts: {counts[3]}",
        "",
        "last runs:",
        table(["run", "started", "status", "seen", "loaded", "skipped", "failed", "facts"], last_runs),
        "",
        "findings by rule (current documents):",
        table(["rule", "severity", "count"], by_rule),
    ]
    if show_errors and failed:
        parts += ["", "files with errors:", *(f"  {error}" for _, error in failed)]
    return "\n".join(parts)
