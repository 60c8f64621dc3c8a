"""What every measurement of `make bench` shares: the database server, a fresh database for each
run, and a run in a child process of its own, watched for the memory and CPU of its process tree.

Set BENCH_DATABASE_URL to use a server of yours (databases are created and dropped on it);
otherwise an embedded server under build/bench-pg is used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"


def admin_url() -> str:
    configured = os.environ.get("BENCH_DATABASE_URL")
    if configured:
        return configured
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver

        BUILD.mkdir(exist_ok=True)  # `python -m bench.run pdf` on a fresh clone comes here first
        return pgserver.get_server(str(BUILD / "bench-pg")).get_uri()


def fresh_database(admin: str) -> str:
    """Create an empty database on the server and return its URL."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(admin).set(drivername="postgresql+psycopg")
    name = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def use_database(url: str) -> None:
    from budget_etl import database, settings

    os.environ["DATABASE_URL"] = url
    settings.get_settings.cache_clear()
    database.forget_engines()


class TreeUsage(NamedTuple):
    peak_mb: float
    """The largest sum of resident memory over the process and its descendants at one sample."""
    cpu_seconds: float
    """User and system CPU of every process of the tree, as last sampled (a process's last
    interval before it exits is missed): what the run cost, whatever else the machine ran."""


def watch_tree(process: subprocess.Popen, interval: float = 0.1) -> TreeUsage:
    """Sample ``process`` and its descendants every ``interval`` seconds until it exits."""
    import psutil

    root = psutil.Process(process.pid)
    peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        total = 0
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in members:
            try:
                with member.oneshot():
                    total += member.memory_info().rss
                    times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(interval)
    return TreeUsage(peak / 2**20, sum(cpu.values()))


def peak_tree_memory_mb(process: subprocess.Popen, interval: float = 0.1) -> float:
    """Until ``process`` exits: the largest sum of resident memory over it and its descendants."""
    return watch_tree(process, interval).peak_mb


def child(kind: str, count: int, admin: str) -> dict:
    """One measurement in a child process (`python -m bench.run <kind> <count> <database>`): what
    it prints last, with the peak memory and CPU seconds of its process tree."""
    url = fresh_database(admin)
    command = [sys.executable, "-m", "bench.run", kind, str(count), url]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err, text=True)
        usage = watch_tree(process)
        out.seek(0)
        err.seek(0)
        if process.wait() != 0:
            raise RuntimeError(f"{kind} {count} failed (exit {process.returncode}):\n{err.read()[-3000:]}")
        result = json.loads(out.read().strip().splitlines()[-1])
    return result | {"peak_mb": usage.peak_mb, "cpu_seconds": usage.cpu_seconds}


def timed_ingest(folder: Path, rerun: bool) -> dict:
    """The ingest flow over ``folder`` (default process runner), timed; then again, unchanged."""
    from flows.ingest import run_ingest

    start = time.perf_counter()
    summary = run_ingest([str(folder)], runner="process")
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "loaded": summary["documents_new"], "failed": summary["documents_failed"],
              "facts": summary["facts_loaded"]}
    if rerun:
        start = time.perf_counter()
        again = run_ingest([str(folder)], runner="process")
        result["rerun_seconds"] = time.perf_counter() - start
        result["rerun_skipped"] = again["documents_skipped"]
    return result


def linked(paths: list[Path], folder: Path) -> Path:
    """``folder`` holding a symbolic link to each of ``paths`` and nothing else (the run's input;
    links of an earlier run that still fit are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {path.name: path.resolve() for path in paths}
    for link in folder.iterdir():
        if link.name not in wanted or link.resolve() != wanted[link.name]:
            link.unlink()
    for name, target in wanted.items():
        link = folder / name
        if not link.is_symlink():
            link.symlink_to(target)
    return folder


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"
