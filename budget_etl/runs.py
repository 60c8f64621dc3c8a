"""Ingest runs: one at a time, each recorded in etl.runs, and the content-hash comparison that
lets unchanged files be skipped without being parsed.

One at a time: a run holds the advisory lock and beats a heartbeat (budget_etl.lock). A run
left `running` by a process that died (kill -9, a lost machine) is marked `abandoned` by the
next run, once its heartbeat is older than ``LEASE_SECONDS``; a run whose heartbeat still moves
is alive, even if its lock's session was lost, and the next run refuses to start beside it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from budget_etl.lock import RunLock
from extract.document import file_sha256
from extract.errors import shown
from extract.readers import too_large
from load.loader import record_failure

LOCK_KEY = 7_301_946_221
"""Arbitrary constant naming the ingest lock among the server's advisory locks."""
LEASE_SECONDS = 10.0
"""A run whose heartbeat (beaten every second) is older than this is dead."""


class RunLocked(Exception):
    """Another ingest run holds the lock, or is alive and taking it again."""


class RunAbandoned(Exception):
    """This run was taken over by a later one (its heartbeat had stopped): it must load nothing more."""


@dataclass
class RunSummary:
    run_id: int
    documents_seen: int = 0
    documents_new: int = 0
    documents_skipped: int = 0
    documents_failed: int = 0
    facts_loaded: int = 0
    findings: int = 0

    def line(self) -> str:
        return (
            f"run {self.run_id}: {self.documents_seen} documents seen, {self.documents_new} loaded, "
            f"{self.documents_skipped} unchanged (skipped), {self.documents_failed} failed; "
            f"{self.facts_loaded} facts loaded, {self.findings} findings"
        )


@contextmanager
def exclusive_run(engine: Engine, wait_seconds: float = 0) -> Iterator[RunSummary]:
    """Hold the ingest lock for a run recorded in etl.runs; a second run waits up to
    ``wait_seconds``, then refuses. The warehouse is migrated under the lock. The run ends
    ``finished``, ``failed`` (an error), or ``abandoned`` (stopped by a signal: Ctrl-C, SIGTERM)."""
    from budget_etl.migrate import upgrade

    lock = RunLock(engine, LOCK_KEY)
    if not lock.acquire(wait_seconds):
        raise RunLocked("another ingest run is in progress; try again when it has finished")
    try:
        upgrade(engine)
        take_over(engine, wait_seconds)
        with engine.begin() as connection:
            run_id = connection.execute(
                text("insert into etl.runs (heartbeat_at) values (now()) returning run_id")
            ).scalar_one()
        lock.keep(run_id)
        status = "failed"
        try:
            yield RunSummary(run_id)
            status = "finished"
        except Exception:
            raise
        except BaseException:  # KeyboardInterrupt, Prefect's TerminationSignal (SIGTERM), SystemExit
            status = "abandoned"
            raise
        finally:
            lock.stop()
            finish(engine, run_id, status)
    finally:
        lock.close()


def take_over(engine: Engine, wait_seconds: float = 0) -> None:
    """Mark abandoned the runs left `running` whose heartbeat stopped; refuse to start beside one
    that is alive (its heartbeat moves), after waiting up to ``wait_seconds`` for it to finish.
    A run killed a moment ago has a fresh heartbeat that no longer moves: it is abandoned once its
    heartbeat is older than the lease."""
    started = time.monotonic()
    first_seen: dict[int, object] = {}
    while True:
        waiting = []
        with engine.begin() as connection:
            running = connection.execute(
                text("select run_id, heartbeat_at, extract(epoch from now() - heartbeat_at) from etl.runs where status = 'running'")
            ).all()
            for run_id, beat, age in running:
                if beat is None or age > LEASE_SECONDS:
                    abandon(connection, run_id)
                    continue
                alive = first_seen.setdefault(run_id, beat) != beat
                if alive and time.monotonic() - started >= wait_seconds:
                    raise RunLocked(
                        f"another ingest run is in progress (run {run_id}, its heartbeat {float(age):.1f} s ago); "
                        "try again when it has finished"
                    )
                waiting.append(run_id)
        if not waiting:
            return
        if time.monotonic() - started > LEASE_SECONDS + wait_seconds + 2:
            raise RunLocked(f"another ingest run is in progress (run {waiting[0]}); try again when it has finished")
        time.sleep(0.25)


