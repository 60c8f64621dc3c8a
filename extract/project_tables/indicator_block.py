"""The indicator block of a project table: a header row, then one row per indicator.

    绩效指标 | 一级指标 | 二级指标 | 三级指标       | 指标值
             | 产出指标 | 数量指标 | 食品抽检批次   | ≥3000批次
             |          |          | 快检批次       | ≥12000批次      <- 一级 / 二级 merged
             |          | 质量指标 | 抽检任务完成率 | 100%

Columns are found by their header (maps/project_table_columns.csv, block ``indicators``):
一级 / 二级 / 三级指标, 指标值 (年度指标值, 目标值 ...), 实际完成值, 分值, 得分, and, where a template
prints them apart, 指标方向 / 指标性质 (≥, ≤, 正向 ...) and 度量单位. A merged 一级 or 二级 cell is
the one above it (the document model repeats it; a text rendering leaves it empty). A header that
is not in the map is reported once (``table_header_unmapped``), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.document import Cell
from extract.indicators import comparator_words, parse_indicator_value
from extract.project_tables.grid import CellValue, Slot, number_of, printed, slots
from extract.project_tables.labels import class_name, column_fields, column_rank, label
from extract.records import Evidence, Finding, IndicatorRow
from extract.tables import LEVEL3_NUMBERING

QUALITATIVE = frozenset({"定性", "定性指标"})


@dataclass(frozen=True)
class Columns:
    """Where each field of a block's rows is: field -> column index."""

    at: dict[str, int]
    unmapped: tuple[str, ...] = ()
    """Header texts the map does not know."""

    def text(self, row: tuple[Cell, ...], name: str) -> str:
        index = self.at.get(name)
        return row[index].text if index is not None and index < len(row) else ""

    def raw(self, row: tuple[Cell, ...], name: str) -> str:
        index = self.at.get(name)
        return printed(row[index].raw) if index is not None and index < len(row) else ""


def map_header(found: list[Slot], mapping: dict[str, str], rank: dict[str, int]) -> Columns:
    best: dict[str, tuple[int, int]] = {}
    unmapped = []
    for slot in found:
        name = label(slot.text).name
        field_name = mapping.get(name)
        if field_name is None:
            unmapped.append(slot.text)
        elif field_name != "ignored" and (field_name not in best or rank[name] < best[field_name][0]):
            best[field_name] = (rank[name], slot.column)
    return Columns({name: column for name, (_, column) in best.items()}, tuple(unmapped))


def indicator_header(row: tuple[Cell, ...], extra: dict[str, str] | None = None, mid_term: bool = False) -> Columns | None:
    """The columns of an indicator header row, or None when the row is not one: it must name the
    三级指标, a 指标值 or 实际完成值, and a 一级 or 二级指标. ``extra`` maps more headers (the
    项目名称 column of a table with every project's indicators); ``mid_term``: the form names 中期
    targets above (see year_group)."""
    mapping = {**column_fields("indicators"), **(extra or {})}
    rank = {**{name: 1000 + i for i, name in enumerate(extra or {})}, **column_rank("indicators")}
    found = slots(row)
    columns = (year_group(found, mapping, rank) if mid_term else None) or map_header(found, mapping, rank)
    at = columns.at
    if "level3" in at and ("target" in at or "actual" in at) and ("level1" in at or "level2" in at):
        return columns
    return None


def year_group(found: list[Slot], mapping: dict[str, str], rank: dict[str, int]) -> Columns | None:
    """The Ministry of Finance 申报表 sets two groups of 二级 / 三级指标 / 指标值 side by side, the
    mid-term targets (中期目标) on the left and the year's (年度目标) on the right, under one 一级指标:

        一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值

    The year's are the report's: the fields of the second group, the 一级 of the first. None when
    the header holds one group."""
    fields = [mapping.get(label(slot.text).name) for slot in found]
    level3 = [index for index, name in enumerate(fields) if name == "level3"]
    if len(level3) < 2 or "target" not in fields[level3[0] : level3[1]]:
        return None
    second = level3[1] - 1 if fields[level3[1] - 1] == "level2" else level3[1]
    first = map_header(found[:second], mapping, rank)
    year = map_header(found[second:], mapping, rank)
    return Columns({**first.at, **year.at}, first.unmapped + year.unmapped)


def header_with_row_above(columns: Columns, above: tuple[Cell, ...] | None) -> Columns:
    """Fields a two-row header prints in its upper row (指标值 over two rows, left empty below)."""
    if above is None:
        return columns
    upper = map_header(slots(above), column_fields("indicators"), column_rank("indicators"))
    if upper.unmapped or not upper.at:  # not a header row (年度总体目标 | 预期目标 | 实际完成情况)
        return columns
    used = set(columns.at.values())
    added = {name: index for name, index in upper.at.items() if name not in columns.at and index not in used}
    return Columns({**columns.at, **added}, columns.unmapped) if added else columns


