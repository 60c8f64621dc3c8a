"""`make bench`: print, in one run on this machine, the figures the nightly job is held to.

    extraction     documents/s and MB/s of process_report, against a read-and-regex scan (the floor)
    load           facts/s of the project's load path (dimensions, documents, COPY of facts and
                   findings, supersede), against DataFrame.to_sql and a bare COPY of the same fact
                   rows into the same tables (and row-by-row INSERT, for scale); all with the cycle
                   collector paused, as in a batch task
    end to end     wall time, reports/s and peak memory of the ingest flow for 1,000 and 10,000 reports
    re-run         wall time of a second, nothing-changed run over the 10,000
    Prefect        the flow against the same work done without Prefect
    PDF            published PDFs: their floor, the reader and the flow on 1,000 (bench/pdf.py)

Each end-to-end measurement runs in a fresh database and a child process of its own. Its peak
memory is the largest resident memory of that process and every process under it (the workers
and the fork server they come from) added together, sampled every 0.1 s; pages the workers share
with the fork server are counted once per process, so the figure errs high. The flows talk to
one Prefect API started before them, as a deployment's runs talk to a server that is already up
(`budget-etl serve` or `prefect server start`); the time that API takes to start, which a
one-off `budget-etl ingest` pays, is printed on its own. Set BENCH_DATABASE_URL to use a server
of yours (databases are created and dropped on it); otherwise an embedded server under
build/bench-pg is used. `python -m bench.run pdf` runs the PDF part alone.
"""

from __future__ import annotations

import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from bench.harness import BUILD, ROOT, admin_url, child, fresh_database, linked, timed_ingest, use_database, verdict

CORPUS = BUILD / "bench-corpus"
SIZES = (1_000, 10_000)
AMOUNTS = re.compile(r"\d+(?:\.\d+)?万元")
GOALS = {"end_to_end": 300.0, "rerun": 5.0, "load_vs_to_sql": 1.5, "load_vs_bare_copy": 0.6, "prefect_overhead": 10.0}
"""The load goals compare like with like: the whole load path against pandas writing the same
fact rows (to_sql, which psycopg pipelines), and against the floor of any loader of these
tables: a bare COPY of the same rows, with no dimensions, documents or findings to write."""


def measure_extraction(paths: list[Path]) -> dict:
    from transform.pipeline import process_report

    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    start = time.perf_counter()
    matches = sum(len(AMOUNTS.findall(p.read_text(encoding="utf-8"))) for p in paths)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    reports = [process_report(p) for p in paths]
    spent = time.perf_counter() - start
    return {
        "documents": len(paths),
        "extract_docs_per_s": len(paths) / spent,
        "extract_mb_per_s": size_mb / spent,
        "floor_docs_per_s": len(paths) / floor,
        "floor_mb_per_s": size_mb / floor,
        "regex_matches": matches,
        "reports": reports,
    }


def fact_rows_as_loaded(connection, reports) -> dict[str, tuple[list[str], list[tuple]]]:
    """The fact rows the loader wrote, rebuilt with the ids it assigned: the same rows, for the
    baselines to write into the same tables."""
    from sqlalchemy import text

    from load import facts
    from load.schema import FACT_TABLES

    documents = dict(connection.execute(text("select source_path, document_id from etl.documents")).all())
    departments = {
        (name, region): department_id
        for name, region, department_id in connection.execute(
            text("select department_name, region_name, department_id from core.dim_department")
        )
    }
    classes = {
        (kind, code): class_id
        for kind, code, class_id in connection.execute(text("select class_kind, class_code, class_id from core.dim_expenditure_class"))
    }
    projects = {
        (department_id, key): project_id
        for department_id, key, project_id in connection.execute(text("select department_id, project_key, project_id from core.dim_project"))
    }
    rows = facts.build(reports, documents, departments, classes, projects)
    return {name: (list(facts.columns(FACT_TABLES[name])), rows[name]) for name in FACT_TABLES}


def empty_facts(engine) -> None:
    from sqlalchemy import text

    from load.schema import FACT_TABLES

    with engine.begin() as connection:
        connection.execute(text(f"truncate {', '.join(f'{t.schema}.{t.name}' for t in FACT_TABLES.values())}"))


