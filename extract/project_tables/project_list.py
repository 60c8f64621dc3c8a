"""项目支出表 / 项目支出预算表 / 项目支出决算表 (where published): one row per project.

    项目名称         | 功能科目编码 | 功能科目名称   | 合计         | 一般公共预算 | 政府性基金
    食品安全抽检监测 | 2013816      | 质量安全监管   | 2,368,000.00 | 2,368,000.00 |
    合计             |              |                | 3,568,000.00 | …

Each project's amount of the report's own phase: 合计 / 金额 (or 预算数) in a budget report,
决算数 / 执行数 (or 合计) in a final one, plus its 预算数 and 执行率 there. A column under 财政拨款 /
一般公共预算 / 其他资金 … is a part of the amount and not read; 合计 rows are skipped (the 项目支出
total is the standard tables' figure). A project printed on several rows of different 功能科目 or
单位 is one project: its rows are added up. A table whose first column mixes units and projects
(单位名称（项目名称）) is not read. Without a 项目名称 column the table is by functional class, for
the standard tables. Headers are data: maps/project_table_columns.csv, block ``list``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.document import Cell, Document, Table
from extract.project_tables.form_results import TABLE_PRIORITY
from extract.project_tables.grid import AMOUNT_CELL, CellValue, amount_of, body_start, is_head_row, percent_of, printed, row_evidence, slots
from extract.project_tables.labels import Label, column_fields, label, project_name, total_row_labels
from extract.project_tables.results import ProjectTables
from extract.projects import Mention
from extract.records import Evidence, Finding

HEADER_ROWS_MAX = 3
AMOUNT_FIELDS = ("executed", "budget", "budget_initial", "total")
"""A column whose header path holds several of these is the first of them."""


@dataclass(frozen=True)
class ListColumns:
    project: int | None
    amounts: dict[str, int]
    """total / budget / executed / rate -> column."""
    units: dict[str, str | None]
    """The unit printed in each amount column's header ("合计（万元）", "执行率(%)")."""
    splits: bool
    """The table has 功能科目 or 单位 columns: one project may take several rows."""
    mixed: bool
    unmapped: tuple[str, ...]
    width: int


def is_data_row(row: tuple[Cell, ...]) -> bool:
    return any(AMOUNT_CELL.match(slot.text) for slot in slots(row)) and not any(
        label(slot.text).name == "栏次" for slot in slots(row)
    )


def column_field(path: list[Label]) -> str | None:
    fields = {column_fields("list").get(lab.name) for lab in path} - {None}
    for name in ("mixed", "part", *AMOUNT_FIELDS, "rate", "project", "class_code", "class_name", "unit_name", "ignored"):
        if name in fields:
            return name
    return None


def list_header(rows: tuple[tuple[Cell, ...], ...], start: int) -> tuple[ListColumns | None, int]:
    """The columns of a 项目支出表 from its header rows at ``start`` (None: no 项目名称 header)."""
    end = start
    while end < min(len(rows), start + HEADER_ROWS_MAX) and not is_data_row(rows[end]):
        end += 1
    if end == start:
        return None, start
    width = len(rows[start])
    paths = [[label(rows[r][c].text) for r in range(start, end) if rows[r][c].text] for c in range(width)]
    fields = [column_field(path) for path in paths]
    if "project" not in fields and "mixed" not in fields:
        return None, start
    amounts, units = {}, {}
    for column, (name, path) in enumerate(zip(fields, paths)):
        if name in (*AMOUNT_FIELDS, "rate") and name not in amounts:
            amounts[name] = column
            units[name] = next((lab.unit for lab in path if lab.unit), None)
    unmapped = tuple(lab.name for path, name in zip(paths, fields) if name is None for lab in path)
    project = fields.index("project") if "project" in fields else None
    splits = bool({"class_code", "class_name", "unit_name"} & set(fields))
    return ListColumns(project, amounts, units, splits, "mixed" in fields, unmapped, width), end


def phase_measures(phase: str, columns: ListColumns) -> dict[str, str]:
    """Our measure -> the column field it is read from, in a report of ``phase``."""
    at = columns.amounts
    budget = next((name for name in ("budget", "budget_initial") if name in at), None)
    if phase == "budget":
        source = budget or "total"
        return {"budget_yuan": source} if source in at else {}
    found = {"executed_yuan": "executed" if "executed" in at else "total"}
    if budget:
        found["budget_yuan"] = budget
    return {measure: column for measure, column in found.items() if column in at}


