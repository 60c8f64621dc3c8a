"""The label cells of project tables, read through their maps (variants are data, not code).

    项目资金（万元）        -> funds, unit 万元          (project_form_labels.csv)
    其中：当年财政拨款      -> fund_fiscal
    执行率(B/A)             -> rate
    年度指标值              -> indicators / target        (project_table_columns.csv)
    上海市普陀区XX局2025年项目绩效目标表（单位：元） -> targets, unit 元 (project_table_titles.csv)

A label is compared whole, after normalisation: spaces, colons, a leading 其中, a unit in
brackets (kept) and a column annotation such as (A) or (B/A) are taken off. Nothing is matched by a part of a label, so 中期资金总额
is not 资金总额 and 部门整体支出绩效目标表 is not a project table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from extract import numbers

# "项目资金（万元）", "金额(元)", "执行率(%)", "预算数(万元):"
UNIT_IN_BRACKETS = re.compile(r"\((?:单位\s*[:：]\s*)?(?P<unit>万元|元|%)\)")
# "年度指标值(A)", "执行率(B/A)": the template's column algebra; "绩效指标(90分)": a weight;
# "实施单位(盖章)"
ANNOTATION = re.compile(r"\((?:[A-Za-z0-9/*×+\-]{1,8}|\d+(?:\.\d+)?分|盖章)\)$")
# "51000021R000000019951-工资性支出", "[310107230001]道路保洁": a project's code before its name
PROJECT_CODE = re.compile(r"^(?:\[[0-9A-Za-z-]{4,}\]\s*|[0-9A-Z]{10,}\s*[-_—:：]\s*)")
# "其中：当年财政拨款", "其中:财政拨款"
ALSO = re.compile(r"^其中\s*[:：,]?")
SPACES_AND_MARKS = re.compile(r"[\s*※:：]")
# "产出指标（50分）", "数量指标(20分)": a weight after a class name
WEIGHT_SUFFIX = re.compile(r"\(\s*\d+(?:\.\d+)?\s*分\s*\)$")
# "表13", "附件2:", "附表3-1", "公开10表", "(一)", "1." before a title
TITLE_NUMBERING = re.compile(
    r"""^(?:
        附件\s*\d+\s*[:：.、]? | 附表\s*[\d-]+\s*[:：.、]? | 表\s*[\d-]+\s*[:：.、]? | 公开\s*\d+\s*表
        | \([一二三四五六七八九十\d]+\) | \d+[.、]
    )\s*""",
    re.VERBOSE,
)
# "（2024年度）", "(单位：万元)" after a title
TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class Label:
    name: str
    """The label without spaces, colons, 其中 and its unit."""
    unit: str | None
    """万元 / 元 / % printed in brackets with the label."""


def label(text: str) -> Label:
    """A cell's text as a label (see the module docstring)."""
    unit_match = UNIT_IN_BRACKETS.search(text)
    name = ANNOTATION.sub("", UNIT_IN_BRACKETS.sub("", text.strip()).strip())
    name = SPACES_AND_MARKS.sub("", ALSO.sub("", name.strip()))
    return Label(name, unit_match["unit"] if unit_match else None)


# "项目名称：食品安全抽检监测", "年度资金总额：150万元": a label and its value in one cell
INLINE = re.compile(r"^(?P<label>[^:：]{2,12})[:：]\s*(?P<value>\S.*)$")


def inline_pair(text: str) -> tuple[str, Label, str] | None:
    """(field, label, value) of a cell printing a form label and its value together."""
    match = INLINE.match(text.strip())
    if not match:
        return None
    name = label(match["label"])
    field_name = form_fields().get(name.name)
    return (field_name, name, match["value"].strip()) if field_name else None


QUOTED = re.compile(r"^[“\"'‘](?P<name>[^“”\"'‘’]*)[”\"'’]$")


def project_name(raw: str) -> str:
    """A project's name as printed, without the quotes around it (not those inside it: “长者食堂”运营
    补贴 keeps them, as a sentence naming it does) and the code some systems print before it."""
    name = PROJECT_CODE.sub("", raw.strip()).strip()
    quoted = QUOTED.match(name)
    return quoted["name"].strip() if quoted else name


def class_name(text: str) -> str:
    """An indicator class cell without the weight some templates print after it."""
    return WEIGHT_SUFFIX.sub("", text.strip()).strip()


def _rows(name: str) -> list[dict[str, str]]:
    with open(numbers.MAPS / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def form_fields() -> dict[str, str]:
    """Label of a form's row -> field (project, department, funds, fund_total, goal, ...)."""
    return {row["label"]: row["field"] for row in _rows("project_form_labels.csv")}


@cache
def column_fields(block: str) -> dict[str, str]:
    """Header of a column of ``block`` (indicators, funds, list) -> field."""
    return {row["header"]: row["field"] for row in _rows("project_table_columns.csv") if row["block"] == block}


@cache
def column_rank(block: str) -> dict[str, int]:
    """Order of the headers in the map: when two headers of one field are present, the first wins."""
    headers = [row["header"] for row in _rows("project_table_columns.csv") if row["block"] == block]
    return {header: index for index, header in enumerate(headers)}


@cache
def total_row_labels() -> frozenset[str]:
    return frozenset(row["label"] for row in _rows("project_total_rows.csv"))


@dataclass(frozen=True)
class TitleFamily:
    family: str
    """targets (项目绩效目标表), self_evaluation (项目支出绩效自评表) or expenditure (项目支出表)."""
    fund_scope: str
    """The money a 项目支出表's amounts count (extract.records.FUND_SCOPES); 'all' for the forms."""
    unit: str | None
    """A unit printed in the title's brackets."""


@cache
def _titles() -> tuple[tuple[str, str, str], ...]:
    rows = [(row["title"], row["family"], row["fund_scope"] or "all") for row in _rows("project_table_titles.csv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def title_family(text: str) -> TitleFamily | None:
    """The project-table family a title names, or None. The title must end with a variant of the
    map (after its brackets), so that a department and a year may precede it, and it must not be a
    sentence ("详见单位的项目绩效目标表。")."""
    if re.search(r"[。，,;；]|详见|参见|见附", text):
        return None
    unit = None
    stripped = text.strip()
    while TRAILING_BRACKETS.search(stripped):
        found = UNIT_IN_BRACKETS.search(stripped[stripped.rfind("(") :])
        unit = unit or (found["unit"] if found and found["unit"] != "%" else None)
        stripped = TRAILING_BRACKETS.sub("", stripped)
    name = SPACES_AND_MARKS.sub("", TITLE_NUMBERING.sub("", stripped))
    for title, family, scope in _titles():
        if name.endswith(title):
            joined = name[: -len(title)].endswith(("和", "、", "及", "与"))  # 基本支出和项目支出表
            return None if joined else TitleFamily(family, scope, unit)
    return None
