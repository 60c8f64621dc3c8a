"""Department names as the reports print them: the shape of a name, its region, the label lines
that state it, the placeholders of a template, and one key for the names of one body.

    上海市普陀区人民政府办公室          region 上海市普陀区 (the name's own prefix)
    中国共产党江苏省委员会办公厅        region 江苏省 (after the party's name, maps/name_prefixes.csv)
    预算主管部门：上海市普陀区财政局      a label line (maps/department_labels.csv)
    部门名称：江苏省高级人民法院 单位：万元  a label line above a table, with the table's unit after it
    上海市 XX 局                       a template's placeholder: nothing to load
"""

from __future__ import annotations

import csv
import re
from functools import cache
from typing import NamedTuple

from extract.numbers import MAPS

ORG_SUFFIX = (
    r"(?:办公室|委员会|常委会|政协|人大|人民政府|政府|局|院|厅|中心|委|办|部|会|所|站|队|学校|馆|处|署|团|社"
    r"|学|园|场|台|宫)"  # units that publish too: 中心小学, 幼儿园, 林场, 电视台, 少年宫
)
# A placeholder where a template leaves the name to fill in: "上海市XX局", "××县财政局", "***局".
PLACEHOLDER = re.compile(r"X{2,}|x{2,}|×{2,}|\*{2,}|○{2,}|某某")
PLACEHOLDER_WORD = r"(?:X{2,3}|×{2,3}|\*{2,3}|○{2,3})"
# "攀枝花市西区人大常委会办公室", "中国共产党江苏省委员会办公厅", "上海市XX局" and "××局" (a template's)
DEPARTMENT_NAME = re.compile(
    rf"""
    ^(?: (?:[\u4e00-\u9fff()] | {PLACEHOLDER_WORD}){{2,40}}? | {PLACEHOLDER_WORD} )
    {ORG_SUFFIX}$
    """,
    re.VERBOSE,
)
# "攀枝花市西区" -> region; "定西市" -> region
REGION = re.compile(
    r"""
    ^(?P<region>
        (?:[\u4e00-\u9fff]{1,7}?(?:省|自治区))?
        (?:[\u4e00-\u9fff]{1,7}?(?:州市|市|自治州|州|盟|地区))?   # 州市 first: 广州市, not 广州
        (?:[\u4e00-\u9fff]{1,5}?(?:区|县|旗))?
    )
    """,
    re.VERBOSE,
)
NOT_REGION_TAIL = ("人大", "政协", "常委会")
# What follows the name on a label line: the table's unit ("单位：万元"), a seal ("(盖章)").
AFTER_NAME = re.compile(r"\t|\s(?:金额)?单位\s*:|(?:金额)?单位\s*:\s*(?:万元|元|千元|亿元)|\((?:盖章|公章|章)\)")
WHITESPACE = re.compile(r"\s+")
ACCOUNTS_QUALIFIER = re.compile(r"[（(](?:机关)?(?:本级|本部|汇总|合并|部门汇总|单位汇总|含所属单位|含下属单位)[）)]$")


class Label(NamedTuple):
    label: str
    report_scope: str | None
    """The scope a label implies (预算主管部门: department, 预算单位: unit), when it implies one."""


class LabelledName(NamedTuple):
    name: str
    label: Label


@cache
def labels() -> dict[str, Label]:
    with open(MAPS / "department_labels.csv", encoding="utf-8") as handle:
        return {row["label"]: Label(row["label"], row["report_scope"] or None) for row in csv.DictReader(handle)}


@cache
def label_line() -> re.Pattern[str]:
    """ "预算主管部门：上海市普陀区财政局", "部门： 江苏省人大常委会办公厅 单位：万元",
    "单位名称（盖章）：阜宁县财政局"."""
    alternation = "|".join(re.escape(label) for label in sorted(labels(), key=len, reverse=True))
    return re.compile(rf"^(?P<label>{alternation})\s*(?:\((?:盖章|公章|章)\))?\s*:\s*(?P<rest>.*)$")


@cache
def name_prefixes() -> tuple[str, ...]:
    with open(MAPS / "name_prefixes.csv", encoding="utf-8") as handle:
        return tuple(sorted((row["prefix"] for row in csv.DictReader(handle)), key=len, reverse=True))


@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    with open(MAPS / "name_abbreviations.csv", encoding="utf-8") as handle:
        return tuple((row["full"], row["short"]) for row in csv.DictReader(handle))


def clean_name(text: str) -> str:
    """A name without the spaces a PDF puts inside it ("上海市 XX 局" -> "上海市XX局") and without
    the qualifier that says which accounts of it a report covers ("…农业农村局（本级）", "…办公室(汇总)"):
    the department is the same."""
    return ACCOUNTS_QUALIFIER.sub("", WHITESPACE.sub("", text))


def looks_like_department(text: str) -> bool:
    return bool(DEPARTMENT_NAME.match(text))


def placeholder_in(name: str | None) -> str | None:
    """The placeholder a template's name holds ("XX" in "上海市XX局"), else None."""
    match = PLACEHOLDER.search(name or "")
    return match.group() if match else None


def labelled_name(text: str) -> LabelledName | None:
    """The department a label line states, or None when the line is no label line or the name
    after the label is empty or no department's name ("部门： 单位：万元")."""
    match = label_line().match(text)
    if not match:
        return None
    rest = AFTER_NAME.split(match["rest"], maxsplit=1)[0]
    name = clean_name(rest)
    if not looks_like_department(name):
        return None
    return LabelledName(name, labels()[match["label"]])


def without_prefix(name: str) -> str:
    for prefix in name_prefixes():
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def region_of(department: str | None) -> str | None:
    """The 省 / 市 / 区县 prefix of a department's name (after a party's or front's name)."""
    if not department:
        return None
    match = REGION.match(without_prefix(department))
    region = match["region"] if match else ""
    if region.endswith(NOT_REGION_TAIL):
        return None
    return region or None


def region_alone(text: str) -> str | None:
    """``text`` when it is nothing but a region ("上海市普陀区" before a title's year)."""
    match = REGION.match(text)
    return text if match and match["region"] == text else None


def fuller_region(own: str | None, title: str | None) -> str | None:
    """The department's own region, or the title's when the name has none or only its tail
    ("普陀区财政局" under the title "上海市普陀区2025年区级部门预算")."""
    if title and (own is None or (title != own and title.endswith(own))):
        return title
    return own


def body_key(name: str | None) -> str | None:
    """One key for the names one body is printed under: "中国共产党江苏省委员会办公厅",
    "中共江苏省委办公厅" and "江苏省委办公厅" share it (maps/name_abbreviations.csv)."""
    if not name:
        return None
    key = without_prefix(clean_name(name))
    for full, short in abbreviations():
        key = key.replace(full, short)
    return key