def abandon(connection: Connection, run_id: int) -> None:
    connection.execute(
        text("update etl.runs set status = 'abandoned', finished_at = now() where run_id = :run and status = 'running'"),
        {"run": run_id},
    )


def fence(connection: Connection, run_id: int | None) -> None:
    """Inside a load's transaction, before it commits: refuse to load for a run that was taken
    over (RunAbandoned), so that two runs never load side by side."""
    if run_id is None:
        return
    status = connection.execute(text("select status from etl.runs where run_id = :run"), {"run": run_id}).scalar()
    if status != "running":
        raise RunAbandoned(
            f"run {run_id} was taken over by a later run (its heartbeat had stopped for over {LEASE_SECONDS:g} s): "
            "it loads nothing more"
        )


def finish(engine: Engine, run_id: int, status: str) -> None:
    """Record how the run ended (a run taken over stays abandoned)."""
    with engine.begin() as connection:
        connection.execute(
            text("update etl.runs set finished_at = now(), status = :status where run_id = :run and status = 'running'"),
            {"status": status, "run": run_id},
        )


def record_counts(engine: Engine, summary: RunSummary) -> None:
    """What the run did so far (its flow records them at its end, also when it fails)."""
    with engine.begin() as connection:
        connection.execute(
            text(
                """
                update etl.runs set documents_seen = :seen, documents_new = :new, documents_skipped = :skipped,
                    documents_failed = :failed, facts_loaded = :facts, findings = :findings
                where run_id = :run_id
                """
            ),
            {
                "seen": summary.documents_seen,
                "new": summary.documents_new,
                "skipped": summary.documents_skipped,
                "failed": summary.documents_failed,
                "facts": summary.facts_loaded,
                "findings": summary.findings,
                "run_id": summary.run_id,
            },
        )


class PendingFiles:
    """(path, sha256) of the files new or changed since their last load or failure, found as
    they are iterated, so that the first batches can start while later files are still hashed.
    ``skipped`` counts the unchanged files met so far.

    A file that cannot be hashed (a read error) or is larger than ``max_bytes`` fails here, before
    any worker reads it: it is recorded at once with one line naming it (``failed``), under a key
    of its size and times instead of a content hash, so that the next run skips it while it is
    unchanged and tries it again once it changed (a permission fixed changes its ctime)."""

    def __init__(self, engine: Engine, paths: Sequence[str], max_bytes: int | None = None, run_id: int | None = None) -> None:
        with engine.connect() as connection:
            rows = connection.execute(
                text("select source_path, sha256, loaded_at is not null, error_sha256 from etl.documents")
            ).all()
        self.known = {path: (sha, loaded, error_sha) for path, sha, loaded, error_sha in rows}
        self.engine, self.paths, self.max_bytes, self.run_id = engine, paths, max_bytes, run_id
        self.skipped = 0
        self.failed: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for path in self.paths:
            sha, problem = self.content_key(path)
            seen = self.known.get(path)
            if seen and ((seen[1] and seen[0] == sha) or seen[2] == sha):
                self.skipped += 1
            elif problem is not None:
                self.fail(path, sha, problem)
            else:
                yield path, sha

    def content_key(self, path: str) -> tuple[str, str | None]:
        """(the file's sha256, None), or (a key of its size and times, why it cannot be read)."""
        try:
            status = os.stat(path)
        except OSError as error:
            return "unread:gone", f"cannot read the file: {error.strerror or error}"
        key = f"unread:{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}"
        if self.max_bytes is not None and status.st_size > self.max_bytes:
            return key, too_large(status.st_size, self.max_bytes)
        try:
            return file_sha256(path), None
        except OSError as error:
            return key, f"cannot read the file: {error.strerror or error}"

    def fail(self, path: str, key: str, reason: str) -> None:
        message = f"{shown(path)}: {reason}"
        with self.engine.begin() as connection:
            record_failure(connection, path, key, message, self.run_id)
            fence(connection, self.run_id)
        self.failed.append(message)
