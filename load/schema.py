"""The one definition of the warehouse tables: Alembic autogenerates from it, the loader
refuses a table it does not know, and every description becomes a column comment that BI users
see. Layers are schemas: ``core`` (dimensions and facts), ``etl`` (lineage, runs, findings);
``mart`` holds views only (sql/mart/).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Integer,
    MetaData,
    Numeric,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from extract.records import FUND_SCOPES, PARTS, REPORT_SCOPES

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)

YUAN = Numeric(18, 2)
PCT = Numeric(9, 4)
POINTS = Numeric(9, 4)


def amount(name: str, description: str) -> Column:
    return Column(name, YUAN, comment=f"{description}, in yuan (元)")


def pct(name: str, description: str) -> Column:
    return Column(name, PCT, comment=f"{description}, in percent as printed (100 = 100%)")


def points(name: str, description: str) -> Column:
    return Column(name, POINTS, comment=f"{description}, in points (分) as printed")


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """A CHECK that ``column`` holds one of ``values`` (named ck_<table>_<column>)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} in ({listed})", name=column)


FUND_SCOPE_COMMENT = (
    "Which money the figure counts, after the table it was read from: all (every source: 收支总表, 支出表), "
    "fiscal (财政拨款: the three budgets' appropriations), general_budget (一般公共预算财政拨款), "
    "government_fund (政府性基金预算), state_capital (国有资本经营预算)"
)


def fund_scope() -> list:
    """The fund scope of a figure by class, and the CHECK that it is one of FUND_SCOPES."""
    return [Column("fund_scope", Text, nullable=False, comment=FUND_SCOPE_COMMENT), one_of("fund_scope", FUND_SCOPES)]


def positions() -> list[Column]:
    """Where the evidence sits in the document: page, table and row (1-based, null when the
    reader has no such position: a sentence has no table, a text file no page)."""
    return [
        Column("page_number", Integer, comment="Page of the PDF where the evidence is (1-based; null for a text file)"),
        Column("table_number", Integer, comment="Number of the table in the document the figure was read from (1-based; null for a sentence)"),
        Column("row_number", Integer, comment="Row of that table (1-based; null for a sentence)"),
    ]


def dimension_key(table: str, note: str | None = None) -> str:
    """Comment of a fact's dimension key. Facts carry no foreign keys to dimensions: checking one
    per row cost three quarters of the load. The loader takes every id from the dimension rows it
    upserts in the same transaction, dimensions are never deleted, and a test checks that no
    fact points nowhere. document_id keeps its foreign key (deleting a document deletes its facts)."""
    return f"Key of {table} (assigned by the loader, not checked row by row)" + (f"; {note}" if note else "")


def lineage() -> list[Column]:
    """Columns every fact carries: its document, department, year, phase and evidence."""
    return [
        Column("fact_id", BigInteger, Identity(), primary_key=True),
        Column(
            "document_id",
            Integer,
            ForeignKey("etl.documents.document_id", ondelete="CASCADE"),
            nullable=False,
            index=True,
            comment="The report the figure was read from",
        ),
        Column("department_id", Integer, nullable=True, comment=dimension_key("core.dim_department")),
        Column("fiscal_year", Integer, nullable=True, comment=dimension_key("core.dim_year")),
        Column("phase", Text, nullable=False, comment="budget (预算), final (决算) or self_evaluation (绩效自评)"),
        Column("line_number", Integer, comment="Line of the source file where the evidence starts"),
        Column("evidence", Text, comment="The sentence or table row the figure was read from, as printed"),
        *positions(),
    ]


dim_department = Table(
    "dim_department",
    metadata,
    Column("department_id", Integer, Identity(), primary_key=True),
    Column("department_name", Text, nullable=False, comment="Name as published in the report"),
    Column("region_name", Text, nullable=False, server_default="", comment="Region prefix of the name ('' if none)"),
    Column("region_level", Text, comment="省, 市 or 区县: the level of the region"),
    Column("canonical_name", Text, comment="The department this name is an alias of (departments.csv), if any"),
    UniqueConstraint("department_name", "region_name"),
    schema="core",
    comment="One row per department name as published × region",
)

