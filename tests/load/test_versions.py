"""Which version of a report is current (issue 13, cases 4 and 5): the one its own content and
the order of publication make the latest, never a fragment, never the last file touched."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from load.loader import LoadError, load_reports
from tests.conftest import REPORTS
from transform.pipeline import process_report

BUDGET = REPORTS / "003_e72cc16d30ba4fbe.txt"
FULL = BUDGET.read_text(encoding="utf-8")


def new_run(engine) -> int:
    with engine.begin() as connection:
        return connection.execute(text("insert into etl.runs default values returning run_id")).scalar_one()


def load(engine, path, run_id=None):
    with engine.begin() as connection:
        return load_reports(connection, [process_report(path)], run_id)


def documents(engine) -> dict[str, tuple]:
    """file name -> (is_current, fact_count, the rules of its findings)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                """
                select regexp_replace(d.source_path, '^.*/', ''), d.is_current, d.fact_count,
                       array(select f.rule from etl.findings f where f.document_id = d.document_id
                             and f.rule = 'version_incomplete')
                from etl.documents d
                """
            )
        ).all()
    return {name: (current, facts, tuple(rules)) for name, current, facts, rules in rows}


def write(path, body):
    path.write_text(body, encoding="utf-8")
    return path


def test__a_title_only_fragment_does_not_supersede_the_report(engine, tmp_path):
    full = write(tmp_path / "full.txt", FULL)
    fragment = write(tmp_path / "fragment.txt", "第一部分  攀枝花市西区人大办公室概况\n2022年部门预算情况说明\n")
    load(engine, full, new_run(engine))
    load(engine, fragment, new_run(engine))
    found = documents(engine)
    assert found["full.txt"][:2] == (True, process_report(full).fact_count())
    assert found["fragment.txt"] == (False, 0, ("version_incomplete",))
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from mart.summary_items")).scalar_one() > 0
        finding_count = connection.execute(
            text("select finding_count from mart.documents where source_path like '%fragment.txt'")
        ).scalar_one()
    assert finding_count == 1


def test__a_report_cut_short_does_not_supersede_the_full_one(engine, tmp_path):
    full = write(tmp_path / "full.txt", FULL)
    cut = write(tmp_path / "cut.txt", FULL[: int(len(FULL) * 0.85)])
    load(engine, full, new_run(engine))
    load(engine, cut, new_run(engine))
    found = documents(engine)
    assert found["full.txt"][0] is True
    assert found["cut.txt"][0] is False and found["cut.txt"][2] == ("version_incomplete",)
    assert found["cut.txt"][1] < 0.8 * found["full.txt"][1]


def test__touching_the_old_version_does_not_undo_a_correction(engine, tmp_path):
    old = write(tmp_path / "old.txt", FULL)
    assert "公务接待费0.5万元" in FULL
    corrected = write(tmp_path / "corrected.txt", FULL.replace("公务接待费0.5万元", "公务接待费0.6万元"))
    load(engine, old, new_run(engine))
    load(engine, corrected, new_run(engine))
    old.write_text(FULL + "\n", encoding="utf-8")  # touched: a blank line appended
    load(engine, old, new_run(engine))
    found = documents(engine)
    assert (found["old.txt"][0], found["corrected.txt"][0]) == (False, True)


def test__a_correction_titled_as_one_is_current_whichever_was_loaded_first(engine, tmp_path):
    correction = write(tmp_path / "b.txt", FULL.replace("2022年部门预算情况说明", "2022年部门预算情况说明（更正）"))
    original = write(tmp_path / "a.txt", FULL)
    load(engine, correction, new_run(engine))
    load(engine, original, new_run(engine))
    assert {name: row[0] for name, row in documents(engine).items()} == {"a.txt": False, "b.txt": True}


def test__a_later_date_printed_in_the_report_wins(engine, tmp_path):
    republished = write(tmp_path / "b.txt", FULL.rstrip() + "\n攀枝花市西区人大办公室\n2022年3月15日\n")
    original = write(tmp_path / "a.txt", FULL.rstrip() + "\n攀枝花市西区人大办公室\n2022年2月10日\n")
    load(engine, republished, new_run(engine))
    load(engine, original, new_run(engine))
    assert {name: row[0] for name, row in documents(engine).items()} == {"a.txt": False, "b.txt": True}


def test__a_file_changed_in_place_into_a_fragment_keeps_its_loaded_version(engine, tmp_path):
    report = write(tmp_path / "report.txt", FULL)
    full = process_report(report).fact_count()
    load(engine, report, new_run(engine))
    report.write_text(FULL[: int(len(FULL) * 0.85)], encoding="utf-8")
    cut = process_report(report).fact_count()
    assert cut < 0.8 * full
    with pytest.raises(LoadError, match=rf"report.txt: it states {cut} figures where the version loaded before stated {full}"):
        load(engine, report, new_run(engine))
    assert documents(engine)["report.txt"][:2] == (True, full)
