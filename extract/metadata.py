"""Department, region, fiscal year, phase and scope (部门 / 单位) of a report, from its own text.

The title is a short line naming a year and what the report is. Its shapes (each a test in
tests/extract/test_metadata.py):

    江苏省高级人民法院 / 2019 年度部门预算公开        the department on the line above the year
    江苏省人大常委会办公厅2019年部门预算              the department before the year
    2017年度江苏省财政厅部门预算公开                  the department between the year and 部门预算
    上海市普陀区2025年区级单位预算 / 预算单位：…        a region before the year, a label line below
    第二部分 2020年度部门决算情况说明                  a part heading; the department elsewhere
    2021年度市级预算执行情况绩效自评报告               a self-evaluation
    阜宁县财政局2023年度一般公共预算财政拨款“三公”经费支出决算   a stand-alone 三公 disclosure
    2019年政府采购预算表 (部门：… above every table)   a file of tables only

A report title anywhere in the text wins over a 三公 title, which wins over a table's title. The
phase words, with the scope they imply, are maps/report_kinds.csv; the department's label lines
(预算主管部门：, 部门：, 编制单位：…) are maps/department_labels.csv.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from extract.department_names import (
    LabelledName,
    body_key,
    clean_name,
    fuller_region,
    labelled_name,
    labels,
    looks_like_department,
    placeholder_in,
    region_alone,
    region_of,
)
from extract.document import Cell, Document, Line
from extract.errors import UnreadableReport
from extract.numbers import MAPS
from extract.records import DocumentInfo, Finding
from extract.three_public import table_phase

__all__ = ["Metadata", "read_metadata", "region_of", "same_report"]

TITLE_MAX_CHARS = 60
TITLE_CONTINUATION_CHARS = 20
BUDGET_UNIT = "预算单位"
PHASE_ORDER = ("self_evaluation", "final", "budget")
"""A title naming two phases is the first of them here ("…预算执行情况绩效自评报告" is a
self-evaluation; "“三公”经费预算及决算情况" states the final figures)."""

# The year splits a title: "江苏省人大常委会办公厅2019年部门预算", "上海市 XX 局 2024 年度部门决算表",
# "2021年度市级预算执行情况绩效自评报告", "阜宁县财政局二〇二三年度部门决算" (a cover's year in
# Chinese digits). What follows the year holds no sentence punctuation.
TITLE = re.compile(
    r"""
    ^(?P<before>.{0,40}?)
    (?P<year>(?<!\d)(?:19|20)\d{2} | 二[〇零○][一二三四五六七八九〇零○]{2})\s*年度?\s*
    (?!\d{1,2}\s*月)
    (?P<after>[^。,;:!?]{1,50})$
    """,
    re.VERBOSE,
)
# (a date, 2024年9月1日, is no title's year: a web page's header prints the day)
CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
# What may precede a title's department: "第二部分 ", "附件2:", "一、", "1.", "(一)".
TITLE_MARKER = re.compile(r"^(?:附件\s*\d*\s*:?|第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|\d+\s*[.、]|\([一二三四五六七八九十\d]+\))\s*")
# Words between the year and the kind that are no department: "2025年区级部门预算", "市级预算…".
LEVEL_WORD = re.compile(r"(?:省|市|区|县|乡|镇)级|本级|财政拨款|关于")
# "“三公”经费", "\"三公\"经费", "三公经费"
THREE_PUBLIC = re.compile(r"[\"“”'‘’]?三公[\"“”'‘’]?经费")
# A stand-alone 三公 title ends in one of these when it names no phase: "…“三公”经费情况统计表".
THREE_PUBLIC_TAIL = re.compile(r"(?:情况|统计|说明|公开|表)$")
# "…2024年“三公”经费预算及2023年“三公”经费决算情况公开": what follows another year is that year's
# report; the title's own year is a budget
OTHER_YEAR_PART = re.compile(r"(?:及|和|与|暨|、)\s*(?:19|20)\d{2}\s*年")
# What a report title (not a table's) says besides its kind: "…情况说明", "…绩效自评报告".
REPORT_WORD = re.compile(r"说明|报告")
# "第一部分  攀枝花市西区人大办公室概况"
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分\s*(?P<name>\S+?)(?:概况)?$")
NEAR_TITLE_LINES = 3


class Kind(NamedTuple):
    word: str
    phase: str | None
    report_scope: str | None


@cache
def kinds() -> dict[str, Kind]:
    with open(MAPS / "report_kinds.csv", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {row["word"]: Kind(row["word"], row["phase"] or None, row["report_scope"] or None) for row in rows}


@cache
def kind_pattern() -> re.Pattern[str]:
    """Longest word first, so 一般公共预算 (a fund, no phase) is never read as 预算."""
    return re.compile("|".join(re.escape(word) for word in sorted(kinds(), key=len, reverse=True)))


class Title(NamedTuple):
    line: Line
    year: int
    phase: str | None
    report_scope: str | None
    subject: str
    """report (a whole report), three_public (a stand-alone 三公 disclosure) or tables."""
    department: str | None = None
    """The department the title line itself names."""
    region: str | None = None
    """A region printed before the year ("上海市普陀区2025年区级部门预算")."""


@dataclass(frozen=True)
class Metadata:
    department: str | None
    region: str | None
    fiscal_year: int
    phase: str
    title: Line
    report_scope: str | None = None
    """department (部门预算/决算) or unit (单位预算/决算); None when the report says neither."""
    subject: str = "report"
    """report, three_public (a stand-alone 三公经费 disclosure) or tables (a file of 公开表 only)."""
    placeholder: str | None = None
    """The placeholder a template's department holds ("XX" in 上海市XX局): nothing is to load."""


