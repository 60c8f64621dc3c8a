"""The mart views and the example queries, run against the five sample reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from load.departments import sync_department_aliases
from load.loader import load_reports
from tests.conftest import REPORTS, ROOT
from transform.departments import read_aliases
from transform.pipeline import process_report

EXAMPLES = sorted((ROOT / "sql" / "examples").glob("*.sql"))


@pytest.fixture
def samples(engine):
    with engine.begin() as connection:
        load_reports(connection, [process_report(path) for path in sorted(REPORTS.glob("*.txt"))])
        sync_department_aliases(connection, read_aliases())
    return engine


def query(engine, sql: str) -> list:
    with engine.connect() as connection:
        return connection.execute(text(sql)).mappings().all()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test__example_query__runs_and_returns_rows(samples, path: Path):
    rows = query(samples, path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} returned nothing on the sample reports"


def test__reception_example__answers_who_spent_most_in_2020(samples):
    rows = query(samples, (ROOT / "sql" / "examples" / "reception_by_department.sql").read_text(encoding="utf-8"))
    assert [(r["canonical_department"], r["reception_wan"], r["rank_in_region"]) for r in rows] == [
        ("攀枝花市西区政协", Decimal("0.60"), 1),
        ("攀枝花市西区人大办公室", Decimal("0.50"), 2),
        ("攀枝花市西区人民政府办公室", Decimal("0.07"), 3),
    ]


def test__department_headlines__one_row_per_document_with_headlines(samples):
    rows = {r["department"]: r for r in query(samples, "select * from mart.department_headlines")}
    assert len(rows) == 5
    council = rows["攀枝花市西区人大常委会办公室"]
    assert (council["expense_total_yuan"], council["three_public_total_yuan"]) == (Decimal("5221000.00"), Decimal("5000.00"))
    assert (council["personnel_yuan"], council["public_funds_yuan"]) == (Decimal("3804600.00"), Decimal("377300.00"))
    assert council["canonical_department"] == "攀枝花市西区人大办公室"
    assert rows["攀枝花市西区政协"]["project_count"] == 3


def test__three_public_comparison__shares_of_spending(samples):
    rows = query(
        samples,
        "select department, share_of_spending_pct from mart.three_public_comparison "
        "where category = 'three_public_total' and phase = 'final' order by department",
    )
    shares = {r["department"]: r["share_of_spending_pct"] for r in rows}
    assert shares["攀枝花市西区政协"] == round(Decimal("6000") / Decimal("5009100") * 100, 4)


def test__three_public_comparison__change_against_the_previous_year(samples, tmp_path):
    text_2021 = (REPORTS / "001_5bad65b3efb8bad8.txt").read_text(encoding="utf-8").replace("2020", "2021")
    text_2021 = text_2021.replace("公务接待费支出0.6万元", "公务接待费支出0.9万元").replace("公务接待费支出决算0.6万元", "公务接待费支出决算0.9万元")
    later = tmp_path / "cppcc_2021.txt"
    later.write_text(text_2021, encoding="utf-8")
    with samples.begin() as connection:
        load_reports(connection, [process_report(later)])
    (row,) = query(
        samples,
        "select amount_yuan, previous_year_amount_yuan, change_yuan, change_pct from mart.three_public_comparison "
        "where department = '攀枝花市西区政协' and fiscal_year = 2021 and category = 'official_reception'",
    )
    assert (row["amount_yuan"], row["previous_year_amount_yuan"], row["change_yuan"], row["change_pct"]) == (
        Decimal("9000.00"), Decimal("6000.00"), Decimal("3000.00"), Decimal("50.00"),
    )


def test__budget_vs_final__pairs_a_budget_with_its_final(samples, tmp_path):
    budget = (REPORTS / "003_e72cc16d30ba4fbe.txt").read_text(encoding="utf-8").replace("2022", "2020").replace("22020年", "2020年")
    path = tmp_path / "budget_2020.txt"
    path.write_text(budget, encoding="utf-8")
    with samples.begin() as connection:
        load_reports(connection, [process_report(path)])
        sync_department_aliases(connection, read_aliases())
    rows = {
        (r["figure_kind"], r["figure_code"]): r
        for r in query(samples, "select * from mart.budget_vs_final where canonical_department = '攀枝花市西区人大办公室'")
    }
    spending = rows[("summary_item", "expense_total")]
    assert (spending["budgeted_yuan"], spending["spent_yuan"]) == (Decimal("5562800.00"), Decimal("5221000.00"))
    assert spending["execution_rate_pct"] == Decimal("93.86")
    assert ("three_public", "official_reception") in rows and ("function_class", "201") in rows


def test__expenditure_structure__shares_add_up_to_100(samples):
    rows = query(
        samples,
        "select document_id, sum(share_pct) as total from mart.expenditure_structure group by document_id",
    )
    assert rows and all(abs(r["total"] - 100) <= Decimal("0.05") for r in rows)
