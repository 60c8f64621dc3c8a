"""The database password never appears in any output, log, Prefect run record or error,
whatever the form of DATABASE_URL (issue 13, case 7)."""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner
from sqlalchemy import make_url

from budget_etl.cli import main
from tests.conftest import REPORTS

SECRET = "S3cret"


def cli(args: list[str], url: str, monkeypatch, caplog) -> str:
    """What `budget-etl ARGS` prints with DATABASE_URL=url, and what it logs."""
    from budget_etl import database, settings

    monkeypatch.setenv("DATABASE_URL", url)
    settings.get_settings.cache_clear()
    database.forget_engines()
    try:
        result = CliRunner().invoke(main, args)
    finally:
        settings.get_settings.cache_clear()
        database.forget_engines()
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    return result.output


@pytest.mark.parametrize(
    "url",
    [
        f"pgsql://u:{SECRET}@db/x",  # not a PostgreSQL scheme
        f"postgresql://u@127.0.0.1:1/x?password={SECRET}",  # the password as a query parameter
        f"postgresql://u:{SECRET}@127.0.0.1:1/x?password={SECRET}&sslpassword={SECRET}",
        f"postgresql://u:{SECRET}@127.0.0.1:notaport/x",  # fails to parse
        f"postgresql://u:{SECRET}@[::1/x",  # fails to parse
        f"postgresql+asyncpg://u:{SECRET}@127.0.0.1:1/x",  # a driver this tool does not use
    ],
)
def test__cli__never_prints_the_password(url, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    for args in (["status"], ["-v", "ingest", str(REPORTS)], ["db", "create-reader", "bi"]):
        output = cli(args, url, monkeypatch, caplog)
        assert SECRET not in output + caplog.text, (args, output, caplog.text)
        assert output.startswith("Error: ") and output.count("\n") == 1, (args, output)
        caplog.clear()


def with_secrets(database_url: str) -> str:
    """The test database's URL with a password and a password query parameter (the server
    trusts local connections, so they are ignored, but travel everywhere the URL does)."""
    url = make_url(database_url).set(password=SECRET)
    return url.update_query_dict({"password": SECRET}).render_as_string(hide_password=False)


def test__ingest__no_password_in_output_logs_or_prefect_records(engine, prefect_harness, database_url, monkeypatch, caplog, tmp_path):
    from budget_etl import database, settings
    from flows.ingest import run_ingest

    monkeypatch.setenv("DATABASE_URL", with_secrets(database_url))
    settings.get_settings.cache_clear()
    database.forget_engines()
    caplog.set_level(logging.DEBUG)
    try:
        (tmp_path / "bad.txt").write_bytes(b"\x00binary")
        summary = run_ingest([str(REPORTS), str(tmp_path / "bad.txt")], runner="thread")
        status = CliRunner().invoke(main, ["status"])
        reader = CliRunner().invoke(main, ["db", "create-reader", "secret_test_reader"])
    finally:
        settings.get_settings.cache_clear()
        database.forget_engines()
    assert summary["documents_new"] == 5
    assert status.exit_code == 0 and SECRET not in status.output
    assert reader.exit_code == 0 and SECRET not in reader.output, reader.output
    assert SECRET not in caplog.text
    assert SECRET not in prefect_records()
    with engine.begin() as connection:
        from sqlalchemy import text

        connection.execute(text("drop owned by secret_test_reader"))
        connection.execute(text("drop role secret_test_reader"))


def prefect_records() -> str:
    """Every flow run (with its parameters), task run and log line the Prefect API holds, as JSON."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.sorting import FlowRunSort, LogSort, TaskRunSort

    async def read():
        async with get_client() as client:
            return (
                await client.read_flow_runs(limit=200, sort=FlowRunSort.START_TIME_DESC),
                await client.read_task_runs(limit=200, sort=TaskRunSort.EXPECTED_START_TIME_DESC),
                await client.read_logs(limit=200, offset=0, sort=LogSort.TIMESTAMP_DESC),
            )

    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()  # the run's log lines, sent in the background, reach the API
    flow_runs, task_runs, logs = asyncio.run(read())
    records = [r.model_dump(mode="json") for r in (*flow_runs, *task_runs, *logs)]
    assert any(r.get("parameters") for r in records) and logs
    return json.dumps(records, ensure_ascii=False)