def parse_title(line: Line) -> Title | None:
    """The title a line is, or None. See the module docstring for the shapes."""
    text = line.text
    if line.is_cell or not text or len(text) > TITLE_MAX_CHARS or text.startswith("("):
        return None
    match = TITLE.match(text)
    if not match:
        return None
    after = match["after"].strip()
    words = [kinds()[m.group()] for m in kind_pattern().finditer(after)]
    own_words = [kinds()[m.group()] for m in kind_pattern().finditer(OTHER_YEAR_PART.split(after, maxsplit=1)[0])]
    phases = {word.phase for word in own_words if word.phase} or {word.phase for word in words if word.phase}
    phase = next((p for p in PHASE_ORDER if p in phases), None)
    scope = next((word.report_scope for word in words if word.report_scope), None)
    subject = title_subject(after, phase, scope)
    if subject is None:
        return None
    department, region, scope = title_names(match["before"], after, scope)
    return Title(line, int(match["year"].translate(CHINESE_DIGITS)), phase, scope, subject, department, region)


def title_subject(after: str, phase: str | None, scope: str | None) -> str | None:
    three_public = THREE_PUBLIC.search(after)
    if three_public and (phase or THREE_PUBLIC_TAIL.search(after)):
        return "three_public"
    if phase and (scope or phase == "self_evaluation" or REPORT_WORD.search(after)):
        return "report"
    if after.endswith("表"):
        return "tables"
    return None


def title_names(before: str, after: str, scope: str | None) -> tuple[str | None, str | None, str | None]:
    """(department, region, scope) a title prints around its year: the department before the
    year ("江苏省人大常委会办公厅2019年…") or between the year and its kind ("2017年度江苏省财政厅部门预算")."""
    before = clean_name(TITLE_MARKER.sub("", before.strip()))
    before = LEVEL_WORD.sub("", before)
    if looks_like_department(before):
        return before, None, scope
    region = region_alone(before) if before else None
    middle = clean_name(middle_of(after))
    for word, word_scope in (("部门", "department"), ("单位", "unit")):
        name = LEVEL_WORD.sub("", clean_name(middle[: -len(word)]))
        if middle.endswith(word) and looks_like_department(name):
            return name, region, scope or word_scope
    middle = LEVEL_WORD.sub("", middle)
    return (middle if looks_like_department(middle) else None), region, scope


def middle_of(after: str) -> str:
    """What stands between the year and the first kind word or 三公 ("江苏省财政厅" in
    "江苏省财政厅部门预算公开")."""
    ends = [m.start() for m in (kind_pattern().search(after), THREE_PUBLIC.search(after)) if m]
    return after[: min(ends)] if ends else ""


