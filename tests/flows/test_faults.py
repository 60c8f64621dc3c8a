"""Faults in the middle of a load: a killed run, lost connections. The next run completes the
work, and the warehouse ends identical to a clean load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from flows.ingest import run_ingest
from tests.conftest import REPORTS
from tests.flows.test_ingest import warehouse

pytestmark = pytest.mark.database
COPIES = 40


STEMS = "甲乙丙丁戊己庚辛壬癸"


def place(index: int) -> str:
    """A made-up place name for variant ``index``: 甲甲, 甲乙, …"""
    return STEMS[index // 10 % 10] + STEMS[index % 10]


def corpus(folder):
    """COPIES variants of each sample report, each a distinct department."""
    for path in sorted(REPORTS.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        for index in range(COPIES):
            variant = body.replace("攀枝花市西区", f"攀枝花市{place(index)}区").replace("定西市", f"定西{place(index)}市")
            (folder / f"{path.stem}_{index:03d}.txt").write_text(variant, encoding="utf-8")
    return folder


def loaded(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("select count(*) from etl.documents where loaded_at is not null")).scalar_one()


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def clean_load(engine, folder):
    with engine.begin() as connection:
        connection.execute(text("truncate etl.documents, etl.runs, core.dim_project, core.dim_department restart identity cascade"))
    run_ingest([str(folder)], runner="thread", batch_size=10)
    return warehouse(engine)


def test__killed_run__next_run_completes_it_identically(engine, prefect_harness, tmp_path, database_url):
    folder = corpus(tmp_path)
    env = {**os.environ, "DATABASE_URL": database_url, "BUDGET_ETL_BATCH_SIZE": "5"}
    process = subprocess.Popen(
        [sys.executable, "-m", "budget_etl.cli", "ingest", str(folder), "--runner", "thread"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "run.log", "w"), start_new_session=True,
    )
    try:
        assert wait_for(lambda: loaded(engine) >= 10, 120), (tmp_path / "run.log").read_text()[-3000:]
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
    partial = loaded(engine)
    assert 0 < partial < 5 * COPIES, "the run was not interrupted in the middle"
    summary = run_ingest([str(folder)], runner="thread", batch_size=10)
    assert summary["documents_new"] == 5 * COPIES - partial and summary["documents_failed"] == 0
    recovered = warehouse(engine)
    assert recovered == clean_load(engine, folder)


def test__lost_connections__are_retried_and_nothing_is_half_loaded(engine, prefect_harness, tmp_path):
    folder = corpus(tmp_path)
    killed = []

    def kill_connections():
        with engine.connect() as connection:
            if connection.execute(text("select count(*) from etl.documents where loaded_at is not null")).scalar_one() < 10:
                return False
            pids = connection.execute(
                text("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
            ).all()
            killed.extend(pids)
            return True

    import threading

    killer = threading.Thread(target=lambda: wait_for(kill_connections, 120))
    killer.start()
    summary = run_ingest([str(folder)], runner="thread", batch_size=5)
    killer.join()
    assert killed, "no connection was terminated during the run"
    assert summary["documents_failed"] == 0
    assert loaded(engine) == 5 * COPIES
    recovered = warehouse(engine)
    assert recovered == clean_load(engine, folder)


def test__killed_run__its_workers_die_with_it_and_the_next_run_abandons_it(engine, prefect_harness, tmp_path, database_url):
    """Issue 13, case 9: kill -9 of the ingest process alone (not its group) left the fork
    server and its workers running and loading, and the run `running` in etl.runs forever."""
    import psutil

    folder = corpus(tmp_path)
    env = {**os.environ, "DATABASE_URL": database_url, "BUDGET_ETL_BATCH_SIZE": "5"}
    process = subprocess.Popen(
        [sys.executable, "-m", "budget_etl.cli", "ingest", str(folder), "--runner", "process"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "run.log", "w"), start_new_session=True,
    )
    try:
        assert wait_for(lambda: loaded(engine) >= 10, 180), (tmp_path / "run.log").read_text()[-3000:]
        workers = [p for p in psutil.Process(process.pid).children(recursive=True) if "forkserver" in " ".join(p.cmdline())]
        assert len(workers) >= 2, "no fork server and workers to watch"
        process.kill()
        process.wait(30)
        gone, alive = psutil.wait_procs(workers, timeout=15)
        assert alive == [], f"{len(alive)} of the fork server and its workers outlived the run"
        partial = loaded(engine)
        time.sleep(2)
        assert loaded(engine) == partial, "documents were still loaded after the run was killed"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # whatever else is left (Prefect's local API)
        except ProcessLookupError:
            pass
    summary = run_ingest([str(folder)], runner="thread", batch_size=10)
    assert summary["documents_new"] == 5 * COPIES - partial and summary["documents_failed"] == 0
    with engine.connect() as connection:
        statuses = connection.execute(text("select status from etl.runs order by run_id")).scalars().all()
    assert statuses == ["abandoned", "finished"]


def test__lock_session_terminated_mid_run__no_second_run_alongside(engine, prefect_harness, tmp_path):
    """Issue 13, case 8: terminating the lock holder's backend mid-run let a second ingest run
    alongside (6,000 loads repeated). The first run takes its lock again; the second refuses."""
    import threading

    from budget_etl.runs import RunLocked
    from tests.test_runs import lock_holders

    folder = corpus(tmp_path)
    results = {}
    first = threading.Thread(target=lambda: results.update(first=run_ingest([str(folder)], runner="thread", batch_size=5)))
    first.start()
    try:
        assert wait_for(lambda: loaded(engine) >= 10, 120), "the first run loaded nothing"
        (holder,) = lock_holders(engine)
        with engine.connect() as connection:
            connection.execute(text("select pg_terminate_backend(:pid)"), {"pid": holder})
        with pytest.raises(RunLocked, match="another ingest run is in progress"):
            run_ingest([str(folder)], runner="thread", batch_size=5)
    finally:
        first.join(180)
    assert results["first"]["documents_new"] == 5 * COPIES and results["first"]["documents_failed"] == 0
    with engine.connect() as connection:
        assert connection.execute(text("select status from etl.runs")).scalars().all() == ["finished"]
