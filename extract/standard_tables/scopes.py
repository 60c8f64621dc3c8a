"""Which money a figure counts, where the table or the sentence does not say it outright.

- A narrative figure by class takes the fund scope of the section it stands in
  (maps/section_scopes.csv): "（二）支出预算总计…包括：" -> all, "五、财政拨款支出预算情况说明" -> fiscal,
  "七、一般公共预算支出…" -> general_budget.
- 财政拨款 is the three budgets' appropriations together. When a report states no 政府性基金 and no
  国有资本经营 money (their rows empty or 0, their tables empty) and says so somewhere, its 财政拨款 is
  its 一般公共预算: the 收支总表's 财政拨款收入 is income_general_public_budget, the 财政拨款收支总表's
  基本支出 / 项目支出 are general_budget_basic / general_budget_project, and a narrative 财政拨款
  figure by class is general_budget. Otherwise those figures have no place and are not loaded.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.document import Document
from extract.records import FunctionFigure, SummaryItem
from extract.sections import scope_of_sentence
from extract.standard_tables.facts import Fact
from extract.standard_tables.readings import TableReading
from extract.standard_tables.records import labels

OTHER_FUNDS_ITEMS = frozenset({"income_government_fund", "income_state_capital", "government_fund_expense", "state_capital_expense"})
OTHER_FUNDS_SCOPES = frozenset({"government_fund", "state_capital"})
OTHER_FUNDS_KINDS = frozenset({"government_fund", "state_capital"})
# "本单位2023年度无政府性基金预算财政拨款收入、支出", "没有国有资本经营预算财政拨款支出",
# "本部门不涉及政府性基金预算财政拨款收支"
NO_OTHER_FUNDS = re.compile(r"(?:无|没有|未安排|不涉及)[^,，。;；]{0,6}(?:政府性基金|国有资本经营)")
FISCAL_AS_GENERAL = {
    "income_fiscal": "income_general_public_budget",
    "fiscal_basic": "general_budget_basic",
    "fiscal_project": "general_budget_project",
    "fiscal_expense": "general_budget_expense",
}


def fiscal_is_general(readings: list[TableReading], facts: list[Fact], records: list, document: Document | None = None) -> bool:
    """No 政府性基金 / 国有资本经营 money anywhere (tables' ``facts``, narrative ``records``), and
    the report says so somewhere: a figure of 0, an (empty) table of its own, or a sentence of the
    ``document`` such as "本单位2023年度无政府性基金预算财政拨款收入、支出"."""
    if any(reading.kind in OTHER_FUNDS_KINDS and not reading.loaded for reading in readings):
        return False  # a 政府性基金 table that could not be read may hold money
    stated = [(f.key, f.scope, f.value) for f in facts]
    for record in records:
        key = getattr(record, "item", None) or getattr(record, "class_code", None)
        scope = getattr(record, "fund_scope", None)
        stated += [(key, scope, getattr(record, name)) for name in ("amount_yuan", "budget_yuan") if getattr(record, name) is not None]
    if any(value and (key in OTHER_FUNDS_ITEMS or scope in OTHER_FUNDS_SCOPES) for key, scope, value in stated):
        return False
    said = any(key in OTHER_FUNDS_ITEMS for key, _, _ in stated)
    said = said or any(reading.kind in OTHER_FUNDS_KINDS for reading in readings)
    said = said or (document is not None and any(NO_OTHER_FUNDS.search(line.text) for line in document.lines if not line.is_cell))
    return said or any(row.item in OTHER_FUNDS_ITEMS for reading in readings for row in reading.rows)


def general_budget_facts(facts: list[Fact], general: bool) -> list[Fact]:
    """The 财政拨款 pseudo-items as their 一般公共预算 items, or dropped (see the module docstring)."""
    out = []
    for fact in facts:
        if fact.family == "summary_items" and fact.key in FISCAL_AS_GENERAL:
            if general:
                out.append(replace(fact, key=FISCAL_AS_GENERAL[fact.key]))
            continue
        out.append(fact)
    return out


def fiscal_items_as_general(items: list[SummaryItem], general: bool) -> list[SummaryItem]:
    """Narrative 财政拨款 items (maps/fiscal_items.csv) as their 一般公共预算 items, or dropped."""
    out = []
    for item in items:
        if item.item in FISCAL_AS_GENERAL:
            if general:
                code = FISCAL_AS_GENERAL[item.item]
                out.append(replace(item, item=code, item_label=labels("summary_items").get(code, code)))
            continue
        out.append(item)
    return out


def narrative_scopes(document: Document, figures: list[FunctionFigure], general: bool) -> list[FunctionFigure]:
    out = []
    for figure in figures:
        scope = scope_of_sentence(document, figure.evidence.line_number, figure.evidence.text.split(" … ")[0])
        if scope == "fiscal" and general:
            scope = "general_budget"
        out.append(replace(figure, fund_scope=scope))
    return out
