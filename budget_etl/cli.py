"""The `budget-etl` command. Errors inside are named exceptions; here they become one line."""

from __future__ import annotations

import json
import logging
import sys

import click

from budget_etl.settings import get_settings


def announce(message: str) -> None:
    """What a run is waiting for (a first start), on stderr so that stdout stays the result."""
    click.echo(message, err=True)


def without_secrets(message: str) -> str:
    """A message with any password of DATABASE_URL masked: the last guard of every error printed."""
    from budget_etl.database import secrets_of
    from sqlalchemy import make_url

    try:
        configured = get_settings().database_url
        secrets = secrets_of(make_url(configured.get_secret_value())) if configured else set()
    except Exception:  # noqa: BLE001 - an invalid configuration has its own message, which never repeats it
        return message
    for secret in sorted(secrets, key=len, reverse=True):
        message = message.replace(secret, "***")
    return message


class Commands(click.Group):
    """A database or Prefect API that cannot be used becomes one line naming it and what to do,
    not a traceback."""

    def invoke(self, ctx: click.Context):
        from sqlalchemy.exc import OperationalError, ProgrammingError

        from budget_etl.database import DatabaseUnavailable
        from flows.prefect_env import PrefectApiUnavailable

        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            error.message = without_secrets(error.message)
            raise
        except OperationalError as error:
            from budget_etl.database import database_url, shown_url

            where = shown_url(database_url())
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise click.ClickException(
                without_secrets(f"cannot use the database {where}: {reason} (is the server running, and DATABASE_URL right?)")
            ) from error
        except (DatabaseUnavailable, PrefectApiUnavailable) as error:
            raise click.ClickException(str(error)) from error
        except ProgrammingError as error:
            from psycopg.errors import UndefinedTable

            if not isinstance(error.orig, UndefinedTable):
                raise
            from budget_etl.database import database_url, shown_url

            where = shown_url(database_url())
            raise click.ClickException(
                f"the warehouse in {where} has no tables yet: run `budget-etl ingest PATH` (or `budget-etl db upgrade`) first"
            ) from error


@click.group(cls=Commands)
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does, not only its summary.")
def main(verbose: bool) -> None:
    """Read Chinese public-budget reports (部门预算, 部门决算, 绩效自评报告) into a PostgreSQL
    star schema, and look at what was loaded.

    The database is the one DATABASE_URL names, or an embedded PostgreSQL kept under
    BUDGET_ETL_DATA_DIR (default .budget-etl) when DATABASE_URL is not set.
    """
    from pydantic import ValidationError

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        get_settings()
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors())
        raise click.ClickException(f"the configuration is not valid: {problems}") from None


def prepare_prefect() -> None:
    """Before a command that runs flows imports Prefect: its output kept quiet, and its state
    under the data folder unless the user configured Prefect (flows.prefect_env)."""
    from flows.prefect_env import quiet_prefect, use_project_prefect_home

    quiet_prefect()
    use_project_prefect_home(get_settings().data_dir)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--batch-size", type=int, default=None, help="Most documents per batch task, extracted and loaded together (default: BUDGET_ETL_BATCH_SIZE or 1000).")
@click.option("--runner", type=click.Choice(["process", "thread", "dask"]), default="process", show_default=True,
              help="Where extraction runs: local processes, threads, or a Dask cluster.")
@click.option("--address", default=None, help="Address of a Dask scheduler (tcp://host:8786); without it --runner dask starts a local cluster.")
def ingest(paths: tuple[str, ...], batch_size: int | None, runner: str, address: str | None) -> None:
    """Load every report file under PATHS (files, or folders of .txt, .pdf, .docx, .xlsx, .xls, .html reports).

    Files whose content is unchanged since they were loaded are skipped without being parsed;
    changed files replace their own facts; a file that cannot be read is recorded with its
    error and the others still load. Prints the run summary.
    """
    prepare_prefect()
    from budget_etl.runs import RunAbandoned, RunLocked
    from flows.ingest import run_ingest

    try:
        summary = run_ingest(list(paths), batch_size=batch_size, runner=runner, address=address, announce=announce)
    except (RunLocked, RunAbandoned) as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"documents: {summary['documents_new']} loaded, {summary['documents_skipped']} unchanged, "
        f"{summary['documents_failed']} failed (of {summary['documents_seen']}); "
        f"facts loaded: {summary['facts_loaded']}; findings: {summary['findings']}"
    )


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON (DESIGN.md) instead of a summary.")
def extract(files: tuple[str, ...], as_json: bool) -> None:
    """Read one report FILE and print what it states, with evidence. Several files are the parts
    of one report published as several files, read as one: its 说明 first, then its 公开表.
    Needs no database."""
    from extract.errors import ExtractError
    from transform.contract import FAMILIES, contract_dict
    from transform.pipeline import process_reports

    try:
        report = process_reports(list(files), get_settings().max_file_bytes)
    except ExtractError as error:
        raise click.ClickException(str(error)) from error
    data = contract_dict(report)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    document = data["document"]
    click.echo(f"{document['department']} ({document['region']}) {document['fiscal_year']} {document['phase']}")
    for family in (*FAMILIES, "findings"):
        click.echo(f"  {family}: {len(data[family])}")


@main.group()
def db() -> None:
    """Manage the warehouse schema (Alembic migrations) and its roles."""


