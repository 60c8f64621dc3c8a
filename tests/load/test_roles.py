"""The BI reader role: reads the mart views, and is refused anything else."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from load.roles import InvalidRoleName, create_reader
from load.loader import load_reports
from tests.conftest import REPORTS
from transform.pipeline import process_report


@pytest.fixture
def reader(engine):
    name = f"reader_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        load_reports(connection, [process_report(REPORTS / "000_dac422e8fb956846.txt")])
        create_reader(connection, name, "s3cret-pass")
    reader_engine = create_engine(engine.url.set(username=name, password="s3cret-pass"))
    yield reader_engine
    reader_engine.dispose()
    with engine.begin() as connection:
        connection.execute(text(f'drop owned by "{name}"'))
        connection.execute(text(f'drop role "{name}"'))


def test__create_reader__can_read_every_mart_view(reader, engine):
    with engine.connect() as connection:
        views = connection.execute(text("select table_name from information_schema.views where table_schema = 'mart'")).scalars().all()
    assert len(views) >= 6
    with reader.connect() as connection:
        for view in views:
            connection.execute(text(f"select * from mart.{view} limit 1")).all()
        total = connection.execute(text("select count(*) from mart.three_public")).scalar_one()
    assert total > 0


@pytest.mark.parametrize(
    "statement",
    [
        "select * from etl.documents",
        "select * from core.fact_three_public",
        "delete from mart.three_public",
        "insert into mart.documents (document_id) values (1)",
        "create table mart.mine (x int)",
        "create view mart.mine as select 1",
        "create temporary table mine (x int)",  # issue 13, case 11
    ],
)
def test__create_reader__is_refused_everything_else(reader, statement):
    with reader.connect() as connection:
        with pytest.raises(DBAPIError, match="permission denied|cannot"):
            connection.execute(text(statement))


def test__create_reader__refuses_a_bad_name(engine):
    with engine.begin() as connection:
        with pytest.raises(InvalidRoleName):
            create_reader(connection, 'bad"; drop table x; --', None)


def test__create_reader__leaves_other_roles_their_temporary_tables(engine, reader):
    """The reader loses TEMP, which every role has through PUBLIC; the roles that had it keep it,
    also when a second reader is made after them."""
    name, second = f"other_{uuid.uuid4().hex[:8]}", f"reader_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(text(f'create role "{name}" login'))
        create_reader(connection, second, None)
        database = connection.execute(text("select current_database()")).scalar_one()
        allowed = connection.execute(
            text("select has_database_privilege(:other, :db, 'TEMP'), has_database_privilege(:second, :db, 'TEMP')"),
            {"other": name, "second": second, "db": database},
        ).one()
    other = create_engine(engine.url.set(username=name, password=None))
    try:
        with other.connect() as connection:
            connection.execute(text("create temporary table mine (x int)"))
    finally:
        other.dispose()
        with engine.begin() as connection:
            for role in (name, second):
                connection.execute(text(f'drop owned by "{role}"'))
                connection.execute(text(f'drop role "{role}"'))
    assert allowed == (True, False)


def test__create_reader__sees_no_server_path_in_mart_documents(reader):
    with reader.connect() as connection:
        paths = connection.execute(text("select source_path from mart.documents")).scalars().all()
    assert paths == ["000_dac422e8fb956846.txt"]
