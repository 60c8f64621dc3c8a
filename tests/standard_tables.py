"""An ExtractedReport with every field of the standard tables, built from a hand-written expected
file of the PDF corpus (tests/expected/corpus/, written from the PDFs, never from our output).

The loader and the views are tested on it without depending on the extraction of the 公开表
(written on another branch): fund scopes, 基本/项目支出 parts, economic classes with 人员经费 and
公用经费, prior-year changes, the report scope and the page of every figure are the report's own.
The expected files do not give tables and rows, so each (family, fund scope) is numbered as one
table and its figures as its rows, in the order of the file; line numbers count the figures.
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from extract.records import (
    DocumentInfo,
    EconomicFigure,
    Evidence,
    ExtractedReport,
    FunctionFigure,
    ProjectFigure,
    SummaryItem,
    ThreePublicFigure,
)
from extract.summary_items import item_aliases
from extract.three_public import category_aliases

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "expected" / "corpus"
PUTUO = "shanghai-putuo-gov-office-2025-budget"
"""上海市普陀区人民政府办公室 2025 部门预算: three fund scopes of one class, economic classes."""

# measure of an expected file -> field of the record
FIELDS = {
    "amount": "amount_yuan",
    "budget": "budget_yuan",
    "prior_year": "prior_year_yuan",
    "prior_year_change": "prior_year_change_yuan",
    "prior_year_change_pct": "prior_year_change_pct",
    "share_pct": "share_pct",
    "basic": "basic_yuan",
    "project": "project_yuan",
    "personnel": "personnel_yuan",
    "public_funds": "public_funds_yuan",
    "executed": "executed_yuan",
    "completion_pct": "completion_pct",
}


def expected(name: str = PUTUO) -> dict:
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))


def figures_by_key(figures: list[dict]) -> dict[tuple, dict]:
    """(family, fund scope, key) -> the figure's fields: measures as Decimals, its first page,
    level, name and wording, in the order the file lists them."""
    grouped: dict[tuple, dict] = defaultdict(dict)
    for figure in figures:
        entry = grouped[(figure["family"], figure.get("fund_scope"), figure["key"])]
        entry.setdefault("page", figure["pages"][0])
        entry.setdefault("level", figure.get("level"))
        entry.setdefault("name", figure.get("name"))
        entry.setdefault("text", figure.get("printed") or f"{figure.get('name') or figure['key']} {figure['value']}")
        if figure["value"] != "-":
            entry[FIELDS[figure["measure"]]] = Decimal(figure["value"])
    return grouped


class Positions:
    """Evidence for one figure after another: a line per figure, a table per (family, scope)."""

    def __init__(self) -> None:
        self.tables: dict[tuple, int] = {}
        self.rows: dict[tuple, int] = defaultdict(int)
        self.lines = 0

    def evidence(self, family: str, scope: str | None, page: int, text: str) -> Evidence:
        table = self.tables.setdefault((family, scope), len(self.tables) + 1)
        self.rows[(family, scope)] += 1
        self.lines += 1
        return Evidence(self.lines, text, page=page, table=table, row=self.rows[(family, scope)])


def measures(entry: dict, allowed: tuple[str, ...]) -> dict:
    return {field: entry[field] for field in allowed if field in entry}


def class_names(grouped: dict[tuple, dict], family: str, scope: str, code: str) -> dict[str, str | None]:
    """The 类 / 款 / 项 names of a code, from the rows of its parents in the same scope."""
    def name(prefix: str) -> str | None:
        return grouped.get((family, scope, prefix), {}).get("name")

    return {
        "class_name": name(code[:3]),
        "kuan_name": name(code[:5]) if len(code) >= 5 else None,
        "xiang_name": name(code) if len(code) == 7 else None,
    }


def report(name: str = PUTUO, source_path: str | None = None) -> ExtractedReport:
    data = expected(name)
    info = data["document"]
    labels = {a.code: a.label for a in (*item_aliases(), *category_aliases())}
    grouped = figures_by_key(data["figures"])
    where = Positions()
    families: dict[str, list] = defaultdict(list)
    common = ("amount_yuan", "budget_yuan", "prior_year_yuan", "prior_year_change_yuan", "prior_year_change_pct", "share_pct")
    for (family, scope, key), entry in grouped.items():
        evidence = where.evidence(family, scope, entry["page"], entry["text"])
        if family == "summary_items" and key not in labels:
            continue  # general_budget_project: not an item code of the warehouse (extract/maps/summary_items.csv)
        if family == "summary_items":
            families[family].append(SummaryItem(key, labels[key], evidence=evidence, **{"amount_yuan": None, **measures(entry, common)}))
        elif family == "three_public":
            families[family].append(ThreePublicFigure(key, labels[key], evidence=evidence, **{"amount_yuan": None, **measures(entry, common)}))
        elif family == "expenditure_by_function":
            fields = ("amount_yuan", "basic_yuan", "project_yuan", "prior_year_yuan", "prior_year_change_yuan", "prior_year_change_pct")
            families[family].append(
                FunctionFigure(
                    class_level=entry["level"], class_code=key, fund_scope=scope, evidence=evidence,
                    **class_names(grouped, family, scope, key), **{"amount_yuan": None, **measures(entry, fields)},
                )
            )
        elif family == "expenditure_by_economic_class":
            names = class_names(grouped, family, scope, key)
            fields = ("amount_yuan", "personnel_yuan", "public_funds_yuan", "budget_yuan", "prior_year_yuan")
            families[family].append(
                EconomicFigure(
                    class_level=entry["level"], class_code=key, fund_scope=scope, evidence=evidence,
                    class_name=names["class_name"], kuan_name=names["kuan_name"],
                    **{"amount_yuan": None, **measures(entry, fields)},
                )
            )
        elif family == "project_performance":
            fields = ("budget_yuan", "executed_yuan", "completion_pct")
            families[family].append(ProjectFigure(key, evidence=evidence, **measures(entry, fields)))
    document = DocumentInfo(
        department=info["department"], region=info["region"], fiscal_year=info["fiscal_year"], phase=info["phase"],
        sha256=f"expected:{name}", source_path=source_path or f"tests/corpus/{data['files'][0]}",
        title=f"{info['department']}{info['fiscal_year']}年部门预算", report_scope=info["report_scope"],
    )
    return ExtractedReport(document=document, **{family: tuple(rows) for family, rows in families.items()})
