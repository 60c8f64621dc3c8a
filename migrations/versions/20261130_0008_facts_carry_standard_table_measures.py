"""Facts carry the standard tables' measures: the fund scope of a figure by functional class and
its 基本支出 / 项目支出 parts, the prior year's figure beside a summary item, 三公 category or class,
self-evaluation scores and weights, where the evidence sits (page, table, row) on every fact and
finding, and whether a report is a 部门 or a 单位 report.

Function figures loaded before are all from narrative about 一般公共预算财政拨款, so they get the
fund scope general_budget; the column then has no default (the loader always says which money a
figure counts). Going down, the figures of other scopes are deleted: the schema before this
revision could not tell them apart, and its views would count a class once per scope. The views
are rebuilt around the dropped columns: a view that selects * from a table depends on every
column the table had when the view was created, as the views rebuilt going down 0010 do.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from load.views import create_view, drop_view

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FACTS = ["fact_summary_item", "fact_three_public", "fact_expenditure_function", "fact_project", "fact_performance_indicator"]
POSITIONS = {
    "page_number": "Page of the PDF where the evidence is (1-based; null for a text file)",
    "table_number": "Number of the table in the document the figure was read from (1-based; null for a sentence)",
    "row_number": "Row of that table (1-based; null for a sentence)",
}
FUND_SCOPES = ("all", "fiscal", "general_budget", "government_fund", "state_capital")
FUND_SCOPE_COMMENT = (
    "Which money the figure counts, after the table it was read from: all (every source: 收支总表, 支出表), "
    "fiscal (财政拨款: the three budgets' appropriations), general_budget (一般公共预算财政拨款), "
    "government_fund (政府性基金预算), state_capital (国有资本经营预算)"
)
REPORT_SCOPE_COMMENT = (
    "department (部门预算/决算: a department and its units) or unit (单位预算/决算: one unit); "
    "null when the title says neither"
)
PRIOR_YEAR = "The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数), in yuan (元)"
YUAN = sa.Numeric(precision=18, scale=2)
PCT = sa.Numeric(precision=9, scale=4)
POINTS = sa.Numeric(precision=9, scale=4)


def measures() -> dict[str, list[sa.Column]]:
    """Table -> the columns it gains besides the positions (new Column objects on every call:
    a column belongs to one table, and tests run upgrade twice in one process)."""
    return {
        "fact_summary_item": [sa.Column("prior_year_yuan", YUAN, nullable=True, comment=PRIOR_YEAR)],
        "fact_three_public": [sa.Column("prior_year_yuan", YUAN, nullable=True, comment=PRIOR_YEAR)],
        "fact_expenditure_function": [
            sa.Column("basic_yuan", YUAN, nullable=True, comment="基本支出 part of the amount, in yuan (元)"),
            sa.Column("project_yuan", YUAN, nullable=True, comment="项目支出 part of the amount, in yuan (元)"),
            sa.Column("prior_year_yuan", YUAN, nullable=True, comment=PRIOR_YEAR),
            sa.Column("prior_year_change_yuan", YUAN, nullable=True, comment="Change on the prior year (negative: 减少), in yuan (元)"),
            sa.Column(
                "prior_year_change_pct", PCT, nullable=True,
                comment="Change on the prior year (negative: 下降), in percent as printed (100 = 100%)",
            ),
        ],
        "fact_project": [
            sa.Column("score", POINTS, nullable=True, comment="得分 of a self-evaluation (绩效自评表), in points (分) as printed"),
        ],
        "fact_performance_indicator": [
            sa.Column("weight", POINTS, nullable=True, comment="分值 of a self-evaluation table row, in points (分) as printed"),
            sa.Column("score", POINTS, nullable=True, comment="得分 of a self-evaluation table row, in points (分) as printed"),
        ],
    }


# The mart views of revision 0007, in the order they read each other.
VIEWS_BEFORE = [
    ("documents", "v001"),
    ("summary_items", "v001"),
    ("three_public", "v001"),
    ("expenditure_by_function", "v001"),
    ("project_performance", "v001"),
    ("performance_indicators", "v001"),
    ("department_headlines", "v001"),
    ("three_public_comparison", "v001"),
    ("budget_vs_final", "v001"),
    ("expenditure_structure", "v001"),
]
FUNCTION_TABLE_COMMENTS = (
    "One row per document × functional class figure (类 / 款 / 项)",
    "One row per document × fund scope × functional class figure (类 / 款 / 项)",
)


def listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def add_positions(table: str, schema: str) -> None:
    for name, comment in POSITIONS.items():
        op.add_column(table, sa.Column(name, sa.Integer(), nullable=True, comment=comment), schema=schema)


def upgrade() -> None:
    for table in FACTS:
        add_positions(table, "core")
    add_positions("findings", "etl")
    op.add_column(
        "fact_expenditure_function",
        sa.Column("fund_scope", sa.Text(), server_default="general_budget", nullable=False, comment=FUND_SCOPE_COMMENT),
        schema="core",
    )
    op.alter_column("fact_expenditure_function", "fund_scope", server_default=None, schema="core")
    op.create_check_constraint(
        op.f("ck_fact_expenditure_function_fund_scope"), "fact_expenditure_function",
        f"fund_scope in ({listed(FUND_SCOPES)})", schema="core",
    )
    for table, columns in measures().items():
        for column in columns:
            op.add_column(table, column, schema="core")
    op.create_table_comment(
        "fact_expenditure_function", FUNCTION_TABLE_COMMENTS[1], existing_comment=FUNCTION_TABLE_COMMENTS[0], schema="core"
    )
    op.add_column("documents", sa.Column("report_scope", sa.Text(), nullable=True, comment=REPORT_SCOPE_COMMENT), schema="etl")
    op.create_check_constraint(
        op.f("ck_documents_report_scope"), "documents", f"report_scope in ({listed(('department', 'unit'))})", schema="etl"
    )


def downgrade() -> None:
    for view, _version in reversed(VIEWS_BEFORE):
        op.execute(drop_view(view))
    drop_columns()
    for view, version in VIEWS_BEFORE:
        op.execute(create_view(view, version))


def drop_columns() -> None:
    op.execute(
        """
        with dropped as (
            delete from core.fact_expenditure_function where fund_scope <> 'general_budget'
            returning document_id
        ),
        per_document as (
            select document_id, count(*) as facts from dropped group by document_id
        )
        update etl.documents as d set fact_count = d.fact_count - per_document.facts
        from per_document where d.document_id = per_document.document_id
        """
    )
    op.drop_constraint(op.f("ck_documents_report_scope"), "documents", schema="etl", type_="check")
    op.drop_column("documents", "report_scope", schema="etl")
    op.create_table_comment(
        "fact_expenditure_function", FUNCTION_TABLE_COMMENTS[0], existing_comment=FUNCTION_TABLE_COMMENTS[1], schema="core"
    )
    for table, columns in measures().items():
        for column in reversed(columns):
            op.drop_column(table, column.name, schema="core")
    op.drop_constraint(op.f("ck_fact_expenditure_function_fund_scope"), "fact_expenditure_function", schema="core", type_="check")
    op.drop_column("fact_expenditure_function", "fund_scope", schema="core")
    for table in ("findings", *reversed(FACTS)):
        for name in reversed(POSITIONS):
            op.drop_column(table, name, schema="etl" if table == "findings" else "core")
