"""Create the fact tables, one per figure family, each replaced per document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fact_expenditure_function',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('class_id', sa.Integer(), nullable=True, comment='Null when the class has no code'),
    sa.Column('class_code', sa.Text(), nullable=True, comment='Official code: printed in the report, else looked up by name'),
    sa.Column('class_level', sa.Text(), nullable=False, comment='类, 款 or 项'),
    sa.Column('class_name', sa.Text(), nullable=False, comment='Name of the 类 as printed'),
    sa.Column('kuan_name', sa.Text(), nullable=True, comment='Name of the 款 as printed'),
    sa.Column('xiang_name', sa.Text(), nullable=True, comment='Name of the 项 as printed'),
    sa.Column('amount_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The figure of the report's own phase, in yuan (元)"),
    sa.Column('budget_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='The budget figure stated beside it, in yuan (元)'),
    sa.Column('completion_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Completion of the budget, in percent as printed (100 = 100%)'),
    sa.Column('share_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Share of 一般公共预算财政拨款支出, in percent as printed (100 = 100%)'),
    sa.ForeignKeyConstraint(['class_id'], ['core.dim_expenditure_class.class_id'], name=op.f('fk_fact_expenditure_function_class_id_dim_expenditure_class')),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_fact_expenditure_function_department_id_dim_department')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_expenditure_function_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_fact_expenditure_function_fiscal_year_dim_year')),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_expenditure_function')),
    schema='core',
    comment='One row per document × functional class figure (类 / 款 / 项)'
    )
    op.create_index(op.f('ix_fact_expenditure_function_document_id'), 'fact_expenditure_function', ['document_id'], unique=False, schema='core')
    op.create_table('fact_performance_indicator',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('project_id', sa.Integer(), nullable=True, comment='Null when the table covers several projects'),
    sa.Column('project_label', sa.Text(), nullable=True, comment='The project (or projects) the table row belongs to, as printed'),
    sa.Column('level1', sa.Text(), nullable=True, comment='一级指标'),
    sa.Column('level2', sa.Text(), nullable=True, comment='二级指标'),
    sa.Column('level3', sa.Text(), nullable=True, comment='三级指标'),
    sa.Column('target', sa.Text(), nullable=True, comment='预期指标值 as printed'),
    sa.Column('actual', sa.Text(), nullable=True, comment='实际完成指标值 as printed'),
    sa.Column('target_value', sa.Numeric(precision=20, scale=4), nullable=True, comment='The number in the target, when it holds exactly one'),
    sa.Column('actual_value', sa.Numeric(precision=20, scale=4), nullable=True, comment='The number in the actual value, when it holds exactly one'),
    sa.Column('unit', sa.Text(), nullable=True, comment='Unit of those numbers as printed (%, 次, 万元, 年)'),
    sa.Column('comparator', sa.Text(), nullable=True, comment='>=, >, <=, <, = (from ≥, 大于, 以上 …)'),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_fact_performance_indicator_department_id_dim_department')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_performance_indicator_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_fact_performance_indicator_fiscal_year_dim_year')),
    sa.ForeignKeyConstraint(['project_id'], ['core.dim_project.project_id'], name=op.f('fk_fact_performance_indicator_project_id_dim_project')),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_performance_indicator')),
    schema='core',
    comment='One row per performance-table indicator row'
    )
    op.create_index(op.f('ix_fact_performance_indicator_document_id'), 'fact_performance_indicator', ['document_id'], unique=False, schema='core')
    op.create_table('fact_project',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('budget_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The project's budget (全年预算数), in yuan (元)"),
    sa.Column('executed_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='The amount executed (执行数), in yuan (元)'),
    sa.Column('completion_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Completion of the budget as printed, in percent as printed (100 = 100%)'),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_fact_project_department_id_dim_department')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_project_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_fact_project_fiscal_year_dim_year')),
    sa.ForeignKeyConstraint(['project_id'], ['core.dim_project.project_id'], name=op.f('fk_fact_project_project_id_dim_project')),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_project')),
    schema='core',
    comment='One row per document × project'
    )
    op.create_index(op.f('ix_fact_project_document_id'), 'fact_project', ['document_id'], unique=False, schema='core')
    op.create_table('fact_summary_item',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('item_label', sa.Text(), nullable=True, comment="The item's label as printed"),
    sa.Column('amount_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The figure of the report's own phase, in yuan (元)"),
    sa.Column('budget_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='The budget figure stated beside it, in yuan (元)'),
    sa.Column('share_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Share of its total, in percent as printed (100 = 100%)'),
    sa.Column('completion_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Completion of the budget, in percent as printed (100 = 100%)'),
    sa.Column('prior_year_change_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='Change on the prior year (negative: 减少), in yuan (元)'),
    sa.Column('prior_year_change_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Change on the prior year (negative: 下降), in percent as printed (100 = 100%)'),
    sa.ForeignKeyConstraint(['class_id'], ['core.dim_expenditure_class.class_id'], name=op.f('fk_fact_summary_item_class_id_dim_expenditure_class')),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_fact_summary_item_department_id_dim_department')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_summary_item_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_fact_summary_item_fiscal_year_dim_year')),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_summary_item')),
    schema='core',
    comment='One row per document × summary item'
    )
    op.create_index(op.f('ix_fact_summary_item_document_id'), 'fact_summary_item', ['document_id'], unique=False, schema='core')
    op.create_table('fact_three_public',
    sa.Column('fact_id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The report the figure was read from'),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=True),
    sa.Column('phase', sa.Text(), nullable=False, comment='budget (预算), final (决算) or self_evaluation (绩效自评)'),
    sa.Column('line_number', sa.Integer(), nullable=True, comment='Line of the source file where the evidence starts'),
    sa.Column('evidence', sa.Text(), nullable=True, comment='The sentence or table row the figure was read from, as printed'),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('category_label', sa.Text(), nullable=True),
    sa.Column('amount_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment="The figure of the report's own phase, in yuan (元)"),
    sa.Column('budget_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='The budget figure stated beside it, in yuan (元)'),
    sa.Column('share_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Share of the 三公 total, in percent as printed (100 = 100%)'),
    sa.Column('completion_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Completion of the budget, in percent as printed (100 = 100%)'),
    sa.Column('prior_year_change_yuan', sa.Numeric(precision=18, scale=2), nullable=True, comment='Change on the prior year (negative: 减少), in yuan (元)'),
    sa.Column('prior_year_change_pct', sa.Numeric(precision=9, scale=4), nullable=True, comment='Change on the prior year (negative: 下降), in percent as printed (100 = 100%)'),
    sa.Column('groups', sa.Integer(), nullable=True, comment='团组: outbound delegations'),
    sa.Column('persons', sa.Integer(), nullable=True, comment='人 / 人次'),
    sa.Column('batches', sa.Integer(), nullable=True, comment='批次: reception batches'),
    sa.Column('vehicles', sa.Integer(), nullable=True, comment='辆: official vehicles'),
    sa.ForeignKeyConstraint(['class_id'], ['core.dim_expenditure_class.class_id'], name=op.f('fk_fact_three_public_class_id_dim_expenditure_class')),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_fact_three_public_department_id_dim_department')),
    sa.ForeignKeyConstraint(['document_id'], ['etl.documents.document_id'], name=op.f('fk_fact_three_public_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fiscal_year'], ['core.dim_year.fiscal_year'], name=op.f('fk_fact_three_public_fiscal_year_dim_year')),
    sa.PrimaryKeyConstraint('fact_id', name=op.f('pk_fact_three_public')),
    schema='core',
    comment='One row per document × 三公经费 category'
    )
    op.create_index(op.f('ix_fact_three_public_document_id'), 'fact_three_public', ['document_id'], unique=False, schema='core')


def downgrade() -> None:
    op.drop_index(op.f('ix_fact_three_public_document_id'), table_name='fact_three_public', schema='core')
    op.drop_table('fact_three_public', schema='core')
    op.drop_index(op.f('ix_fact_summary_item_document_id'), table_name='fact_summary_item', schema='core')
    op.drop_table('fact_summary_item', schema='core')
    op.drop_index(op.f('ix_fact_project_document_id'), table_name='fact_project', schema='core')
    op.drop_table('fact_project', schema='core')
    op.drop_index(op.f('ix_fact_performance_indicator_document_id'), table_name='fact_performance_indicator', schema='core')
    op.drop_table('fact_performance_indicator', schema='core')
    op.drop_index(op.f('ix_fact_expenditure_function_document_id'), table_name='fact_expenditure_function', schema='core')
    op.drop_table('fact_expenditure_function', schema='core')
