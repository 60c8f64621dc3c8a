"""The official functional classification (支出功能分类): codes, names, and look-up by name.

Reference data: ``reference/function_classes.csv`` (partial official list) and
``extract/maps/class_aliases.csv`` (former names). A code printed in a report always wins; a
name is looked up within its parent (行政运行 exists under many 款); a name not in the list
gets no code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.document import normalise
from extract.numbers import MAPS

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "function_classes.csv"
LEVELS = {"类": 3, "款": 5, "项": 7}
MIN_SHORT_NAME = 4
"""A 类 is also matched without its 支出 suffix (社会保障和就业) only when what remains is this
long: 其他支出 without 支出 would be 其他, which starts 其他收入."""


@dataclass(frozen=True)
class FunctionClass:
    code: str
    level: str
    name: str
    parent_code: str | None


@cache
def function_classes() -> tuple[FunctionClass, ...]:
    with open(REFERENCE, encoding="utf-8") as handle:
        return tuple(
            FunctionClass(row["code"], row["level"], normalise(row["name"]), row["parent_code"] or None)
            for row in csv.DictReader(handle)
        )


@cache
def _index() -> dict[tuple[str | None, str], str]:
    """(parent code, name) -> code, names normalised; 类 names also without their 支出 suffix."""
    index: dict[tuple[str | None, str], str] = {}
    for cls in function_classes():
        index[(cls.parent_code, cls.name)] = cls.code
        if cls.level == "类" and cls.name.endswith("支出") and len(cls.name) >= MIN_SHORT_NAME + 2:
            index.setdefault((None, cls.name[: -len("支出")]), cls.code)
    with open(MAPS / "class_aliases.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parent = row["code"][:-2] if len(row["code"]) > 3 else None
            index.setdefault((parent, normalise(row["alias"])), row["code"])
            if parent is None and row["alias"].endswith("支出") and len(row["alias"]) >= MIN_SHORT_NAME + 2:
                index.setdefault((None, normalise(row["alias"])[: -len("支出")]), row["code"])
    return index


def lookup(name: str, parent_code: str | None) -> str | None:
    """Code of ``name`` within ``parent_code`` (None for a 类), or None when not listed."""
    return _index().get((parent_code, normalise(name)))


def lei_names() -> list[tuple[str, str]]:
    """Every (name, code) a 类 may be printed as: official, without 支出, former names."""
    return [(name, code) for (parent, name), code in _index().items() if parent is None]


def level_of(code: str) -> str | None:
    return {length: level for level, length in LEVELS.items()}.get(len(code))
