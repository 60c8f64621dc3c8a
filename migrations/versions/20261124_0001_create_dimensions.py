"""Create the core schema and the four dimensions (department, year, expenditure class, project).

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("create schema core")
    op.create_table('dim_department',
    sa.Column('department_id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('department_name', sa.Text(), nullable=False, comment='Name as published in the report'),
    sa.Column('region_name', sa.Text(), server_default='', nullable=False, comment="Region prefix of the name ('' if none)"),
    sa.Column('region_level', sa.Text(), nullable=True, comment='省, 市 or 区县: the level of the region'),
    sa.Column('canonical_name', sa.Text(), nullable=True, comment='The department this name is an alias of (departments.csv), if any'),
    sa.PrimaryKeyConstraint('department_id', name=op.f('pk_dim_department')),
    sa.UniqueConstraint('department_name', 'region_name', name=op.f('uq_dim_department_department_name_region_name')),
    schema='core',
    comment='One row per department name as published × region'
    )
    op.create_table('dim_expenditure_class',
    sa.Column('class_id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('class_kind', sa.Text(), nullable=False, comment='function (支出功能分类), summary_item or three_public'),
    sa.Column('class_code', sa.Text(), nullable=False, comment='Official 功能分类 code (201, 20101, 2010101) or our item code'),
    sa.Column('class_level', sa.Text(), nullable=False, comment='类, 款, 项 for functional classes; item or category'),
    sa.Column('class_name', sa.Text(), nullable=False),
    sa.Column('parent_code', sa.Text(), nullable=True, comment='Code of the parent class (款 -> 类, 项 -> 款)'),
    sa.Column('source', sa.Text(), server_default='reference', nullable=False, comment='reference list, or a report that printed it'),
    sa.PrimaryKeyConstraint('class_id', name=op.f('pk_dim_expenditure_class')),
    sa.UniqueConstraint('class_kind', 'class_code', name=op.f('uq_dim_expenditure_class_class_kind_class_code')),
    schema='core',
    comment='One row per class a figure can belong to: functional classes, summary items, 三公 categories'
    )
    op.create_table('dim_year',
    sa.Column('fiscal_year', sa.Integer(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('fiscal_year', name=op.f('pk_dim_year')),
    schema='core',
    comment='One row per fiscal year'
    )
    op.create_table('dim_project',
    sa.Column('project_id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('project_name', sa.Text(), nullable=False, comment="Name as first shown in the department's reports"),
    sa.Column('project_key', sa.Text(), nullable=False, comment='Name without 项目 / 经费 / 专项: what makes two names one project'),
    sa.ForeignKeyConstraint(['department_id'], ['core.dim_department.department_id'], name=op.f('fk_dim_project_department_id_dim_department')),
    sa.PrimaryKeyConstraint('project_id', name=op.f('pk_dim_project')),
    sa.UniqueConstraint('department_id', 'project_key', name=op.f('uq_dim_project_department_id_project_key')),
    schema='core',
    comment='One row per department × project'
    )


def downgrade() -> None:
    op.drop_table('dim_project', schema='core')
    op.drop_table('dim_year', schema='core')
    op.drop_table('dim_expenditure_class', schema='core')
    op.drop_table('dim_department', schema='core')
    op.execute("drop schema core")
