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
    assert current_revision(scratch) == "0014"


def test__migrations__autogenerate_finds_no_difference(scratch):
    upgrade(scratch)
    with scratch.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_schemas": True, "include_name": lambda name, type_, parents: type_ != "schema" or name in ("core", "etl"), "compare_type": True},
        )
        assert compare_metadata(context, metadata) == []


def test__migrations__down_to_0007_keeps_what_the_old_schema_can_hold(scratch):
    """Going down deletes the figures the schema of 0007 cannot tell apart (functional figures of
    other fund scopes, economic classes) and counts the rest; going up again, the data of before
    loads as it did."""
    from dataclasses import replace

    from load.loader import load_reports
    from tests import standard_tables

    report = standard_tables.report()
    upgrade(scratch)
    with scratch.begin() as connection:
        load_reports(connection, [report])
    downgrade(scratch, "0007")
    general = [row for row in report.expenditure_by_function if row.fund_scope == "general_budget"]
    kept = report.fact_count() - len(report.expenditure_by_function) + len(general) - len(report.expenditure_by_economic_class)
    with scratch.connect() as connection:
        facts = connection.execute(text("select count(*) from mart.expenditure_by_function")).scalar_one()
        counted = connection.execute(text("select fact_count from mart.documents")).scalar_one()
        structure = connection.execute(text("select count(*) from mart.expenditure_structure")).scalar_one()
    assert (facts, counted) == (len(general), kept)
    assert structure == len([row for row in general if row.class_level == "类"])
    upgrade(scratch)
    with scratch.begin() as connection:
        load_reports(connection, [replace(report, document=replace(report.document, source_path="again.pdf"))])
    with scratch.connect() as connection:
        current = connection.execute(text("select count(*) from mart.expenditure_by_economic_class")).scalar_one()
    assert current == len(report.expenditure_by_economic_class)


def test__migrations__views_keep_their_columns_and_append_new_ones(scratch):
    """From 0007 to head every mart view keeps its columns in place: `select *` readers and BI
    datasets built on the older views keep working."""
    query = "select table_name, array_agg(column_name::text order by ordinal_position) from information_schema.columns where table_schema = 'mart' group by 1"
    upgrade(scratch, "0007")
    with scratch.connect() as connection:
        before = dict(connection.execute(text(query)).all())
    upgrade(scratch)
    with scratch.connect() as connection:
        after = dict(connection.execute(text(query)).all())
    assert before and all(after[view][: len(columns)] == columns for view, columns in before.items())
    assert set(after) - set(before) == {"expenditure_by_economic_class", "economic_structure"}
