"""The `extract --json` contract: every family, the new record fields as columns, and where each
row's evidence sits, beside the keys it always had."""

from __future__ import annotations

import json
from dataclasses import replace

from extract.records import Evidence, Finding
from tests import standard_tables
from tests.conftest import REPORTS
from transform.contract import FAMILIES, contract_dict
from transform.pipeline import process_report

POSITIONS = ("line_number", "evidence", "page_number", "table_number", "row_number")


def test__contract_dict__has_every_family_and_the_report_scope():
    data = contract_dict(standard_tables.report())
    assert list(data) == ["document", *FAMILIES, "findings"]
    assert data["document"]["report_scope"] == "department"
    assert len(data["expenditure_by_economic_class"]) == 29


def test__contract_dict__economic_row_carries_the_view_columns():
    row = next(r for r in contract_dict(standard_tables.report())["expenditure_by_economic_class"] if r["class_code"] == "30102")
    assert row == {
        "department": "上海市普陀区人民政府办公室", "region": "上海市普陀区", "fiscal_year": 2025, "phase": "budget",
        "class_level": "款", "class_name": "工资福利支出", "amount_yuan": "9572367.00", "kuan_name": "津贴补贴",
        "class_code": "30102", "fund_scope": "general_budget", "personnel_yuan": "9572367.00", "public_funds_yuan": None,
        "budget_yuan": None, "prior_year_yuan": None,
        "line_number": row["line_number"], "evidence": "津贴补贴 9572367.00", "page_number": 18, "table_number": 6, "row_number": 3,
    }


def test__contract_dict__function_row_has_scope_parts_and_prior_year_columns():
    rows = contract_dict(standard_tables.report("jiangsu-high-court-2019-budget"))["expenditure_by_function"]
    row = next(r for r in rows if (r["fund_scope"], r["class_code"]) == ("all", "204"))
    assert (row["amount_yuan"], row["prior_year_change_yuan"], row["prior_year_change_pct"]) == ("274882300.00", "12873500.00", "4.91")
    assert {"basic_yuan", "project_yuan", "prior_year_yuan", *POSITIONS} <= set(row)


def test__contract_dict__every_row_and_finding_keeps_its_keys_and_gains_positions():
    """A text report: the keys of before are all there; its rows have a line but no page or table."""
    data = contract_dict(process_report(REPORTS / "000_dac422e8fb956846.txt"))
    before = {
        "summary_items": {"item", "item_label", "amount_yuan", "budget_yuan", "share_pct", "completion_pct",
                          "prior_year_change_yuan", "prior_year_change_pct"},
        "three_public": {"category", "category_label", "amount_yuan", "groups", "persons", "batches", "vehicles"},
        "expenditure_by_function": {"class_code", "class_level", "class_name", "kuan_name", "xiang_name", "amount_yuan",
                                    "budget_yuan", "completion_pct", "share_pct"},
        "project_performance": {"project", "budget_yuan", "executed_yuan", "completion_pct"},
        "performance_indicators": {"project", "level1", "level2", "level3", "target", "actual", "target_value",
                                   "actual_value", "unit", "comparator"},
        "findings": {"rule", "severity", "message", "expected_value", "actual_value"},
    }
    for family, keys in before.items():
        assert data[family], family
        for row in data[family]:
            assert keys | set(POSITIONS) <= set(row), family
            assert row["line_number"] is not None or family == "findings"
            assert (row["page_number"], row["table_number"], row["row_number"]) == (None, None, None)
    assert {"prior_year_yuan"} <= set(data["summary_items"][0]) and {"weight", "score"} <= set(data["performance_indicators"][0])
    assert "score" in data["project_performance"][0] and data["expenditure_by_function"][0]["fund_scope"] == "general_budget"


def test__contract_dict__a_finding_carries_its_position_and_amounts_stay_strings():
    finding = Finding("sum_mismatch", "error", "类 rows do not add to 合计", Evidence(3, "合计", page=19, table=6, row=30), expected_value=None)
    report = replace(standard_tables.report(), findings=(finding,))
    data = json.loads(json.dumps(contract_dict(report), ensure_ascii=False))
    (row,) = data["findings"]
    assert (row["page_number"], row["table_number"], row["row_number"], row["line_number"]) == (19, 6, 30, 3)
    assert all(isinstance(r["amount_yuan"], str) for r in data["expenditure_by_economic_class"])
