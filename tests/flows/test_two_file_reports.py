"""A report published as two files (the 说明 and a file of 公开表 only) loads as one report: one
current document whose facts are those of the two files read together, the 公开表 file's row
pointing to it with no fact of its own; whatever the order the files arrive in, and again when
either changes. Real Jiangsu reports (tests/corpus and their tab renderings), a real PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from flows.ingest import run_ingest
from transform.pipeline import process_report, process_reports

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "corpus"
RENDERINGS = ROOT / "tests" / "reports" / "tables"
PAIRS = {
    "jiangsu-cppcc-office-2019-budget": "jiangsu-cppcc-office-2019-budget-tables",
    "jiangsu-npc-standing-committee-2019-budget": "jiangsu-npc-standing-committee-office-2019-budget-tables",
    "jiangsu-party-committee-office-2017-budget": "jiangsu-party-committee-office-2017-budget-tables",
}
VIEWS = (
    "summary_items", "three_public", "expenditure_by_function", "expenditure_by_economic_class",
    "project_performance", "performance_indicators",
)


def rows(engine, sql: str, **params) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params).all()]


def documents(engine) -> dict[str, tuple]:
    """file name -> (part, the file name of part_of, is_current, fact_count)"""
    found = rows(
        engine,
        """
        select regexp_replace(d.source_path, '^.*/', ''), d.part, regexp_replace(r.source_path, '^.*/', ''), d.is_current, d.fact_count
        from etl.documents d left join etl.documents r on r.document_id = d.part_of
        where d.loaded_at is not null
        """,
    )
    return {name: tuple(rest) for name, *rest in found}


def mart_rows(engine, file_name: str) -> int:
    """The rows of every figure view that the document of this file gives."""
    return sum(
        rows(
            engine,
            f"select count(*) from mart.{view} v join etl.documents d using (document_id) where d.source_path like :name",
            name=f"%/{file_name}",
        )[0][0]
        for view in VIEWS
    )


def test__ingest__each_pdf_pair_loads_as_one_report_with_every_figure_once(engine, prefect_harness, tmp_path):
    for report, tables in PAIRS.items():
        for name in (report, tables):
            shutil.copy(PDFS / f"{name}.pdf", tmp_path / f"{name}.pdf")
    first = run_ingest([str(tmp_path)], runner="thread")
    assert (first["documents_seen"], first["documents_new"], first["documents_failed"]) == (6, 6, 0)
    loaded = documents(engine)
    expected_facts = 0
    for report, tables in PAIRS.items():
        together = process_reports([tmp_path / f"{report}.pdf", tmp_path / f"{tables}.pdf"])
        expected_facts += together.fact_count()
        assert loaded[f"{report}.pdf"] == (None, None, True, together.fact_count())
        assert loaded[f"{tables}.pdf"] == ("tables", f"{report}.pdf", False, 0)
        assert mart_rows(engine, f"{report}.pdf") == together.fact_count()
        assert mart_rows(engine, f"{tables}.pdf") == 0
        # the 公开表 file's figures are there: more than the 说明 states alone
        assert together.fact_count() > process_report(tmp_path / f"{report}.pdf").fact_count()
    assert first["facts_loaded"] == expected_facts
    second = run_ingest([str(tmp_path)], runner="thread")
    assert (second["documents_new"], second["documents_skipped"], second["documents_failed"]) == (0, 6, 0)
    assert documents(engine) == loaded


def copy_rendering(name: str, folder: Path) -> Path:
    target = folder / f"{name}.txt"
    shutil.copy(RENDERINGS / f"{name}.txt", target)
    return target


def test__ingest__a_tables_file_alone_loads_then_joins_its_report_when_it_arrives(engine, prefect_harness, tmp_path):
    report, tables = next(iter(PAIRS.items()))
    tables_file = copy_rendering(tables, tmp_path)
    alone = run_ingest([str(tmp_path)], runner="thread")
    assert (alone["documents_new"], alone["documents_failed"]) == (1, 0)
    assert documents(engine) == {f"{tables}.txt": ("tables", None, True, process_report(tables_file).fact_count())}

    report_file = copy_rendering(report, tmp_path)
    joined = run_ingest([str(tmp_path)], runner="thread")
    together = process_reports([report_file, tables_file]).fact_count()
    assert (joined["documents_new"], joined["documents_skipped"], joined["documents_failed"]) == (1, 1, 0)
    assert documents(engine) == {
        f"{report}.txt": (None, None, True, together),
        f"{tables}.txt": ("tables", f"{report}.txt", False, 0),
    }
    assert mart_rows(engine, f"{tables}.txt") == 0
    assert mart_rows(engine, f"{report}.txt") == together


def test__ingest__either_file_changed_loads_the_two_together_again(engine, prefect_harness, tmp_path):
    report, tables = list(PAIRS.items())[1]
    report_file, tables_file = copy_rendering(report, tmp_path), copy_rendering(tables, tmp_path)
    run_ingest([str(tmp_path)], runner="thread")
    together = process_reports([report_file, tables_file]).fact_count()
    paired = {f"{report}.txt": (None, None, True, together), f"{tables}.txt": ("tables", f"{report}.txt", False, 0)}
    assert documents(engine) == paired

    # the 说明 changed (it is loaded alone by its batch, then with its unchanged 公开表 file)
    with report_file.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    changed = run_ingest([str(tmp_path)], runner="thread")
    assert (changed["documents_new"], changed["documents_skipped"], changed["documents_failed"]) == (1, 1, 0)
    assert documents(engine) == paired
    assert mart_rows(engine, f"{report}.txt") == together

    # the 公开表 changed
    with tables_file.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    changed = run_ingest([str(tmp_path)], runner="thread")
    assert (changed["documents_new"], changed["documents_skipped"], changed["documents_failed"]) == (1, 1, 0)
    assert documents(engine) == paired
    (partner,) = rows(engine, "select partner_sha256 from etl.documents where part is null")
    (own,) = rows(engine, "select sha256 from etl.documents where part = 'tables'")
    assert partner == own


def test__ingest__copies_of_a_tables_file_count_once_and_rest_on_the_next_run(engine, prefect_harness, tmp_path):
    """A folder holding the 公开表 file twice (a copy saved again, one byte apart): the report is
    loaded with the later copy, the earlier is marked as a part of it too, and the next run
    finds nothing to do."""
    report, tables = list(PAIRS.items())[2]
    report_file, tables_file = copy_rendering(report, tmp_path), copy_rendering(tables, tmp_path)
    copy = tmp_path / f"{tables}-copy.txt"
    copy.write_text(tables_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    first = run_ingest([str(tmp_path)], runner="thread")
    assert (first["documents_new"], first["documents_failed"]) == (3, 0)
    together = process_reports([report_file, tables_file]).fact_count()
    expected = {
        f"{report}.txt": (None, None, True, together),
        f"{tables}.txt": ("tables", f"{report}.txt", False, 0),
        f"{tables}-copy.txt": ("tables", f"{report}.txt", False, 0),
    }
    assert documents(engine) == expected
    assert mart_rows(engine, f"{report}.txt") == together
    second = run_ingest([str(tmp_path)], runner="thread")
    assert (second["documents_new"], second["documents_skipped"], second["documents_failed"]) == (0, 3, 0)
    assert documents(engine) == expected
