"""The official functional classification (支出功能分类): codes, names, and look-up by name.

Reference data: ``reference/function_classes.csv`` (the catalogue, its sources in
``reference/sources.csv``) and ``extract/maps/class_aliases.csv`` (former names, with the years
they were printed). A code printed in a report always wins; a name is looked up within its parent
(行政运行 exists under many 款); a name not in the list gets no code.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from extract import catalogue
from extract.catalogue import CatalogueClass
from extract.document import normalise
from extract.numbers import MAPS

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "function_classes.csv"
ALIASES = MAPS / "class_aliases.csv"
LEVELS = catalogue.LEVEL_LENGTHS
MIN_SHORT_NAME = 4
"""A 类 is also matched without its 支出 suffix (社会保障和就业) only when what remains is this
long: 其他支出 without 支出 would be 其他, which starts 其他收入."""

FunctionClass = CatalogueClass
"""One 类 / 款 / 项 of the functional classification (the shared catalogue row)."""


@cache
def function_classes() -> tuple[FunctionClass, ...]:
    return catalogue.read_classes(REFERENCE)


def short_names(name: str, level: str) -> Iterator[str]:
    """一般公共服务支出 is also printed 一般公共服务: a 类 without its 支出 suffix."""
    if level == "类" and name.endswith("支出") and len(name) >= MIN_SHORT_NAME + 2:
        yield name[: -len("支出")]


@cache
def _index() -> catalogue.NameIndex:
    return catalogue.build_index(function_classes(), catalogue.read_former_names(ALIASES), short_names)


def lookup(name: str, parent_code: str | None, year: int | None = None) -> str | None:
    """Code of ``name`` within ``parent_code`` (None for a 类), or None when not listed.

    ``year`` (the report's fiscal year) only matters where one name meant different codes in
    different years; without it the current name wins.
    """
    return catalogue.pick(_index().get((parent_code, normalise(name)), ()), year)


def lei_names() -> list[tuple[str, str]]:
    """Every (name, code) a 类 may be printed as: official, without 支出, former names."""
    return [(name, entries[0].code) for (parent, name), entries in _index().items() if parent is None]


@cache
def names_by_code() -> dict[str, str]:
    """code -> current name of every class of the reference."""
    return {c.code: c.name for c in function_classes()}


def level_of(code: str) -> str | None:
    return {length: level for level, length in LEVELS.items()}.get(len(code))
