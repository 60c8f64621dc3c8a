"""The class dimension's reference rows: both official catalogues, seeded on every migration."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import text

from extract.classification import function_classes
from extract.economic_classification import economic_classes
from load.classes import reference_rows, sync_reference_classes


def test__reference_rows__hold_both_catalogues_once():
    rows = reference_rows()
    kinds = Counter(row["class_kind"] for row in rows)
    assert kinds["function"] == len(function_classes())
    assert kinds["economic"] == len(economic_classes())
    assert {"summary_item", "three_public"} <= set(kinds)
    keys = [(row["class_kind"], row["class_code"]) for row in rows]
    assert len(keys) == len(set(keys))


def test__reference_rows__economic_rows_keep_level_and_parent():
    rows = {row["class_code"]: row for row in reference_rows() if row["class_kind"] == "economic"}
    assert rows["301"] == {"class_kind": "economic", "class_code": "301", "class_level": "类",
                           "class_name": "工资福利支出", "parent_code": None, "source": "reference"}
    assert (rows["30101"]["class_level"], rows["30101"]["class_name"], rows["30101"]["parent_code"]) == ("款", "基本工资", "301")


def reference_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return dict(
            connection.execute(
                text("select class_kind, count(*) from core.dim_expenditure_class where source = 'reference' group by 1")
            ).all()
        )


def test__migration__seeds_the_economic_classification(engine):
    counts = reference_counts(engine)
    assert counts["economic"] == len(economic_classes())
    assert counts["function"] == len(function_classes())
    with engine.connect() as connection:
        row = connection.execute(
            text("select class_level, class_name, parent_code from core.dim_expenditure_class "
                 "where class_kind = 'economic' and class_code = '30217'")
        ).one()
    assert tuple(row) == ("款", "公务接待费", "302")


def test__sync_reference_classes__is_idempotent(engine):
    before = reference_counts(engine)
    with engine.begin() as connection:
        sync_reference_classes(connection)
        sync_reference_classes(connection)
    assert reference_counts(engine) == before
