"""Migrations on a real PostgreSQL: up, down to nothing, up again; and the models agree with them."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from budget_etl.migrate import current_revision, downgrade, upgrade
from load.schema import metadata
from load.views import views


@pytest.fixture
def scratch(database_url):
    """A second, empty database on the same server."""
    from sqlalchemy import make_url

    url = make_url(database_url)
    name = f"budget_migrate_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    engine = create_engine(url.set(database=name))
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'drop database "{name}" with (force)'))
    admin.dispose()


def schemas(engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("select nspname from pg_namespace")).scalars())


def test__migrations__up_down_up(scratch):
    upgrade(scratch)
    assert {"core", "etl", "mart"} <= schemas(scratch)
    with scratch.connect() as connection:
        mart = set(connection.execute(text("select table_name from information_schema.views where table_schema = 'mart'")).scalars())
        classes = connection.execute(text("select count(*) from core.dim_expenditure_class")).scalar_one()
    assert mart == set(views())
    assert classes > 100
    downgrade(scratch, "base")
    assert not {"core", "etl", "mart"} & schemas(scratch)
    assert current_revision(scratch) is None
    upgrade(scratch)
    assert current_revision(scratch) == "0010"


def test__migrations__autogenerate_finds_no_difference(scratch):
    upgrade(scratch)
    with scratch.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_schemas": True, "include_name": lambda name, type_, parents: type_ != "schema" or name in ("core", "etl"), "compare_type": True},
        )
        assert compare_metadata(context, metadata) == []
