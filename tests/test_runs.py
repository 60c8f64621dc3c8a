"""One ingest run at a time, also when the lock's session dies (issue 13, case 8), and a run
left `running` by a dead process is marked abandoned by the next run (case 9)."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from budget_etl.runs import LOCK_KEY, RunLocked, exclusive_run

pytestmark = pytest.mark.database


def lock_holders(engine) -> list[int]:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "select pid from pg_locks where locktype = 'advisory' and granted "
                "and ((classid::bigint << 32) | objid::bigint) = :key"
            ),
            {"key": LOCK_KEY},
        ).scalars().all()


def statuses(engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        return connection.execute(text("select run_id, status from etl.runs order by run_id")).all()


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test__exclusive_run__outlives_its_lock_session_being_terminated(engine):
    with exclusive_run(engine) as first:
        (holder,) = lock_holders(engine)
        with engine.connect() as connection:
            connection.execute(text("select pg_terminate_backend(:pid)"), {"pid": holder})
        with pytest.raises(RunLocked, match=rf"another ingest run is in progress \(run {first.run_id}, "):
            with exclusive_run(engine):
                pass
        assert wait_for(lambda: lock_holders(engine) not in ([], [holder]), 10), "the lock was not taken again"
    assert statuses(engine) == [(first.run_id, "finished")]
    with exclusive_run(engine) as second:
        pass
    assert statuses(engine)[-1] == (second.run_id, "finished")


def test__exclusive_run__a_run_left_running_by_a_dead_process_is_abandoned(engine):
    with engine.begin() as connection:
        dead = connection.execute(
            text("insert into etl.runs (heartbeat_at) values (now() - interval '1 hour') returning run_id")
        ).scalar_one()
    with exclusive_run(engine) as run:
        pass
    assert statuses(engine) == [(dead, "abandoned"), (run.run_id, "finished")]


def test__exclusive_run__stopped_by_a_signal_is_recorded_abandoned(engine):
    with pytest.raises(KeyboardInterrupt):
        with exclusive_run(engine) as run:
            raise KeyboardInterrupt
    assert statuses(engine) == [(run.run_id, "abandoned")]
    assert lock_holders(engine) == []


def test__exclusive_run__a_second_run_waits_for_a_crashed_runs_heartbeat_to_stop(engine, monkeypatch):
    """A run killed a moment ago still has a fresh heartbeat: the next one waits for it to go
    stale (the process is dead, so it never moves), then takes over."""
    from budget_etl import runs

    monkeypatch.setattr(runs, "LEASE_SECONDS", 2.0)
    with engine.begin() as connection:
        dead = connection.execute(text("insert into etl.runs (heartbeat_at) values (now()) returning run_id")).scalar_one()
    started = time.monotonic()
    with exclusive_run(engine):
        pass
    assert 1.5 < time.monotonic() - started < 10
    assert statuses(engine)[0] == (dead, "abandoned")


def test__exclusive_run__a_run_taken_over_stops_loading(engine):
    from budget_etl.runs import RunAbandoned, fence

    with exclusive_run(engine) as run:
        with engine.begin() as connection:
            fence(connection, run.run_id)  # still its own
        with engine.begin() as connection:
            connection.execute(text("update etl.runs set status = 'abandoned' where run_id = :r"), {"r": run.run_id})
        with pytest.raises(RunAbandoned, match=f"run {run.run_id} was taken over"):
            with engine.begin() as connection:
                fence(connection, run.run_id)
    assert statuses(engine) == [(run.run_id, "abandoned")]


def test__cli__a_second_ingest_is_one_line_without_traceback(engine, database_url, tmp_path):
    """Issue 13, case 10: the second of two concurrent runs printed a 20-line traceback (the lock
    was taken inside the flow, whose failure Prefect logs) before its one line."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import REPORTS

    cli = Path(sys.executable).with_name("budget-etl")
    env = {**os.environ, "DATABASE_URL": database_url, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    with exclusive_run(engine):
        result = subprocess.run([str(cli), "ingest", str(REPORTS)], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr == "Error: another ingest run is in progress; try again when it has finished\n"
    assert result.stdout == ""
