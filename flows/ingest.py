"""The nightly ingest flow: discover report files -> skip unchanged ones by content hash ->
extract, check and load them in batches on the task runner, each batch in one transaction.

A batch task does the whole job for its files where it runs (a local process or a Dask worker):
only a few counts travel back to the flow, never the extracted records, and the workers load in
parallel. A file that is one part of a report published as two files (a 公开表 file beside the
report's 说明) is only recorded by its batch: after the batches, each such part is loaded together
with its report (pair_parts, load.parts). A lost database connection fails the task, which Prefect retries with backoff
(extraction is deterministic, so running it again is safe). One bad file never stops the
others: it is recorded with its error.
"""

from __future__ import annotations

import gc
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from budget_etl import runs
from budget_etl.database import SecretURL, database_url, embedded_pgdata, engine_for
from budget_etl.settings import get_settings
from extract.document import file_sha256
from extract.errors import ExtractError, first_line, shown
from extract.records import ExtractedReport
from flows.prefect_env import local_prefect_api
from flows.runners import default_workers, make_task_runner
from load import parts
from load.departments import sync_department_aliases
from load.loader import LoadedDocument, LoadError, load_reports, record_failure
from transform.departments import read_aliases
from transform.pipeline import process_report, process_reports

REPORT_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".html", ".htm", ".shtml")
"""Files a folder is searched for: reports as text, PDF, Word, Excel and web pages (many local
governments publish theirs as .html, .htm or .shtml pages). The reader is chosen by content, not
by these; .doc, .wps and .et files are found so that each is recorded with its error (save it as
.docx / .xlsx)."""


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


