"""One fact per figure, however many places state it: tables with tables, tables with the narrative.

- The same figure in two tables (a 类 in the 支出表 and the 一般公共预算支出表 of the same scope,
  支出表 合计 and 收支总表 本年支出合计): one fact with both evidences when they agree within the
  rounding of the less precise; otherwise a finding with both values and neither is loaded.
- A table figure and the narrative's: one fact, the table's value (the more precise), both
  evidences. When they disagree beyond the rounding of the narrative's printed figure, a finding
  and neither is loaded, except a narrative figure that cut the table's digits instead of
  rounding them (87.70万元 for 877,080.00 元): the table's figure is loaded, with an info finding.
- Narrative statements of the same class figure in two sentences are merged the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from extract import numbers
from extract.records import Evidence, Finding
from extract.standard_tables.facts import Fact

FactKey = tuple[str, "str | None", "str | None", str]
NARRATIVE_RESOLUTION = Decimal("100")
"""A narrative amount whose printed form cannot be found again: 0.01万元, the common print."""
PERCENT_FIELDS = frozenset({"share_pct", "completion_pct", "prior_year_change_pct"})
AMOUNT_IN_TEXT = re.compile(rf"(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|亿元|千元|元|万)")
PERCENT_IN_TEXT = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*%")


@dataclass
class Merged:
    """A fact after merging: the loaded value (None when places disagree) and every evidence."""

    fact: Fact
    value: Decimal | None
    evidences: list[Evidence] = field(default_factory=list)


def key_of(fact: Fact) -> FactKey:
    return (fact.family, fact.key, fact.scope, fact.field)


def printed_resolution(text: str, value: Decimal, field_name: str) -> Decimal:
    """One unit of the last digit of the narrative number that states ``value`` in ``text``."""
    if field_name in PERCENT_FIELDS:
        for match in PERCENT_IN_TEXT.finditer(text):
            number = Decimal(match["number"])
            if abs(number) == abs(value):
                return Decimal(1).scaleb(number.as_tuple().exponent)
        return Decimal("0.01")
    for match in AMOUNT_IN_TEXT.finditer(text):
        yuan = numbers.to_yuan(match["number"], match["unit"])
        if yuan is not None and abs(yuan) == abs(value):
            digits = numbers.to_decimal(match["number"]).as_tuple().exponent
            return Decimal(1).scaleb(digits) * numbers.unit_factors()[match["unit"]]
    return NARRATIVE_RESOLUTION


def agree(first: Fact, second: Fact) -> bool:
    """Within the rounding of both printed figures (two cents apart by a cent are two figures)."""
    return abs(first.value - second.value) < (first.resolution + second.resolution) / 2 or first.value == second.value


def truncated(table: Fact, narrative: Fact) -> bool:
    """The narrative figure is the table's with its last digits cut, not rounded."""
    step = narrative.resolution
    if step <= table.resolution:
        return False
    cut = (table.value / step).to_integral_value(rounding=ROUND_DOWN) * step
    return cut == narrative.value


def describe(fact: Fact) -> str:
    return f"{fact.family} {fact.key}" + (f" ({fact.scope})" if fact.scope else "") + f" {fact.field}"


def disagreement(rule: str, first: Fact, second: Fact, what: str) -> Finding:
    severity = "info" if rule == "narrative_truncated" else "error"
    return Finding(
        rule,
        severity,
        f"{describe(first)}: {what} {first.value} and {second.value}",
        second.evidence if second.source == "narrative" else first.evidence,
        first.value,
        second.value,
    )


def merge_group(facts: list[Fact]) -> tuple[Merged, list[Finding]]:
    tables = sorted((f for f in facts if f.source == "table"), key=lambda f: f.resolution)
    told = [f for f in facts if f.source != "table"]
    base = tables[0] if tables else told[0]
    merged = Merged(base, base.value, [base.evidence])
    findings: list[Finding] = []
    for other in tables[1:]:
        if not agree(base, other):
            findings.append(disagreement("table_figures_disagree", base, other, "two tables state"))
            merged.value = None
        merged.evidences.append(other.evidence)
    for other in (told if tables else told[1:]):
        if agree(base, other):
            pass
        elif tables and truncated(base, other):
            findings.append(disagreement("narrative_truncated", base, other, "the narrative cuts the table's figure:"))
        else:
            rule = "narrative_table_disagree" if tables else "conflicting_statements"
            findings.append(disagreement(rule, base, other, "stated as"))
            merged.value = None
        merged.evidences.append(other.evidence)
    return merged, findings


def merge_facts(facts: list[Fact]) -> tuple[dict[FactKey, Merged], list[Finding]]:
    groups: dict[FactKey, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[key_of(fact)].append(fact)
    merged: dict[FactKey, Merged] = {}
    findings: list[Finding] = []
    for key, group in groups.items():
        merged[key], found = merge_group(group)
        findings.extend(f for f in found if not any(f.rule == g.rule and f.message == g.message for g in findings))
    return merged, findings


def joined_evidence(evidences: list[Evidence]) -> Evidence:
    """The first evidence's position, every distinct text joined with " … " (as labelled.py)."""
    texts: list[str] = []
    for evidence in evidences:
        if evidence.text not in texts:
            texts.append(evidence.text)
    first = evidences[0]
    return Evidence(first.line_number, " … ".join(texts), first.page, first.table, first.row)
