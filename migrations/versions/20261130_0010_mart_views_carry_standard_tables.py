"""The mart views carry the standard tables: the figure views gain the new measures and where the
evidence sits (columns appended, so `select *` readers keep theirs), mart.expenditure_by_economic_class
and mart.economic_structure are new, and the comparison views read one fund scope per report
(core.fund_scope_preference) so that a class stated in several scopes is counted once.

Going down, views that lose columns are dropped and rebuilt at their previous version (PostgreSQL
cannot drop a view's columns in place), with the views that read them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

from load.views import create_view, drop_view

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# (schema, view, version before, version after), in the order the views read each other.
# three_public_comparison is unchanged, but reads two changed views: going down it is rebuilt.
VIEWS = [
    ("core", "fund_scope_preference", None, "v001"),
    ("mart", "summary_items", "v001", "v002"),
    ("mart", "three_public", "v001", "v002"),
    ("mart", "expenditure_by_function", "v001", "v002"),
    ("mart", "project_performance", "v001", "v002"),
    ("mart", "performance_indicators", "v001", "v002"),
    ("mart", "expenditure_by_economic_class", None, "v001"),
    ("mart", "three_public_comparison", "v001", "v001"),
    ("mart", "expenditure_structure", "v001", "v002"),
    ("mart", "budget_vs_final", "v001", "v002"),
    ("mart", "economic_structure", None, "v001"),
]


def upgrade() -> None:
    for schema, view, before, after in VIEWS:
        if after != before:
            op.execute(create_view(view, after, schema))


def downgrade() -> None:
    for schema, view, _before, _after in reversed(VIEWS):
        op.execute(drop_view(view, schema))
    for schema, view, before, _after in VIEWS:
        if before:
            op.execute(create_view(view, before, schema))