@db.command()
@click.option("--revision", default="head", show_default=True, help="Migrate to this revision.")
def upgrade(revision: str) -> None:
    """Create or migrate the warehouse (schemas core, etl, mart) to the latest revision."""
    from budget_etl.database import get_engine
    from budget_etl.migrate import current_revision, upgrade as run_upgrade

    engine = get_engine()
    run_upgrade(engine, revision)
    click.echo(f"database at revision {current_revision(engine)}")


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Undo migrations down to REVISION ("base" removes the warehouse entirely)."""
    from budget_etl.database import get_engine
    from budget_etl.migrate import current_revision, downgrade as run_downgrade

    engine = get_engine()
    run_downgrade(engine, revision)
    click.echo(f"database at revision {current_revision(engine) or 'base'}")


@db.command(name="create-reader")
@click.argument("name")
@click.option("--password", envvar="BUDGET_ETL_READER_PASSWORD", default=None,
              help="Password of the role (or BUDGET_ETL_READER_PASSWORD); without one the server's own authentication applies.")
def create_reader(name: str, password: str | None) -> None:
    """Create (or reset) NAME, a login role for BI tools that can SELECT from the mart views and
    nothing else: no writes, no access to the core and etl schemas."""
    from budget_etl.database import SECRET_QUERY_KEYS, get_engine, shown_url
    from load.roles import InvalidRoleName, create_reader as run_create_reader

    engine = get_engine()
    try:
        with engine.begin() as connection:
            run_create_reader(connection, name, password)
    except InvalidRoleName as error:
        raise click.ClickException(str(error)) from error
    url = engine.url.set(username=name, password=None, drivername="postgresql").difference_update_query(SECRET_QUERY_KEYS)
    click.echo(f"role {name} can read schema mart; connect with {shown_url(url)}")


@main.command()
@click.option("--errors/--no-errors", default=True, show_default=True, help="List the documents that failed, with their errors.")
def status(errors: bool) -> None:
    """Show what is loaded: documents loaded and failed, the last runs, findings by rule."""
    from budget_etl.database import get_engine
    from budget_etl.status import render_status

    click.echo(render_status(get_engine(), show_errors=errors))


@main.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True), help="The HTML file to write.")
def report(out: str) -> None:
    """Write one self-contained HTML page of charts (三公经费 by department and year, spending
    structure by 类, project execution, budget against final) and the list of findings with their
    evidence. The page needs no network access to be viewed."""
    from budget_etl.database import get_engine
    from budget_etl.visual_report import write_report

    write_report(get_engine(), out)
    click.echo(f"report written to {out}")


@main.command(name="three-public")
def three_public() -> None:
    """Print 三公经费 by department and year, read back from mart.three_public."""
    from budget_etl.database import get_engine
    from budget_etl.status import render_three_public

    click.echo(render_three_public(get_engine()))


@main.command()
def departments() -> None:
    """List the department names seen, their canonical department, and likely duplicates.

    Canonical names come from the aliases file (BUDGET_ETL_DEPARTMENTS_FILE, default
    reference/departments.csv). Suggested duplicates are never merged: to confirm one, add the
    printed line to that file; the next ingest applies it.
    """
    from budget_etl.database import get_engine
    from budget_etl.status import table
    from load.departments import departments_seen, sync_department_aliases
    from transform.departments import read_aliases, suggest_duplicates

    aliases = read_aliases(get_settings().departments_file)
    with get_engine().begin() as connection:
        sync_department_aliases(connection, aliases)
        rows = departments_seen(connection)
    click.echo(table(["published name", "region", "canonical department", "reports", "years"], rows))
    suggestions = suggest_duplicates([(name, region) for name, region, *_ in rows], aliases)
    if suggestions:
        click.echo("\nlikely duplicates (add a line to the aliases file to merge them):")
        for suggestion in suggestions:
            click.echo(f"  {suggestion.csv_line()}")
    else:
        click.echo("\nno likely duplicates")


def runner_options(command):
    command = click.option("--batch-size", type=int, default=None, help="Most documents per batch task, extracted and loaded together.")(command)
    command = click.option("--runner", type=click.Choice(["process", "thread", "dask"]), default="process",
                           show_default=True, help="Where extraction runs.")(command)
    return click.option("--address", default=None, help="Dask scheduler address for --runner dask.")(command)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@runner_options
def serve(paths: tuple[str, ...], batch_size: int | None, runner: str, address: str | None) -> None:
    """Schedule the nightly ingest of PATHS and run it from this process until stopped.

    The schedule is BUDGET_ETL_SCHEDULE_CRON (default 0 2 * * *) in BUDGET_ETL_TIMEZONE
    (default Asia/Shanghai). Uses Prefect's own serving: the runs show in a Prefect UI when
    PREFECT_API_URL points to a Prefect server.
    """
    prepare_prefect()
    from flows.deployment import serve as run_serve

    run_serve(list(paths), batch_size=batch_size, runner=runner, address=address, announce=announce)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--work-pool", required=True, help="Name of the Prefect work pool whose worker will run the flow.")
@runner_options
def deploy(paths: tuple[str, ...], work_pool: str, batch_size: int | None, runner: str, address: str | None) -> None:
    """Register the nightly ingest of PATHS with a Prefect server (PREFECT_API_URL) and a work pool."""
    prepare_prefect()
    from flows.deployment import deploy as run_deploy

    deployment_id = run_deploy(list(paths), work_pool, batch_size=batch_size, runner=runner, address=address)
    click.echo(f"deployment registered: {deployment_id}")


if __name__ == "__main__":
    sys.exit(main())
