"""Narrative records <-> facts, and merged facts -> the records extraction returns.

The narrative extractors (summary_items, three_public, function_classes) return records; each of
their figures becomes a narrative fact so that it meets the tables' facts in one merge
(reconcile.py). The merged facts are then laid back onto the narrative record of the same key, or
make a new record when only tables state it.
"""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from functools import cache

from extract.labelled import read_aliases
from extract.numbers import MAPS
from extract.records import (
    EconomicFigure,
    FunctionFigure,
    SummaryItem,
    ThreePublicFigure,
)
from extract.standard_tables.facts import Fact
from extract.standard_tables.reconcile import (
    FactKey,
    Merged,
    joined_evidence,
    printed_resolution,
)

RECORD_TYPES = {
    "summary_items": SummaryItem,
    "three_public": ThreePublicFigure,
    "expenditure_by_function": FunctionFigure,
    "expenditure_by_economic_class": EconomicFigure,
}
KEY_FIELDS = {
    "summary_items": "item",
    "three_public": "category",
    "expenditure_by_function": "class_code",
    "expenditure_by_economic_class": "class_code",
}
RecordKey = tuple[str, "str | None", "str | None"]


@cache
def labels(family: str) -> dict[str, str]:
    path = MAPS / ("summary_items.csv" if family == "summary_items" else "three_public_categories.csv")
    out: dict[str, str] = {}
    for alias in read_aliases(path):
        out.setdefault(alias.code, alias.label)
    return out


@cache
def measure_fields(record_type: type) -> tuple[str, ...]:
    """The figure fields of a record type: amounts (_yuan) and percentages (_pct)."""
    return tuple(f.name for f in fields(record_type) if f.name.endswith(("_yuan", "_pct")))


def decimal_fields(record) -> list[str]:
    return [name for name in measure_fields(type(record)) if isinstance(getattr(record, name), Decimal)]


def narrative_facts(family: str, records) -> list[Fact]:
    """Every figure of the narrative records of a family (those with a key), as facts."""
    facts = []
    for record in records:
        key = getattr(record, KEY_FIELDS[family])
        if key is None:
            continue
        scope = getattr(record, "fund_scope", None)
        for name in decimal_fields(record):
            value = getattr(record, name)
            resolution = printed_resolution(record.evidence.text, value, name)
            facts.append(Fact(family, key, scope, name, value, resolution, record.evidence, source="narrative"))
    return facts


def record_key(key: FactKey) -> RecordKey:
    return key[0], key[1], key[2]


def build_records(family: str, narrative: list, merged: dict[FactKey, Merged]) -> list:
    """The family's records: each narrative record overlaid with its merged facts, then a new
    record for every key only tables state. Keyless narrative records pass unchanged."""
    by_key: dict[RecordKey, dict[str, Merged]] = {}
    for key, item in merged.items():
        if key[0] == family:
            by_key.setdefault(record_key(key), {})[key[3]] = item
    records, seen = [], set()
    for record in narrative:
        key = (family, getattr(record, KEY_FIELDS[family]), getattr(record, "fund_scope", None))
        if key[1] is None or key in seen:
            if key[1] is None:
                records.append(record)
            continue
        seen.add(key)
        records.append(overlay(record, by_key.get(key, {})))
    for key, values in by_key.items():
        if key not in seen:
            records.append(new_record(family, key, values))
    return records


def evidences_of(values: dict[str, Merged]):
    ordered = sorted(values.values(), key=lambda m: m.fact.source != "table")
    return [e for m in ordered for e in m.evidences]


def overlay(record, values: dict[str, Merged]):
    if not values:
        return record
    changes = {name: item.value for name, item in values.items()}
    evidences = evidences_of(values)
    if record.evidence not in evidences:
        evidences.append(record.evidence)
    changes["evidence"] = joined_evidence(sorted(evidences, key=lambda e: e.table is None))
    table = next((m.fact for m in values.values() if m.fact.source == "table" and m.fact.level), None)
    if table is not None:
        changes.update(names_of(table))
    return replace(record, **changes)


def names_of(fact: Fact) -> dict:
    lei, kuan, xiang = fact.names
    out = {"class_level": fact.level, "class_name": lei or ""}
    out["kuan_name"] = kuan if fact.level in ("款", "项") else None
    if fact.family == "expenditure_by_function":
        out["xiang_name"] = xiang if fact.level == "项" else None
    return out


def new_record(family: str, key: RecordKey, values: dict[str, Merged]):
    evidence = joined_evidence(evidences_of(values))
    measures = {name: item.value for name, item in values.items()}
    measures.setdefault("amount_yuan", None)
    if family == "summary_items":
        return SummaryItem(item=key[1], item_label=labels(family).get(key[1], key[1]), evidence=evidence, **measures)
    if family == "three_public":
        return ThreePublicFigure(category=key[1], category_label=labels(family).get(key[1], key[1]), evidence=evidence, **measures)
    fact = next(m.fact for m in values.values())
    record_type = RECORD_TYPES[family]
    return record_type(class_code=key[1], fund_scope=key[2], evidence=evidence, **names_of(fact), **measures)
