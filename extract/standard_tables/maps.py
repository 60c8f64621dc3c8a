"""The data files that say how the standard tables are read (extract/maps/table_*.csv).

- ``table_titles.csv``: a title (pattern, searched in order) -> the table's kind, its fund scope
  and how its rows are read (function / economic classes, sides of a 收支总表, items ...);
- ``table_columns.csv``: a column's heading (its label, under a parent heading) -> its role
  (code parts, name, side, measure, 三公 category ...), for the kinds of table it applies to;
- ``table_rows.csv``: a row's label -> the summary item (or the total row) it states;
- ``table_totals.csv``: a total row's cell -> the summary item it states, by column measure.

Labels are compared without spaces, quotes and a trailing unit: "金 额", "“三公”经费",
"金额（万元）" read 金额, 三公经费, 金额.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from extract.numbers import MAPS

NOISE = re.compile(r"[\s\"'“”‘’「」『』]")
UNIT_SUFFIX = re.compile(r"\((?:单位[:：])?(?:万元|元|千元|亿元)\)$")
# "一、", "1.", "1、", "(一)", "(1)", "其中:", "其中：" before a row label
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、．]\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]|其中[:：]?)+")


def label(text: str) -> str:
    """A heading or row label as the maps spell it: no spaces, quotes, unit or numbering."""
    text = NOISE.sub("", text)
    text = UNIT_SUFFIX.sub("", text)
    return NUMBERING.sub("", text)


def _kinds(text: str) -> frozenset[str] | None:
    return None if text in ("", "*") else frozenset(text.split("|"))


@dataclass(frozen=True)
class TitleRule:
    pattern: re.Pattern[str]
    kind: str
    fund_scope: str | None
    rows: str
    """function, economic, sides, income, items, three_public, total or none."""


@dataclass(frozen=True)
class ColumnRule:
    kinds: frozenset[str] | None
    parent: re.Pattern[str] | None
    label: re.Pattern[str]
    role: str
    measure: str | None
    scope: str | None

    def applies(self, kind: str, leaf: str, parents: str) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        if self.parent is not None and not self.parent.search(parents):
            return False
        if self.role == "phase":
            return bool(self.label.search(leaf))
        return bool(self.label.fullmatch(leaf))


@dataclass(frozen=True)
class RowRule:
    kinds: frozenset[str] | None
    sides: frozenset[str] | None
    label: re.Pattern[str]
    item: str | None
    """None: a row known to state nothing the schema records."""

    def applies(self, kind: str, side: str | None, text: str) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        if self.sides is not None and side is not None and side not in self.sides:
            return False
        return bool(self.label.fullmatch(text))


def _rows(name: str) -> list[dict[str, str]]:
    with open(MAPS / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def title_rules() -> tuple[TitleRule, ...]:
    return tuple(
        TitleRule(re.compile(row["pattern"]), row["kind"], row["fund_scope"] or None, row["rows"])
        for row in _rows("table_titles.csv")
    )


@cache
def column_rules() -> tuple[ColumnRule, ...]:
    return tuple(
        ColumnRule(
            _kinds(row["kinds"]),
            re.compile(row["parent"]) if row["parent"] else None,
            re.compile(row["label"]),
            row["role"],
            row["measure"] or None,
            row["scope"] or None,
        )
        for row in _rows("table_columns.csv")
    )


@cache
def row_rules() -> tuple[RowRule, ...]:
    return tuple(
        RowRule(_kinds(row["kinds"]), _kinds(row["side"]), re.compile(row["label"]), row["item"] or None)
        for row in _rows("table_rows.csv")
    )


@cache
def total_cells() -> dict[tuple[str, str, str, str | None], tuple[str, str]]:
    """(kind, row item, column measure, column scope) -> (summary item, record field)."""
    return {
        (row["kind"], row["row"], row["measure"], row["scope"] or None): (row["item"], row["field"])
        for row in _rows("table_totals.csv")
    }


def title_rule(title: str) -> TitleRule | None:
    return next((rule for rule in title_rules() if rule.pattern.search(title)), None)


def column_rule(kind: str, path: tuple[str, ...], roles: frozenset[str] | None = None, own: bool = False) -> ColumnRule | None:
    """The first rule for the column's leaf heading under its parents (joined with /), among
    the rules of ``roles`` when given, and only the kind's own rules (not those of every kind,
    ``*``) when ``own``."""
    leaf, parents = path[-1], "/".join(path[:-1])
    return next(
        (
            rule
            for rule in column_rules()
            if (roles is None or rule.role in roles) and (not own or rule.kinds is not None) and rule.applies(kind, leaf, parents)
        ),
        None,
    )


def row_rule(kind: str, side: str | None, text: str) -> RowRule | None:
    return next((rule for rule in row_rules() if rule.applies(kind, side, text)), None)