def titles_of(document: Document) -> list[Title]:
    titles = []
    for index, line in enumerate(document.lines):
        title = parse_title(line) or parse_title(joined_title(line, document.lines[index + 1 : index + 2]))
        if title is not None:
            titles.append(title)
    return titles


def joined_title(line: Line, following: tuple[Line, ...]) -> Line:
    """A title broken over two lines after its year ("岳阳市2018年度部门整体支出" / "绩效评价自评报告"),
    as one line: the second is short, has no digit, and names what the report is."""
    if not following or line.is_cell or len(line.text) >= TITLE_MAX_CHARS or not TITLE.match(line.text):
        return line  # (a joined title is no longer than TITLE_MAX_CHARS either: see parse_title)
    (second,) = following
    text = second.text
    if second.is_cell or not text or len(text) > TITLE_CONTINUATION_CHARS or any(c.isdigit() for c in text):
        return line
    if not kind_pattern().search(text):
        return line
    return line._replace(raw=f"{line.raw.strip()}{second.raw.strip()}", text=f"{line.text}{text}")


def choose_title(document: Document, titles: list[Title]) -> Title:
    """The first report title; else the first 三公 title, unless it is a table's title beside other
    tables' ("2023年度财政拨款“三公”经费支出决算表" in a file of 公开表 is one table of the file, not a
    三公 disclosure: the first table title is chosen); else the first table title."""
    first = {subject: next((t for t in titles if t.subject == subject), None) for subject in ("report", "three_public", "tables")}
    three_public, tables = first["three_public"], first["tables"]
    if three_public is not None and tables is not None and three_public.line.text.endswith("表"):
        three_public = None
    for chosen in (first["report"], three_public, tables):
        if chosen is not None:
            return chosen
    raise UnreadableReport(
        document.path,
        "not a budget report: no title naming a year and 预算 / 决算 / 绩效自评 was found",
    )


def label_near(document: Document, line: Line) -> LabelledName | None:
    """A label line just below (or above) the title: "预算主管部门：上海市普陀区人民政府办公室"."""
    index = line.number - 1
    below = document.lines[index + 1 : index + 1 + NEAR_TITLE_LINES]
    nearby = below + document.lines[max(0, index - NEAR_TITLE_LINES) : index]
    return next((found for near in nearby if (found := labelled_name(near.text))), None)


def name_beside(document: Document, line: Line) -> str | None:
    """A name printed on its own line just above the title ("江苏省高级人民法院" / "2019 年度部门预算
    公开"), else just below it ("上海市普陀区2025年区级部门预算" / "上海市普陀区财政局")."""
    index = line.number - 1
    above = reversed(document.lines[max(0, index - NEAR_TITLE_LINES) : index])
    below = document.lines[index + 1 : index + 1 + NEAR_TITLE_LINES]
    for near in (*above, *below):
        name = clean_name(TITLE_MARKER.sub("", near.text))
        if not near.is_cell and looks_like_department(name) and not name.startswith(tuple(labels())):
            return name
    return None


def name_in_part_heading(document: Document, line: Line) -> str | None:
    for heading_line in document.lines[: line.number]:
        heading = PART_HEADING.match(heading_line.text)
        if heading and looks_like_department(heading["name"]):
            return heading["name"]
    return None


def name_in_table_cell(document: Document) -> str | None:
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


def name_in_other_titles(title: Title, titles: list[Title]) -> str | None:
    """The department another title of the same year and phase names ("附件：江苏省政协办公厅
    2019 年度部门预算公开表" when the cover is an image)."""
    return next((t.department for t in titles if t.department and (t.year, t.phase) == (title.year, title.phase)), None)


def labelled_names(document: Document) -> LabelledName | None:
    """The name most label lines state ("部门：…" above every table); on a tie, the longest
    (a name cut by a line break is rarer and shorter)."""
    found = [named for line in document.lines if (named := labelled_name(line.text))]
    if not found:
        return None
    counts = Counter(named.name for named in found)
    best = max(counts, key=lambda name: (counts[name], len(name)))
    return next(named for named in found if named.name == best)


