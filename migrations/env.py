"""Alembic environment: the same settings object and table metadata as the application."""

from __future__ import annotations

from alembic import context

from budget_etl.database import get_engine
from load.schema import metadata

config = context.config


def include_name(name, type_, parent_names):
    if type_ == "schema":
        return name in ("core", "etl")
    return True


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    with get_engine().begin() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_schemas=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported: run `budget-etl db upgrade`")
run_migrations_online()
