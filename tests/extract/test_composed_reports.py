"""Reports composed for these tests: the same facts as the seeds, phrased the other ways the
template allows (full-width digits and punctuation, 元 as the unit, "100 %", 与上年相比, a
missing figure, a garbled clause, a typo'd year, chart OCR between paragraphs, a budget
report's wording). Expected values are written from the composed text."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path


from transform.contract import contract_dict
from transform.pipeline import process_report

HERE = Path(__file__).resolve().parents[1] / "reports"


@cache
def report(name: str) -> dict:
    return contract_dict(process_report(HERE / name))


def by(rows: list[dict], key: str) -> dict[str, dict]:
    return {row[key]: row for row in rows}


def amounts(rows: dict[str, dict], field: str = "amount_yuan") -> dict[str, Decimal | None]:
    return {code: (None if row[field] is None else Decimal(row[field])) for code, row in rows.items()}


FINAL = "composed_final_variants.txt"
BUDGET = "composed_budget_variants.txt"


def test__final__document_from_fullwidth_title():
    document = report(FINAL)["document"]
    assert (document["department"], document["region"], document["fiscal_year"], document["phase"]) == (
        "成都市锦江区教育局", "成都市锦江区", 2021, "final",
    )


def test__final__summary_items_in_fullwidth_digits():
    items = by(report(FINAL)["summary_items"], "item")
    assert amounts(items) == {
        "total_income_and_expense": Decimal("12345600.00"),
        "income_total": Decimal("12000000.00"),
        "income_general_public_budget": Decimal("10000000.00"),
        "income_business": Decimal("2000000.00"),
        "expense_total": Decimal("11000000.00"),
        "expense_basic": Decimal("8000000.00"),
        "expense_project": Decimal("3000000.00"),
        "general_budget_expense": Decimal("10000000.00"),
        "general_budget_basic": Decimal("8000000.00"),
        "basic_personnel": Decimal("7000000.00"),
        "basic_public_funds": Decimal("900000.00"),
        "operating_cost": None,
    }
    total = items["total_income_and_expense"]
    assert (total["prior_year_change_yuan"], total["prior_year_change_pct"]) == ("234500.00", "1.94")
    assert items["income_general_public_budget"]["share_pct"] == "83.33"
    assert items["operating_cost"]["prior_year_change_yuan"] == "50000.00"


def test__final__chart_ocr_is_never_data():
    data = report(FINAL)
    numbers = {row.get("amount_yuan") for family in ("summary_items", "three_public") for row in data[family]}
    assert "13000000.00" not in numbers and "12000000.00" in numbers
    assert all(row["line_number"] not in (8, 9, 10) for row in data["summary_items"])


def test__final__three_public_with_yuan_units_and_counts():
    rows = by(report(FINAL)["three_public"], "category")
    assert amounts(rows) == {
        "three_public_total": Decimal("30000.00"),
        "outbound_travel": Decimal("0.00"),
        "official_vehicles": Decimal("25000.00"),
        "official_reception": Decimal("5000.00"),
        "vehicle_purchase": Decimal("0.00"),
        "vehicle_operation": Decimal("25000.00"),
        "reception_domestic": Decimal("5000.00"),
        "reception_foreign": Decimal("0.00"),
    }
    total = rows["three_public_total"]
    assert (total["completion_pct"], total["prior_year_change_yuan"], total["prior_year_change_pct"]) == ("75", "-5000.00", "-14.29")
    assert (rows["outbound_travel"]["groups"], rows["outbound_travel"]["persons"]) == (0, 0)
    assert rows["official_vehicles"]["vehicles"] == 2 and rows["vehicle_purchase"]["vehicles"] == 0
    assert (rows["reception_domestic"]["batches"], rows["reception_domestic"]["persons"]) == (10, 120)
    assert rows["official_reception"]["completion_pct"] == "50"


def test__final__function_lines_with_codes_budget_and_spaces():
    rows = {(r["class_level"], r["class_code"]): r for r in report(FINAL)["expenditure_by_function"]}
    assert set(rows) == {("类", "205"), ("类", "208"), ("项", "2050203"), ("项", "2050204"), ("项", "2080505")}
    assert rows[("项", "2050203")]["completion_pct"] == "100"
    assert rows[("项", "2050204")]["amount_yuan"] == "4000000.00"
    pension = rows[("项", "2080505")]
    assert (pension["budget_yuan"], pension["amount_yuan"], pension["completion_pct"]) == ("950000.00", "1000000.00", "105")
    assert rows[("类", "205")]["share_pct"] == "90"


def test__final__findings_name_each_problem():
    rules = [f["rule"] for f in report(FINAL)["findings"]]
    assert sorted(rules) == ["figure_missing", "function_line_garbled", "sum_mismatch", "year_typo"]
    garbled = next(f for f in report(FINAL)["findings"] if f["rule"] == "function_line_garbled")
    assert "支住房公积金" in garbled["evidence"] and garbled["line_number"] == 21


def test__budget__wording_of_a_budget_report():
    data = report(BUDGET)
    assert data["document"]["phase"] == "budget" and data["document"]["fiscal_year"] == 2023
    items = by(data["summary_items"], "item")
    assert amounts(items)["income_total"] == Decimal("8000000.00")
    assert amounts(items)["expense_total"] == Decimal("8000000.00")
    assert items["general_budget_expense"]["prior_year_change_yuan"] == "-200000.00"
    assert all(row["budget_yuan"] is None for row in data["summary_items"])


def test__budget__classes_three_public_and_projects():
    data = report(BUDGET)
    classes = {r["class_code"]: r["amount_yuan"] for r in data["expenditure_by_function"]}
    assert classes == {"210": "6500000.00", "208": "1500000.00"}
    three = by(data["three_public"], "category")
    assert three["official_vehicles"]["vehicles"] == 1 and three["three_public_total"]["amount_yuan"] == "20000.00"
    projects = {r["project"]: r["budget_yuan"] for r in data["project_performance"]}
    assert projects == {"公共卫生服务": "1200000.00", "疾病预防控制": "700000.00"}
    assert [f["rule"] for f in data["findings"]] == ["sum_mismatch"]