@dataclass
class Levels:
    """一级 / 二级 of the rows above, for the merged cells below them."""

    level1: str | None = None
    level2: str | None = None
    project: str | None = None

    def read(self, columns: Columns, row: tuple[Cell, ...], project: str | None) -> tuple[str | None, str | None]:
        if project != self.project:
            self.level1 = self.level2 = None
            self.project = project
        level1 = class_name(columns.text(row, "level1"))
        level2 = class_name(columns.text(row, "level2"))
        if level1 and level1 != self.level1:
            self.level1, self.level2 = level1, None
        if level2:
            self.level2 = level2
        return self.level1, self.level2


@dataclass
class IndicatorRows:
    rows: list[IndicatorRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def comparator_of(direction: str) -> str | None:
    return comparator_words().get(direction.replace(" ", ""))


def parse_target(text: str, unit_cell: str, direction: str) -> tuple[Decimal | None, str | None, str | None]:
    """指标值 with, where printed apart, its 度量单位 and 指标方向 / 指标性质."""
    value, unit, comparator = parse_indicator_value(text)
    if value is not None and unit is None and unit_cell:
        value, unit, comparator = parse_indicator_value(text + unit_cell)
    if value is None or not direction:
        return value, unit, comparator
    if direction in QUALITATIVE:
        return None, None, None
    stated = comparator_of(direction)
    if comparator == "=" and not text.lstrip().startswith("="):
        comparator = stated
    return value, unit, comparator


def cell_number(columns: Columns, row, name: str, evidence: Evidence, found: IndicatorRows) -> Decimal | None:
    value: CellValue = number_of(columns.text(row, name))
    if value.problem:
        found.findings.append(Finding("project_cell_unreadable", "warning", f"{name}: {value.problem}; not loaded", evidence))
    return value.value


def read_indicator(
    columns: Columns, row: tuple[Cell, ...], project: str | None, levels: Levels, evidence: Evidence, found: IndicatorRows
) -> None:
    """One indicator row into ``found`` (or a finding when it has values but no 三级指标)."""
    level1, level2 = levels.read(columns, row, project)
    level3 = LEVEL3_NUMBERING.sub("", columns.raw(row, "level3")) or None
    target, actual = columns.raw(row, "target") or None, columns.raw(row, "actual") or None
    if level3 is None:
        if target or actual:
            found.findings.append(
                Finding("indicator_row_unreadable", "warning", "an indicator row without its 三级指标; not loaded", evidence)
            )
        return
    target_value, target_unit, target_comparator = parse_target(
        columns.text(row, "target"), columns.text(row, "unit"), columns.text(row, "direction")
    )
    actual_value, actual_unit, actual_comparator = parse_indicator_value(columns.text(row, "actual") or None)
    parsed_target = target_value is not None
    found.rows.append(
        IndicatorRow(
            project=project,
            level1=level1,
            level2=level2,
            level3=level3,
            target=target,
            actual=actual,
            evidence=evidence,
            target_value=target_value,
            actual_value=actual_value,
            unit=target_unit if parsed_target else actual_unit,
            comparator=target_comparator if parsed_target else actual_comparator,
            weight=cell_number(columns, row, "weight", evidence, found),
            score=cell_number(columns, row, "score", evidence, found),
        )
    )


def is_note(row: tuple[Cell, ...], columns: Columns) -> bool:
    """A row of one text that is not in the 三级指标 column: a note (注：…) or a section label."""
    found = slots(row)
    return len({slot.text for slot in found}) <= 1 and not (found and found[0].column == columns.at.get("level3"))


def looks_like_indicator(columns: Columns, row: tuple[Cell, ...]) -> bool:
    """A row that may continue an indicator block on the next page: a 三级指标, and a 一级 /
    二级 cell that is empty (merged from the page before) or an indicator class."""
    from extract.tables import indicator_classes

    known = indicator_classes()["1"] | indicator_classes()["2"] | {""}
    levels = (class_name(columns.text(row, "level1")), class_name(columns.text(row, "level2")))
    return bool(columns.text(row, "level3")) and all(level in known for level in levels)


def unmapped_finding(columns: Columns, evidence: Evidence) -> list[Finding]:
    if not columns.unmapped:
        return []
    headers = "、".join(columns.unmapped)
    return [Finding("table_header_unmapped", "info", f"column header(s) not in the maps, not read: {headers}", evidence)]

