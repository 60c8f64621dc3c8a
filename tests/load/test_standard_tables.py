"""The loader and the figure views on reports with every field the standard tables (公开表) give:
fund scopes, 基本/项目支出 parts, prior-year figures, economic classes with 人员经费 and 公用经费,
the report scope and where each figure sits (page, table, row).

The reports are built from the corpus's hand-written expected files (tests/standard_tables.py).
The corpus states no prior-year figure of a summary item or class, and has no self-evaluation
table: those fields get values made up here, and say so.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from load.loader import LoadError, load_reports
from load.schema import FACT_TABLES
from tests import standard_tables
from tests.conftest import REPORTS
from transform.pipeline import process_report

PUTUO = standard_tables.PUTUO
HIGH_COURT = "jiangsu-high-court-2019-budget"
FINANCE = "shanghai-putuo-finance-bureau-2025-budget"


def load(engine, *reports):
    with engine.begin() as connection:
        return load_reports(connection, list(reports))


def query(engine, sql: str, **params) -> list:
    with engine.connect() as connection:
        return connection.execute(text(sql), params).mappings().all()


def with_made_up_fields(report):
    """The fields no report of the corpus states, with values made up for the test."""
    items = tuple(
        replace(item, prior_year_yuan=Decimal("114912000.00")) if item.item == "expense_total" else item
        for item in report.summary_items
    )
    classes = tuple(
        replace(row, prior_year_yuan=Decimal("81000000.00")) if (row.fund_scope, row.class_code) == ("general_budget", "201") else row
        for row in report.expenditure_by_function
    )
    return replace(report, summary_items=items, expenditure_by_function=classes)


def self_evaluation():
    """Performance tables with 分值 and 得分 (made up: the corpus has none), on a seed report."""
    seed = process_report(REPORTS / "000_dac422e8fb956846.txt")
    projects = tuple(replace(p, score=Decimal("92.5")) for p in seed.project_performance)
    indicators = tuple(replace(row, weight=Decimal("10"), score=Decimal("9.5")) for row in seed.performance_indicators)
    return replace(seed, project_performance=projects, performance_indicators=indicators)


def test__load_reports__loads_every_family_of_the_standard_tables(engine):
    reports = [
        with_made_up_fields(standard_tables.report(PUTUO)),
        standard_tables.report(HIGH_COURT),
        standard_tables.report(FINANCE),
    ]
    loaded = load(engine, *reports)
    assert [d.fact_count for d in loaded] == [r.fact_count() for r in reports]
    for family, table in FACT_TABLES.items():
        (count,) = query(engine, f"select count(*) as n from core.{table.name}")
        assert count["n"] == sum(len(getattr(r, family)) for r in reports), family
    documents = query(engine, "select report_scope, fact_count from etl.documents order by document_id")
    assert [(d["report_scope"], d["fact_count"]) for d in documents] == [("department", r.fact_count()) for r in reports]


def test__expenditure_by_economic_class__shows_the_basic_expenditure_table(engine):
    load(engine, standard_tables.report(PUTUO))
    (row,) = query(engine, "select * from mart.expenditure_by_economic_class where class_code = '30102'")
    assert dict(row) | {"document_id": None, "evidence": None, "line_number": None} == {
        "department": "上海市普陀区人民政府办公室", "region": "上海市普陀区", "fiscal_year": 2025, "phase": "budget",
        "fund_scope": "general_budget", "class_code": "30102", "class_level": "款", "class_name": "工资福利支出",
        "kuan_name": "津贴补贴", "amount_yuan": Decimal("9572367.00"), "personnel_yuan": Decimal("9572367.00"),
        "public_funds_yuan": None, "budget_yuan": None, "prior_year_yuan": None, "document_id": None,
        "evidence": None, "line_number": None, "page_number": 18, "table_number": 6, "row_number": 3,
    }
    totals = query(
        engine,
        "select sum(amount_yuan) as amount, sum(personnel_yuan) as personnel, sum(public_funds_yuan) as public_funds "
        "from mart.expenditure_by_economic_class where class_level = '类'",
    )
    # 一般公共预算基本支出经济分类预算表, 合计 (p19): 2,460.68万元 = 人员经费 2,247.40 + 公用经费 213.28
    assert tuple(totals[0].values()) == (Decimal("24606775.35"), Decimal("22473997.81"), Decimal("2132777.54"))


def test__expenditure_by_function__one_row_per_fund_scope_with_its_parts(engine):
    load(engine, with_made_up_fields(standard_tables.report(PUTUO)), standard_tables.report(HIGH_COURT))
    rows = query(
        engine,
        "select fund_scope, amount_yuan, basic_yuan, project_yuan, prior_year_yuan, page_number "
        "from mart.expenditure_by_function where class_code = '201' order by fund_scope",
    )
    assert [tuple(r.values()) for r in rows] == [
        ("all", Decimal("82096797.42"), Decimal("15686797.42"), Decimal("66410000.00"), None, 8),
        ("fiscal", Decimal("82096797.42"), None, None, None, 13),
        ("general_budget", Decimal("82096797.42"), Decimal("15686797.42"), Decimal("66410000.00"), Decimal("81000000.00"), 13),
    ]
    court = query(
        engine,
        "select fund_scope, prior_year_change_yuan, prior_year_change_pct from mart.expenditure_by_function "
        "where department = '江苏省高级人民法院' and class_code = '204' order by fund_scope",
    )
    assert [tuple(r.values()) for r in court] == [
        ("all", Decimal("12873500.00"), Decimal("4.91")), ("fiscal", None, None), ("general_budget", None, None),
    ]


def test__summary_and_three_public__carry_the_prior_year_and_positions(engine):
    load(engine, with_made_up_fields(standard_tables.report(PUTUO)), standard_tables.report(FINANCE))
    (item,) = query(
        engine,
        "select amount_yuan, prior_year_yuan, page_number, table_number, row_number from mart.summary_items "
        "where item = 'expense_total' and department = '上海市普陀区人民政府办公室'",
    )
    assert tuple(item.values()) == (Decimal("91016775.35"), Decimal("114912000.00"), 6, 1, 7)
    (vehicles,) = query(
        engine,
        "select amount_yuan, prior_year_yuan, prior_year_change_yuan, page_number from mart.three_public "
        "where category = 'vehicle_purchase' and department = '上海市普陀区财政局'",
    )
    assert vehicles["prior_year_yuan"] == Decimal("0.00") and vehicles["page_number"] == 22


def test__projects_and_indicators__carry_weight_and_score(engine):
    load(engine, self_evaluation())
    projects = query(engine, "select score from mart.project_performance")
    indicators = query(engine, "select weight, score, page_number from mart.performance_indicators")
    assert projects and {p["score"] for p in projects} == {Decimal("92.5")}
    assert indicators and {(i["weight"], i["score"], i["page_number"]) for i in indicators} == {(Decimal("10"), Decimal("9.5"), None)}


def test__load_reports__standard_tables_twice_change_nothing(engine):
    report = standard_tables.report(PUTUO)
    views = ("expenditure_by_economic_class", "expenditure_by_function", "economic_structure", "expenditure_structure")

    def snapshot():
        return {view: sorted(map(str, query(engine, f"select * from mart.{view}"))) for view in views}

    load(engine, report)
    first = snapshot()
    load(engine, report)
    assert snapshot() == first
    (count,) = query(engine, "select count(*) as n from core.fact_expenditure_economic")
    assert count["n"] == len(report.expenditure_by_economic_class)


def test__load_reports__a_printed_economic_code_joins_the_dimension(engine):
    report = standard_tables.report(PUTUO)
    unknown = replace(report.expenditure_by_economic_class[-1], class_code="31098", kuan_name="某新设备购置")
    load(engine, replace(report, expenditure_by_economic_class=(*report.expenditure_by_economic_class, unknown)))
    (row,) = query(
        engine,
        "select c.class_level, c.class_name, c.parent_code, c.source, f.class_code "
        "from core.fact_expenditure_economic as f join core.dim_expenditure_class as c on f.class_id = c.class_id "
        "where c.class_kind = 'economic' and c.class_code = '31098'",
    )
    assert tuple(row.values()) == ("款", "某新设备购置", "310", "report", "31098")
    (known,) = query(engine, "select source from core.dim_expenditure_class where class_kind = 'economic' and class_code = '30102'")
    assert known["source"] == "reference"


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: replace(r, expenditure_by_economic_class=(replace(r.expenditure_by_economic_class[0], fund_scope="basic"),)), "fund scope 'basic'"),
        (lambda r: replace(r, expenditure_by_function=(replace(r.expenditure_by_function[0], fund_scope="财政拨款"),)), "fund scope '财政拨款'"),
        (lambda r: replace(r, document=replace(r.document, report_scope="部门")), "report scope '部门'"),
        (lambda r: replace(r, summary_items=(replace(r.summary_items[0], item="general_budget_project"),)), "summary_item general_budget_project"),
    ],
)
def test__load_reports__refuses_a_value_the_tables_do_not_know(engine, change, reason):
    with pytest.raises(LoadError, match=reason):
        load(engine, change(standard_tables.report(PUTUO)))
    (count,) = query(engine, "select count(*) as n from etl.documents")
    assert count["n"] == 0


def test__load_outcomes__a_refused_report_fails_alone(engine):
    from flows.ingest import Outcome, load_outcomes

    good = standard_tables.report(PUTUO)
    bad = replace(standard_tables.report(HIGH_COURT), document=replace(standard_tables.report(HIGH_COURT).document, report_scope="部门"))
    result = load_outcomes(engine, [Outcome("a", "1", report=good), Outcome("b", "2", report=bad)], None)
    assert result.loaded == 1 and len(result.errors) == 1 and "report scope" in result.errors[0]
    rows = query(engine, "select status, count(*) as n from etl.documents group by status order by status")
    assert [tuple(r.values()) for r in rows] == [("failed", 1), ("loaded", 1)]


def test__findings__carry_the_position_of_their_evidence(engine):
    from extract.records import Evidence, Finding

    report = standard_tables.report(PUTUO)
    finding = Finding("sum_mismatch", "error", "类 rows do not add to 合计", Evidence(12, "合计 2,460.68", page=19, table=6, row=30))
    load(engine, replace(report, findings=(finding, Finding("year_typo", "warning", "no evidence"))))
    rows = query(engine, "select rule, line_number, page_number, table_number, row_number from etl.findings order by rule")
    assert [tuple(r.values()) for r in rows] == [("sum_mismatch", 12, 19, 6, 30), ("year_typo", None, None, None, None)]


def test__load_reports__a_text_report_has_no_positions(engine):
    """A text report has no page or table: its facts have null positions, nothing else changes."""
    seed = process_report(REPORTS / "000_dac422e8fb956846.txt")
    load(engine, seed)
    rows = query(engine, "select count(*) filter (where page_number is not null) as paged, count(*) as n from mart.performance_indicators")
    assert rows[0]["paged"] == 0 and rows[0]["n"] == len(seed.performance_indicators) > 0
