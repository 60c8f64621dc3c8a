"""Department, region, fiscal year and phase of a report, read from its own text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.document import Cell, Document, Line
from extract.errors import UnreadableReport
from extract.records import Finding

TITLE_MAX_CHARS = 60
BUDGET_UNIT = "预算单位"

# "第二部分 2020年度部门决算情况说明", "2022年部门预算情况说明",
# "2021年度市级预算执行情况绩效自评报告", "攀枝花市XX局2020年度部门决算"
TITLE = re.compile(
    r"""
    (?P<year>(?:19|20)\d{2})\s*年度?
    [^。,;]{0,12}?
    (?P<kind>绩效自评报告|绩效自评|部门决算|单位决算|决算|部门预算|单位预算|预算)
    """,
    re.VERBOSE,
)
PHASE_BY_KIND = {
    "绩效自评报告": "self_evaluation",
    "绩效自评": "self_evaluation",
    "部门决算": "final",
    "单位决算": "final",
    "决算": "final",
    "部门预算": "budget",
    "单位预算": "budget",
    "预算": "budget",
}

ORG_SUFFIX = (
    r"(?:办公室|委员会|常委会|政协|人大|人民政府|政府|局|院|厅|中心|委|办|部|会|所|站|队|学校|馆|处|署|团|社)"
)
# "攀枝花市西区人大常委会办公室", "定西市人大常委会办公室", "攀枝花市西区政协"
DEPARTMENT_NAME = re.compile(rf"^[\u4e00-\u9fff()（）]{{2,40}}?{ORG_SUFFIX}$")
# "第一部分  攀枝花市西区人大办公室概况"
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分\s*(?P<name>\S+?)(?:概况)?$")
# "攀枝花市西区" -> region; "定西市" -> region
REGION = re.compile(
    r"""
    ^(?P<region>
        (?:[\u4e00-\u9fff]{1,7}?(?:省|自治区))?
        (?:[\u4e00-\u9fff]{1,7}?(?:市|自治州|州|盟|地区))?
        (?:[\u4e00-\u9fff]{1,5}?(?:区|县|旗))?
    )
    """,
    re.VERBOSE,
)
NOT_REGION_TAIL = ("人大", "政协", "常委会")


@dataclass(frozen=True)
class Metadata:
    department: str | None
    region: str | None
    fiscal_year: int
    phase: str
    title: Line


def find_title(document: Document) -> tuple[Line, int, str]:
    """The first short heading naming a year and a phase. Self-evaluation wins on its line."""
    for line in document.lines:
        text = line.text
        if not text or len(text) > TITLE_MAX_CHARS or text.startswith("(") or "。" in text:
            continue
        match = TITLE.search(text)
        if not match:
            continue
        kind = "绩效自评报告" if "自评" in text else match["kind"]
        if "说明" not in text and "报告" not in text and "部门" not in kind and "单位" not in kind:
            continue
        return line, int(match["year"]), PHASE_BY_KIND[kind]
    raise UnreadableReport(
        document.path,
        "not a budget report: no title naming a year and 预算 / 决算 / 绩效自评 was found",
    )


def looks_like_department(text: str) -> bool:
    return bool(DEPARTMENT_NAME.match(text)) and not TITLE.search(text)


def department_from_table(document: Document) -> str | None:
    """The 预算单位 cell of a performance table: the most explicit statement of the name. In a
    real table the name is the cell after the label; in a text export, the cell line after it."""
    lines = document.lines
    for index, line in enumerate(lines):
        if line.table is not None:
            name = cell_after(document.tables[line.table - 1].rows[line.row - 1], BUDGET_UNIT)
        elif line.is_cell and line.text == BUDGET_UNIT and index + 1 < len(lines) and lines[index + 1].is_cell:
            name = lines[index + 1].text
        else:
            continue
        if name and looks_like_department(name):
            return name
    return None


def cell_after(row: tuple[Cell, ...], label: str) -> str | None:
    """The text of the cell after the one that reads ``label`` (past the columns it spans)."""
    for index, item in enumerate(row):
        if item.text == label and not item.merged:
            rest = [c for c in row[index + 1 :] if not (c.merged and c.text == label)]
            return rest[0].text if rest else None
    return None


def department_near_title(document: Document, title: Line) -> str | None:
    """A name printed on its own line just above the title, or in the part heading."""
    index = title.number - 1
    for line in reversed(document.lines[max(0, index - 3) : index]):
        if line.text and looks_like_department(line.text):
            return line.text
    for line in document.lines[: index + 1]:
        heading = PART_HEADING.match(line.text)
        if heading and looks_like_department(heading["name"]):
            return heading["name"]
    return None


def region_of(department: str | None) -> str | None:
    if not department:
        return None
    match = REGION.match(department)
    region = match["region"] if match else ""
    for tail in NOT_REGION_TAIL:
        if region.endswith(tail):
            return None
    return region or None


def read_metadata(document: Document) -> tuple[Metadata, list[Finding]]:
    title, year, phase = find_title(document)
    department = department_from_table(document) or department_near_title(document, title)
    findings = []
    if department is None:
        findings.append(
            Finding(
                "document_department_missing",
                "warning",
                "no department name could be read from the report",
                title.evidence(),
            )
        )
    metadata = Metadata(department, region_of(department), year, phase, title)
    return metadata, findings
