"""Official classification catalogues (支出功能分类, 支出经济分类): files, rows and name look-up.

Both catalogues have the same shape, so they share this reader:
- a catalogue file (``reference/*_classes.csv``) holds one row per code under its current name,
  with ``valid_from`` / ``valid_to`` (fiscal years, blank when not known) for codes that were
  added or retired within the years reports cover;
- an alias file (``extract/maps/*_aliases.csv``) holds the names a code was printed under
  before, with the years they were used, so that a name read in an older report finds its code.

A name is looked up within its parent (行政运行 exists under many 款). Where one name meant two
codes in different years (其他社会保障缴费 was 30104 until 2017, 30112 since the 2018 reform),
the report's year decides; without a year the current name wins.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.document import normalise

LEVEL_LENGTHS = {"类": 3, "款": 5, "项": 7}
"""Code length of each level: a 项 code starts with its 款 code, which starts with its 类 code."""


@dataclass(frozen=True)
class CatalogueClass:
    """One official code with its current name."""

    code: str
    level: str
    name: str
    parent_code: str | None
    valid_from: int | None = None
    """First fiscal year the code was in force, when a source shows it was added later."""
    valid_to: int | None = None
    """Last fiscal year the code was in force; None while it still is."""


@dataclass(frozen=True)
class FormerName:
    """A name a code was printed under before its current one."""

    code: str
    name: str
    valid_from: int | None
    valid_to: int | None


@dataclass(frozen=True)
class Entry:
    """One way a name may be printed for a code, and the years it meant that code."""

    code: str
    valid_from: int | None
    valid_to: int | None
    current: bool
    """The catalogue's own name of a code still in force (not a former name, not a retired code)."""

    def covers(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or year <= self.valid_to)


NameIndex = dict[tuple[str | None, str], tuple[Entry, ...]]
Variants = Callable[[str, str], Iterable[str]]


def parent_of(code: str) -> str | None:
    """The parent code by prefix: 2010301 -> 20103 -> 201 -> None."""
    return code[:-2] if len(code) > 3 else None


def _year(text: str | None) -> int | None:
    return int(text) if text and text.strip() else None


def read_classes(path: Path) -> tuple[CatalogueClass, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(
            CatalogueClass(
                row["code"],
                row["level"],
                normalise(row["name"]),
                row["parent_code"] or None,
                _year(row.get("valid_from")),
                _year(row.get("valid_to")),
            )
            for row in csv.DictReader(handle)
        )


def read_former_names(path: Path) -> tuple[FormerName, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(
            FormerName(row["code"], normalise(row["alias"]), _year(row.get("valid_from")), _year(row.get("valid_to")))
            for row in csv.DictReader(handle)
        )


def no_variants(name: str, level: str) -> Iterator[str]:
    return iter(())


def build_index(
    classes: Iterable[CatalogueClass], former: Iterable[FormerName], variants: Variants = no_variants
) -> NameIndex:
    """(parent code, name) -> the codes that name was printed for, the current name first.

    ``variants`` yields other spellings of a name (a 类 without its 支出 suffix); they rank after
    every exact name, so a variant never hides a real name.
    """
    levels = {cls.code: cls.level for cls in classes}
    exact: list[tuple[tuple[str | None, str], Entry]] = []
    loose: list[tuple[tuple[str | None, str], Entry]] = []
    for cls in sorted(classes, key=lambda c: c.valid_to is not None):
        entry = Entry(cls.code, cls.valid_from, cls.valid_to, current=cls.valid_to is None)
        exact.append(((cls.parent_code, cls.name), entry))
        loose += [((cls.parent_code, name), entry) for name in variants(cls.name, cls.level)]
    for name in sorted(former, key=lambda f: -(f.valid_to or 0)):
        entry = Entry(name.code, name.valid_from, name.valid_to, current=False)
        exact.append(((parent_of(name.code), name.name), entry))
        loose += [((parent_of(name.code), variant), entry) for variant in variants(name.name, levels.get(name.code, ""))]
    index: dict[tuple[str | None, str], list[Entry]] = {}
    for key, entry in exact + loose:
        entries = index.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


def pick(entries: tuple[Entry, ...], year: int | None = None) -> str | None:
    """The code a printed name means: the one in force in ``year`` if any, else the first."""
    if not entries:
        return None
    if year is not None:
        for entry in entries:
            if entry.covers(year):
                return entry.code
    return entries[0].code
