"""A 项目绩效目标表 printed as one grid: every project's indicators as rows, the project (and its
amount) merged down the first columns.

    项目名称     | 项目金额（万元） | 年度目标 | 一级指标 | 二级指标 | 三级指标       | 指标值
    社区养老服务 | 80.00            | …        | 产出指标 | 数量指标 | 补贴人数       | ≥500人
                 |                  |          |          | 质量指标 | 补贴发放准确率 | 100%

The indicator columns are those of extract.project_tables.indicator_block; beside them the grid
may print the project's amount (the headers of a 项目支出表's 合计 or a form's 年度资金总额), its
unit and its goal (read, not loaded).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from extract.document import Document, Table
from extract.project_tables.form_results import TABLE_PRIORITY
from extract.project_tables.grid import amount_of, body_start, row_evidence, slots
from extract.project_tables.indicator_block import (
    Columns,
    IndicatorRows,
    Levels,
    indicator_header,
    is_note,
    looks_like_indicator,
    read_indicator,
    unmapped_finding,
)
from extract.project_tables.labels import column_fields, form_fields, label, project_name, total_row_labels
from extract.project_tables.results import ProjectTables
from extract.projects import Mention
from extract.records import Finding


@cache
def grid_extra_headers() -> dict[str, str]:
    """Headers a one-grid 项目绩效目标表 prints beside the indicator columns."""
    extra = {}
    for header, name in column_fields("list").items():
        extra[header] = {"project": "project", "total": "amount", "mixed": "mixed"}.get(name, "ignored")
    for text, name in form_fields().items():
        if name in ("fund_total", "fund_total_unspecified", "funds"):
            extra[text] = "amount"
        elif name not in ("project",):
            extra.setdefault(text, "ignored")
    return extra


@dataclass
class TargetGrid:
    """A 项目绩效目标表 with a 项目名称 column: one row per indicator of every project."""

    family: str
    heading_unit: str | None
    columns: Columns | None = None
    unit: str | None = None
    project: str | None = None
    levels: Levels = field(default_factory=Levels)
    found: IndicatorRows = field(default_factory=IndicatorRows)
    mentions: list[Mention] = field(default_factory=list)
    width: int = 0

    def header(self, table: Table, start: int) -> Columns | None:
        if start >= len(table.rows):
            return None
        columns = indicator_header(table.rows[start], grid_extra_headers())
        return columns if columns is not None and ("project" in columns.at or "mixed" in columns.at) else None

    def continues_with(self, table: Table, start: int) -> bool:
        return self.header(table, start) is not None or self.resumes(table)

    def resumes(self, table: Table) -> bool:
        """The table starts inside the grid's rows (the next page of it)."""
        start = body_start(table)
        fits = self.columns is not None and table.width == self.width and start < len(table.rows)
        return fits and looks_like_indicator(self.columns, table.rows[start])

    def feed(self, document: Document, table: Table, start: int) -> None:
        columns = self.header(table, start)
        if columns is not None:
            evidence = row_evidence(document, table, start)
            if "project" not in columns.at:
                message = "项目绩效目标表: its project column mixes units and projects; not read"
                self.found.findings.append(Finding("project_table_unreadable", "warning", message, evidence))
                return
            self.found.findings.extend(unmapped_finding(columns, evidence))
            self.columns, self.width, start = columns, table.width, start + 1
            header_units = [label(slot.text).unit for slot in slots(table.rows[start - 1]) if slot.column == columns.at.get("amount")]
            self.unit = next((unit for unit in header_units if unit), None) or self.heading_unit
        if self.columns is None:
            return
        if columns is not None and self.names_centred(table, start):
            message = (
                "项目绩效目标表: its first indicator row names no project (the names are centred in their merged "
                "cells): which indicator is whose cannot be told; not read"
            )
            self.found.findings.append(Finding("project_table_unreadable", "warning", message, row_evidence(document, table, start)))
            self.columns = None
            return
        for index in range(start, len(table.rows)):
            self.read_row(document, table, index)

    def names_centred(self, table: Table, start: int) -> bool:
        """Whether the first indicator row leaves its project cell empty: a name printed in the middle
        of the rows its merged cell spans (a text rendering of the grid) ends up beside other
        projects' indicators, read top-down."""
        for row in table.rows[start:]:
            if self.columns.text(row, "level3") and not is_note(row, self.columns):
                return not self.columns.text(row, "project")
        return False

    def read_row(self, document: Document, table: Table, index: int) -> None:
        row = table.rows[index]
        if is_note(row, self.columns):
            return
        evidence = row_evidence(document, table, index)
        name = project_name(self.columns.raw(row, "project"))
        if label(name).name in total_row_labels():
            return
        self.project = name or self.project
        cell = row[self.columns.at["amount"]] if "amount" in self.columns.at else None
        if cell is not None and cell.text and not cell.merged and self.project:
            value = amount_of(cell.text, self.unit)
            if value.problem:
                rule = "amount_without_unit" if value.problem == "no unit" else "project_cell_unreadable"
                self.found.findings.append(Finding(rule, "warning", f"{self.project}: amount {value.problem}; not loaded", evidence))
            elif value.value is not None:
                self.mentions.append(Mention(self.project, evidence, TABLE_PRIORITY, budget_yuan=value.value, half_unit_yuan=value.half_unit))
        if self.project:
            read_indicator(self.columns, row, self.project, self.levels, evidence, self.found)
            if not any(m.name == self.project for m in self.mentions):
                self.mentions.append(Mention(self.project, evidence, TABLE_PRIORITY))

    def close(self) -> ProjectTables:
        """The projects and indicators read."""
        return ProjectTables.of(self.mentions, self.found.rows, self.found.findings)
