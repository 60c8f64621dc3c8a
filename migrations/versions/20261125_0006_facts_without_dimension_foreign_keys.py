"""Facts without foreign keys to their dimensions: checking them row by row was three quarters
of the load's time. The loader assigns every dimension id from rows it upserts in the same
transaction; document_id keeps its foreign key (deleting a document deletes its facts).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from load.schema import dimension_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# fact table -> (column, dimension table, key column, note of the column's comment)
KEYS = {
    "fact_summary_item": [("class_id", "dim_expenditure_class", "class_id", None)],
    "fact_three_public": [("class_id", "dim_expenditure_class", "class_id", None)],
    "fact_expenditure_function": [
        ("class_id", "dim_expenditure_class", "class_id", "null when the class has no code"),
    ],
    "fact_project": [("project_id", "dim_project", "project_id", None)],
    "fact_performance_indicator": [
        ("project_id", "dim_project", "project_id", "null when the table covers several projects"),
    ],
}
SHARED = [("department_id", "dim_department", "department_id", None), ("fiscal_year", "dim_year", "fiscal_year", None)]
OLD_COMMENTS = {
    ("fact_expenditure_function", "class_id"): "Null when the class has no code",
    ("fact_performance_indicator", "project_id"): "Null when the table covers several projects",
}


def keys():
    for table, own in KEYS.items():
        for column, dimension, key, note in [*SHARED, *own]:
            yield table, column, dimension, key, note


def upgrade() -> None:
    for table, column, dimension, _key, note in keys():
        op.drop_constraint(f"fk_{table}_{column}_{dimension}", table, schema="core", type_="foreignkey")
        op.execute(f"comment on column core.{table}.{column} is '{dimension_key('core.' + dimension, note)}'")


def downgrade() -> None:
    for table, column, dimension, key, _note in keys():
        op.create_foreign_key(
            f"fk_{table}_{column}_{dimension}", table, dimension, [column], [key],
            source_schema="core", referent_schema="core",
        )
        old = OLD_COMMENTS.get((table, column))
        op.execute(f"comment on column core.{table}.{column} is {repr(old) if old else 'null'}")