dim_year = Table(
    "dim_year",
    metadata,
    Column("fiscal_year", Integer, primary_key=True, autoincrement=False),
    schema="core",
    comment="One row per fiscal year",
)

dim_expenditure_class = Table(
    "dim_expenditure_class",
    metadata,
    Column("class_id", Integer, Identity(), primary_key=True),
    Column("class_kind", Text, nullable=False, comment="function (支出功能分类), economic (支出经济分类), summary_item or three_public"),
    Column("class_code", Text, nullable=False, comment="Official code (功能分类 201, 20101, 2010101; 经济分类 301, 30101) or our item code"),
    Column("class_level", Text, nullable=False, comment="类, 款, 项 for official classes; item or category"),
    Column("class_name", Text, nullable=False),
    Column("parent_code", Text, comment="Code of the parent class (款 -> 类, 项 -> 款)"),
    Column("source", Text, nullable=False, server_default="reference", comment="reference list, or a report that printed it"),
    UniqueConstraint("class_kind", "class_code"),
    schema="core",
    comment="One row per class a figure can belong to: functional and economic classes, summary items, 三公 categories",
)

dim_project = Table(
    "dim_project",
    metadata,
    Column("project_id", Integer, Identity(), primary_key=True),
    Column("department_id", Integer, ForeignKey("core.dim_department.department_id"), nullable=False),
    Column("project_name", Text, nullable=False, comment="Name as first shown in the department's reports"),
    Column("project_key", Text, nullable=False, comment="Name without 项目 / 经费 / 专项: what makes two names one project"),
    UniqueConstraint("department_id", "project_key"),
    schema="core",
    comment="One row per department × project",
)

IS_CURRENT = (
    "False once a later version of the same report (department, year, phase) is loaded: later by its "
    "own text (a correction's title, then the latest date printed), else first loaded later; a version "
    "stating far fewer figures never supersedes (finding version_incomplete)"
)
FIRST_LOADED_AT = "Start of the run that first loaded this file (orders versions without a printed date)"

STATUS = "loaded, failed, or part (a file of a report's 公开表 only, waiting to be loaded with the report's other file)"
PART = "tables when the file holds only the 公开表 of a report published as two files (说明 and 公开表); null for a report"
PART_OF = "The document whose facts include this part: the report's other file, loaded with it as one report"
PARTNER_SHA256 = "Content hash of the part (part_of this document) loaded with this file as one report; null when loaded alone"

