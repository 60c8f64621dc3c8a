"""Ingest runs: one at a time (a PostgreSQL advisory lock), each recorded in etl.runs, and the
content-hash comparison that lets unchanged files be skipped without being parsed."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from extract.document import file_sha256
from extract.errors import shown
from extract.readers import too_large
from load.loader import record_failure

LOCK_KEY = 7_301_946_221
"""Arbitrary constant naming the ingest lock among the server's advisory locks."""


class RunLocked(Exception):
    """Another ingest run holds the lock."""


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
    """Hold the ingest lock for the run; a second run waits up to ``wait_seconds``, then refuses."""
    with engine.connect() as lock_connection:
        deadline = time.monotonic() + wait_seconds
        while not lock_connection.execute(text("select pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar():
            if time.monotonic() >= deadline:
                raise RunLocked("another ingest run is in progress; try again when it has finished")
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
        lock_connection.commit()
        try:
            with engine.begin() as connection:
                run_id = connection.execute(text("insert into etl.runs default values returning run_id")).scalar_one()
            summary = RunSummary(run_id)
            status = "failed"
            try:
                yield summary
                status = "finished"
            finally:
                finish(engine, summary, status)
        finally:
            release(lock_connection)


def release(lock_connection) -> None:
    """Give the lock back. A lost connection has released it already: the server drops the
    session's advisory locks with the session."""
    try:
        lock_connection.execute(text("select pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
        lock_connection.commit()
    except DBAPIError:
        lock_connection.invalidate()


def finish(engine: Engine, summary: RunSummary, status: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                """
                update etl.runs set finished_at = now(), status = :status,
                    documents_seen = :seen, documents_new = :new, documents_skipped = :skipped,
                    documents_failed = :failed, facts_loaded = :facts, findings = :findings
                where run_id = :run_id
                """
            ),
            {
                "status": status,
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
        self.failed.append(message)
