"""Mart views as replaceable objects: each version of a view is a frozen file
``sql/mart/<view>/vNNN.sql``; a migration names the version it creates (and, to go down, the
one it replaces), so replaying old revisions builds the views they built then."""

from __future__ import annotations

from pathlib import Path

SQL = Path(__file__).resolve().parents[1] / "sql" / "mart"


def view_sql(view: str, version: str) -> str:
    return (SQL / view / f"{version}.sql").read_text(encoding="utf-8")


def create_view(view: str, version: str) -> str:
    return f"create or replace view mart.{view} as\n{view_sql(view, version)}"


def drop_view(view: str) -> str:
    return f"drop view if exists mart.{view}"


def latest_version(view: str) -> str:
    return sorted(path.stem for path in (SQL / view).glob("v*.sql"))[-1]


def views() -> list[str]:
    return sorted(path.name for path in SQL.iterdir() if path.is_dir())
