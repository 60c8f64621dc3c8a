"""Stand-alone 三公经费 disclosures, composed in four counties' styles (tests/reports/three_public_*.txt):
each is a report of its own, its identity from its title, its phase from the title or the table's
决算数 column, and the 决算 figure is the amount, the 预算 figure its budget. Expected values are
written from the composed text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from transform.contract import contract_dict
from transform.pipeline import process_report

HERE = Path(__file__).resolve().parents[1] / "reports"
IDENTITY = ("department", "region", "fiscal_year", "phase", "report_scope")
MEASURES = ("amount_yuan", "budget_yuan", "completion_pct", "prior_year_change_yuan", "prior_year_change_pct", "prior_year_yuan")


@cache
def report(name: str) -> dict:
    return contract_dict(process_report(HERE / name))


def three_public(name: str) -> dict[str, tuple]:
    return {row["category"]: tuple(row[m] for m in MEASURES) for row in report(name)["three_public"]}


@pytest.mark.parametrize(
    "name, identity",
    [
        ("three_public_final_table_and_sentences.txt", ("阜宁县财政局", "阜宁县", 2023, "final", None)),
        ("three_public_final_sentences_only.txt", ("涟水县教育局", "涟水县", 2023, "final", None)),
        ("three_public_statistics_table.txt", ("射阳县农业委员会", "射阳县", 2015, "final", "department")),
        ("three_public_budget_disclosure.txt", ("宁远县农业农村局", "宁远县", 2024, "budget", None)),
    ],
)
def test__standalone__identity_from_the_title(name, identity):
    document = report(name)["document"]
    assert tuple(document[field] for field in IDENTITY) == identity


def test__standalone__table_and_sentences_final():
    """"…一般公共预算财政拨款“三公”经费支出决算": 预算数 / 决算数 table, sentences with 预算为…决算为…"""
    assert three_public("three_public_final_table_and_sentences.txt") == {
        "three_public_total": ("64000.00", "80000.00", "80", "-12000.00", "-15.79", None),
        "outbound_travel": ("0.00", "0.00", None, "0.00", None, None),
        "official_vehicles": ("42000.00", "50000.00", "84", "-8000.00", None, None),
        "vehicle_purchase": ("0.00", "0.00", None, None, None, None),
        "vehicle_operation": ("42000.00", "50000.00", None, None, None, None),
        "official_reception": ("22000.00", "30000.00", "73.33", "-4000.00", "-15.38", None),
        "reception_domestic": (None, None, None, None, None, None),
    }
    rows = {row["category"]: row for row in report("three_public_final_table_and_sentences.txt")["three_public"]}
    assert (rows["reception_domestic"]["batches"], rows["reception_domestic"]["persons"]) == (35, 280)
    assert rows["official_vehicles"]["vehicles"] == 1


def test__standalone__sentences_only_final():
    """"…“三公”经费决算情况说明": no table, every figure stated as 支出预算为 X，支出决算为 Y."""
    assert three_public("three_public_final_sentences_only.txt") == {
        "three_public_total": ("103200.00", "125000.00", "82.56", "8200.00", "8.63", None),
        "outbound_travel": ("0.00", "0.00", None, "0.00", None, None),
        "official_vehicles": ("65200.00", "80000.00", "81.5", "-4800.00", None, None),
        "vehicle_purchase": ("0.00", None, None, None, None, None),
        "vehicle_operation": ("65200.00", None, None, None, None, None),
        "official_reception": ("38000.00", "45000.00", "84.44", "13000.00", None, None),
        "reception_domestic": (None, None, None, None, None, None),
        "reception_foreign": (None, None, None, None, None, None),
    }


def test__standalone__statistics_table_in_yuan_with_the_prior_year():
    """"2015年X部门“三公”经费情况统计表": no phase word in the title; its 决算数 column makes it final."""
    assert three_public("three_public_statistics_table.txt") == {
        "three_public_total": ("142350.60", "156000.00", None, "-17849.40", None, "160200.00"),
        "outbound_travel": ("0.00", "0.00", None, None, None, "0.00"),
        "official_vehicles": ("113620.60", "120000.00", None, None, None, "125400.00"),
        "vehicle_purchase": ("0.00", "0.00", None, None, None, "0.00"),
        "vehicle_operation": ("113620.60", "120000.00", None, None, None, "125400.00"),
        "official_reception": ("28730.00", "36000.00", None, None, None, "34800.00"),
    }


def test__standalone__budget_disclosure_keeps_budget_figures():
    """"…2024年“三公”经费预算公开": the budget is the amount; nothing is a final figure."""
    assert three_public("three_public_budget_disclosure.txt") == {
        "three_public_total": ("80000.00", None, None, "-10000.00", "-11.11", None),
        "outbound_travel": ("0.00", None, None, "0.00", None, None),
        "official_vehicles": ("50000.00", None, None, "0.00", None, None),
        "official_reception": ("30000.00", None, None, "-10000.00", None, None),
    }


@pytest.mark.parametrize(
    "name",
    [
        "three_public_final_table_and_sentences.txt",
        "three_public_final_sentences_only.txt",
        "three_public_statistics_table.txt",
        "three_public_budget_disclosure.txt",
    ],
)
def test__standalone__only_three_public_and_no_findings(name):
    """Their "支出预算为8万元" is the 三公 budget, never a summary item; the composed figures add up."""
    data = report(name)
    assert data["summary_items"] == [] and data["expenditure_by_function"] == []
    assert data["findings"] == []
