"""The ingest flow end to end, under a Prefect test harness, against a real PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from budget_etl.runs import LOCK_KEY, RunLocked
from flows.ingest import batch_size_for, batches, discover, run_ingest
from tests.conftest import REPORTS

pytestmark = pytest.mark.database


def seeds_in(folder):
    for path in REPORTS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def warehouse(engine) -> dict[str, list]:
    """Every mart view's rows without ids and paths, in a stable order: what analysts see."""
    views = ["summary_items", "three_public", "expenditure_by_function", "project_performance", "performance_indicators"]
    out = {}
    with engine.connect() as connection:
        for view in views:
            rows = connection.execute(text(f"select * from mart.{view}")).mappings().all()
            out[view] = sorted(tuple(sorted((k, str(v)) for k, v in row.items() if k != "document_id")) for row in rows)
    return out


def test__ingest__loads_every_seed_then_skips_them_unchanged(engine, prefect_harness):
    first = run_ingest([str(REPORTS)], runner="thread")
    assert (first["documents_seen"], first["documents_new"], first["documents_failed"]) == (5, 5, 0)
    assert first["facts_loaded"] > 100
    second = run_ingest([str(REPORTS)], runner="thread")
    assert (second["documents_new"], second["documents_skipped"]) == (0, 5)
    with engine.connect() as connection:
        departments = connection.execute(text("select count(distinct department) from mart.documents")).scalar_one()
    assert departments == 5


def test__ingest__a_bad_file_fails_alone_with_its_reason(engine, prefect_harness, tmp_path):
    folder = seeds_in(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "novel.txt").write_text("从前有座山，山里有座庙。\n庙里有个老和尚。\n", encoding="utf-8")
    summary = run_ingest([str(folder)], runner="thread")
    assert (summary["documents_new"], summary["documents_failed"]) == (5, 3)
    with engine.connect() as connection:
        errors = dict(connection.execute(text("select source_path, error from etl.documents where status = 'failed'")).all())
    assert "the file is empty" in errors[str(folder / "empty.txt")]
    assert "binary" in errors[str(folder / "binary.txt")]
    assert "not a budget report" in errors[str(folder / "novel.txt")]
    assert all(path in message for path, message in errors.items())


