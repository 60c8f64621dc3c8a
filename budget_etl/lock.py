"""The lock that lets one ingest run at a time: a PostgreSQL advisory lock held by a session of
the run's own, which also beats the run's heartbeat (``etl.runs.heartbeat_at``) every second.

A session can die while its run goes on: a terminated backend, a restarted server, a network
cut. The server then drops the session's advisory lock, and another run could start beside
this one. The heartbeat thread notices at its next beat, connects again and takes the lock
again; meanwhile the heartbeat goes on, so another run that got the lock in between sees this
run alive and refuses to start (budget_etl.runs.take_over). A run that is taken over anyway
(its heartbeat stopped for longer than the lease: the database unreachable from it alone)
learns it at its next beat, and its loads are refused (budget_etl.runs.fence).
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
"""How often a run beats its heartbeat (and checks that it still holds its lock)."""


class RunLock:
    """The advisory lock ``key``, held by a session of its own, and the heartbeat of the run holding it."""

    def __init__(self, engine: Engine, key: int) -> None:
        self.engine, self.key = engine, key
        self.connection: Connection | None = None
        self.held = False
        self.run_id: int | None = None
        self.taken_over = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self, wait_seconds: float = 0) -> bool:
        """Take the lock, waiting up to ``wait_seconds`` for another run to release it."""
        self.connection = self.engine.connect()
        deadline = time.monotonic() + wait_seconds
        while not self._try():
            if time.monotonic() >= deadline:
                self.close()
                return False
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
        return True

    def _try(self) -> bool:
        self.held = bool(self.connection.execute(text("select pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
        self.connection.commit()
        return self.held

    def keep(self, run_id: int) -> None:
        """Beat the heartbeat of ``run_id`` and keep the lock, in a thread, until ``stop``."""
        self.run_id = run_id
        self._thread = threading.Thread(target=self._beat_until_stopped, name="ingest-run-heartbeat", daemon=True)
        self._thread.start()

    def _beat_until_stopped(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                self._beat()
            except DBAPIError as error:
                log.warning("the ingest lock's session was lost (%s); taking the lock again", type(error.orig).__name__)
                self._reconnect()
            if self.taken_over.is_set():
                return

    def _beat(self) -> None:
        if self.connection is None:
            self.connection = self.engine.connect()
        if not self.held:
            self._try()
        beaten = self.connection.execute(
            text("update etl.runs set heartbeat_at = now() where run_id = :run and status = 'running'"), {"run": self.run_id}
        ).rowcount
        self.connection.commit()
        if not beaten:
            self.taken_over.set()

    def _reconnect(self) -> None:
        """Drop the lost session; the next beat connects again and takes the lock again."""
        if self.connection is not None:
            try:
                self.connection.invalidate()
                self.connection.close()
            except DBAPIError:
                pass  # already gone: nothing left to give back
        self.connection, self.held = None, False

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        """Stop the heartbeat and give the lock back. A lost session has released it already."""
        self.stop()
        if self.connection is None:
            return
        try:
            if self.held:
                self.connection.execute(text("select pg_advisory_unlock(:k)"), {"k": self.key})
                self.connection.commit()
            self.connection.close()
        except DBAPIError:
            self.connection.invalidate()
        self.connection, self.held = None, False
