"""Canonical department names from the aliases file, written onto the department dimension."""

from __future__ import annotations

from sqlalchemy import Connection, text


def sync_department_aliases(connection: Connection, aliases: dict[tuple[str, str], str]) -> int:
    """Set canonical_name from the file (and clear it where the file no longer says so)."""
    connection.execute(text("update core.dim_department set canonical_name = null where canonical_name is not null"))
    changed = 0
    for (name, region), canonical in aliases.items():
        result = connection.execute(
            text(
                "update core.dim_department set canonical_name = :canonical "
                "where department_name = :name and region_name = :region"
            ),
            {"canonical": canonical, "name": name, "region": region},
        )
        changed += result.rowcount
    return changed


def departments_seen(connection: Connection) -> list[tuple]:
    return connection.execute(
        text(
            """
            select d.department_name, d.region_name, coalesce(d.canonical_name, d.department_name),
                   count(doc.document_id), string_agg(distinct doc.fiscal_year::text, ', ')
            from core.dim_department d
            left join etl.documents doc on doc.department_id = d.department_id and doc.loaded_at is not null
            group by d.department_id
            order by d.region_name, d.department_name
            """
        )
    ).all()
