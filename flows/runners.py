"""Task runners the ingest flow can use, chosen by name without code changes:

    process  a pool of local processes (default: parsing is CPU-bound, threads would share one core),
             forked from a fork server where the platform has one
    thread   a pool of threads (lightest; useful for debugging)
    dask     a Dask cluster: the one at --address, or a local cluster when none is given
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver

from prefect.task_runners import ProcessPoolTaskRunner

RUNNERS = ("process", "thread", "dask")

FORKSERVER_PRELOAD = ["flows.ingest"]
"""What the fork server imports once for every worker: the batch task and all it uses (Prefect,
SQLAlchemy, the extractors). Nothing here starts a thread, so forking from it is safe."""

_forkserver_cwd: str | None = None
"""The working directory the fork server was started in, which its workers inherit."""


def default_workers() -> int:
    """How many workers a local pool gets (and so how many batches the flow keeps them fed with)."""
    return os.cpu_count() or 2


def make_task_runner(name: str = "process", address: str | None = None, workers: int | None = None):
    workers = workers or default_workers()
    if name == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if name == "process":
        if start_forkserver():
            return ForkserverTaskRunner(max_workers=workers)
        return ProcessPoolTaskRunner(max_workers=workers)
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        )
    raise ValueError(f"unknown task runner {name!r}: choose one of {', '.join(RUNNERS)}")


def start_forkserver() -> bool:
    """Start multiprocessing's fork server, preloaded with the batch task's code, unless it runs
    already; say whether the process runner may fork its workers from it. It may not where the
    platform has no fork server, nor after this process changed directory since the server
    started (its workers would read relative report paths against the old directory)."""
    global _forkserver_cwd
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    if _forkserver_cwd is None:
        multiprocessing.get_context("forkserver").set_forkserver_preload(FORKSERVER_PRELOAD)
        _forkserver_cwd = os.getcwd()
    if _forkserver_cwd != os.getcwd():
        return False
    forkserver.ensure_running()  # returns at once: its imports overlap the start of the flow run
    return True


def start_worker(flow_pid: int, initializer, initargs: tuple) -> None:
    """A worker's first act: die with the flow's process, then Prefect's own initializer."""
    exit_with(flow_pid)
    if initializer is not None:
        initializer(*initargs)


def exit_with(pid: int) -> None:
    """Exit this process as soon as process ``pid`` has exited, kill -9 included.

    A worker's parent is the fork server, not the flow's process, and the fork server lives as
    long as a worker holds its end of the server's "alive" pipe: killed with -9, the flow would
    leave both running, and the workers loading the batches they hold. A thread waits on a pidfd
    of the flow's process (polls it where there is no pidfd) and ends the worker at once; its
    transaction, uncommitted, is rolled back by the server. With no worker left, the fork server
    sees its pipe close and exits too."""

    def wait_then_exit() -> None:
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # no pidfd: Linux before 5.3, or another system
            while alive(pid):
                time.sleep(1)
        else:
            select.select([handle], [], [])
        os._exit(1)

    threading.Thread(target=wait_then_exit, name="exit-with-the-flow", daemon=True).start()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ForkserverTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool whose workers are forked from the fork server instead of spawned.

    A spawned worker is a fresh interpreter that imports Prefect and the extractors before its
    first task, about 1.5 s per worker and per run; forked from a server that imported them
    once, it skips that. Prefect has no option for the start method, so the executor Prefect
    builds is replaced by one with the same initializer (its log and event forwarding) and
    arguments before any worker starts; everything else is Prefect's own."""

    def __enter__(self):
        super().__enter__()
        spawning = self._executor  # no process started yet: workers start on the first submit
        self._executor = ProcessPoolExecutor(
            max_workers=self._max_workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=start_worker,
            initargs=(os.getpid(), spawning._initializer, spawning._initargs),
        )
        spawning.shutdown(wait=False)
        return self
