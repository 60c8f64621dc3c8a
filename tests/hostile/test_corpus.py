"""The bad-file corpus in ONE ingest with the five sample reports (issue 13): every good report
loads, every bad file is recorded once with one line naming it, the run finishes, and the next
run repeats no failure."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from budget_etl.settings import get_settings
from extract.errors import shown
from flows.ingest import run_ingest
from tests.conftest import REPORTS
from tests.hostile.corpus import MAX_FILE_MB, build

pytestmark = pytest.mark.database


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGET_ETL_MAX_FILE_MB", str(MAX_FILE_MB))
    get_settings.cache_clear()
    yield build(tmp_path)
    monkeypatch.delenv("BUDGET_ETL_MAX_FILE_MB")
    get_settings.cache_clear()


def test__hostile_corpus__one_ingest_loses_no_good_report(engine, prefect_harness, tmp_path, corpus):
    kinds, explicit = corpus
    assert len(kinds) >= 20
    first = run_ingest([str(tmp_path), *explicit], runner="thread")
    second = run_ingest([str(tmp_path), *explicit], runner="thread")

    with engine.connect() as connection:
        rows = connection.execute(
            text(
                """
                select d.source_path, d.status, d.error, d.is_current, d.loaded_at is not null,
                       array(select f.rule from etl.findings f where f.document_id = d.document_id)
                from etl.documents d
                """
            )
        ).all()
        runs = connection.execute(text("select status, documents_failed from etl.runs order by run_id")).all()
    documents = {path: (status, error, current, loaded, set(rules)) for path, status, error, current, loaded, rules in rows}
    assert len(documents) == len(rows) == 5 + len(kinds)  # each file recorded once

    for sample in REPORTS.glob("*.txt"):
        status, error, current, loaded, _ = documents[str(tmp_path / sample.name)]
        assert (status, error, current, loaded) == ("loaded", None, True, True), sample.name

    failed = 0
    for kind in kinds:
        path = str(tmp_path / kind.file)
        status, error, current, loaded, rules = documents[path]
        if kind.expect == "fails":
            assert status == "failed", f"{kind.name}: {status}, expected to fail"
            failed += 1
            assert error.startswith(f"{shown(path)}: ") and "\n" not in error, (kind.name, error)
            assert kind.reason is None or kind.reason in error, (kind.name, error)
        elif kind.expect == "loads":
            assert loaded and current and error is None, kind.name
            assert kind.reason is None or kind.reason in rules, (kind.name, rules)
        else:  # superseded: loaded, but the sample it would replace stays current
            assert loaded and not current and kind.reason in rules, (kind.name, current, rules)

    assert (first["documents_new"], first["documents_failed"]) == (5 + len(kinds) - failed, failed)
    assert (second["documents_new"], second["documents_failed"], second["documents_skipped"]) == (0, 0, 5 + len(kinds))
    assert runs == [("finished", failed), ("finished", 0)]
