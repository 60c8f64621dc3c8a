"""Project tables: projects, their amounts and their performance targets, read from tables.

A table is read when its title (just above it, or in its first rows) names one of three families
(maps/project_table_titles.csv), whatever precedes the name (department, year, 表13):

    targets          项目绩效目标表, 项目支出绩效目标申报表, 部门项目绩效目标表 (budget)
    self_evaluation  项目支出绩效自评表 (final, self-evaluation)
    expenditure      项目支出表, 项目支出预算表, 项目支出决算表, 一般公共预算项目支出表 … (where published)

and in one of these shapes:

    a form per project (label | value rows, then the indicator block)   -> forms.py
    one grid: a 项目名称 column beside the indicator columns             -> target_grid.TargetGrid
    rows of projects with amount columns (项目支出表)                     -> project_list.ProjectList

A table without a title of its own continues the table before it when only blank lines, page
numbers or year and unit notes stand between them (a page break, a form whose indicators are a
table of their own). Anything else is not read: an untitled table, a 部门整体支出绩效目标表, a
项目绩效目标完成情况表 (extract.tables reads those), a 项目支出表 by functional class (the standard
tables). A project table that cannot be read with confidence gives a finding, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from extract.document import Document, Table
from extract.project_tables import form_results
from extract.project_tables.forms import ProjectForm, feed_row, opens_form
from extract.project_tables.grid import HEAD_ROWS_MAX, Heading, body_start, gap_is_filler, heading, row_evidence
from extract.project_tables.indicator_block import indicator_header, looks_like_indicator
from extract.project_tables.project_list import ProjectList, list_header
from extract.project_tables.target_grid import TargetGrid, grid_extra_headers
from extract.project_tables.results import ProjectTables
from extract.records import Finding


__all__ = ["ProjectTables", "read_project_tables"]


class TableReader(Protocol):
    """What reads one project table, or one that runs over several tables of the document."""

    family: str

    def continues_with(self, table: Table, start: int) -> bool:
        """``table`` (from row ``start``) carries on what this reader reads."""

    def resumes(self, table: Table) -> bool:
        """``table`` starts in the middle of what this reader reads (the next page of it)."""

    def feed(self, document: Document, table: Table, start: int) -> None: ...

    def close(self) -> ProjectTables: ...


@dataclass
class Forms:
    """Consecutive forms of one family, over one table or several."""

    family: str
    heading_unit: str | None
    current: ProjectForm | None = None
    width: int = 0
    results: list[ProjectTables] = field(default_factory=list)

    def continues_with(self, table: Table, start: int) -> bool:
        if start >= len(table.rows):
            return False
        row = table.rows[start]
        if opens_form(row):
            return True
        if self.current is None:
            return False
        if indicator_header(row) is not None:
            return True
        return self.resumes(table)

    def resumes(self, table: Table) -> bool:
        """The table starts inside the open form's indicator block (the next page of it)."""
        form, start = self.current, body_start(table)
        if form is None or form.complete or form.indicator_columns is None or table.width != self.width:
            return False
        return start < len(table.rows) and looks_like_indicator(form.indicator_columns, table.rows[start])

    def feed(self, document: Document, table: Table, start: int) -> None:
        for index in range(start, len(table.rows)):
            if opens_form(table.rows[index]) or self.current is None:
                self.close_current()
                self.current = ProjectForm(self.family, self.heading_unit)
            feed_row(self.current, document, table, index)
        self.width = table.width

    def close_current(self) -> None:
        if self.current is not None:
            self.results.append(form_results.close(self.current))
            self.current = None

    def close(self) -> ProjectTables:
        self.close_current()
        return ProjectTables.joined(self.results)


@dataclass
class Refused:
    """A titled project table in no known shape: one finding."""

    family: str
    finding: Finding

    def continues_with(self, table: Table, start: int) -> bool:
        return False

    def resumes(self, table: Table) -> bool:
        return False

    def feed(self, document: Document, table: Table, start: int) -> None:
        return None

    def close(self) -> ProjectTables:
        return ProjectTables(findings=(self.finding,))


def open_reader(document: Document, table: Table, head: Heading, phase: str) -> TableReader:
    family = head.family.family
    if family == "expenditure":
        return ProjectList(phase, head.family.fund_scope, head.unit)
    rows = table.rows[head.body :]
    if any(opens_form(row) for row in rows):
        return Forms(family, head.unit)
    if any(indicator_header(row, grid_extra_headers()) for row in rows[:3]):
        return TargetGrid(family, head.unit)
    message = "a project performance table in none of the known shapes (a form with 项目名称, or a grid with a 项目名称 column); not read"
    return Refused(family, Finding("project_table_unreadable", "warning", message, row_evidence(document, table, head.body)))


def opens_project(table: Table) -> bool:
    """The table opens with a 项目名称 | NAME row (after its title rows)."""
    return any(opens_form(row) for row in table.rows[: HEAD_ROWS_MAX + 1])


def repeats(reader: TableReader, head: Heading, table: Table) -> bool:
    """A title printed again over the rest of a form (a page header): the same family, and the
    table opens no list or grid header of its own (a new 项目支出表 is a table of its own)."""
    if head.family is None or head.family.family != reader.family:
        return False
    if isinstance(reader, Forms):
        return True
    if isinstance(reader, ProjectList):
        return head.family.fund_scope == reader.fund_scope and list_header(table.rows, head.body)[0] is None
    return isinstance(reader, TargetGrid) and reader.header(table, head.body) is None


def other_year(document: Document, table: Table, head: Heading, fiscal_year: int | None) -> Refused | None:
    """A project table whose title names another year than the report's: its figures are that
    year's (a 2023 自评表 in a 2024 budget report), not loaded as the report's."""
    if head.family is None or head.year is None or fiscal_year is None or head.year == fiscal_year:
        return None
    message = f"a project table of {head.year} in a report of {fiscal_year}: not loaded as the report's figures"
    return Refused(head.family.family, Finding("project_table_other_year", "info", message, row_evidence(document, table, head.body)))


def read_project_tables(document: Document, phase: str, fiscal_year: int | None = None) -> ProjectTables:
    """Every project table of the document (see the module docstring); ``fiscal_year`` is the
    report's, for tables titled with another year."""
    read: list[ProjectTables] = []
    reader: TableReader | None = None
    previous: Table | None = None
    for table in document.tables:
        captions = opens_project(table) or (reader is not None and reader.resumes(table))
        head = heading(document, table, captions)
        follows = not head.titled and previous is not None and gap_is_filler(document, previous, table, captions)
        refused = other_year(document, table, head, fiscal_year)  # never the rest of the report year's form
        if refused is None and reader is not None and (follows or repeats(reader, head, table)) and reader.continues_with(table, head.body):
            reader.feed(document, table, head.body)
        else:
            if reader is not None:
                read.append(reader.close())
            reader = refused or (open_reader(document, table, head, phase) if head.family else None)
            if reader is not None:
                reader.feed(document, table, head.body)
        previous = table
    if reader is not None:
        read.append(reader.close())
    return ProjectTables.joined(read)
