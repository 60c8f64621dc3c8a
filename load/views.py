"""Mart views as replaceable objects: each version of a view is a frozen file
``sql/mart/<view>/vNNN.sql``; a migration names the version it creates (and, to go down, the
one it replaces), so replaying old revisions builds the views they built then."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "sql"
SQL = ROOT / "mart"


def view_sql(view: str, version: str, schema: str = "mart") -> str:
    return (ROOT / schema / view / f"{version}.sql").read_text(encoding="utf-8")


def create_view(view: str, version: str, schema: str = "mart") -> str:
    return f"create or replace view {schema}.{view} as\n{view_sql(view, version, schema)}"


def drop_view(view: str, schema: str = "mart") -> str:
    return f"drop view if exists {schema}.{view}"


def views() -> list[str]:
    """The contract views (schema mart)."""
    return sorted(path.name for path in SQL.iterdir() if path.is_dir())
