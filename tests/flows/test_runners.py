"""The process runner: workers forked from a fork server that already holds the batch task's
code, with Prefect's own pool as the fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner

from flows.runners import FORKSERVER_PRELOAD, ForkserverTaskRunner, make_task_runner, start_forkserver

ROOT = Path(__file__).resolve().parents[2]


@task(cache_policy=NO_CACHE, persist_result=False)
def where_am_i(number: int) -> tuple[int, int, bool]:
    return number, os.getppid(), "flows.ingest" in sys.modules


@flow
def ask_workers(count: int) -> list[tuple[int, int, bool]]:
    return [future.result() for future in where_am_i.map(range(count))]


def test__process_runner__workers_are_forked_by_the_fork_server(prefect_harness):
    runner = make_task_runner("process", workers=2)
    assert isinstance(runner, ForkserverTaskRunner)

    answers = ask_workers.with_options(task_runner=runner)(4)

    assert [number for number, _, _ in answers] == [0, 1, 2, 3]
    parents = {parent for _, parent, _ in answers}
    # Spawned by Prefect's own pool, a worker's parent would be this process; forked by the
    # server, it is the server, and the batch task's code was there before the first task.
    assert os.getpid() not in parents and len(parents) == 1
    assert all(preloaded for _, _, preloaded in answers)


def test__process_runner__spawns_after_a_change_of_directory(tmp_path, monkeypatch):
    assert start_forkserver()  # started (or already running) here
    monkeypatch.chdir(tmp_path)

    assert not start_forkserver()
    runner = make_task_runner("process", workers=2)
    assert type(runner) is ProcessPoolTaskRunner


def test__forkserver_preload__starts_no_thread():
    """Forking is safe only from a process with one thread: importing what the server preloads
    must not start any (a numerical library's thread pool, a client's background loop)."""
    imports = "; ".join(f"import {module}" for module in FORKSERVER_PRELOAD)
    probe = f"{imports}; import os; print(len(os.listdir('/proc/self/task')))"
    output = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True, text=True).stdout

    assert output.strip() == "1"
