"""The nightly ingest flow: discover report files -> skip unchanged ones by content hash ->
extract and check them in batches on the task runner -> load each batch in one transaction.

Parsing is deterministic, so extraction tasks get no retries; loading talks to the database and
is retried with backoff. One bad file never stops the others: it is recorded with its error.
Extraction of later batches overlaps the loading of earlier ones.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from sqlalchemy.exc import DBAPIError, OperationalError

from budget_etl import runs
from budget_etl.database import get_engine
from budget_etl.migrate import upgrade
from budget_etl.settings import get_settings
from extract.errors import ExtractError
from extract.records import ExtractedReport
from flows.runners import make_task_runner
from load.departments import sync_department_aliases
from load.loader import LoadError, load_reports, record_failure
from transform.departments import read_aliases
from transform.pipeline import process_report

REPORT_SUFFIXES = (".txt", ".text")


@dataclass(frozen=True)
class Outcome:
    path: str
    sha256: str
    report: ExtractedReport | None = None
    error: str | None = None


def discover(paths: Iterable[str]) -> list[str]:
    """Report files under the given paths (a file is taken as it is), sorted, without repeats."""
    found: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        elif path.is_file():
            found.add(str(path))
        else:
            raise FileNotFoundError(f"{raw}: no such file or directory")
    return sorted(found)


def extract_batch(items: Sequence[tuple[str, str]]) -> list[Outcome]:
    """Extract and check each (path, sha256); a bad file becomes an Outcome with its error."""
    outcomes = []
    for path, sha256 in items:
        try:
            report = process_report(path)
        except ExtractError as error:
            outcomes.append(Outcome(path, sha256, error=str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - the edge: one file's surprise must not stop the others
            outcomes.append(Outcome(path, sha256, error=f"{path}: could not be read ({type(error).__name__}: {error})"))
            continue
        outcomes.append(Outcome(path, sha256, report=report))
    return outcomes


def load_outcomes(outcomes: Sequence[Outcome], run_id: int) -> tuple[int, int, int, list[str]]:
    """Load a batch: (documents loaded, facts, findings, errors). A batch the database refuses
    is retried document by document so that one bad report fails alone."""
    engine = get_engine()
    good = [o for o in outcomes if o.report is not None]
    failed = [(o.path, o.sha256, o.error) for o in outcomes if o.report is None]
    loaded = []
    try:
        with engine.begin() as connection:
            loaded = load_reports(connection, [o.report for o in good], run_id)
    except (LoadError, DBAPIError) as error:
        if isinstance(error, OperationalError):
            raise
        loaded = []
        for outcome in good:
            try:
                with engine.begin() as connection:
                    loaded += load_reports(connection, [outcome.report], run_id)
            except LoadError as problem:
                failed.append((outcome.path, outcome.sha256, str(problem)))
            except DBAPIError as problem:
                if isinstance(problem, OperationalError):
                    raise
                failed.append((outcome.path, outcome.sha256, f"{outcome.path}: the database refused it: {problem.orig}"))
    if failed:
        with engine.begin() as connection:
            for path, sha256, message in failed:
                record_failure(connection, path, sha256, message, run_id)
    facts = sum(d.fact_count for d in loaded)
    findings = sum(d.finding_count for d in loaded)
    return len(loaded), facts, findings, [message for _, _, message in failed]


# Batches are large and their results are used once: no cache keys over their inputs, no result
# persistence, nothing kept in memory after the batch is loaded.
TASK_OPTIONS = {"cache_policy": NO_CACHE, "persist_result": False}
extract_task = task(extract_batch, name="extract-batch", **TASK_OPTIONS)
load_task = task(load_outcomes, name="load-batch", retries=3, retry_delay_seconds=[2, 10, 30], **TASK_OPTIONS)


def batches(items: Sequence[tuple[str, str]], size: int) -> list[Sequence[tuple[str, str]]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def extracted(work: list[Sequence[tuple[str, str]]], window: int) -> Iterator[list[Outcome]]:
    """Extraction results in submission order, with at most ``window`` batches in flight, so
    that loading overlaps extraction and memory stays flat however large the corpus."""
    pending: deque = deque()
    queue = iter(work)
    for batch in queue:
        pending.append(extract_task.submit(batch))
        if len(pending) >= window:
            break
    while pending:
        outcomes = pending.popleft().result()
        next_batch = next(queue, None)
        if next_batch is not None:
            pending.append(extract_task.submit(next_batch))
        yield outcomes


def workers() -> int:
    return os.cpu_count() or 2


@flow(name="ingest", log_prints=False)
def ingest(paths: list[str], batch_size: int | None = None) -> dict:
    """Ingest the report files under ``paths`` into the warehouse and return the run summary."""
    logger = get_run_logger()
    settings = get_settings()
    size = batch_size or settings.batch_size
    engine = get_engine()
    upgrade(engine)
    with runs.exclusive_run(engine, settings.lock_wait_seconds) as summary:
        files = discover(paths)
        pending, summary.documents_skipped = runs.pending_files(engine, files)
        summary.documents_seen = len(files)
        logger.info("%d report files found, %d new or changed", len(files), len(pending))
        for outcomes in extracted(batches(pending, size), window=2 * workers()):
            # quote(): Prefect passes the batch through without walking every record in it
            loaded, facts, findings, errors = load_task(quote(outcomes), summary.run_id)
            summary.documents_new += loaded
            summary.facts_loaded += facts
            summary.findings += findings
            summary.documents_failed += len(errors)
            for message in errors:
                logger.warning("failed: %s", message)
        with engine.begin() as connection:
            sync_department_aliases(connection, read_aliases(settings.departments_file))
        logger.info(summary.line())
    return vars(summary)


def run_ingest(paths: list[str], batch_size: int | None = None, runner: str = "process", address: str | None = None) -> dict:
    """Run the flow with the chosen task runner (what the CLI and the deployment call)."""
    return ingest.with_options(task_runner=make_task_runner(runner, address))(paths=paths, batch_size=batch_size)
