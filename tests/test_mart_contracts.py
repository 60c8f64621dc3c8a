"""Each mart view keeps the contract beside its files (sql/mart/<view>/contract.yml): its
columns, in order, are the view's as the migrations built it, and it names every version."""

from __future__ import annotations

import pytest
import yaml
from sqlalchemy import text

from load.views import SQL, views


def contract(view: str) -> dict:
    return yaml.safe_load((SQL / view / "contract.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("view", views())
def test__contract__names_the_view_its_grain_and_every_version(view):
    found = contract(view)
    assert found["view"] == f"mart.{view}"
    assert found["grain"].startswith("one row per")
    assert sorted(found["versions"]) == sorted(path.stem for path in (SQL / view).glob("v*.sql"))
    assert found["checks"]


@pytest.mark.parametrize("view", views())
def test__contract__lists_the_columns_of_the_view_in_order(engine, view):
    with engine.connect() as connection:
        columns = connection.execute(
            text("select column_name from information_schema.columns where table_schema = 'mart' and table_name = :view order by ordinal_position"),
            {"view": view},
        ).scalars().all()
    assert contract(view)["columns"] == columns
