"""Typed records that extraction returns.

Every record is frozen, carries its amounts as ``Decimal`` in yuan and keeps the evidence
(line number and the original text) it was read from. Field names follow the column names of
the ``mart`` views (see DESIGN.md), so a record turns into a contract row without renaming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

PHASES = ("budget", "final", "self_evaluation")
REPORT_SCOPES = ("department", "unit")
PARTS = ("tables",)
"""What part of a report a file is, when it is not the whole report: ``tables``, a file of the
公开表 only (the Jiangsu ``*-tables.pdf`` beside the report's 说明)."""
"""部门预算/决算 (a department and its units together) or 单位预算/决算 (one unit)."""
FUND_SCOPES = ("all", "fiscal", "general_budget", "government_fund", "state_capital")
"""Which money a figure by class counts, after the table (or section) it was read from:
all       every source (收支总表, 收入表, 支出表)
fiscal    财政拨款: the three budgets' appropriations together (财政拨款收支总表)
general_budget   一般公共预算 (财政拨款) (一般公共预算支出表, 基本支出表, most narrative)
government_fund  政府性基金预算
state_capital    国有资本经营预算"""


@dataclass(frozen=True)
class Evidence:
    line_number: int
    """1-based line of the document (see extract.document) where the sentence or table row starts."""
    text: str
    """The original text (not normalised) of that sentence or table row."""
    page: int | None = None
    """1-based page of a PDF."""
    table: int | None = None
    """1-based number of the table in the document, when the figure was read from a table."""
    row: int | None = None
    """1-based row of that table."""


@dataclass(frozen=True)
class DocumentInfo:
    department: str | None
    """Department name as the report itself prints it."""
    region: str | None
    """Region the department belongs to (省 / 市 / 区县 prefix of the name), when the text gives it."""
    fiscal_year: int | None
    phase: str | None
    """One of PHASES."""
    sha256: str
    source_path: str
    title: str | None = None
    """The line the phase and year were read from."""
    report_scope: str | None = None
    """One of REPORT_SCOPES: 部门 (department) or 单位 (unit) report; None when the title says neither."""
    published_on: date | None = None
    """The latest date the report prints (its publication date, usually its last line), when it prints one."""
    is_correction: bool = False
    """The title (or a heading at the top) marks it as a correction: 更正, 修订版, 重新公开 (extract.version)."""
    part: str | None = None
    """One of PARTS when the file is one part of a report published as several files (its title is a
    table's): the ingest flow loads it together with the report's other file; None for a report."""


@dataclass(frozen=True)
class SummaryItem:
    item: str
    """Item code, e.g. ``expense_total`` (DESIGN.md lists them)."""
    item_label: str
    """The item's Chinese name, e.g. 本年支出合计 (also when the report words it 支出预算)."""
    amount_yuan: Decimal | None
    evidence: Evidence
    budget_yuan: Decimal | None = None
    share_pct: Decimal | None = None
    completion_pct: Decimal | None = None
    prior_year_change_yuan: Decimal | None = None
    """Signed: 减少 / 下降 is negative."""
    prior_year_change_pct: Decimal | None = None
    prior_year_yuan: Decimal | None = None
    """The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)."""


@dataclass(frozen=True)
class ThreePublicFigure:
    category: str
    """Category code, e.g. ``official_reception``."""
    category_label: str
    amount_yuan: Decimal | None
    evidence: Evidence
    budget_yuan: Decimal | None = None
    share_pct: Decimal | None = None
    completion_pct: Decimal | None = None
    prior_year_change_yuan: Decimal | None = None
    prior_year_change_pct: Decimal | None = None
    prior_year_yuan: Decimal | None = None
    """The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)."""
    groups: int | None = None
    """团组 (outbound delegations)."""
    persons: int | None = None
    """人 / 人次."""
    batches: int | None = None
    """批次 (reception batches)."""
    vehicles: int | None = None
    """车辆 / 辆."""


@dataclass(frozen=True)
class FunctionFigure:
    class_level: str
    """类, 款 or 项."""
    class_name: str
    """Name of the 类 (for every level)."""
    amount_yuan: Decimal | None
    evidence: Evidence
    kuan_name: str | None = None
    xiang_name: str | None = None
    class_code: str | None = None
    """Official code: printed in the report, else looked up by name; None when not found."""
    budget_yuan: Decimal | None = None
    completion_pct: Decimal | None = None
    share_pct: Decimal | None = None
    fund_scope: str = "general_budget"
    """One of FUND_SCOPES: the money the figure counts (the table or section it was read from)."""
    basic_yuan: Decimal | None = None
    """基本支出 part of amount_yuan."""
    project_yuan: Decimal | None = None
    """项目支出 part of amount_yuan."""
    prior_year_yuan: Decimal | None = None
    """The prior year's figure printed beside it (上年预算数 / 上年执行数 / 上年决算数)."""
    prior_year_change_yuan: Decimal | None = None
    """Signed: 减少 / 下降 is negative."""
    prior_year_change_pct: Decimal | None = None


@dataclass(frozen=True)
class EconomicFigure:
    """A figure by economic class (支出经济分类: 301 工资福利支出, 30101 基本工资 ...), from the
    基本支出 table by 经济分类."""

    class_level: str
    """类 (3-digit code) or 款 (5-digit code)."""
    class_name: str
    """Name of the 类 (for both levels)."""
    amount_yuan: Decimal | None
    evidence: Evidence
    kuan_name: str | None = None
    class_code: str | None = None
    """Official code: printed in the report, else looked up by name; None when not found."""
    fund_scope: str = "general_budget"
    personnel_yuan: Decimal | None = None
    """人员经费 part of amount_yuan."""
    public_funds_yuan: Decimal | None = None
    """公用经费 part of amount_yuan."""
    budget_yuan: Decimal | None = None
    prior_year_yuan: Decimal | None = None


@dataclass(frozen=True)
class ProjectFigure:
    project: str
    evidence: Evidence
    budget_yuan: Decimal | None = None
    executed_yuan: Decimal | None = None
    completion_pct: Decimal | None = None
    score: Decimal | None = None
    """得分 of a self-evaluation (绩效自评表)."""


@dataclass(frozen=True)
class IndicatorRow:
    project: str | None
    level1: str | None
    level2: str | None
    level3: str | None
    target: str | None
    actual: str | None
    evidence: Evidence
    target_value: Decimal | None = None
    actual_value: Decimal | None = None
    unit: str | None = None
    comparator: str | None = None
    """One of >=, >, <=, <, = (from ≥, 大于, 以上, 不低于 ...)."""
    weight: Decimal | None = None
    """分值 of a self-evaluation table row."""
    score: Decimal | None = None
    """得分 of a self-evaluation table row."""


@dataclass(frozen=True)
class Finding:
    rule: str
    """Rule id from transform/rules.csv."""
    severity: str
    """error, warning or info."""
    message: str
    evidence: Evidence | None = None
    expected_value: Decimal | None = None
    actual_value: Decimal | None = None


FAMILIES = (
    "summary_items",
    "three_public",
    "expenditure_by_function",
    "expenditure_by_economic_class",
    "project_performance",
    "performance_indicators",
)
"""The figure families of a report: ExtractedReport's fields, the contract JSON's lists, the views."""


@dataclass(frozen=True)
class ExtractedReport:
    document: DocumentInfo
    summary_items: tuple[SummaryItem, ...] = ()
    three_public: tuple[ThreePublicFigure, ...] = ()
    expenditure_by_function: tuple[FunctionFigure, ...] = ()
    expenditure_by_economic_class: tuple[EconomicFigure, ...] = ()
    project_performance: tuple[ProjectFigure, ...] = ()
    performance_indicators: tuple[IndicatorRow, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    def fact_count(self) -> int:
        return sum(len(getattr(self, family)) for family in FAMILIES)
