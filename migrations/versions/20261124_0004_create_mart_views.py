"""Create the mart schema and its contract views (DESIGN.md, "The contract"), version v001.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from load.views import create_view, drop_view

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

VIEWS = {
    "documents": "v001",
    "summary_items": "v001",
    "three_public": "v001",
    "expenditure_by_function": "v001",
    "project_performance": "v001",
    "performance_indicators": "v001",
}


def upgrade() -> None:
    op.execute("create schema mart")
    for view, version in VIEWS.items():
        op.execute(create_view(view, version))


def downgrade() -> None:
    for view in VIEWS:
        op.execute(drop_view(view))
    op.execute("drop schema mart")
