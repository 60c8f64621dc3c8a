"""Create the etl schema: runs, documents (lineage of every report file) and findings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("create schema etl")
    op.create_table('runs',
    sa.Column('run_id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.Text(), server_default='running', nullable=False, comment='running, finished or failed'),
    sa.Column('documents_seen', sa.Integer(), server_default='0', nullable=False),
    sa.Column('documents_new', sa.Integer(), server_default='0', nullable=False, comment='Loaded in this run (new or changed)'),
    sa.Column('documents_skipped', sa.Integer(), server_default='0', nullable=False, comment='Unchanged since their last load'),
    sa.Column('documents_failed', sa.Integer(), server_default='0', nullable=False),
    sa.Column('facts_loaded', sa.Integer(), server_default='0', nullable=False),
    sa.Column('findings', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('run_id', name=op.f('pk_runs')),
    schema='etl',
    comment='One row per ingest run'
    )
    op.create_table('documents',
    sa.Column('document_id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False, comment='Path of the report file as given to ingest'),
    sa.Column('sha256', sa.Text(), nullable=False, comment='Content hash of the loaded (or last tried) file'),
    sa.Column('status', sa.Text(), nullable=False, comment='loaded or failed'),
    sa.Column('error', sa.Text(), nullable=True, comment='Why the last attempt failed: one line naming the file and the reason'),
    sa.Column('error_sha256', sa.Text(), nullable=True, comment='Content hash of the file version that failed'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True, comment='The title line the year and phase were read from'),
    sa.Column('fact_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('finding_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('is_current', sa.Boolean(), server_default='true', nullable=False, comment='False once a newer report of the same department, year and phase is loaded'),
    sa.Column('superseded_by', sa.Integer(), nullable=True, comment='document_id of the report that replaced this one'),
    sa.Column('first_loaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=True, comment='When the current facts were loaded'),
    sa.Column('attempted_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_documents_department_id_dim_department')),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_documents_fiscal_year_dim_year')),
    sa.ForeignKeyConstraint(['run_id'], ['etl.runs.run_id'], name=op.f('fk_documents_run_id_runs')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_documents')),
    sa.UniqueConstraint('source_path', name=op.f('uq_documents_source_path')),
    schema='etl',
    comment='One row per report file ever ingested'
    )
    op.create_table('findings',
    sa.Column('finding_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.Text(), nullable=False, comment='Rule id (transform/rules.csv)'),
    sa.Column('severity', sa.Text(), nullable=False, comment='error, warning or info'),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('expected_value', sa.Numeric(precision=20, scale=4), nullable=True, comment='What the check expected (e.g. the stated total)'),
    sa.Column('actual_value', sa.Numeric(precision=20, scale=4), nullable=True, comment='What the figures give'),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_findings_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('finding_id', name=op.f('pk_findings')),
    schema='etl',
    comment='One row per data-quality finding of a document'
    )
    op.create_index(op.f('ix_findings_document_id'), 'findings', ['document_id'], unique=False, schema='etl')
    # ### end Alembic commands ###


def downgrade() -> None:
    op.drop_index(op.f('ix_findings_document_id'), table_name='findings', schema='etl')
    op.drop_table('findings', schema='etl')
    op.drop_table('documents', schema='etl')
    op.drop_table('runs', schema='etl')
    op.execute("drop schema etl")
