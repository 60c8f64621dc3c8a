"""Prefect's environment for a run of this tool: where its state lives, how loud it is, and the
local API a run starts when no Prefect server is configured.

Nothing here imports Prefect at module level: Prefect reads its settings (PREFECT_HOME among
them) when it is first imported, so they are set before that.

Where Prefect keeps its state. Unless the user configured Prefect (PREFECT_HOME, PREFECT_API_URL,
PREFECT_PROFILE or PREFECT_PROFILES_PATH in the environment, a profiles file in ~/.prefect, or a
prefect.toml in the working directory), its home is ``<data dir>/prefect``, beside the embedded
database: the project's state is in one folder, and removing that folder resets it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

USER_PREFECT_SETTINGS = ("PREFECT_HOME", "PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH")
"""Environment variables by which a user configures Prefect; any of them leaves Prefect's home alone."""

FIRST_START_TIMEOUT_SECONDS = 600
"""How long the local API may take to start when it has no database yet: creating and migrating
it takes about 30 s on two cores, Prefect's own default allows 20."""
START_TIMEOUT_SECONDS = 120
"""How long it may take to start with its database in place (usually about 5 s)."""


class PrefectApiUnavailable(RuntimeError):
    """The local Prefect API could not be started."""


def quiet_prefect() -> None:
    """Prefect's own output stays clean on a normal run: its local API logs only warnings."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")


def user_configured_prefect() -> bool:
    """Whether the user set Prefect up themselves (their settings then win over ours)."""
    if any(os.environ.get(name) for name in USER_PREFECT_SETTINGS):
        return True
    return (Path.home() / ".prefect" / "profiles.toml").is_file() or Path("prefect.toml").is_file()


def use_project_prefect_home(data_dir: Path) -> Path | None:
    """Point Prefect's home at ``<data_dir>/prefect`` unless the user configured Prefect; return
    the home chosen (None when the user's own settings stand). Call before Prefect is imported."""
    if user_configured_prefect():
        return None
    home = (data_dir / "prefect").resolve()
    try:
        home.mkdir(parents=True, exist_ok=True)  # Prefect would make only the last folder of the path
    except OSError:
        return None  # Prefect's own default stands; the embedded database's error names the folder
    os.environ["PREFECT_HOME"] = str(home)
    return home


def local_api_database() -> Path | None:
    """The SQLite file of the local API, when it is one (Prefect's default)."""
    from prefect.settings import get_current_settings

    url = get_current_settings().server.database.connection_url
    secret = url.get_secret_value() if url is not None else ""
    if not secret.startswith("sqlite"):
        return None
    return Path(secret.split("///", 1)[-1])


@contextmanager
def local_prefect_api(announce: Callable[[str], None] | None = None) -> Iterator[None]:
    """With no Prefect server configured (PREFECT_API_URL unset), Prefect starts a temporary API
    in every process that needs one: the flow's and each worker's, each costing seconds of CPU
    and writing to the same SQLite file. Start the flow's one here and point the workers at it
    (through the settings Prefect hands its subprocesses and the environment Dask's inherit).

    Its first start creates and migrates its database, which takes longer than Prefect's own
    start-up timeout on a small machine: it is given longer, and ``announce`` is told what the
    wait is. A start that fails raises PrefectApiUnavailable with what to do."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    database = local_api_database()
    first_start = database is not None and not database.exists()
    if announce is not None:
        announce(
            f"starting Prefect's local API (first run: creating its database in {database.parent}; about half a minute)"
            if first_start
            else "starting Prefect's local API"
        )
    timeout = max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(),
                  FIRST_START_TIMEOUT_SECONDS if first_start else START_TIMEOUT_SECONDS)
    server = SubprocessASGIServer()
    log_path = server_log_path()
    with stderr_to(log_path):  # the server process inherits it: its log goes to the file
        start_watching_its_process(server, timeout, database, log_path)
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous


MAX_FAILED_STARTS = 3
"""Server processes that may exit at start before the start is given up. Prefect starts another
on a new port when one exits with code 3, which uvicorn uses for any failed start-up, a port
taken as well as a database that cannot be opened."""


def server_log_path() -> Path:
    """Where the local API's own log goes (it would otherwise print tracebacks on the console)."""
    from prefect.settings import PREFECT_HOME

    home = Path(PREFECT_HOME.value())
    home.mkdir(parents=True, exist_ok=True)
    return home / "local-api.log"


@contextmanager
def stderr_to(path: Path) -> Iterator[None]:
    """File descriptor 2 of this process points at ``path`` meanwhile (so do the children's)."""
    with open(path, "ab") as log:
        saved = os.dup(2)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def last_line(path: Path) -> str | None:
    """The last non-blank line of a log file, if it has one."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    except OSError:
        return None
    return lines[-1] if lines else None


def start_watching_its_process(server, timeout: float, database: Path | None, log_path: Path) -> None:
    """Prefect's start() polls the API until its timeout even when the server process keeps dying
    (a corrupt database, a folder it cannot write), starting another each time: with the long
    first-start timeout that would be minutes of silence. It runs in a thread here while this one
    watches the processes, and once the start is given up no further process is started."""
    outcome: list[BaseException | None] = []
    given_up = threading.Event()
    spawn = server._run_uvicorn_command

    def spawn_unless_given_up():
        if given_up.is_set():
            raise PrefectApiUnavailable("the start was given up")
        return spawn()

    def start() -> None:
        try:
            server.start(timeout=timeout)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            outcome.append(error)

    server._run_uvicorn_command = spawn_unless_given_up  # Prefect calls it through the instance
    thread = threading.Thread(target=start, name="prefect-local-api-start", daemon=True)
    thread.start()
    exited: dict[int, int | None] = {}
    while thread.is_alive():
        thread.join(0.1)
        process = server.server_process
        if process is not None and process.poll() is not None:
            exited[process.pid] = process.returncode
        if thread.is_alive() and (len(exited) >= MAX_FAILED_STARTS or any(code != 3 for code in exited.values())):
            given_up.set()
            thread.join(5)
            server.stop()
            codes = ", ".join(str(code) for code in exited.values())
            detail = f"its server process exited at start {len(exited)} times (exit codes {codes}); its log {log_path} ends: {last_line(log_path)}"
            raise PrefectApiUnavailable(unavailable_message(RuntimeError(detail), database))
    if outcome and outcome[0] is not None:
        detail = f"{first_line(outcome[0])}; its log {log_path} ends: {last_line(log_path)}"
        raise PrefectApiUnavailable(unavailable_message(RuntimeError(detail), database)) from outcome[0]


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def unavailable_message(error: BaseException, database: Path | None) -> str:
    """One line: what failed, Prefect's own first line about it, and what to do."""
    where = f" (its database: {database})" if database is not None else ""
    return (
        f"cannot start Prefect's local API{where}: {first_line(error)[:500]}. Point PREFECT_API_URL at a running "
        "Prefect server (`prefect server start`), or remove that database to have it created again"
    )
