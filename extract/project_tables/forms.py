"""One form per project: 项目绩效目标表 / 项目支出绩效目标申报表 (budget) and 项目支出绩效自评表 (final,
self-evaluation). Rows are read from the top; each 项目名称 row opens the next project's form,
so several forms in one table, and one form over several tables (a page break, or the indicators
printed as a table of their own), read the same.

    项目名称            | 食品安全抽检监测
    主管部门及代码      | [118]上海市静安区市场监督管理局 | 实施单位 | 上海市静安区市场监督管理局
    项目资金（万元）    | 年度资金总额        | 236.80                       <- label | value pairs
                        | 其中：财政拨款      | 236.80
    年度绩效目标        | 完成全区食品安全抽检监测任务…
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值                    <- indicator_block

The funds may also be a header row of sources over a row of amounts (年度资金总额 | 财政拨款 |
其他资金), and in the 自评表 they are a grid:

    项目资金（万元） |                    | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
                     | 年度资金总额       | 120        | 120        | 114        | 10   | 95%    | 9.5
                     | 其中：当年财政拨款 | 120        | 120        | 114        | —    | 95%    | —
    …
    总分             |                    | …                                     | 100  |        | 95.5

Labels and column headers are data: maps/project_form_labels.csv, maps/project_table_columns.csv.
What a form gives is worked out in extract.project_tables.form_results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extract.document import Cell, Document, Table
from extract.project_tables.grid import CellValue, Slot, amount_of, number_of, percent_of, row_evidence, slots
from extract.project_tables.indicator_block import (
    Columns,
    IndicatorRows,
    Levels,
    header_with_row_above,
    indicator_header,
    is_note,
    map_header,
    read_indicator,
    unmapped_finding,
)
from extract.project_tables.labels import Label, column_fields, column_rank, form_fields, inline_pair, label, project_name
from extract.records import Evidence, Finding

TOTALS = ("fund_total", "fund_total_unspecified")
"""The year's total, then a total that does not say it is the year's (资金总额)."""
PERCENT = re.compile(r"\d\s*[%％]")
AMOUNT_MEASURES = frozenset({"amount", "budget_initial", "budget_full", "executed"})
PAIRED_MEASURES = frozenset({"budget_initial", "budget_full", "executed", "rate"})
FUND_COLUMNS_MIN = 2
"""A row naming this many 自评表 fund columns (年初预算数, 全年预算数, 全年执行数 …) is their header."""


@dataclass
class Figure:
    value: Decimal
    half_unit: Decimal
    """Half a unit of the last printed digit (yuan for amounts): the rounding of the figure."""
    evidence: Evidence


@dataclass
class ProjectForm:
    family: str
    heading_unit: str | None
    """单位 of the table's heading, for amounts whose label and cell print none."""
    project: str | None = None
    project_evidence: Evidence | None = None
    funds_unit: str | None = None
    """The unit of the 项目资金（万元） label: the funds block's amounts."""
    fund_columns: Columns | None = None
    rate_in_percent: bool = False
    """The 执行率 header says (%): its cells may print a bare number."""
    source_columns: dict[str, int] | None = None
    figures: dict[tuple[str, str], Figure] = field(default_factory=dict)
    """(source, measure) -> figure: (fund_total, budget_full), (fund_fiscal, amount) …"""
    indicator_columns: Columns | None = None
    levels: Levels = field(default_factory=Levels)
    indicators: IndicatorRows = field(default_factory=IndicatorRows)
    total_weight: Figure | None = None
    total_score: Figure | None = None
    long_term: bool = False
    """The indicator block being read is the long-term one (长期绩效指标): its rows are skipped."""
    mid_term: bool = False
    """The form names 中期 targets or funds above its indicators (the 申报表 prints the 中期 and the
    年度 indicators side by side: see indicator_block.year_group)."""
    other_total: bool = False
    """The 其中 rows below belong to a total that is not the year's (中期资金总额)."""
    complete: bool = False
    """The 总分 row (or the 填表人 row under the form) was read: nothing below belongs to it."""

    def finding(self, rule: str, severity: str, message: str, evidence: Evidence) -> None:
        self.indicators.findings.append(Finding(rule, severity, message, evidence))


@dataclass(frozen=True)
class Pair:
    field: str
    label: Label
    slot: Slot
    value: Slot | None
    """The slot right after the label, unless that is a label itself."""


def is_source(field_name: str) -> bool:
    """A row of the funds block: a total (年度资金总额) or a part (财政拨款, 其他资金, 事业收入 …)."""
    return field_name.startswith("fund_")


def is_label(text: str) -> bool:
    name = label(text).name
    return name in form_fields() or name in column_fields("funds") or inline_pair(text) is not None


