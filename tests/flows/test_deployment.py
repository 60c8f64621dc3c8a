"""The nightly deployment: schedule, time zone and parameters, built without starting a server."""

from __future__ import annotations

from budget_etl.settings import get_settings
from flows.deployment import build_deployment
from tests.conftest import REPORTS


def test__build_deployment__nightly_in_the_configured_time_zone(monkeypatch):
    monkeypatch.setenv("BUDGET_ETL_SCHEDULE_CRON", "30 1 * * *")
    monkeypatch.setenv("BUDGET_ETL_TIMEZONE", "Asia/Urumqi")
    get_settings.cache_clear()
    try:
        deployment = build_deployment([str(REPORTS)], batch_size=20, runner="dask", address="tcp://scheduler:8786")
    finally:
        get_settings.cache_clear()
    (schedule,) = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 1 * * *", "Asia/Urumqi")
    assert deployment.parameters == {
        "paths": [str(REPORTS.resolve())],
        "batch_size": 20,
        "runner": "dask",
        "address": "tcp://scheduler:8786",
    }
    assert deployment.name == "nightly"


def test__build_deployment__defaults_to_two_in_the_morning_in_shanghai():
    get_settings.cache_clear()
    (schedule,) = build_deployment([str(REPORTS)]).schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 2 * * *", "Asia/Shanghai")


def test__serve__stops_cleanly_on_sigterm(prefect_harness, tmp_path, database_url):
    """Issue 13, case 12: SIGTERM (systemd, docker stop) printed "coroutine 'Runner.astop' was
    never awaited" and left the schedule active; Ctrl-C stopped cleanly. Both stop alike now."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "DATABASE_URL": database_url, "PREFECT_API_URL": PREFECT_API_URL.value()}
    cli = Path(sys.executable).with_name("budget-etl")
    process = subprocess.Popen(
        [str(cli), "serve", str(REPORTS), "--runner", "thread"], env=env, cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first = process.stderr.readline()  # said once the runner waits for its schedule
    assert first.startswith("serving nightly: 0 2 * * * (Asia/Shanghai)"), first + process.stderr.read()
    assert schedule_paused() is False
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert "never awaited" not in stderr and "Traceback" not in stderr, stderr
    assert schedule_paused()


def schedule_paused() -> bool | None:
    """Whether the nightly deployment's schedule is paused (None: not registered yet)."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    async def read():
        async with get_client() as client:
            try:
                deployment = await client.read_deployment_by_name("nightly-ingest/nightly")
            except ObjectNotFound:
                return None
            return deployment.paused

    return asyncio.run(read())
