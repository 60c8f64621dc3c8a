"""Add core.fact_expenditure_economic: the figures of the 基本支出 tables by economic class
(支出经济分类 301 工资福利支出, 30101 基本工资 ...), one row per document × fund scope × class, with
their 人员经费 and 公用经费 parts. The classes are core.dim_expenditure_class rows of class_kind
'economic' (revision 0007).

Going down, each document's fact_count loses the figures dropped with the table.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fact_expenditure_economic',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True, comment='Key of core.dim_department (assigned by the loader, not checked row by row)'),
    sa.Column('fiscal_year', sa.Integer(), nullable=True, comment='Key of core.dim_year (assigned by the loader, not checked row by row)'),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('page_number', sa.Integer(), nullable=True, comment='Page of the PDF where the evidence is (1-based; null for a text file)'),
    sa.Column('table_number', sa.Integer(), nullable=True, comment='Number of the table in the document the figure was read from (1-based; null for a sentence)'),
    sa.Column('row_number', sa.Integer(), nullable=True, comment='Row of that table (1-based; null for a sentence)'),
    sa.Column('class_id', sa.Integer(), nullable=True, comment='Key of core.dim_expenditure_class (assigned by the loader, not checked row by row); an economic class; null when the class has no code'),
    sa.Column('fund_scope', sa.Text(), nullable=False, comment="Which money the figure counts, after the table it was read from: all (every source: 收支总表, 支出表), fiscal (财政拨款: the three budgets' appropriations), general_budget (一般公共预算财政拨款), government_fund (政府性基金预算), state_capital (国有资本经营预算)"),
    sa.Column('class_code', sa.Text(), nullable=True, comment='Official 经济分类 code (301, 30101): printed in the report, else looked up by name'),
    sa.Column('class_level', sa.Text(), nullable=False, comment='类 (3-digit code) or 款 (5-digit code)'),
    sa.Column('class_name', sa.Text(), nullable=False, comment='Name of the 类 as printed'),
    sa.Column('kuan_name', sa.Text(), nullable=True, comment='Name of the 款 as printed'),
    sa.Column('amount_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The figure of the report's own phase, in yuan (元)"),
    sa.Column('personnel_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='人员经费 part of the amount, in yuan (元)'),
    sa.Column('public_funds_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='公用经费 part of the amount, in yuan (元)'),
    sa.Column('budget_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='The budget figure stated beside it, in yuan (元)'),
    sa.Column('prior_year_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数), in yuan (元)"),
    sa.CheckConstraint("fund_scope in ('all', 'fiscal', 'general_budget', 'government_fund', 'state_capital')", name=op.f('ck_fact_expenditure_economic_fund_scope')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_expenditure_economic_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_expenditure_economic')),
    schema='core',
    comment='One row per document × fund scope × economic class (支出经济分类 类 / 款), from the 基本支出 tables'
    )
    op.create_index(op.f('ix_fact_expenditure_economic_document_id'), 'fact_expenditure_economic', ['document_id'], unique=False, schema='core')


def downgrade() -> None:
    op.execute(
        """
        update etl.documents as d set fact_count = d.fact_count - per_document.facts
        from (
            select document_id, count(*) as facts from core.fact_expenditure_economic group by document_id
        ) as per_document
        where d.document_id = per_document.document_id
        """
    )
    op.drop_index(op.f('ix_fact_expenditure_economic_document_id'), table_name='fact_expenditure_economic', schema='core')
    op.drop_table('fact_expenditure_economic', schema='core')
