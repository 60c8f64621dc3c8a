"""A run beats a heartbeat (etl.runs.heartbeat_at), so that the next run can tell a live run
whose lock's session was lost from a dead one, and mark the dead one abandoned.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

STATUS = (
    "running, finished or failed",
    "running, finished, failed, or abandoned (stopped by a signal, or found dead by a later run)",
)


def upgrade() -> None:
    op.add_column(
        "runs",
        sa.Column(
            "heartbeat_at", sa.DateTime(timezone=True), nullable=True,
            comment="Beaten every second while the run lives: a running run whose heartbeat stopped is dead",
        ),
        schema="etl",
    )
    status(after=1)


def downgrade() -> None:
    status(after=0)
    op.drop_column("runs", "heartbeat_at", schema="etl")


def status(after: int) -> None:
    op.alter_column("runs", "status", schema="etl", existing_type=sa.Text(), existing_nullable=False,
                    existing_server_default=sa.text("'running'::text"), existing_comment=STATUS[1 - after], comment=STATUS[after])
