"""The economic classification of department budgets (部门预算支出经济分类): codes, names, look-up.

The 一般公共预算财政拨款基本支出表 of every budget and final report lists its figures by this
classification: 类 of 3 digits (301 工资福利支出) and 款 of 5 (30101 基本工资). Reference data:
``reference/economic_classes.csv`` (the catalogue, its sources in ``reference/sources.csv``) and
``extract/maps/economic_class_aliases.csv`` (former names with the years they were printed).

The catalogue was reformed in 2018, and some codes changed meaning: until 2017 30311 was
住房公积金 and 30104 其他社会保障缴费; since 2018 住房公积金 is 30113 and 其他社会保障缴费 30112.
A name is therefore looked up within its parent and, where it matters, for the report's year.
Not wired into extraction yet: the basic-expenditure tables are read elsewhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extract import catalogue
from extract.catalogue import CatalogueClass
from extract.document import normalise
from extract.numbers import MAPS

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "economic_classes.csv"
ALIASES = MAPS / "economic_class_aliases.csv"
LEVELS = {"类": 3, "款": 5}

EconomicClass = CatalogueClass
"""One 类 / 款 of the economic classification (the shared catalogue row)."""


@cache
def economic_classes() -> tuple[EconomicClass, ...]:
    return catalogue.read_classes(REFERENCE)


@cache
def _index() -> catalogue.NameIndex:
    return catalogue.build_index(economic_classes(), catalogue.read_former_names(ALIASES))


def lookup(name: str, parent_code: str | None, year: int | None = None) -> str | None:
    """Code of ``name`` within ``parent_code`` (None for a 类), or None when not listed.

    基本工资 under 301 is 30101. With ``year`` (the report's fiscal year) a name that meant
    another code then gets that code: 其他社会保障缴费 under 301 is 30104 in 2017, 30112 after.
    Without a year the current name wins.
    """
    return catalogue.pick(_index().get((parent_code, normalise(name)), ()), year)


@cache
def names_by_code() -> dict[str, str]:
    """code -> current name of every class of the reference."""
    return {c.code: c.name for c in economic_classes()}


def level_of(code: str) -> str | None:
    return {length: level for level, length in LEVELS.items()}.get(len(code))
