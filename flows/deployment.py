"""The nightly deployment of the ingest flow: a cron schedule in the configured time zone and
the parameters a person sets once (source paths, batch size, task runner).

    budget-etl serve PATH...                  serve it from this process (Prefect's own runner)
    budget-etl deploy PATH... --work-pool P   register it with a Prefect server's work pool
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from prefect import flow
from prefect.runner import Runner
from prefect.schedules import Cron

from budget_etl.settings import Settings, get_settings
from flows.ingest import run_ingest

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
DEPLOYMENT_NAME = "nightly"


@flow(name="nightly-ingest", log_prints=False)
def nightly(paths: list[str], batch_size: int | None = None, runner: str = "process", address: str | None = None) -> dict:
    """Ingest the archive under ``paths`` with the chosen task runner."""
    return run_ingest(paths, batch_size=batch_size, runner=runner, address=address)


def schedule(settings: Settings | None = None) -> Cron:
    settings = settings or get_settings()
    return Cron(settings.schedule_cron, timezone=settings.timezone)


def parameters(paths: list[str], batch_size: int | None, runner: str, address: str | None) -> dict:
    return {"paths": [str(Path(p).resolve()) for p in paths], "batch_size": batch_size, "runner": runner, "address": address}


def build_deployment(paths: list[str], batch_size: int | None = None, runner: str = "process", address: str | None = None):
    return nightly.to_deployment(
        name=DEPLOYMENT_NAME,
        schedules=[schedule()],
        parameters=parameters(paths, batch_size, runner, address),
        description="Nightly ingest of the report archive into the warehouse",
    )


def serve(
    paths: list[str],
    batch_size: int | None = None,
    runner: str = "process",
    address: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Run the scheduler in this process until it is stopped, by Ctrl-C or by SIGTERM (what
    systemd and `docker stop` send) alike: the schedule is paused, and a run in progress ends in
    a recorded state (budget_etl.runs: abandoned). ``announce`` hears when it serves."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # as Ctrl-C until the runner takes over
    try:
        server = StoppableRunner(name=DEPLOYMENT_NAME, pause_on_shutdown=True)
        server.announce = announce
        server.add_flow(
            nightly,
            name=DEPLOYMENT_NAME,
            schedules=[schedule()],
            parameters=parameters(paths, batch_size, runner, address),
            description="Nightly ingest of the report archive into the warehouse",
        )
        asyncio.run(server.start())
    except KeyboardInterrupt:
        pass
    log.info("stopped: the nightly schedule is paused until the next `budget-etl serve`")


class StoppableRunner(Runner):
    """Prefect's Runner, stopped by SIGTERM as Prefect means it to be. Its own handler calls the
    synchronous stop() from inside the event loop, which hands back a coroutine that is never
    awaited ("coroutine 'Runner.astop' was never awaited"), then exits at once: the schedule stays
    active. Here the handler has the loop run astop(): the runner stops its polling, start()
    returns, and leaving the runner pauses the schedule."""

    announce: Callable[[str], None] | None = None

    def handle_sigterm(self, signum: int, frame) -> None:
        loop = asyncio.get_running_loop()
        self._stopping = loop.create_task(self.astop())

    async def start(self, run_once: bool = False, webserver: bool | None = None) -> None:
        if self.announce is not None:  # said once start() has set its SIGTERM handler and waits
            asyncio.get_running_loop().call_soon(
                self.announce, f"serving {DEPLOYMENT_NAME}: {schedule().cron} ({schedule().timezone}); stop with Ctrl-C or SIGTERM"
            )
        await super().start(run_once=run_once, webserver=webserver)


def deploy(paths: list[str], work_pool: str, batch_size: int | None = None, runner: str = "process", address: str | None = None):
    """Register the deployment with a Prefect server; a worker of ``work_pool`` runs it."""
    return nightly.from_source(source=str(ROOT), entrypoint="flows/deployment.py:nightly").deploy(
        name=DEPLOYMENT_NAME,
        work_pool_name=work_pool,
        schedules=[schedule()],
        parameters=parameters(paths, batch_size, runner, address),
    )
