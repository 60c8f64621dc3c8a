"""Every seed report against its expected file, written by hand from the report's text
(tests/expected/*.json), family by family and field by field."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract.project_names import project_key
from transform.contract import contract_dict
from transform.pipeline import process_report

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"
EXPECTED = ROOT / "tests" / "expected"
SEEDS = sorted(path.stem for path in EXPECTED.glob("*.json"))
KEYED = {"summary_items": "item", "three_public": "category"}


@cache
def actual(seed: str) -> dict:
    return contract_dict(process_report(REPORTS / f"{seed}.txt"))


@cache
def expected(seed: str) -> dict:
    return json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))


def same(left, right) -> bool:
    """Numbers compare as numbers ("100" == "100.00"); everything else exactly."""
    if isinstance(left, str) and isinstance(right, str):
        try:
            return Decimal(left) == Decimal(right)
        except ArithmeticError:
            return left == right
    return left == right


def differences(expected_row: dict, actual_row: dict | None) -> list[str]:
    if actual_row is None:
        return ["missing"]
    return [
        f"{field}: expected {value!r}, got {actual_row.get(field)!r}"
        for field, value in expected_row.items()
        if not field.startswith("_") and not same(value, actual_row.get(field))
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test__document__metadata(seed):
    document = actual(seed)["document"]
    for field, value in expected(seed)["document"].items():
        assert document[field] == value, field


@pytest.mark.parametrize("family", sorted(KEYED))
@pytest.mark.parametrize("seed", SEEDS)
def test__keyed_family__every_figure(seed, family):
    key = KEYED[family]
    rows = {row[key]: row for row in actual(seed)[family]}
    wanted = expected(seed)[family]
    problems = {code: differences(row, rows.get(code)) for code, row in wanted.items()}
    problems = {code: p for code, p in problems.items() if p}
    extra = sorted(set(rows) - set(wanted))
    assert not problems and not extra, f"wrong: {problems}; not expected: {extra}"


def function_key(row: dict) -> tuple:
    """A class figure per fund scope (an expected row without one is general_budget)."""
    return (row["class_level"], row["class_code"], row["kuan_name"], row["xiang_name"], row.get("fund_scope", "general_budget"))


@pytest.mark.parametrize("seed", SEEDS)
def test__expenditure_by_function__every_figure(seed):
    rows = {function_key(row): row for row in actual(seed)["expenditure_by_function"]}
    wanted = {function_key(row): row for row in expected(seed)["expenditure_by_function"]}
    problems = {key: differences(row, rows.get(key)) for key, row in wanted.items()}
    problems = {key: p for key, p in problems.items() if p}
    extra = sorted(set(rows) - set(wanted), key=str)
    assert not problems and not extra, f"wrong: {problems}; not expected: {extra}"


@pytest.mark.parametrize("seed", SEEDS)
def test__project_performance__every_project(seed):
    rows = {project_key(row["project"]): row for row in actual(seed)["project_performance"]}
    wanted = {project_key(name): {"project": name, **row} for name, row in expected(seed)["project_performance"].items()}
    problems = {key: differences(row, rows.get(key)) for key, row in wanted.items()}
    problems = {key: p for key, p in problems.items() if p}
    extra = sorted(set(rows) - set(wanted))
    assert not problems and not extra, f"wrong: {problems}; not expected: {extra}"


@pytest.mark.parametrize("seed", SEEDS)
def test__findings__expected_rules_and_no_false_errors(seed):
    found = actual(seed)["findings"]
    rules = {finding["rule"] for finding in found}
    wanted = set(expected(seed)["findings"])
    assert wanted <= rules, f"missing findings: {sorted(wanted - rules)}"
    unexpected = {f["rule"] for f in found if f["severity"] != "info"} - wanted
    assert not unexpected, f"findings not expected: {[f for f in found if f['rule'] in unexpected]}"


@pytest.mark.parametrize("seed", SEEDS)
def test__every_row__keeps_its_evidence(seed):
    data = actual(seed)
    lines = (REPORTS / f"{seed}.txt").read_text(encoding="utf-8").splitlines()
    for family in ("summary_items", "three_public", "expenditure_by_function", "project_performance", "performance_indicators"):
        for row in data[family]:
            assert row["evidence"], (family, row)
            assert 1 <= row["line_number"] <= len(lines), (family, row)


INDICATORS = EXPECTED / "indicators"


@pytest.mark.parametrize("seed", sorted(path.stem for path in INDICATORS.glob("*.json")))
def test__performance_indicators__every_row(seed):
    wanted = json.loads((INDICATORS / f"{seed}.json").read_text(encoding="utf-8"))["rows"]
    rows = actual(seed)["performance_indicators"]
    got = [
        {
            "line_number": row["line_number"],
            "project": row["project"],
            "level1": row["level1"],
            "level2": row["level2"],
            "level3_starts": row["level3"][: len(want["level3_starts"])] if row["level3"] else None,
            "target_value": None if row["target_value"] is None else str(Decimal(row["target_value"])),
            "unit": row["unit"],
            "comparator": row["comparator"],
        }
        for row, want in zip(rows, wanted)
    ]
    assert len(rows) == len(wanted)
    problems = [(want, have) for want, have in zip(wanted, got) if want != have]
    assert not problems, problems[:3]
