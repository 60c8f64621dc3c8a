"""The loader against a real PostgreSQL: idempotent, replacing, superseding, atomic."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from load.loader import LoadError, load_reports, record_failure
from tests import standard_tables
from tests.conftest import REPORTS
from transform.pipeline import process_report

SEED = REPORTS / "000_dac422e8fb956846.txt"


def counts(engine) -> dict[str, int]:
    tables = ["core.fact_summary_item", "core.fact_three_public", "core.fact_expenditure_function",
              "core.fact_project", "core.fact_performance_indicator", "etl.findings", "etl.documents"]
    with engine.connect() as connection:
        return {t: connection.execute(text(f"select count(*) from {t}")).scalar_one() for t in tables}


def load(engine, *paths):
    with engine.begin() as connection:
        return load_reports(connection, [process_report(p) for p in paths])


def test__load_reports__writes_every_family(engine):
    report = process_report(SEED)
    load(engine, SEED)
    found = counts(engine)
    assert found["core.fact_summary_item"] == len(report.summary_items) > 0
    assert found["core.fact_three_public"] == len(report.three_public) > 0
    assert found["core.fact_expenditure_function"] == len(report.expenditure_by_function) > 0
    assert found["core.fact_project"] == len(report.project_performance) > 0
    assert found["core.fact_performance_indicator"] == len(report.performance_indicators) > 0
    assert found["etl.findings"] == len(report.findings)
    with engine.connect() as connection:
        total = connection.execute(
            text("select amount_yuan from mart.three_public where category = 'official_reception'")
        ).scalar_one()
    assert str(total) == "5000.00"


def test__load_reports__twice_changes_nothing(engine):
    load(engine, SEED)
    with engine.connect() as connection:
        first = connection.execute(text("select * from mart.summary_items order by item")).all()
    load(engine, SEED)
    with engine.connect() as connection:
        second = connection.execute(text("select * from mart.summary_items order by item")).all()
    assert first == second
    assert counts(engine)["etl.documents"] == 1


def test__load_reports__changed_file_replaces_its_facts(engine, tmp_path):
    copy = tmp_path / "report.txt"
    shutil.copy(SEED, copy)
    load(engine, copy)
    copy.write_text(SEED.read_text(encoding="utf-8").replace("国内公务接待4批次", "国内公务接待5批次"), encoding="utf-8")
    load(engine, copy)
    with engine.connect() as connection:
        rows = connection.execute(
            text("select batches from mart.three_public where category = 'reception_domestic'")
        ).scalars().all()
    assert rows == [5]
    assert counts(engine)["etl.documents"] == 1


def test__load_reports__republished_report_supersedes_the_old(engine, tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    shutil.copy(SEED, old)
    new.write_text(SEED.read_text(encoding="utf-8").replace("国内公务接待4批次", "国内公务接待5批次"), encoding="utf-8")
    load(engine, old)
    load(engine, new)
    with engine.connect() as connection:
        current = connection.execute(
            text("select batches from mart.three_public where category = 'reception_domestic'")
        ).scalars().all()
        kept = connection.execute(
            text("select count(*) from core.fact_three_public where category_label = '国内公务接待'")
        ).scalar_one()
        superseded = connection.execute(
            text("select superseded_by is not null from etl.documents where source_path like '%old.txt'")
        ).scalar_one()
    assert current == [5]
    assert kept == 2 and superseded


def test__load_reports__parallel_batches_of_one_report_leave_one_current(engine, tmp_path):
    """Two batches loading versions of one report at once: the second waits for the first, and
    within a run the last path is current whichever batch commits first."""
    import threading

    first, second, third = (tmp_path / f"{name}.txt" for name in ("a", "b", "c"))
    for number, path in enumerate((first, second, third), start=4):
        path.write_text(SEED.read_text(encoding="utf-8").replace("国内公务接待4批次", f"国内公务接待{number}批次"), encoding="utf-8")
    load(engine, first)  # departments, years and projects exist: only the supersede lock can make b wait
    with engine.begin() as connection:
        run_id = connection.execute(text("insert into etl.runs default values returning run_id")).scalar_one()
    holder = engine.connect()
    transaction = holder.begin()
    load_reports(holder, [process_report(third)], run_id)
    waiter = threading.Thread(target=lambda: _load_in_run(engine, second, run_id))
    waiter.start()
    waiter.join(1.0)
    assert waiter.is_alive(), "the second batch did not wait for the first"
    transaction.commit()
    holder.close()
    waiter.join(30)
    with engine.connect() as connection:
        rows = connection.execute(
            text("select right(source_path, 5), is_current, superseded_by is not null from etl.documents order by 1")
        ).all()
        current = connection.execute(
            text("select batches from mart.three_public where category = 'reception_domestic'")
        ).scalars().all()
    assert rows == [("a.txt", False, True), ("b.txt", False, True), ("c.txt", True, False)]
    assert current == [6]


def _load_in_run(engine, path, run_id):
    with engine.begin() as connection:
        load_reports(connection, [process_report(path)], run_id)


def test__load_reports__every_dimension_key_of_every_fact_exists(engine):
    """Facts carry no foreign keys to dimensions (see load.schema.dimension_key): the loader
    must never write a key that points nowhere."""
    from load.schema import FACT_TABLES

    load(engine, *sorted(REPORTS.glob("*.txt")))
    with engine.begin() as connection:
        load_reports(connection, [standard_tables.report()])  # the samples have no economic classes
    keys = {"department_id": "core.dim_department", "fiscal_year": "core.dim_year",
            "class_id": "core.dim_expenditure_class", "project_id": "core.dim_project"}
    checked = 0
    with engine.connect() as connection:
        for table in FACT_TABLES.values():
            assert connection.execute(text(f"select count(*) from core.{table.name}")).scalar_one() > 0, table.name
            for column, dimension in keys.items():
                if column not in table.c:
                    continue
                dangling = connection.execute(
                    text(
                        f"select count(*) from core.{table.name} as f where f.{column} is not null "
                        f"and not exists (select from {dimension} as d where d.{column} = f.{column})"
                    )
                ).scalar_one()
                assert dangling == 0, f"{table.name}.{column}: {dangling} facts point nowhere"
                checked += 1
    assert checked == 18


def test__load_reports__refuses_a_report_without_department(engine, tmp_path):
    report = process_report(SEED)
    from dataclasses import replace

    nameless = replace(report, document=replace(report.document, department=None))
    with pytest.raises(LoadError, match="no department"):
        with engine.begin() as connection:
            load_reports(connection, [nameless])
    assert counts(engine)["etl.documents"] == 0


def test__record_failure__keeps_what_was_loaded(engine):
    load(engine, SEED)
    before = counts(engine)
    with engine.begin() as connection:
        record_failure(connection, str(SEED), "f" * 64, f"{SEED}: the file is empty", None)
    after = counts(engine)
    assert before == after
    with engine.connect() as connection:
        status, error = connection.execute(text("select status, error from etl.documents")).one()
    assert status == "loaded" and "empty" in error
