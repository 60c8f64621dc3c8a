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