def test__ingest__word_reports_load_and_office_97_files_fail_alone_saying_what_to_do(engine, prefect_harness, tmp_path):
    from tests.extract.readers.compound_files import compound_file
    from tests.extract.readers.seed_docx import seed_as_docx
    from transform.pipeline import process_report

    for path in REPORTS.glob("*.txt"):
        (tmp_path / f"{path.stem}.docx").write_bytes(seed_as_docx(path))
    (tmp_path / "old.doc").write_bytes(compound_file({"WordDocument": b"", "1Table": b""}))
    (tmp_path / "old.wps").write_bytes(compound_file({"WordDocument": b""}))
    whole = (tmp_path / "000_dac422e8fb956846.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(whole[: len(whole) // 2])
    summary = run_ingest([str(tmp_path)], runner="thread")
    assert (summary["documents_new"], summary["documents_failed"]) == (5, 3)
    assert summary["facts_loaded"] == sum(process_report(path).fact_count() for path in REPORTS.glob("*.txt"))
    with engine.connect() as connection:
        errors = dict(connection.execute(text("select source_path, error from etl.documents where status = 'failed'")).all())
    assert errors[str(tmp_path / "old.doc")].endswith("save it as .docx")
    assert errors[str(tmp_path / "old.wps")].endswith("save it as .docx")
    assert "damaged zip archive" in errors[str(tmp_path / "cut.docx")]


def test__ingest__gbk_file_reads_like_utf8(engine, prefect_harness, tmp_path):
    source = REPORTS / "003_e72cc16d30ba4fbe.txt"
    (tmp_path / "gbk.txt").write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    run_ingest([str(tmp_path)], runner="thread")
    with engine.connect() as connection:
        department, total = connection.execute(
            text("select department, amount_yuan from mart.three_public where category = 'three_public_total'")
        ).one()
    assert department == "攀枝花市西区人大办公室" and str(total) == "5000.00"


def test__ingest__refuses_to_run_beside_another_run(engine, prefect_harness):
    with engine.connect() as holder:
        holder.execute(text("select pg_advisory_lock(:k)"), {"k": LOCK_KEY})
        with pytest.raises(RunLocked, match="another ingest run"):
            run_ingest([str(REPORTS)], runner="thread")
        holder.execute(text("select pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from etl.documents")).scalar_one() == 0


def test__discover__files_and_folders_sorted_without_repeats(tmp_path):
    folder = seeds_in(tmp_path)
    (folder / "notes.md").write_text("x", encoding="utf-8")
    found = discover([str(folder), str(folder / "000_dac422e8fb956846.txt")])
    assert found == sorted(str(p) for p in folder.glob("*.txt"))


def test__discover__word_excel_office_97_and_web_pages_too(tmp_path):
    names = ["a.docx", "b.DOC", "c.wps", "d.xlsx", "e.xls", "f.et", "g.txt", "h.html", "i.HTM", "j.shtml", "chart.png", "notes.md"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    assert [Path(path).name for path in discover([str(tmp_path)])] == names[:10]


def test__batches__capped_at_the_size_and_one_per_worker_on_small_runs():
    items = [(f"r{i}.txt", "sha") for i in range(10)]
    assert [len(b) for b in batches(items, 4)] == [4, 4, 2]
    assert [len(b) for b in batches(iter(items), batch_size_for(10, 500, workers=2))] == [5, 5]
    assert [len(b) for b in batches(items, batch_size_for(10, 500, workers=3))] == [4, 4, 2]
    assert batch_size_for(1, 500, workers=4) == 1 and batch_size_for(0, 500, workers=2) == 1
    assert batch_size_for(100_000, 500, workers=2) == 500
    assert batch_size_for(10_500, 1000, workers=2) == 875  # 12 batches, 6 per worker
    assert list(batches([], 500)) == []
    assert [item for batch in batches(items, 3) for item in batch] == items


def test__ingest__process_runner_gives_the_same_warehouse(engine, prefect_harness):
    run_ingest([str(REPORTS)], runner="thread")
    by_threads = warehouse(engine)
    with engine.begin() as connection:
        connection.execute(text("truncate etl.documents, etl.runs restart identity cascade"))
    run_ingest([str(REPORTS)], runner="process", batch_size=2)
    assert warehouse(engine) == by_threads


def test__ingest__dask_cluster_of_two_workers_gives_the_same_warehouse(engine, prefect_harness):
    run_ingest([str(REPORTS)], runner="thread")
    by_threads = warehouse(engine)
    with engine.begin() as connection:
        connection.execute(text("truncate etl.documents, etl.runs restart identity cascade"))
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_ingest([str(REPORTS)], runner="dask", address=cluster.scheduler_address, batch_size=2)
    assert summary["documents_new"] == 5
    assert warehouse(engine) == by_threads


def overflowing_copy(folder):
    """Issue 13, case 1: a 合计 of 10^20 万元, beyond NUMERIC(18,2), under another department."""
    source = REPORTS / "002_7c31d4a17c7f4b76.txt"
    text = source.read_text(encoding="utf-8").replace("合计872.17万元", "合计100000000000000000000万元")
    (folder / "x.txt").write_text(text.replace("人民政府办公室", "测试局"), encoding="utf-8")
    return folder / "x.txt"


def test__ingest__a_figure_beyond_the_warehouse_costs_no_other_file(engine, prefect_harness, tmp_path):
    folder = seeds_in(tmp_path)
    bad = overflowing_copy(folder)
    summary = run_ingest([str(folder)], runner="thread", batch_size=3)
    assert (summary["documents_new"], summary["documents_failed"]) == (6, 0)
    with engine.connect() as connection:
        rules = connection.execute(
            text("select f.rule from etl.findings f join etl.documents d using (document_id) where d.source_path = :p"),
            {"p": str(bad)},
        ).scalars().all()
    assert "amount_out_of_range" in rules
    again = run_ingest([str(folder)], runner="thread", batch_size=3)
    assert (again["documents_new"], again["documents_skipped"], again["documents_failed"]) == (0, 6, 0)


def test__load_outcomes__a_document_the_database_refuses_fails_alone(engine, tmp_path):
    """A value that gets past extraction and is refused by COPY (a raw psycopg error, not one
    SQLAlchemy wraps) fails its document alone: its batch-mates load, it is recorded once."""
    from dataclasses import replace
    from decimal import Decimal

    from budget_etl.runs import PendingFiles
    from extract.document import file_sha256
    from flows.ingest import Outcome, load_outcomes
    from transform.pipeline import process_report

    folder = seeds_in(tmp_path)
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    outcomes = []
    for path in paths[:3]:
        report = process_report(path)
        if path == paths[1]:
            first = replace(report.summary_items[0], amount_yuan=Decimal("1E+24"))
            report = replace(report, summary_items=(first, *report.summary_items[1:]))
        outcomes.append(Outcome(path, file_sha256(path), report=report))
    result = load_outcomes(engine, outcomes, None)
    assert result.loaded == 2
    (line,) = result.errors
    assert line.startswith(f"{paths[1]}: the database refused it: ") and "\n" not in line
    with engine.connect() as connection:
        rows = dict(connection.execute(text("select source_path, status from etl.documents")).all())
    assert rows == {paths[0]: "loaded", paths[1]: "failed", paths[2]: "loaded"}
    assert [path for path, _ in PendingFiles(engine, paths[:3])] == []  # not tried again unchanged


def test__batch_task__retries_a_lost_connection_never_a_bad_file():
    import psycopg
    from prefect.states import Failed
    from sqlalchemy.exc import DataError, OperationalError

    from flows.ingest import batch_task
    from load.loader import LoadError

    def retried(error):
        return batch_task.retry_condition_fn(batch_task, None, Failed(data=error))

    assert retried(OperationalError("select 1", {}, psycopg.OperationalError("server closed the connection")))
    assert retried(psycopg.errors.AdminShutdown("terminating connection due to administrator command"))
    assert not retried(DataError("copy", {}, psycopg.DataError("numeric field overflow")))
    assert not retried(psycopg.errors.NumericValueOutOfRange("numeric field overflow"))
    assert not retried(LoadError("x.txt", "no department"))
    assert not retried(ValueError("anything else"))


def test__ingest__a_file_that_cannot_be_read_fails_alone_naming_it(engine, prefect_harness, tmp_path):
    """Issue 13, case 2: reading /proc/self/mem from its start fails with EIO, while hashing."""
    folder = seeds_in(tmp_path)
    (folder / "mem.txt").symlink_to("/proc/self/mem")
    summary = run_ingest([str(folder)], runner="thread")
    assert (summary["documents_new"], summary["documents_failed"]) == (5, 1)
    with engine.connect() as connection:
        (error,) = connection.execute(text("select error from etl.documents where status = 'failed'")).scalars().all()
    assert error == f"{folder / 'mem.txt'}: cannot read the file: Input/output error"


def test__ingest__a_file_over_the_size_limit_fails_alone_and_once(engine, prefect_harness, tmp_path, monkeypatch):
    """Issue 13, case 6: a file over BUDGET_ETL_MAX_FILE_MB fails before it is read."""
    from budget_etl.settings import get_settings

    folder = seeds_in(tmp_path)
    body = (REPORTS / "001_5bad65b3efb8bad8.txt").read_text(encoding="utf-8")
    (folder / "huge.txt").write_text(body * 3, encoding="utf-8")  # about 150 KB
    monkeypatch.setenv("BUDGET_ETL_MAX_FILE_MB", "0.1")
    get_settings.cache_clear()
    try:
        summary = run_ingest([str(folder)], runner="thread")
        again = run_ingest([str(folder)], runner="thread")
    finally:
        monkeypatch.delenv("BUDGET_ETL_MAX_FILE_MB")
        get_settings.cache_clear()
    assert (summary["documents_new"], summary["documents_failed"]) == (5, 1)
    assert (again["documents_new"], again["documents_failed"], again["documents_skipped"]) == (0, 0, 6)
    with engine.connect() as connection:
        (error,) = connection.execute(text("select error from etl.documents where status = 'failed'")).scalars().all()
    assert error == f"{folder / 'huge.txt'}: the file is 0.13 MB, over the limit of 0.1 MB (BUDGET_ETL_MAX_FILE_MB)"


def test__ingest__a_file_name_with_a_line_break_is_one_line_in_status(engine, prefect_harness, tmp_path):
    """Issue 13, case 10: the error of "a\\nb.txt" split over two lines of the log and of status."""
    from budget_etl.status import render_status

    folder = seeds_in(tmp_path)
    (folder / "two\nlines.txt").write_bytes(b"\x00\x01binary")
    (folder / "cut.txt").write_bytes((REPORTS / "003_e72cc16d30ba4fbe.txt").read_text(encoding="utf-8").rstrip().encode()[:-1])
    summary = run_ingest([str(folder)], runner="thread")
    assert (summary["documents_new"], summary["documents_failed"]) == (5, 2)
    lines = render_status(engine).splitlines()
    assert f"  {folder}/two\\nlines.txt: the file is binary (it contains NUL bytes), not a text report" in lines
    assert f"  {folder}/cut.txt: the file ends in the middle of a UTF-8 character (cut short?)" in lines