def measure_load(reports, admin: str) -> dict:
    """The project's path (dimensions, documents, COPY of facts and findings, supersede) against
    row-by-row INSERT and DataFrame.to_sql writing the same fact rows into the same tables
    (same indexes, same foreign keys), each timed from empty fact tables."""
    import pandas

    from budget_etl.database import get_engine
    from budget_etl.migrate import upgrade
    from budget_etl.settings import get_settings
    from load.loader import load_reports
    from load.schema import FACT_TABLES

    use_database(fresh_database(admin))
    engine = get_engine()
    upgrade(engine)
    facts = sum(r.fact_count() for r in reports)
    size = get_settings().batch_size
    start = time.perf_counter()
    for offset in range(0, len(reports), size):
        with engine.begin() as connection:
            load_reports(connection, reports[offset : offset + size])
    copy_seconds = time.perf_counter() - start
    with engine.connect() as connection:
        tables = fact_rows_as_loaded(connection, reports)
    rows = sum(len(r) for _, r in tables.values())

    empty_facts(engine)
    start = time.perf_counter()
    raw = engine.raw_connection()
    with raw.cursor() as cursor:
        for name, (columns, values) in tables.items():
            table = FACT_TABLES[name]
            statement = (
                f"insert into {table.schema}.{table.name} ({', '.join(columns)}) "
                f"values ({', '.join(['%s'] * len(columns))})"
            )
            for row in values:
                cursor.execute(statement, row)
    raw.commit()
    raw.close()
    insert_seconds = time.perf_counter() - start

    empty_facts(engine)
    start = time.perf_counter()
    for name, (columns, values) in tables.items():
        table = FACT_TABLES[name]
        frame = pandas.DataFrame(values, columns=columns)
        frame = frame.apply(lambda column: column.map(lambda v: float(v) if isinstance(v, Decimal) else v))
        types = {c.name: c.type for c in table.columns if c.name in columns}
        frame.to_sql(table.name, engine, schema=table.schema, if_exists="append", index=False, dtype=types)
    to_sql_seconds = time.perf_counter() - start

    empty_facts(engine)
    bare_seconds = bare_copy(engine, tables)
    return {
        "facts": facts,
        "copy_facts_per_s": facts / copy_seconds,
        "insert_facts_per_s": rows / insert_seconds,
        "to_sql_facts_per_s": rows / to_sql_seconds,
        "bare_copy_facts_per_s": rows / bare_seconds,
    }


def bare_copy(engine, tables: dict) -> float:
    """Seconds to COPY the fact rows, as built, into their empty tables in one transaction."""
    from load.schema import FACT_TABLES

    start = time.perf_counter()
    raw = engine.raw_connection()
    with raw.cursor() as cursor:
        for name, (columns, values) in tables.items():
            table = FACT_TABLES[name]
            with cursor.copy(f"copy {table.schema}.{table.name} ({', '.join(columns)}) from stdin") as copy:
                for row in values:
                    copy.write_row(row)
    raw.commit()
    raw.close()
    return time.perf_counter() - start


def end_to_end(count: int, database_url: str, rerun: bool) -> dict:
    """In a child process: the ingest flow over ``count`` reports (then again, unchanged)."""
    use_database(database_url)
    from flows.prefect_env import quiet_prefect

    quiet_prefect()
    folder = linked(sorted(CORPUS.glob("report_*.txt"))[:count], BUILD / f"bench-links-{count}")
    return {"count": count} | timed_ingest(folder, rerun)


def without_prefect(count: int, database_url: str) -> dict:
    """In a child process: the same batches, extracted and loaded by a plain process pool."""
    use_database(database_url)
    from functools import partial

    from budget_etl.database import database_url as resolved_url, engine_for
    from budget_etl.migrate import upgrade
    from budget_etl.runs import PendingFiles
    from budget_etl.settings import get_settings
    from flows.ingest import batch_size_for, batches, discover, ingest_batch
    from flows.runners import default_workers

    folder = BUILD / f"bench-links-{count}"
    start = time.perf_counter()
    database = resolved_url()
    engine = engine_for(database)
    upgrade(engine)
    files = discover([str(folder)])
    workers = default_workers()
    work = batches(PendingFiles(engine, files), batch_size_for(len(files), get_settings().batch_size, workers))
    with ProcessPoolExecutor(workers) as pool:
        for _ in pool.map(partial(ingest_batch, database=database, run_id=None), work):
            pass
    return {"count": count, "seconds": time.perf_counter() - start}


def main(parts: tuple[str, ...] = ("text", "pdf")) -> None:
    from budget_etl.settings import get_settings
    from flows.prefect_env import quiet_prefect, use_project_prefect_home

    quiet_prefect()  # before Prefect is first imported, which sets its logging up
    use_project_prefect_home(get_settings().data_dir)
    from bench.corpus import build_corpus
    from flows.prefect_env import local_prefect_api

    from bench.pdf import load_average, measure_and_print_pdf

    print(f"machine: {load_average()}")
    if "text" in parts:
        start = time.perf_counter()
        paths = build_corpus(CORPUS, max(SIZES))
        print(f"corpus: {len(paths)} reports under {CORPUS.relative_to(ROOT)} ({time.perf_counter() - start:.1f} s to build or reuse)")
    admin = admin_url()
    start = time.perf_counter()
    with local_prefect_api(announce=print):  # every flow below, each in a child process, uses this one API
        print(f"Prefect API: started in {time.perf_counter() - start:.1f} s (once; the flows below use it)")
        if "text" in parts:
            measure_and_print(paths, admin)
        if "pdf" in parts:
            measure_and_print_pdf(admin)