def pairs(row: tuple[Cell, ...]) -> list[Pair]:
    found = slots(row)
    out = []
    for index, slot in enumerate(found):
        inline = inline_pair(slot.text)
        if inline is not None:  # 项目名称：食品安全抽检监测
            field_name, name, value = inline
            raw_value = re.split(r"[:：]", slot.raw, maxsplit=1)[-1].strip()
            out.append(Pair(field_name, name, slot, Slot(slot.column, value, raw_value, slot.merged)))
            continue
        name = label(slot.text)
        field_name = form_fields().get(name.name)
        if field_name is None:
            continue
        after = found[index + 1] if index + 1 < len(found) else None
        out.append(Pair(field_name, name, slot, None if after is None or is_label(after.text) else after))
    return out


def opens_form(row: tuple[Cell, ...]) -> bool:
    """A 项目名称 | NAME row."""
    return any(pair.field == "project" and pair.value is not None for pair in pairs(row))


def fund_header(row: tuple[Cell, ...]) -> Columns | None:
    columns = map_header(slots(row), column_fields("funds"), column_rank("funds"))
    amounts = {"budget_initial", "budget_full", "executed"} & set(columns.at)
    return columns if len(columns.at) >= FUND_COLUMNS_MIN and amounts else None


def read_cell(form: ProjectForm, measure: str, text: str, unit: str | None, evidence: Evidence) -> Figure | None:
    if measure in AMOUNT_MEASURES:
        value: CellValue = amount_of(text, unit or form.funds_unit or form.heading_unit)
    elif measure == "rate":
        value = percent_of(text, "%" if form.rate_in_percent else None)
    else:
        value = number_of(text)
    if value.problem == "no unit":
        form.finding("amount_without_unit", "warning", f"{measure} {text}: no 万元 or 元 for it in the table; not loaded", evidence)
    elif value.problem:
        form.finding("project_cell_unreadable", "warning", f"{measure}: {value.problem}; not loaded", evidence)
    return None if value.value is None else Figure(value.value, value.half_unit, evidence)


def keep(form: ProjectForm, source: str, measure: str, figure: Figure | None) -> None:
    if figure is not None:
        form.figures[(source, measure)] = figure


def read_fund_row(form: ProjectForm, row: tuple[Cell, ...], source: str, unit: str | None, evidence: Evidence) -> None:
    """A 年度资金总额 / 其中：当年财政拨款 / … row of the 自评表 grid: every fund column. A row with a
    per cent outside the 执行率 column (a 分值 of "95%") and none in it does not fit its header, its
    cells shifted (an empty 年初预算数 left out): none of it is kept (a 分值 printed "10%" beside
    an 执行率 of "94.74%" is a per cent of its own)."""
    columns = form.fund_columns.at.items()
    misfits = [f"{measure} {row[index].text!r}" for measure, index in columns if measure != "rate" and PERCENT.search(row[index].text)]
    rate = form.fund_columns.at.get("rate")
    if misfits and not (rate is not None and PERCENT.search(row[rate].text)):
        message = f"the funds row's figures do not fit its header ({', '.join(misfits)}): its cells are shifted; nothing of the row is loaded"
        form.finding("project_row_misaligned", "warning", message, evidence)
        return
    for measure, index in columns:
        keep(form, source, measure, read_cell(form, measure, row[index].text, unit, evidence))


def read_pairs(form: ProjectForm, row: tuple[Cell, ...], evidence: Evidence) -> None:
    found = pairs(row)
    for pair in found:
        if pair.field == "project" and pair.value is not None:
            form.project, form.project_evidence = project_name(pair.value.raw), evidence
        elif pair.field == "funds":
            form.funds_unit = pair.label.unit or form.funds_unit
            if pair.value is not None:  # 项目资金（万元） | 100
                keep(form, "fund_total_unspecified", "amount", read_cell(form, "amount", pair.value.text, None, evidence))
        elif pair.field == "other_total":
            form.other_total = True
        elif pair.field in TOTALS:
            form.other_total = False
            read_source_pair(form, row, pair, evidence)
        elif is_source(pair.field) and not form.other_total:
            read_source_pair(form, row, pair, evidence)
        elif pair.field == "total_score" and form.indicator_columns is None and form.fund_columns is not None:
            read_fund_row(form, row, "fund_total_unspecified", pair.label.unit, evidence)  # 合计 of the funds grid
        elif pair.field == "total_score":
            read_total_score(form, row, evidence)
    sources = [pair for pair in found if is_source(pair.field)]
    if len(sources) >= 2 and form.fund_columns is None and all(pair.value is None for pair in sources):
        form.source_columns = {pair.field: pair.slot.column for pair in sources}
    read_measure_pairs(form, row, evidence)


def read_source_pair(form: ProjectForm, row: tuple[Cell, ...], pair: Pair, evidence: Evidence) -> None:
    """年度资金总额 | 150, 其中：财政拨款 | 120 … (or a row of the 自评表 grid)."""
    if pair.label.unit and form.funds_unit is None:
        form.funds_unit = pair.label.unit  # 项目金额（万元） | 49.5, then 其中：财政拨款 | 49.5
    if form.fund_columns is not None:
        read_fund_row(form, row, pair.field, pair.label.unit, evidence)
    elif pair.value is not None:
        keep(form, pair.field, "amount", read_cell(form, "amount", pair.value.text, pair.label.unit, evidence))