def find_department(document: Document, title: Title, titles: list[Title]) -> tuple[str | None, str | None]:
    """(department, the scope its label implies), from the most explicit statement first: a label
    line by the title, the title itself, a name on the line above (or below) it, a part heading,
    a performance table's 预算单位 cell, another title of the report, the label lines above the
    tables. A file of tables only declares its department on those label lines first."""
    labelled = labelled_names(document)
    near = label_near(document, title.line)
    if near:
        return near.name, near.label.report_scope
    if title.subject == "tables" and labelled:
        return labelled.name, labelled.label.report_scope
    found = (
        title.department
        or name_beside(document, title.line)
        or name_in_part_heading(document, title.line)
        or name_in_table_cell(document)
        or name_in_other_titles(title, titles)
    )
    if found:
        agreeing = labelled and body_key(labelled.name) == body_key(found)
        return found, labelled.label.report_scope if agreeing else None
    return (labelled.name, labelled.label.report_scope) if labelled else (None, None)


def decide_phase(document: Document, title: Title) -> str:
    """The title's phase; a stand-alone 三公 disclosure with a 决算数 column is final whatever its
    title says, one whose title names no phase takes its table's; a file of tables only, the
    phase its tables' names agree on."""
    phase = title.phase
    if title.subject == "three_public" and phase != "final":
        from_table = table_phase(document, title.year)
        phase = "final" if from_table == "final" else phase or from_table
    elif title.subject == "tables" and phase is None:
        phase = phase_of_table_names(document) or phase_of_table_headings(document)
    if phase is None:
        raise UnreadableReport(
            document.path,
            f"not a budget report: its title ({title.line.text}) and its tables say neither 预算 nor 决算",
        )
    return phase


def phase_of_table_names(document: Document) -> str | None:
    """The one phase the table names of a file name ("收支预算总表", "收入决算表"), else None."""
    phases = set()
    for line in document.lines:
        if not line.is_cell and line.text.endswith("表") and len(line.text) <= TITLE_MAX_CHARS:
            phases.update(kinds()[m.group()].phase for m in kind_pattern().finditer(line.text))
    phases.discard(None)
    return phases.pop() if len(phases) == 1 else None


HEADING_ROWS = 3


def phase_of_table_headings(document: Document) -> str | None:
    """The phase a file of tables' column headings say, when their names say none ("2024年部门收支
    总表" over 项目 | 预算数): final where a heading says 决算 (a 决算 table also prints 年初预算数),
    else budget where one says 预算."""
    headings = {cell.text for table in document.tables for row in table.rows[:HEADING_ROWS] for cell in row}
    if any("决算" in text for text in headings):
        return "final"
    return "budget" if any("预算" in text for text in headings) else None


def read_metadata(document: Document) -> tuple[Metadata, list[Finding]]:
    titles = titles_of(document)
    title = choose_title(document, titles)
    phase = decide_phase(document, title)
    department, label_scope = find_department(document, title, titles)
    if title.subject == "tables" and department is None:
        raise UnreadableReport(document.path, f"not a budget report: a table title ({title.line.text}) but no department")
    findings = department_findings(document, title, department)
    metadata = Metadata(
        department=department,
        region=fuller_region(region_of(department), title.region),
        fiscal_year=title.year,
        phase=phase,
        title=title.line,
        report_scope=title.report_scope or label_scope,
        subject=title.subject,
        placeholder=placeholder_in(department),
    )
    return metadata, findings


def department_findings(document: Document, title: Title, department: str | None) -> list[Finding]:
    if department is None:
        message = "no department name could be read from the report"
        return [Finding("document_department_missing", "warning", message, title.line.evidence())]
    labelled = labelled_names(document)
    if labelled and body_key(labelled.name) != body_key(department):
        return [
            Finding(
                "document_department_conflict",
                "warning",
                f"the report is read as {department}'s, but its label lines name {labelled.name}",
                title.line.evidence(),
            )
        ]
    return []


def same_report(first: DocumentInfo, second: DocumentInfo) -> bool:
    """True when two files are parts of one report (a Jiangsu 说明 and its 公开表): one department
    (under any of its printed names), region, year and phase, and no contrary scope."""
    scopes = {first.report_scope, second.report_scope} - {None}
    return (
        first.department is not None
        and body_key(first.department) == body_key(second.department)
        and (first.region, first.fiscal_year, first.phase) == (second.region, second.fiscal_year, second.phase)
        and len(scopes) <= 1
    )
