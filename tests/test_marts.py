"""The mart views and the example queries, run against the five sample reports and a report of
the standard tables (上海市普陀区人民政府办公室 2025, built from its hand-written expected file)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from dataclasses import replace

from load.departments import sync_department_aliases
from load.loader import load_reports
from tests import standard_tables
from tests.conftest import REPORTS, ROOT
from transform.departments import read_aliases
from transform.pipeline import process_report

EXAMPLES = sorted((ROOT / "sql" / "examples").glob("*.sql"))


@pytest.fixture
def samples(engine):
    with engine.begin() as connection:
        load_reports(connection, [process_report(path) for path in sorted(REPORTS.glob("*.txt"))])
        load_reports(connection, [standard_tables.report()])
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
    assert len(rows) == 6
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


def test__personnel_example__shares_of_basic_expenditure(samples):
    rows = query(samples, (ROOT / "sql" / "examples" / "personnel_and_public_funds.sql").read_text(encoding="utf-8"))
    # 一般公共预算基本支出经济分类预算表 (p18-19): 2,460.68万元, 人员经费 2,247.40, 公用经费 213.28
    assert [tuple(r.values()) for r in rows] == [
        ("上海市普陀区人民政府办公室", 2025, "budget", Decimal("2460.68"), Decimal("2247.40"), Decimal("213.28"), Decimal("91.33")),
    ]


def scoped(report, phase: str, scopes: tuple[str, ...], factor: Decimal = Decimal(1), path: str | None = None):
    """The report as another phase, keeping the functional figures of ``scopes`` only, each amount
    times ``factor`` (a made-up 决算 of the budget, to compare against it)."""
    classes = tuple(
        replace(row, amount_yuan=row.amount_yuan * factor)
        for row in report.expenditure_by_function
        if row.fund_scope in scopes
    )
    document = replace(report.document, phase=phase, source_path=path or f"{phase}-{'-'.join(scopes)}.pdf")
    return replace(report, document=document, expenditure_by_function=classes)


@pytest.fixture
def budget_and_final(engine):
    """The Putuo budget (every scope) and its made-up final (every scope, 90% spent)."""
    budget = standard_tables.report()
    with engine.begin() as connection:
        load_reports(connection, [budget, scoped(budget, "final", ("all", "fiscal", "general_budget"), Decimal("0.9"))])
    return engine


def test__expenditure_structure__reads_one_fund_scope_per_report(budget_and_final):
    rows = query(budget_and_final, "select * from mart.expenditure_structure where phase = 'budget' order by class_code")
    assert [(r["class_code"], r["fund_scope"]) for r in rows] == [
        ("201", "general_budget"), ("208", "general_budget"), ("210", "general_budget"), ("221", "general_budget"),
    ]
    assert sum(r["amount_yuan"] for r in rows) == Decimal("91016775.35")  # 一般公共预算支出功能分类预算表 合计
    assert abs(sum(r["share_pct"] for r in rows) - 100) <= Decimal("0.05")


@pytest.mark.parametrize("scopes, chosen", [(("all", "fiscal"), "fiscal"), (("all",), "all"), (("government_fund",), None)])
def test__expenditure_structure__falls_back_to_fiscal_then_all(engine, scopes, chosen):
    with engine.begin() as connection:
        load_reports(connection, [scoped(standard_tables.report(), "budget", scopes)])
    rows = query(engine, "select distinct fund_scope from mart.expenditure_structure")
    assert [r["fund_scope"] for r in rows] == ([chosen] if chosen else [])


def test__budget_vs_final__compares_a_class_once_in_one_scope(budget_and_final):
    rows = query(
        budget_and_final,
        "select figure_code, fund_scope, budgeted_yuan, spent_yuan, execution_rate_pct from mart.budget_vs_final "
        "where figure_kind = 'function_class' and figure_code = '201'",
    )
    assert [tuple(r.values()) for r in rows] == [
        ("201", "general_budget", Decimal("82096797.42"), Decimal("73887117.68"), Decimal("90.00")),
    ]
    scopes = query(budget_and_final, "select distinct fund_scope from mart.budget_vs_final where figure_kind = 'function_class'")
    assert [r["fund_scope"] for r in scopes] == ["general_budget"]
    items = query(budget_and_final, "select count(*) as n, count(distinct figure_code) as codes from mart.budget_vs_final")
    assert items[0]["n"] == items[0]["codes"]


def test__budget_vs_final__joins_on_the_scope_both_reports_state(engine):
    """A budget in every scope against a final stating only 'all': compared on 'all', on both sides."""
    budget = standard_tables.report()
    with engine.begin() as connection:
        load_reports(connection, [budget, scoped(budget, "final", ("all",), Decimal("0.5"))])
    rows = query(
        engine,
        "select fund_scope, budgeted_yuan, spent_yuan from mart.budget_vs_final "
        "where figure_kind = 'function_class' and figure_code = '2010301'",
    )
    assert [tuple(r.values()) for r in rows] == [("all", Decimal("12029501.84"), Decimal("6014750.92"))]


def test__department_headlines__one_row_per_report_whatever_its_scopes(budget_and_final):
    rows = query(budget_and_final, "select phase, expense_total_yuan, personnel_yuan from mart.department_headlines order by phase")
    assert [tuple(r.values()) for r in rows] == [
        ("budget", Decimal("91016775.35"), Decimal("22473997.81")),
        ("final", Decimal("91016775.35"), Decimal("22473997.81")),
    ]


def test__economic_structure__shares_of_personnel_and_public_funds(budget_and_final):
    rows = query(budget_and_final, "select * from mart.economic_structure where phase = 'budget' order by class_code")
    assert [(r["class_code"], r["class_name"], r["fund_scope"]) for r in rows] == [
        ("301", "工资福利支出", "general_budget"), ("302", "商品和服务支出", "general_budget"),
        ("303", "对个人和家庭的补助", "general_budget"), ("310", "资本性支出", "general_budget"),
    ]
    assert abs(sum(r["share_pct"] for r in rows) - 100) <= Decimal("0.05")
    personnel = sum(r["personnel_share_pct"] or 0 for r in rows)
    public_funds = sum(r["public_funds_share_pct"] or 0 for r in rows)
    assert (round(personnel, 1), round(public_funds, 1)) == (Decimal("91.3"), Decimal("8.7"))
    assert rows[0]["canonical_department"] == "上海市普陀区人民政府办公室"