def extract_batch(items: Sequence[tuple[str, str]], max_bytes: int | None = None) -> list[Outcome]:
    """Extract and check each (path, sha256); a bad file becomes an Outcome with its error."""
    outcomes = []
    for path, sha256 in items:
        try:
            report = process_report(path, max_bytes)
        except ExtractError as error:
            outcomes.append(Outcome(path, sha256, error=str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - the edge: one file's surprise must not stop the others
            outcomes.append(Outcome(path, sha256, error=f"{shown(path)}: could not be read ({type(error).__name__}: {first_line(error)})"))
            continue
        outcomes.append(Outcome(path, sha256, report=report))
    return outcomes


@dataclass(frozen=True)
class BatchResult:
    """What a batch task sends back to the flow: counts and error lines, not records."""

    loaded: int
    facts: int
    findings: int
    errors: tuple[str, ...]


def is_transient(error: BaseException) -> bool:
    """An error that can pass: the connection was lost, or the server is restarting or shutting
    down (SQLAlchemy's OperationalError, or psycopg's own from COPY, which SQLAlchemy does not
    wrap). Anything else belongs to the document being loaded and fails it alone."""
    return isinstance(error, (OperationalError, psycopg.OperationalError))


def refusal(path: str, error: Exception) -> str:
    """One line saying why a document could not be loaded."""
    if isinstance(error, LoadError):
        return str(error)
    if isinstance(error, (DBAPIError, psycopg.Error)):
        reason = error.orig if isinstance(error, DBAPIError) else error
        return f"{shown(path)}: the database refused it: {first_line(reason)}"
    return f"{shown(path)}: could not be loaded ({type(error).__name__}: {first_line(error)})"


def load_outcomes(engine: Engine, outcomes: Sequence[Outcome], run_id: int | None) -> BatchResult:
    """Load a batch in one transaction. A batch the database refuses is loaded again document by
    document, so that a bad report fails alone and is recorded; a lost connection is raised for
    a retry of the whole batch (nothing of it was committed)."""
    good = [o for o in outcomes if o.report is not None]
    failed = [(o.path, o.sha256, o.error) for o in outcomes if o.report is None]
    try:
        loaded = load_in_one_transaction(engine, good, run_id)
    except Exception as error:  # noqa: BLE001 - the edge: one document's surprise must not stop the others
        if is_transient(error) or isinstance(error, runs.RunAbandoned):
            raise
        loaded = []
        for outcome in good:
            try:
                loaded += load_in_one_transaction(engine, [outcome], run_id)
            except Exception as problem:  # noqa: BLE001 - as above, now for this document alone
                if is_transient(problem) or isinstance(problem, runs.RunAbandoned):
                    raise
                failed.append((outcome.path, outcome.sha256, refusal(outcome.path, problem)))
    if failed:
        with engine.begin() as connection:
            for path, sha256, message in failed:
                record_failure(connection, path, sha256, message, run_id)
            runs.fence(connection, run_id)
    return BatchResult(
        loaded=len(loaded),
        facts=sum(d.fact_count for d in loaded),
        findings=sum(d.finding_count for d in loaded),
        errors=tuple(message for _, _, message in failed),
    )


def load_in_one_transaction(engine: Engine, outcomes: Sequence[Outcome], run_id: int | None) -> list[LoadedDocument]:
    """Load the reports and record the parts (they load after the batches, see pair_parts), then
    check that the run still owns the warehouse before committing (runs.fence)."""
    reports = [o.report for o in outcomes if o.report.document.part is None]
    waiting = [o.report for o in outcomes if o.report.document.part is not None]
    with engine.begin() as connection:
        loaded = load_reports(connection, reports, run_id)
        parts.record_parts(connection, waiting, run_id)
        runs.fence(connection, run_id)
        return loaded


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector rescans every record a batch holds each time a generation fills:
    15% of extraction and two thirds of building the fact rows. Records form no cycles (reference
    counting frees them), so the collector pauses for the batch and resumes after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def ingest_batch(
    items: Sequence[tuple[str, str]], database: SecretURL | URL, run_id: int | None, max_bytes: int | None = None
) -> BatchResult:
    """Extract, check and load one batch of (path, sha256) where the task runs. ``database`` is
    a SecretURL, whose repr shows no password wherever Prefect or Dask show task inputs."""
    with cyclic_gc_paused():
        return load_outcomes(engine_for(database), extract_batch(items, max_bytes), run_id)


def pair_parts(database: SecretURL | URL, run_id: int | None, max_bytes: int | None = None) -> BatchResult:
    """Load each part waiting (load.parts) with its report file, read as one document, in the
    report file's row (see plan_parts). A file changed since it was hashed waits for the next run."""
    engine = engine_for(database)
    with engine.connect() as connection:
        waiting = parts.waiting(connection, run_id)
        reports = parts.reports_for(connection, waiting) if waiting else {}
    new, loaded, failed = 0, [], []
    for part, report, older in plan_parts(waiting, reports):
        try:
            document = load_part(engine, part, report, older, run_id, max_bytes)
        except Exception as error:  # noqa: BLE001 - the edge: one report's surprise must not stop the others
            if is_transient(error) or isinstance(error, runs.RunAbandoned):
                raise
            failed.append(part_refusal(part, report, error))
            with engine.begin() as connection:
                record_failure(connection, part.source_path, part.sha256, failed[-1], run_id)
                runs.fence(connection, run_id)
            continue
        if document is None:
            continue
        if report is not None and report.run_id == run_id:
            # the report file was loaded alone by a batch of this run: count what the part added
            document = replace(document, fact_count=document.fact_count - report.fact_count)
        loaded.append(document)
        # a part's file counts as loaded when a batch of this run recorded it (new or changed)
        new += sum(1 for file in (part, *older) if file.run_id == run_id)
    return BatchResult(
        loaded=new,
        facts=sum(d.fact_count for d in loaded),
        findings=sum(d.finding_count for d in loaded),
        errors=tuple(failed),
    )


def plan_parts(
    waiting: Sequence[parts.Stored], reports: dict[tuple, list[parts.Stored]]
) -> list[tuple[parts.Stored, parts.Stored | None, list[parts.Stored]]]:
    """(part, its report file or None, older copies of the part) to load: a part whose report is
    not loaded loads alone (once); of several copies of a report's part, the latest (by the order
    they were first seen) is loaded with it, the others are marked as its copies; a part already
    loaded with the latest version of its report is left as it is."""
    plans: list[tuple[parts.Stored, parts.Stored | None, list[parts.Stored]]] = []
    copies: dict[int, list[tuple[parts.Stored, parts.Stored]]] = defaultdict(list)
    for part in waiting:
        report = parts.report_of(part, reports)
        if report is not None:
            copies[report.document_id].append((part, report))
        elif not part.loaded:
            plans.append((part, None, []))
    for found in copies.values():
        part, report = max(found, key=lambda pair: pair[0].document_id)
        older = [other for other, _ in found if other is not part and not parts.is_copy_of(other, report)]
        if older or not parts.is_paired(part, report):
            plans.append((part, report, older))
    return plans


def load_part(
    engine: Engine, part: parts.Stored, report: parts.Stored | None, older: list[parts.Stored], run_id: int | None, max_bytes: int | None
) -> LoadedDocument | None:
    """Read and load a part with its report file (or alone), in one transaction; None when a file
    changed since it was hashed."""
    files = [part] if report is None else [report, part]
    if any(file_sha256(file.source_path) != file.sha256 for file in files):
        return None
    extracted = process_reports([file.source_path for file in files], max_bytes)
    if report is not None:
        info = replace(extracted.document, source_path=report.source_path, sha256=report.sha256, part=None)
        extracted = replace(extracted, document=info)
    with engine.begin() as connection:
        (document,) = load_reports(connection, [extracted], run_id)
        if report is not None:
            parts.mark_paired(connection, part, document.document_id, run_id)
        for copy in older:
            parts.mark_paired(connection, copy, document.document_id, run_id, loaded_with=False)
        runs.fence(connection, run_id)
    return document


def part_refusal(part: parts.Stored, report: parts.Stored | None, error: Exception) -> str:
    if report is None:
        return refusal(part.source_path, error) if not isinstance(error, ExtractError) else str(error)
    reason = str(error) if isinstance(error, ExtractError) else refusal(part.source_path, error)
    return f"{shown(part.source_path)}: could not be loaded with its report {shown(report.source_path)}: {reason}"


def retry_when_transient(task, task_run, state) -> bool:
    """Prefect's retry condition of the batch task: retry a lost connection, never a bad file
    (a batch task fails only on errors no document of its own caused, see load_outcomes)."""
    return isinstance(state.data, BaseException) and is_transient(state.data)


# Results are small and used once: no cache keys over the inputs, no result persistence.
batch_task = task(
    ingest_batch, name="ingest-batch", retries=3, retry_delay_seconds=[2, 10, 30], retry_condition_fn=retry_when_transient,
    cache_policy=NO_CACHE, persist_result=False,
)
pair_task = task(
    pair_parts, name="pair-parts", retries=3, retry_delay_seconds=[2, 10, 30], retry_condition_fn=retry_when_transient,
    cache_policy=NO_CACHE, persist_result=False,
)


def batch_size_for(files: int, size: int, workers: int = 1) -> int:
    """At most ``size``; as many batches as a multiple of the workers allows, of nearly equal
    size, so that no worker idles at the end while another finishes a batch of its own."""
    rounds = max(1, -(-files // (size * workers)))
    return max(1, -(-files // (rounds * workers)))


def batches(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive batches of ``size`` items, taken from ``items`` only as they are needed."""
    batch: list[tuple[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def processed(
    work: Iterable[Sequence[tuple[str, str]]], database: SecretURL, run_id: int, window: int, max_bytes: int | None = None
) -> Iterator[BatchResult]:
    """Batch results in submission order, with at most ``window`` batches in flight, so that
    the runner stays busy while memory stays flat however large the corpus."""
    pending: deque = deque()
    queue = iter(work)
    for batch in queue:
        pending.append(batch_task.submit(batch, database, run_id, max_bytes))
        if len(pending) >= window:
            break
    while pending:
        result = pending.popleft().result()
        next_batch = next(queue, None)
        if next_batch is not None:
            pending.append(batch_task.submit(next_batch, database, run_id, max_bytes))
        yield result


def every_result(
    work: Iterable[Sequence[tuple[str, str]]], database: SecretURL, run_id: int, max_bytes: int | None
) -> Iterator[BatchResult]:
    """The batches' results, then (once every batch is loaded) that of loading the parts of
    reports with their report files."""
    yield from processed(work, database, run_id, 2 * default_workers(), max_bytes)
    yield pair_task(database, run_id, max_bytes)


@flow(name="ingest", log_prints=False)
def ingest(paths: list[str], batch_size: int | None = None, run_id: int | None = None) -> dict:
    """Ingest the report files under ``paths`` into the warehouse and return the run summary.
    ``run_id``: the run (etl.runs) that run_ingest took the lock for; without one, the flow
    takes the lock itself."""
    settings = get_settings()
    if run_id is None:
        with runs.exclusive_run(engine_for(database_url(settings)), settings.lock_wait_seconds) as summary:
            return ingest_files(paths, batch_size, summary.run_id)
    return ingest_files(paths, batch_size, run_id)


def ingest_files(paths: list[str], batch_size: int | None, run_id: int) -> dict:
    logger = get_run_logger()
    settings = get_settings()
    size = batch_size or settings.batch_size
    database = SecretURL(database_url(settings))
    engine = engine_for(database)
    summary = runs.RunSummary(run_id)
    try:
        files = discover(paths)
        summary.documents_seen = len(files)
        logger.info("%d report files found", len(files))
        # Files are hashed as batches are needed: the workers start on the first batches while
        # the rest are still being compared with what the warehouse holds.
        pending = runs.PendingFiles(engine, files, settings.max_file_bytes, run_id)
        work = batches(pending, batch_size_for(len(files), size, default_workers()))
        for result in every_result(work, database, run_id, settings.max_file_bytes):
            summary.documents_new += result.loaded
            summary.facts_loaded += result.facts
            summary.findings += result.findings
            summary.documents_failed += len(result.errors)
            for message in result.errors:
                logger.warning("failed: %s", message)
        summary.documents_skipped = pending.skipped
        summary.documents_failed += len(pending.failed)
        for message in pending.failed:
            logger.warning("failed: %s", message)
        with engine.begin() as connection:
            sync_department_aliases(connection, read_aliases(settings.departments_file))
    finally:
        runs.record_counts(engine, summary)
    logger.info(summary.line())
    return vars(summary)


def run_ingest(
    paths: list[str],
    batch_size: int | None = None,
    runner: str = "process",
    address: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> dict:
    """Run the flow with the chosen task runner (what the CLI and the deployment call).

    The warehouse is reached first, so that a database that cannot be used fails in a second
    with its own error rather than after Prefect has started; so is the run's lock, so that a
    second run refuses in one line before any flow starts (budget_etl.runs.RunLocked).
    ``announce`` hears about the waits of a first run (creating the embedded database, Prefect's
    local API)."""
    settings = get_settings()
    if announce is not None and settings.database_url is None and not embedded_pgdata(settings).exists():
        announce(f"creating the embedded PostgreSQL under {embedded_pgdata(settings)} (first run)")
    engine = engine_for(database_url(settings))
    with engine.connect():
        pass
    with runs.exclusive_run(engine, settings.lock_wait_seconds) as summary:
        with local_prefect_api(announce):
            flow = ingest.with_options(task_runner=make_task_runner(runner, address))
            return flow(paths=paths, batch_size=batch_size, run_id=summary.run_id)
