"""Task runners the ingest flow can use, chosen by name without code changes:

    process  a pool of local processes (default: parsing is CPU-bound, threads would share one core)
    thread   a pool of threads (lightest; useful for debugging)
    dask     a Dask cluster: the one at --address, or a local cluster when none is given
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

RUNNERS = ("process", "thread", "dask")


def make_task_runner(name: str = "process", address: str | None = None, workers: int | None = None):
    workers = workers or os.cpu_count() or 2
    if name == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if name == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        )
    raise ValueError(f"unknown task runner {name!r}: choose one of {', '.join(RUNNERS)}")


@contextmanager
def shared_prefect_api() -> Iterator[None]:
    """With no Prefect server configured (PREFECT_API_URL unset), Prefect starts a temporary API
    in every process that needs one: the flow's and each worker's, each costing seconds of CPU
    and writing to the same SQLite file. Start the flow's one here and point the workers at it
    (through the settings Prefect hands its subprocesses and the environment Dask's inherit)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
