"""Find labelled figures in sentences and merge what one report says of the same label.

A family (三公 categories, summary items) is a map of aliases to codes. Each clause is cut at
every alias it holds; the text after an alias, up to the next alias, is that label's segment,
and its measures are read from it. One report often states the same figure several times
(a total, then its share, then its change on the prior year): the statements are merged into
one row per code, and two statements that disagree become a finding, never a silent choice.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from decimal import Decimal
from pathlib import Path

from extract.measures import Measures, read_measures
from extract.records import Evidence, Finding
from extract.sentences import Sentence, clauses

MEASURE_FIELDS = tuple(Measures.__dataclass_fields__)
# "包括：办公费9.5万元，…，公用经费51.65万元": labels after 包括 are parts of another figure.
LISTING = re.compile(r"包括")


@dataclass(frozen=True)
class Alias:
    code: str
    label: str
    alias: str


def read_aliases(path: Path) -> list[Alias]:
    """Rows of a map file whose columns are: code, label, alias."""
    with open(path, encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [Alias(code, label, alias) for code, label, alias in reader]


def alias_pattern(aliases: Iterable[Alias]) -> re.Pattern[str]:
    """One alternation, longest alias first, so 公务用车购置及运行维护费 beats 公务用车购置费."""
    return _alternation(frozenset(a.alias for a in aliases))


@cache
def _alternation(aliases: frozenset[str]) -> re.Pattern[str]:
    ordered = sorted(aliases, key=lambda alias: (-len(alias), alias))
    return re.compile("|".join(re.escape(alias) for alias in ordered))


@dataclass(frozen=True)
class Statement:
    code: str
    label: str
    measures: Measures
    sentence: Sentence


def statements(
    sentences: Iterable[Sentence],
    aliases: list[Alias],
    *,
    counts: bool = False,
    guard: re.Pattern[str] | None = None,
    skip_listed: bool = True,
    final: bool = False,
) -> Iterator[Statement]:
    """Every (label, measures) a sentence states.

    ``guard``: text that must not precede a label; ``skip_listed``: ignore labels after 包括;
    ``final``: the sentences are a final report's (a figure called a budget is no amount).
    """
    pattern = alias_pattern(aliases)
    by_alias = {a.alias: a for a in aliases}
    for sentence in sentences:
        if not pattern.search(sentence.text):
            continue
        for clause in clauses(sentence.text):
            listing = LISTING.search(clause) if skip_listed else None
            matches = [
                m
                for m in pattern.finditer(clause)
                if not _guarded(clause, m, guard) and (listing is None or m.start() < listing.start())
            ]
            for index, match in enumerate(matches):
                end = matches[index + 1].start() if index + 1 < len(matches) else len(clause)
                measures = read_measures(clause[match.end() : end], clause, counts=counts, final=final)
                if measures.is_empty():
                    continue
                alias = by_alias[match.group()]
                yield Statement(alias.code, alias.label, measures, sentence)


def _guarded(clause: str, match: re.Match[str], guard: re.Pattern[str] | None) -> bool:
    if guard is None:
        return False
    return bool(guard.search(clause[max(0, match.start() - 12) : match.start()]))


@dataclass
class Merged:
    code: str
    label: str
    values: dict[str, object] = field(default_factory=dict)
    evidence: list[Sentence] = field(default_factory=list)

    @property
    def first_evidence(self) -> Evidence:
        return self.evidence[0].evidence

    def joined_evidence(self) -> Evidence:
        seen: list[str] = []
        for sentence in self.evidence:
            text = sentence.raw.strip()
            if text not in seen:
                seen.append(text)
        return self.evidence[0].line.evidence(" … ".join(seen))


def merge(found: Iterable[Statement], family: str) -> tuple[list[Merged], list[Finding]]:
    """One row per code. Two statements of a measure that disagree leave it empty, reported."""
    merged: dict[str, Merged] = {}
    conflicted: dict[str, set[str]] = {}
    findings: list[Finding] = []
    for statement in found:
        row = merged.setdefault(statement.code, Merged(statement.code, statement.label))
        contributed = False
        for name in MEASURE_FIELDS:
            value = getattr(statement.measures, name)
            if value is None:
                continue
            known = row.values.get(name)
            if known is None:
                row.values[name] = value
                contributed = True
            elif known != value and name != "amount_unitless":
                conflicted.setdefault(statement.code, set()).add(name)
                findings.append(_conflict(family, statement, name, known, value))
                contributed = True
        if contributed and statement.sentence not in row.evidence:
            row.evidence.append(statement.sentence)
    for code, names in conflicted.items():
        for name in names:
            merged[code].values[name] = None
    return list(merged.values()), findings


def _conflict(family: str, statement: Statement, name: str, known: object, value: object) -> Finding:
    return Finding(
        rule="conflicting_statements",
        severity="error",
        message=(
            f"{family} {statement.code} ({statement.label}): {name} is stated as {known} and "
            f"as {value}; neither is loaded"
        ),
        evidence=statement.sentence.evidence,
        expected_value=known if isinstance(known, Decimal) else None,
        actual_value=value if isinstance(value, Decimal) else None,
    )