def read_measure_pairs(form: ProjectForm, row: tuple[Cell, ...], evidence: Evidence) -> None:
    """"预算数(万元) | 21.55 | 执行数 | 21.55 | 执行率 | 100%": the project's funds as pairs."""
    found = slots(row)
    for slot, after in zip(found, found[1:]):
        name = label(slot.text)
        measure = column_fields("funds").get(name.name)
        if measure in PAIRED_MEASURES and not is_label(after.text):
            keep(form, "fund_total", measure, read_cell(form, measure, after.text, name.unit, evidence))


def read_source_values(form: ProjectForm, row: tuple[Cell, ...], evidence: Evidence) -> bool:
    """The row of amounts under a 年度资金总额 | 财政拨款 | 其他资金 header row."""
    if not form.source_columns:
        return False
    for source, index in form.source_columns.items():
        keep(form, source, "amount", read_cell(form, "amount", row[index].text, None, evidence))
    form.source_columns = None
    return True


def read_total_score(form: ProjectForm, row: tuple[Cell, ...], evidence: Evidence) -> None:
    """The 总分 row: its 分值 and 得分, in the indicator block's columns."""
    columns = form.indicator_columns
    for name in ("weight", "score"):
        index = columns.at.get(name) if columns else None
        if index is None:
            continue
        value = number_of(row[index].text)
        if value.problem:
            form.finding("project_cell_unreadable", "warning", f"总分 {name}: {value.problem}; not loaded", evidence)
        elif value.value is not None:
            setattr(form, f"total_{name}", Figure(value.value, value.half_unit, evidence))
    form.complete = form.indicator_columns is not None


def is_total_score_row(row: tuple[Cell, ...]) -> bool:
    """总分 (or 合计) under the indicators."""
    return any(pair.field == "total_score" for pair in pairs(row))


ENDS_INDICATORS = frozenset({"project", "department", "implementer", "signature"})


def ends_indicators(row: tuple[Cell, ...]) -> bool:
    """A row with one of these labels of its own (填表人, 联系电话, 主管部门 …) is not an indicator;
    a label merged down beside the indicators is, and so is a 三级指标 that reads like a funds label
    (成本指标 | 资金总额 | ≤100万元)."""
    return any(pair.field in ENDS_INDICATORS and not pair.slot.merged for pair in pairs(row))


def start_indicators(form: ProjectForm, header: Columns, above: tuple[Cell, ...] | None, evidence: Evidence) -> None:
    form.indicator_columns = header_with_row_above(header, above)
    form.long_term = "long_term" in header.at
    form.levels = Levels()
    form.indicators.findings.extend(unmapped_finding(header, evidence))


def start_fund_grid(form: ProjectForm, columns: Columns, row: tuple[Cell, ...]) -> None:
    form.fund_columns = columns
    labels = [label(slot.text) for slot in slots(row)]
    rate = columns.at.get("rate")
    form.rate_in_percent = any(label(s.text).unit == "%" for s in slots(row) if s.column == rate)
    form.funds_unit = next((lab.unit for lab in labels if lab.unit in ("万元", "元")), form.funds_unit)


def opens_funds(row: tuple[Cell, ...]) -> bool:
    """A row that starts the funds block in the form's first column (项目资金（元） | 年度资金总额 | …):
    a form that prints its funds after its indicators. A funds word in the 三级指标 column (成本指标 |
    资金总额 | ≤100万元) is an indicator; so is a label merged down from above."""
    found = slots(row)
    if not found or found[0].column != 0 or found[0].merged:
        return False
    field_name = form_fields().get(label(found[0].text).name)
    return field_name == "funds" or field_name in TOTALS


def feed_row(form: ProjectForm, document: Document, table: Table, index: int) -> None:
    """One row of the form, the 项目名称 row that opens it included."""
    if form.complete:
        return
    row = table.rows[index]
    evidence = row_evidence(document, table, index)
    form.mid_term = form.mid_term or any("中期" in cell.text for cell in row)
    header = indicator_header(row, mid_term=form.mid_term)
    if form.indicator_columns is not None and opens_funds(row):
        form.indicator_columns = None  # the funds come after the indicators
    if form.indicator_columns is not None:
        if is_total_score_row(row):
            read_total_score(form, row, evidence)
        elif ends_indicators(row):
            form.complete = True
        elif header is not None:
            start_indicators(form, header, None, evidence)
        elif not is_note(row, form.indicator_columns) and not form.long_term:
            read_indicator(form.indicator_columns, row, form.project, form.levels, evidence, form.indicators)
    elif header is not None:
        start_indicators(form, header, table.rows[index - 1] if index else None, evidence)
    elif (columns := fund_header(row)) is not None:
        start_fund_grid(form, columns, row)
    elif not read_source_values(form, row, evidence):
        read_pairs(form, row, evidence)
