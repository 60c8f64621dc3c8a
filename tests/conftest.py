"""Test fixtures: a real PostgreSQL, never SQLite, never mocks.

The server is the one TEST_DATABASE_URL (or DATABASE_URL) points to, else an embedded server
started for the session. Each session gets its own uniquely named database, migrated by Alembic
once; tests that load data start from empty tables.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"


def server_url(tmp_path_factory) -> str:
    configured = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if configured:
        return configured
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver

        server = pgserver.get_server(str(tmp_path_factory.mktemp("pg") / "pgdata"))
    return server.get_uri()


def as_psycopg(url: str):
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+psycopg")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A fresh database for this session, migrated to head; DATABASE_URL points to it."""
    admin = as_psycopg(server_url(tmp_path_factory))
    name = f"budget_test_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    url = admin.set(database=name).render_as_string(hide_password=False)
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    reset_caches()
    from budget_etl.database import get_engine
    from budget_etl.migrate import upgrade

    upgrade(get_engine())
    yield url
    get_engine().dispose()
    reset_caches()
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    with admin_engine.connect() as connection:
        connection.execute(text(f'drop database if exists "{name}" with (force)'))
    admin_engine.dispose()


def reset_caches() -> None:
    from budget_etl import database, settings

    settings.get_settings.cache_clear()
    database.forget_engines()


@pytest.fixture
def engine(database_url):
    """The session database with every table emptied (facts first, then dimensions)."""
    from budget_etl.database import get_engine

    engine = get_engine()
    with engine.begin() as connection:
        connection.execute(
            text(
                "truncate core.fact_summary_item, core.fact_three_public, core.fact_expenditure_function, "
                "core.fact_project, core.fact_performance_indicator, core.fact_expenditure_economic, etl.findings, etl.documents, etl.runs, "
                "core.dim_project, core.dim_department, core.dim_year restart identity cascade"
            )
        )
    return engine


@pytest.fixture(scope="session")
def prefect_harness():
    """Flows run against a temporary Prefect API for the whole session."""
    from flows.prefect_env import FIRST_START_TIMEOUT_SECONDS, quiet_prefect
    from prefect.testing.utilities import prefect_test_harness

    quiet_prefect()
    with prefect_test_harness(server_startup_timeout=FIRST_START_TIMEOUT_SECONDS):  # a new database each session
        yield


def pytest_collection_modifyitems(items):
    """Every test that touches the database carries the `database` marker (make test-server)."""
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database)