def print_load(load: dict) -> None:
    vs_to_sql = load["copy_facts_per_s"] / load["to_sql_facts_per_s"]
    vs_bare = load["copy_facts_per_s"] / load["bare_copy_facts_per_s"]
    print(f"load ({load['facts']} facts): load path {load['copy_facts_per_s']:.0f} facts/s; DataFrame.to_sql "
          f"{load['to_sql_facts_per_s']:.0f} facts/s; bare COPY of the same rows {load['bare_copy_facts_per_s']:.0f} facts/s; "
          f"row-by-row INSERT {load['insert_facts_per_s']:.0f} facts/s")
    print(f"load path / to_sql = {vs_to_sql:.2f}x (goal >= {GOALS['load_vs_to_sql']}x: "
          f"{verdict(vs_to_sql >= GOALS['load_vs_to_sql'])}); load path / bare COPY = {vs_bare:.2f}x "
          f"(goal >= {GOALS['load_vs_bare_copy']}x: {verdict(vs_bare >= GOALS['load_vs_bare_copy'])})")


def measure_and_print(paths: list[Path], admin: str) -> None:
    from flows.ingest import cyclic_gc_paused

    sample = paths[:1000]
    with cyclic_gc_paused():  # as in a batch task, for every figure measured in this process
        extraction = measure_extraction(sample)
        load = measure_load(extraction["reports"], admin)
    print(f"extraction (1 process, {extraction['documents']} reports): {extraction['extract_docs_per_s']:.0f} reports/s, "
          f"{extraction['extract_mb_per_s']:.1f} MB/s; read-and-regex floor: {extraction['floor_docs_per_s']:.0f} reports/s, "
          f"{extraction['floor_mb_per_s']:.1f} MB/s")
    print_load(load)
    runs = {count: child("end-to-end", count, admin) for count in SIZES}
    for count, run in runs.items():
        rate = run["loaded"] / run["seconds"]
        goal = f" (goal >= {GOALS['end_to_end']:.0f}/s: {verdict(rate >= GOALS['end_to_end'])})" if count == max(SIZES) else ""
        print(f"end to end, {count} reports: {run['seconds']:.1f} s, {rate:.0f} reports/s{goal}, "
              f"{run['facts']} facts, {run['failed']} failed, peak memory {run['peak_mb']:.0f} MB")
    big = runs[max(SIZES)]
    print(f"nothing-changed re-run over {max(SIZES)}: {big['rerun_seconds']:.2f} s, {big['rerun_skipped']} skipped "
          f"(goal < {GOALS['rerun']:.0f} s: {verdict(big['rerun_seconds'] < GOALS['rerun'])})")
    growth = runs[max(SIZES)]["peak_mb"] / runs[min(SIZES)]["peak_mb"]
    print(f"peak memory 10,000 vs 1,000 reports: x{growth:.2f} (flat: {verdict(growth < 1.5)})")
    for count in SIZES:
        plain = child("without-prefect", count, admin)
        flow_seconds = runs[count]["seconds"]
        overhead = 100 * (flow_seconds - plain["seconds"]) / flow_seconds
        goal = (
            f" (goal < {GOALS['prefect_overhead']:.0f}%: {verdict(overhead < GOALS['prefect_overhead'])})"
            if count == max(SIZES)
            else " (includes starting the worker processes)"
        )
        print(f"Prefect overhead on {count} reports: flow {flow_seconds:.1f} s vs the same work in a plain process "
              f"pool {plain['seconds']:.1f} s: {flow_seconds - plain['seconds']:.1f} s = {overhead:.1f}%{goal}")


def measure_in_child(kind: str, count: int, url: str) -> dict:
    """What `child` runs: one measurement, by kind."""
    if kind == "end-to-end":
        return end_to_end(count, url, rerun=count == max(SIZES))
    if kind == "without-prefect":
        return without_prefect(count, url)
    from bench.pdf import PDF_SIZES, end_to_end as pdf_end_to_end

    return pdf_end_to_end(count, url, rerun=count == max(PDF_SIZES))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("end-to-end", "without-prefect", "pdf-end-to-end"):
        print(json.dumps(measure_in_child(sys.argv[1], int(sys.argv[2]), sys.argv[3])))
    elif set(sys.argv[1:]) <= {"text", "pdf"}:
        main(tuple(sys.argv[1:]) or ("text", "pdf"))
    else:
        sys.exit("usage: python -m bench.run [text] [pdf]")
