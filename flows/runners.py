"""Task runners the ingest flow can use, chosen by name without code changes:

    process  a pool of local processes (default: parsing is CPU-bound, threads would share one core)
    thread   a pool of threads (lightest; useful for debugging)
    dask     a Dask cluster: the one at --address, or a local cluster when none is given
"""

from __future__ import annotations

import os

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