documents = Table(
    "documents",
    metadata,
    Column("document_id", Integer, Identity(), primary_key=True),
    Column("source_path", Text, nullable=False, unique=True, comment="Path of the report file as given to ingest"),
    Column("sha256", Text, nullable=False, comment="Content hash of the loaded (or last tried) file"),
    Column("status", Text, nullable=False, comment=STATUS),
    Column("error", Text, comment="Why the last attempt failed: one line naming the file and the reason"),
    Column("error_sha256", Text, comment="Content hash of the file version that failed"),
    Column("department_id", Integer, ForeignKey("core.dim_department.department_id")),
    Column("fiscal_year", Integer, ForeignKey("core.dim_year.fiscal_year")),
    Column("phase", Text),
    Column("title", Text, comment="The title line the year and phase were read from"),
    Column("report_scope", Text, comment="department (部门预算/决算: a department and its units) or unit (单位预算/决算: one unit); null when the title says neither"),
    Column("fact_count", Integer, nullable=False, server_default="0"),
    Column("finding_count", Integer, nullable=False, server_default="0"),
    Column("is_current", Boolean, nullable=False, server_default="true", comment=IS_CURRENT),
    Column("superseded_by", Integer, comment="document_id of the report that replaced this one"),
    Column("first_loaded_at", DateTime(timezone=True), comment=FIRST_LOADED_AT),
    Column("published_on", Date, comment="The latest date the report prints (its publication date), if it prints one"),
    Column("is_correction", Boolean, nullable=False, server_default="false", comment="Its title or a heading at its top marks it as a correction (更正, 修订版, 重新公开)"),
    Column("loaded_at", DateTime(timezone=True), comment="When the current facts were loaded"),
    Column("attempted_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("run_id", Integer, ForeignKey("etl.runs.run_id")),
    Column("part", Text, comment=PART),
    Column("part_of", Integer, ForeignKey("etl.documents.document_id", ondelete="SET NULL"), comment=PART_OF),
    Column("partner_sha256", Text, comment=PARTNER_SHA256),
    one_of("report_scope", REPORT_SCOPES),
    one_of("part", PARTS),
    schema="etl",
    comment="One row per report file ever ingested",
)

RUN_STATUS = "running, finished, failed, or abandoned (stopped by a signal, or found dead by a later run)"

runs = Table(
    "runs",
    metadata,
    Column("run_id", Integer, Identity(), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", Text, nullable=False, server_default="running", comment=RUN_STATUS),
    Column("heartbeat_at", DateTime(timezone=True), comment="Beaten every second while the run lives: a running run whose heartbeat stopped is dead"),
    Column("documents_seen", Integer, nullable=False, server_default="0"),
    Column("documents_new", Integer, nullable=False, server_default="0", comment="Loaded in this run (new or changed)"),
    Column("documents_skipped", Integer, nullable=False, server_default="0", comment="Unchanged since their last load"),
    Column("documents_failed", Integer, nullable=False, server_default="0"),
    Column("facts_loaded", Integer, nullable=False, server_default="0"),
    Column("findings", Integer, nullable=False, server_default="0"),
    schema="etl",
    comment="One row per ingest run",
)

findings = Table(
    "findings",
    metadata,
    Column("finding_id", BigInteger, Identity(), primary_key=True),
    Column("document_id", Integer, ForeignKey("etl.documents.document_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("rule", Text, nullable=False, comment="Rule id (transform/rules.csv)"),
    Column("severity", Text, nullable=False, comment="error, warning or info"),
    Column("message", Text, nullable=False),
    Column("line_number", Integer),
    Column("evidence", Text),
    *positions(),
    Column("expected_value", Numeric(20, 4), comment="What the check expected (e.g. the stated total)"),
    Column("actual_value", Numeric(20, 4), comment="What the figures give"),
    schema="etl",
    comment="One row per data-quality finding of a document",
)

fact_summary_item = Table(
    "fact_summary_item",
    metadata,
    *lineage(),
    Column("class_id", Integer, nullable=False, comment=dimension_key("core.dim_expenditure_class")),
    Column("item_label", Text, comment="The item's label as printed"),
    amount("amount_yuan", "The figure of the report's own phase"),
    amount("budget_yuan", "The budget figure stated beside it"),
    pct("share_pct", "Share of its total"),
    pct("completion_pct", "Completion of the budget"),
    amount("prior_year_change_yuan", "Change on the prior year (negative: 减少)"),
    pct("prior_year_change_pct", "Change on the prior year (negative: 下降)"),
    amount("prior_year_yuan", "The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)"),
    schema="core",
    comment="One row per document × summary item",
)

fact_three_public = Table(
    "fact_three_public",
    metadata,
    *lineage(),
    Column("class_id", Integer, nullable=False, comment=dimension_key("core.dim_expenditure_class")),
    Column("category_label", Text),
    amount("amount_yuan", "The figure of the report's own phase"),
    amount("budget_yuan", "The budget figure stated beside it"),
    pct("share_pct", "Share of the 三公 total"),
    pct("completion_pct", "Completion of the budget"),
    amount("prior_year_change_yuan", "Change on the prior year (negative: 减少)"),
    pct("prior_year_change_pct", "Change on the prior year (negative: 下降)"),
    Column("groups", Integer, comment="团组: outbound delegations"),
    Column("persons", Integer, comment="人 / 人次"),
    Column("batches", Integer, comment="批次: reception batches"),
    Column("vehicles", Integer, comment="辆: official vehicles"),
    amount("prior_year_yuan", "The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)"),
    schema="core",
    comment="One row per document × 三公经费 category",
)

fact_expenditure_function = Table(
    "fact_expenditure_function",
    metadata,
    *lineage(),
    Column("class_id", Integer, comment=dimension_key("core.dim_expenditure_class", "null when the class has no code")),
    Column("class_code", Text, comment="Official code: printed in the report, else looked up by name"),
    Column("class_level", Text, nullable=False, comment="类, 款 or 项"),
    Column("class_name", Text, nullable=False, comment="Name of the 类 as printed"),
    Column("kuan_name", Text, comment="Name of the 款 as printed"),
    Column("xiang_name", Text, comment="Name of the 项 as printed"),
    amount("amount_yuan", "The figure of the report's own phase"),
    amount("budget_yuan", "The budget figure stated beside it"),
    pct("completion_pct", "Completion of the budget"),
    pct("share_pct", "Share of 一般公共预算财政拨款支出"),
    *fund_scope(),
    amount("basic_yuan", "基本支出 part of the amount"),
    amount("project_yuan", "项目支出 part of the amount"),
    amount("prior_year_yuan", "The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)"),
    amount("prior_year_change_yuan", "Change on the prior year (negative: 减少)"),
    pct("prior_year_change_pct", "Change on the prior year (negative: 下降)"),
    schema="core",
    comment="One row per document × fund scope × functional class figure (类 / 款 / 项)",
)

fact_project = Table(
    "fact_project",
    metadata,
    *lineage(),
    Column("project_id", Integer, nullable=False, comment=dimension_key("core.dim_project")),
    amount("budget_yuan", "The project's budget (全年预算数)"),
    amount("executed_yuan", "The amount executed (执行数)"),
    pct("completion_pct", "Completion of the budget as printed"),
    points("score", "得分 of a self-evaluation (绩效自评表)"),
    schema="core",
    comment="One row per document × project",
)

fact_performance_indicator = Table(
    "fact_performance_indicator",
    metadata,
    *lineage(),
    Column("project_id", Integer, comment=dimension_key("core.dim_project", "null when the table covers several projects")),
    Column("project_label", Text, comment="The project (or projects) the table row belongs to, as printed"),
    Column("level1", Text, comment="一级指标"),
    Column("level2", Text, comment="二级指标"),
    Column("level3", Text, comment="三级指标"),
    Column("target", Text, comment="预期指标值 as printed"),
    Column("actual", Text, comment="实际完成指标值 as printed"),
    Column("target_value", Numeric(20, 4), comment="The number in the target, when it holds exactly one"),
    Column("actual_value", Numeric(20, 4), comment="The number in the actual value, when it holds exactly one"),
    Column("unit", Text, comment="Unit of those numbers as printed (%, 次, 万元, 年)"),
    Column("comparator", Text, comment=">=, >, <=, <, = (from ≥, 大于, 以上 …)"),
    points("weight", "分值 of a self-evaluation table row"),
    points("score", "得分 of a self-evaluation table row"),
    schema="core",
    comment="One row per performance-table indicator row",
)

fact_expenditure_economic = Table(
    "fact_expenditure_economic",
    metadata,
    *lineage(),
    Column("class_id", Integer, comment=dimension_key("core.dim_expenditure_class", "an economic class; null when the class has no code")),
    *fund_scope(),
    Column("class_code", Text, comment="Official 经济分类 code (301, 30101): printed in the report, else looked up by name"),
    Column("class_level", Text, nullable=False, comment="类 (3-digit code) or 款 (5-digit code)"),
    Column("class_name", Text, nullable=False, comment="Name of the 类 as printed"),
    Column("kuan_name", Text, comment="Name of the 款 as printed"),
    amount("amount_yuan", "The figure of the report's own phase"),
    amount("personnel_yuan", "人员经费 part of the amount"),
    amount("public_funds_yuan", "公用经费 part of the amount"),
    amount("budget_yuan", "The budget figure stated beside it"),
    amount("prior_year_yuan", "The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)"),
    schema="core",
    comment="One row per document × fund scope × economic class (支出经济分类 类 / 款), from the 基本支出 tables",
)

FACT_TABLES = {
    "summary_items": fact_summary_item,
    "three_public": fact_three_public,
    "expenditure_by_function": fact_expenditure_function,
    "expenditure_by_economic_class": fact_expenditure_economic,
    "project_performance": fact_project,
    "performance_indicators": fact_performance_indicator,
}
