"""Run the Alembic migrations from code (`budget-etl db upgrade`, and before every ingest)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[1]


def alembic_config(connection=None) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``, then bring the reference classes up to date."""
    from load.classes import sync_reference_classes

    with engine.begin() as connection:
        connection.execute(text("select pg_advisory_xact_lock(hashtext('budget_etl.migrate'))"))
        command.upgrade(alembic_config(connection), revision)
        if revision == "head":
            sync_reference_classes(connection)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
