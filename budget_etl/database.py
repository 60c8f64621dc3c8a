"""The database: the server DATABASE_URL names, or an embedded PostgreSQL of our own.

With no DATABASE_URL, the `pgserver` package (which ships PostgreSQL's binaries) starts a
server whose data lives under the data directory; the next run reuses the same data. Engines
are built by a function, never at import.
"""

from __future__ import annotations

import logging
import warnings
from functools import cache

from sqlalchemy import URL, Engine, create_engine, make_url

from budget_etl.settings import Settings, get_settings

log = logging.getLogger(__name__)


@cache
def embedded_server(data_dir: str):
    """Start (or attach to) the embedded server for this data directory."""
    log.info("starting the embedded PostgreSQL under %s", data_dir)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, cron): harmless here.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver

        return pgserver.get_server(data_dir)


def database_url(settings: Settings | None = None) -> URL:
    settings = settings or get_settings()
    if settings.database_url is not None:
        url = make_url(settings.database_url.get_secret_value())
    else:
        pgdata = (settings.data_dir / "pgdata").resolve()
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        url = make_url(embedded_server(str(pgdata)).get_uri())
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


@cache
def _engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True, future=True)


def get_engine(settings: Settings | None = None) -> Engine:
    url = database_url(settings)
    log.debug("database: %s", url.render_as_string(hide_password=True))
    return _engine(url.render_as_string(hide_password=False))
