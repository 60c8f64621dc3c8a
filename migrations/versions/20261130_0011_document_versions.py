"""Versions of a report are ordered by their own text: etl.documents gets the date a report
prints (published_on) and whether it is titled a correction (is_correction); is_current and
first_loaded_at say how they are used.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from load.views import create_view, drop_view

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

IS_CURRENT = (
    "False once a newer report of the same department, year and phase is loaded",
    "False once a later version of the same report (department, year, phase) is loaded: later by its "
    "own text (a correction's title, then the latest date printed), else first loaded later; a version "
    "stating far fewer figures never supersedes (finding version_incomplete)",
)
FIRST_LOADED_AT = (None, "Start of the run that first loaded this file (orders versions without a printed date)")


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("published_on", sa.Date(), nullable=True, comment="The latest date the report prints (its publication date), if it prints one"),
        schema="etl",
    )
    op.add_column(
        "documents",
        sa.Column(
            "is_correction", sa.Boolean(), server_default="false", nullable=False,
            comment="Its title or a heading at its top marks it as a correction (更正, 修订版, 重新公开)",
        ),
        schema="etl",
    )
    comment(after=1)


def downgrade() -> None:
    comment(after=0)
    # mart.documents v001 selects * from etl.documents, which binds every column present when the
    # view is made (as when a later revision made it again): it is made again without these.
    op.execute(drop_view("documents"))
    op.drop_column("documents", "is_correction", schema="etl")
    op.drop_column("documents", "published_on", schema="etl")
    op.execute(create_view("documents", "v001"))


def comment(after: int) -> None:
    before = 1 - after
    op.alter_column("documents", "is_current", schema="etl", existing_type=sa.Boolean(), existing_nullable=False,
                    existing_server_default=sa.text("true"), existing_comment=IS_CURRENT[before], comment=IS_CURRENT[after])
    op.alter_column("documents", "first_loaded_at", schema="etl", existing_type=sa.DateTime(timezone=True),
                    existing_nullable=True, existing_comment=FIRST_LOADED_AT[before], comment=FIRST_LOADED_AT[after])