@dataclass
class Entry:
    """A project of the table: its amounts, added up over its rows of different 功能科目."""

    name: str
    amounts: dict[str, Decimal]
    """budget_yuan / executed_yuan -> amount."""
    half_unit: Decimal
    evidence: list[Evidence]
    completion_pct: Decimal | None = None
    rows: int = 1

    def add(self, other: Entry) -> None:
        for measure, value in other.amounts.items():
            self.amounts[measure] = self.amounts.get(measure, Decimal(0)) + value
        self.half_unit += other.half_unit
        self.evidence += other.evidence
        self.completion_pct = None  # a rate of a part is not the project's
        self.rows += 1

    def mention(self, fund_scope: str) -> Mention:
        return Mention(
            self.name,
            joined(self.evidence),
            TABLE_PRIORITY,
            **self.amounts,
            completion_pct=self.completion_pct,
            fund_scope=fund_scope,
            half_unit_yuan=self.half_unit,
        )


@dataclass
class ProjectList:
    """A 项目支出表, over one table or several (a page break)."""

    phase: str
    fund_scope: str
    heading_unit: str | None
    family: str = "expenditure"
    columns: ListColumns | None = None
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False

    def start(self, document: Document, table: Table, start: int) -> int | None:
        columns, body = list_header(table.rows, start)
        if columns is None:
            return None
        evidence = row_evidence(document, table, start)
        if columns.mixed and columns.project is None:
            self.refuse("its first column mixes units and projects (单位名称（项目名称）)", evidence)
        elif not phase_measures(self.phase, columns):
            self.refuse("no amount column of this report's phase (合计 / 金额 / 预算数 / 决算数)", evidence)
        elif any(self.unit_of(columns, field_name) is None for field_name in phase_measures(self.phase, columns).values()):
            self.findings.append(Finding("amount_without_unit", "warning", "项目支出表 without 万元 or 元: not loaded", evidence))
            self.unreadable = True
        if columns.unmapped and not self.unreadable:
            message = f"column header(s) not in the maps, not read: {'、'.join(dict.fromkeys(columns.unmapped))}"
            self.findings.append(Finding("table_header_unmapped", "info", message, evidence))
        self.columns = columns
        return body

    def unit_of(self, columns: ListColumns, field_name: str) -> str | None:
        return columns.units.get(field_name) or self.heading_unit

    def refuse(self, why: str, evidence: Evidence) -> None:
        self.findings.append(Finding("project_table_unreadable", "warning", f"项目支出表: {why}; not read", evidence))
        self.unreadable = True

    def continues_with(self, table: Table, start: int) -> bool:
        """The same header again, or rows of projects as wide as the table before."""
        return list_header(table.rows, start)[0] is not None or self.resumes(table)

    def resumes(self, table: Table) -> bool:
        """The table starts with rows of projects as wide as the table before (its next page)."""
        start = body_start(table)
        if self.columns is None or self.columns.project is None or table.width != self.columns.width or start >= len(table.rows):
            return False
        row = table.rows[start]
        return is_data_row(row) and not AMOUNT_CELL.match(row[self.columns.project].text)

    def feed(self, document: Document, table: Table, start: int) -> None:
        body = self.start(document, table, start)
        if body is None and self.columns is not None and table.width == self.columns.width:
            body = start
        if body is None or self.unreadable:
            return
        for index in range(body, len(table.rows)):
            self.read_row(document, table, index)

    def read_row(self, document: Document, table: Table, index: int) -> None:
        row = table.rows[index]
        name = project_name(printed(row[self.columns.project].raw))
        if not name or is_head_row(row) or label(name).name in total_row_labels():
            return
        evidence = row_evidence(document, table, index)
        amounts, half_unit = {}, Decimal(0)
        for measure, field_name in phase_measures(self.phase, self.columns).items():
            value = amount_of(row[self.columns.amounts[field_name]].text, self.unit_of(self.columns, field_name))
            self.report(name, value, evidence)
            if value.value is not None:
                amounts[measure], half_unit = value.value, max(half_unit, value.half_unit)
        if not amounts:
            return
        entry = Entry(name, amounts, half_unit, [evidence], self.rate(row, name, evidence))
        same = next((e for e in self.entries if e.name == name), None) if self.columns.splits else None
        if same is None:
            self.entries.append(entry)
        else:
            same.add(entry)

    def rate(self, row: tuple[Cell, ...], name: str, evidence: Evidence) -> Decimal | None:
        """执行率 of a 决算 table."""
        if "rate" not in self.columns.amounts or self.phase == "budget":
            return None
        value = percent_of(row[self.columns.amounts["rate"]].text, self.columns.units.get("rate"))
        self.report(name, value, evidence)
        return value.value

    def report(self, name: str, value: CellValue, evidence: Evidence) -> None:
        if value.problem:
            self.findings.append(Finding("project_cell_unreadable", "warning", f"{name}: {value.problem}; not loaded", evidence))

    def close(self) -> ProjectTables:
        """The projects read."""
        return ProjectTables.of([entry.mention(self.fund_scope) for entry in self.entries], [], self.findings)


def joined(evidence: list[Evidence]) -> Evidence:
    first = evidence[0]
    return Evidence(first.line_number, " … ".join(e.text for e in evidence), first.page, first.table, first.row)
