"""mart.documents v002: a report's file name in source_path, not its path on the server (the
reader role of BI tools saw the server's folders); etl.documents keeps the path.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

from load.views import create_view

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(create_view("documents", "v002"))


def downgrade() -> None:
    op.execute(create_view("documents", "v001"))
