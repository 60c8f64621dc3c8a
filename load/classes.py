"""The expenditure-class dimension: the reference functional and economic classifications, the
summary-item codes and the 三公 categories, upserted on every migration so the lists can grow
without a migration reading a mutable file."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import insert

from extract.catalogue import CatalogueClass
from extract.classification import function_classes
from extract.economic_classification import economic_classes
from extract.summary_items import item_aliases
from extract.three_public import category_aliases
from load.schema import dim_expenditure_class

CATALOGUES = {"function": function_classes, "economic": economic_classes}
"""class_kind -> the official catalogue whose rows it holds (支出功能分类, 支出经济分类)."""


def catalogue_rows(kind: str, classes: Iterable[CatalogueClass]) -> list[dict[str, str | None]]:
    return [
        {
            "class_kind": kind,
            "class_code": cls.code,
            "class_level": cls.level,
            "class_name": cls.name,
            "parent_code": cls.parent_code,
            "source": "reference",
        }
        for cls in classes
    ]


def reference_rows() -> list[dict[str, str | None]]:
    rows = [row for kind, classes in CATALOGUES.items() for row in catalogue_rows(kind, classes())]
    for kind, level, aliases in (("summary_item", "item", item_aliases()), ("three_public", "category", category_aliases())):
        seen: dict[str, str] = {}
        for alias in aliases:
            seen.setdefault(alias.code, alias.label)
        rows += [
            {"class_kind": kind, "class_code": code, "class_level": level, "class_name": label, "parent_code": None, "source": "reference"}
            for code, label in seen.items()
        ]
    return rows


def sync_reference_classes(connection: Connection) -> None:
    statement = insert(dim_expenditure_class).values(reference_rows())
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["class_kind", "class_code"],
            set_={"class_name": statement.excluded.class_name, "class_level": statement.excluded.class_level,
                  "parent_code": statement.excluded.parent_code, "source": statement.excluded.source},
        )
    )
