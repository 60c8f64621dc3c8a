"""A report published as two files (说明 and 公开表) loads as one: etl.documents records which file is
a part (part), the document it was loaded with (part_of) and, on that document, the part's hash
(partner_sha256); mart.documents v003 shows part_of and the report's scope.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from load.views import create_view, drop_view

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

OLD_STATUS = "loaded or failed"
STATUS = "loaded, failed, or part (a file of a report's 公开表 only, waiting to be loaded with the report's other file)"
PART = "tables when the file holds only the 公开表 of a report published as two files (说明 and 公开表); null for a report"
PART_OF = "The document whose facts include this part: the report's other file, loaded with it as one report"
PARTNER_SHA256 = "Content hash of the part (part_of this document) loaded with this file as one report; null when loaded alone"


def upgrade() -> None:
    op.add_column("documents", sa.Column("part", sa.Text(), nullable=True, comment=PART), schema="etl")
    op.add_column("documents", sa.Column("part_of", sa.Integer(), nullable=True, comment=PART_OF), schema="etl")
    op.add_column("documents", sa.Column("partner_sha256", sa.Text(), nullable=True, comment=PARTNER_SHA256), schema="etl")
    op.create_check_constraint(op.f("ck_documents_part"), "documents", "part in ('tables')", schema="etl")
    op.create_foreign_key(
        op.f("fk_documents_part_of_documents"), "documents", "documents", ["part_of"], ["document_id"],
        source_schema="etl", referent_schema="etl", ondelete="SET NULL",
    )
    status_comment(OLD_STATUS, STATUS)
    op.execute(drop_view("documents"))
    op.execute(create_view("documents", "v003"))


def downgrade() -> None:
    op.execute(drop_view("documents"))
    op.execute(create_view("documents", "v002"))
    status_comment(STATUS, OLD_STATUS)
    op.drop_constraint(op.f("fk_documents_part_of_documents"), "documents", schema="etl", type_="foreignkey")
    op.drop_constraint(op.f("ck_documents_part"), "documents", schema="etl", type_="check")
    for column in ("partner_sha256", "part_of", "part"):
        op.drop_column("documents", column, schema="etl")


def status_comment(before: str, after: str) -> None:
    op.alter_column("documents", "status", schema="etl", existing_type=sa.Text(), existing_nullable=False,
                    existing_comment=before, comment=after)
