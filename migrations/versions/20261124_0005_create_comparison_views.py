"""Create the comparison views for analysts and BI: headlines, 三公 comparison, budget vs final,
expenditure structure (version v001), on core.department_identity (canonical departments).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from load.views import create_view, drop_view

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VIEWS = {
    "department_headlines": "v001",
    "three_public_comparison": "v001",
    "budget_vs_final": "v001",
    "expenditure_structure": "v001",
}


def upgrade() -> None:
    op.execute(create_view("department_identity", "v001", schema="core"))
    for view, version in VIEWS.items():
        op.execute(create_view(view, version))


def downgrade() -> None:
    for view in reversed(list(VIEWS)):
        op.execute(drop_view(view))
    op.execute(drop_view("department_identity", schema="core"))
