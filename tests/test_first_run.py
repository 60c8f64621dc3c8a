"""A new user's first run: `budget-etl` in a fresh process, with no Prefect home, no data folder
and no home-folder files of an earlier run, loads the samples; what cannot start says so in
one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.prefect_env import use_project_prefect_home, user_configured_prefect
from tests.conftest import REPORTS, ROOT

CLI = Path(sys.executable).with_name("budget-etl")
PREFECT_VARIABLES = ("PREFECT_HOME", "PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH")


def fresh_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who never ran Prefect nor this project: an empty home folder,
    no Prefect settings, no database configured, a data folder that does not exist yet."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "BUDGET_ETL_")) and k != "DATABASE_URL"}
    home = tmp_path / "home"
    home.mkdir()
    env.update(HOME=str(home), BUDGET_ETL_DATA_DIR=str(tmp_path / "data"), **extra)
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test__first_run__loads_the_samples_and_prints_three_public(tmp_path):
    env = fresh_environment(tmp_path)
    ingest = run_cli(["ingest", str(REPORTS)], env, cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "documents: 5 loaded, 0 unchanged, 0 failed (of 5)" in ingest.stdout
    assert "creating the embedded PostgreSQL" in ingest.stderr
    assert "starting Prefect's local API (first run: creating its database" in ingest.stderr
    assert "Traceback" not in ingest.stderr
    assert (tmp_path / "data" / "prefect" / "prefect.db").is_file()
    assert not (tmp_path / "home" / ".prefect").exists()
    table = run_cli(["three-public"], env, cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "攀枝花市西区政协              2020  final   0.60" in table.stdout


def test__prefect_api_that_cannot_start__is_one_line(tmp_path):
    database = tmp_path / "data" / "prefect" / "prefect.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a SQLite database")
    result = run_cli(["ingest", str(REPORTS)], fresh_environment(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr  # the server's own log lines may print around it
    assert errors[0].startswith("Error: cannot start Prefect's local API") and str(database) in errors[0]
    assert "PREFECT_API_URL" in errors[0] and "Traceback" not in result.stderr


def test__read_command_before_any_ingest__says_what_to_run(tmp_path):
    result = run_cli(["status"], fresh_environment(tmp_path), cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert "has no tables yet: run `budget-etl ingest PATH`" in result.stderr
    assert "Traceback" not in result.stderr


def test__data_folder_that_cannot_be_made__is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = fresh_environment(tmp_path)
    env["BUDGET_ETL_DATA_DIR"] = str(blocker / "data")
    result = run_cli(["ingest", str(REPORTS)], env, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: cannot create the embedded PostgreSQL's folder")
    assert "Traceback" not in result.stderr


def test__invalid_configuration__is_one_line(tmp_path):
    env = fresh_environment(tmp_path, DATABASE_URL="mysql://someone@db/x")
    result = run_cli(["status"], env, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: the configuration is not valid: DATABASE_URL: Value error, "
        "DATABASE_URL must be a PostgreSQL URL, e.g. postgresql://user@host:5432/dbname"
    )


@pytest.fixture
def no_prefect_settings(monkeypatch, tmp_path):
    for name in PREFECT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test__use_project_prefect_home__beside_the_embedded_database(no_prefect_settings, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", "placeholder")  # restored by monkeypatch after the test
    monkeypatch.delenv("PREFECT_HOME")
    home = use_project_prefect_home(no_prefect_settings / "data")
    assert home == (no_prefect_settings / "data" / "prefect").resolve() and home.is_dir()
    assert os.environ["PREFECT_HOME"] == str(home)


@pytest.mark.parametrize("setting", PREFECT_VARIABLES)
def test__use_project_prefect_home__a_users_setting_wins(no_prefect_settings, monkeypatch, setting):
    monkeypatch.setenv(setting, "theirs")
    assert use_project_prefect_home(no_prefect_settings / "data") is None
    assert os.environ.get("PREFECT_HOME") in (None, "theirs")


@pytest.mark.parametrize("config", ["home/.prefect/profiles.toml", "prefect.toml"])
def test__use_project_prefect_home__a_users_profile_wins(no_prefect_settings, monkeypatch, config):
    monkeypatch.setenv("PREFECT_HOME", "placeholder")
    monkeypatch.delenv("PREFECT_HOME")
    path = no_prefect_settings / config
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("active = 'default'\n")
    assert user_configured_prefect()
    assert use_project_prefect_home(no_prefect_settings / "data") is None
    assert "PREFECT_HOME" not in os.environ


def test__readme__says_where_prefect_keeps_its_state():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`.budget-etl/prefect`" in readme and "PREFECT_HOME" in readme
