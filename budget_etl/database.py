"""The database: the server DATABASE_URL names, or an embedded PostgreSQL of our own.

With no DATABASE_URL, the `pgserver` package (which ships PostgreSQL's binaries) starts a
server whose data lives under the data directory; the next run reuses the same data. Engines
are built by a function, never at import.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, make_url

from budget_etl.settings import Settings, get_settings

log = logging.getLogger(__name__)


class DatabaseUnavailable(RuntimeError):
    """The embedded PostgreSQL could not be started."""


@cache
def embedded_server(data_dir: str):
    """Start (or attach to) the embedded server for this data directory."""
    log.info("starting the embedded PostgreSQL under %s", data_dir)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, cron): harmless here.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver

        try:
            return pgserver.get_server(data_dir)
        except Exception as error:  # noqa: BLE001 - pgserver raises whatever initdb or pg_ctl did
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise DatabaseUnavailable(
                f"cannot start the embedded PostgreSQL under {data_dir}: {reason[:300]}. Set DATABASE_URL "
                "to a PostgreSQL server of your own, or BUDGET_ETL_DATA_DIR to a folder this user can write"
            ) from error


def embedded_pgdata(settings: Settings) -> Path:
    """Where the embedded server keeps its data."""
    return (settings.data_dir / "pgdata").resolve()


def database_url(settings: Settings | None = None) -> URL:
    settings = settings or get_settings()
    if settings.database_url is not None:
        url = make_url(settings.database_url.get_secret_value())
    else:
        pgdata = embedded_pgdata(settings)
        try:
            pgdata.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnavailable(
                f"cannot create the embedded PostgreSQL's folder {pgdata.parent}: {error.strerror or error}. "
                "Set BUDGET_ETL_DATA_DIR to a folder this user can write, or DATABASE_URL to a server of your own"
            ) from error
        url = make_url(embedded_server(str(pgdata)).get_uri())
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


SECRET_QUERY_KEYS = frozenset({"password", "sslpassword"})
"""Query parameters of a URL that are passwords (libpq takes both from the URL's query)."""


def shown_url(url: URL) -> str:
    """The URL as messages and logs show it: no password, neither user:password@ nor ?password=."""
    hidden = {key: "HIDDENSECRET" for key in url.query if key.lower() in SECRET_QUERY_KEYS}
    shown = (url.update_query_dict(hidden) if hidden else url).render_as_string(hide_password=True)
    return shown.replace("HIDDENSECRET", "***")  # as the password is hidden (a query value would be %-encoded)


def secrets_of(url: URL) -> set[str]:
    """The passwords a URL holds (to keep them out of any message as a last resort)."""
    found = {url.password} if url.password else set()
    for key, value in url.query.items():
        if key.lower() in SECRET_QUERY_KEYS:
            found.update([value] if isinstance(value, str) else value)
    return {secret for secret in found if secret}


@dataclass(frozen=True)
class SecretURL:
    """A database URL handed to tasks: its repr, wherever Prefect or Dask print task inputs,
    shows no password."""

    url: URL

    def __repr__(self) -> str:
        return f"SecretURL({shown_url(self.url)!r})"

    __str__ = __repr__


_engines: dict[str, Engine] = {}
"""This process's engine per URL: one, so that a worker running many batch tasks keeps its
connections."""


def forget_engines() -> None:
    """Build engines anew from here on (after DATABASE_URL changed); the old ones are not closed."""
    _engines.clear()


def _after_fork_in_child() -> None:
    """A forked worker (a process pool, a Dask nanny) must not share its parent's sockets: it
    drops the inherited pools without closing them (the parent still uses those connections)."""
    for engine in _engines.values():
        engine.dispose(close=False)
    forget_engines()


os.register_at_fork(after_in_child=_after_fork_in_child)


def engine_for(url: URL | SecretURL) -> Engine:
    """The engine of this process for ``url``."""
    url = url.url if isinstance(url, SecretURL) else url
    log.debug("database: %s", shown_url(url))
    key = url.render_as_string(hide_password=False)
    if key not in _engines:
        _engines[key] = create_engine(key, pool_pre_ping=True, future=True)
    return _engines[key]


def get_engine(settings: Settings | None = None) -> Engine:
    return engine_for(database_url(settings))
