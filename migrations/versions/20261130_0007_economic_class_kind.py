"""The class dimension also holds the economic classification (class_kind 'economic'):
its column and table comments say so. No constraint lists the kinds, so only the comments change.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "dim_expenditure_class"
# column -> (comment before, comment after)
COLUMNS = {
    "class_kind": (
        "function (支出功能分类), summary_item or three_public",
        "function (支出功能分类), economic (支出经济分类), summary_item or three_public",
    ),
    "class_code": (
        "Official 功能分类 code (201, 20101, 2010101) or our item code",
        "Official code (功能分类 201, 20101, 2010101; 经济分类 301, 30101) or our item code",
    ),
    "class_level": (
        "类, 款, 项 for functional classes; item or category",
        "类, 款, 项 for official classes; item or category",
    ),
}
TABLE_COMMENTS = (
    "One row per class a figure can belong to: functional classes, summary items, 三公 categories",
    "One row per class a figure can belong to: functional and economic classes, summary items, 三公 categories",
)


def comment(before: int, after: int) -> None:
    for column, comments in COLUMNS.items():
        op.alter_column(
            TABLE, column, schema="core", existing_type=sa.Text(), existing_nullable=False,
            existing_comment=comments[before], comment=comments[after],
        )
    op.create_table_comment(TABLE, TABLE_COMMENTS[after], existing_comment=TABLE_COMMENTS[before], schema="core")


def upgrade() -> None:
    comment(before=0, after=1)


def downgrade() -> None:
    comment(before=1, after=0)
