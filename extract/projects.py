"""Projects with their budget, executed amount and completion rate.

Sources, each a template phrase:
    (1)人代会经费项目绩效目标完成情况综述。项目全年预算数28.4万元，执行数为27.49万元，完成预算的97%。
    政策研究咨询项目绩效目标按质按量已完成，全年预算数为28.41万元，执行数为28.41万元，完成预算的100%
    涉及项目资金共计85.2万元，其中，人大业务项目48.8万元、在线监督建设项目8万元…   (budget report)
    目标3：会议费126万元，…                                                       (self-evaluation)
    （三）人大会议经费 … 截至2021年12月底，项目资金支出合计126万元。              (self-evaluation)
    组织对8个项目（人代会经费27.49万元；人大业务经费48.8；…）开展了预算事前绩效评估  (names only)
and the 预算数 / 执行数 cells of a single-project performance table (extract.tables), and the
project tables (extract.project_tables: 项目绩效目标表, 项目支出绩效自评表, 项目支出表).
The same project named twice ("在线监督项目", "在线监督经费") is one project (see
extract.project_names). Its statements are one figure with every evidence when they agree
within the rounding of the less precise (a table's 2,368,456.78 元 and the text's 236.85万元);
otherwise a finding, and neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from extract import numbers
from extract.document import Document, Line
from extract.project_names import display_name, project_key
from extract.records import Evidence, Finding, ProjectFigure
from extract.sections import TOP_HEADING
from extract.sentences import is_chart_debris
from extract.tables import PerformanceTable

NUM = numbers.NUMBER
UNIT = r"万元|元|万"
ENUMERATION = r"\(\d+\)|\d+[.、]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.是]|[①-⑳]"
"""The numbering before a project's sentence: (1) 1. （一） 一、 二是 ②."""
SUBJECT = r"(?:我|本)(?:局|单位|部门|院|委|厅|办|中心|校|所|站|馆)(?:的)?"
"""The department naming itself before a project's name: 我局环卫保洁项目…, 本单位垃圾分类项目…."""

# "(1)人代会经费项目绩效目标完成情况综述。项目全年预算数28.4万元，执行数为27.49万元，完成预算的97%"
# "高标准农田建设管护经费项目年初预算数60万元，全年预算数72万元，全年执行数68.4万元，执行率95%"
# The figures follow the name in the same sentence, or in the next when it opens with 项目 (the
# template's "…综述。项目全年预算数…"): never in another project's sentence.
EXECUTION = re.compile(
    rf"""
    (?:^|[;。]|经自评\s*,)\s*(?:{ENUMERATION})?\s*(?:{SUBJECT})?\s*
    (?P<name>[^,;:。()]{{2,40}}?)项目
    (?P<between>
        绩效(?:目标|自评)[^;。]*?(?:。\s*(?:该)?(?:项目)?)?
      | [:：,]?\s*(?:年初预算数?(?:为)?\s*{NUM}\s*(?:{UNIT})?\s*,\s*)?
    )
    (?:全年|调整后?)预算数?(?:为)?\s*(?P<budget>{NUM})\s*(?P<bunit>{UNIT})?
    \s*[,]\s*(?:(?:全年)?执行(?:预算)?数|实际支出(?:数)?)(?:为)?\s*(?P<executed>{NUM})\s*(?P<eunit>{UNIT})?
    (?:\s*[,]\s*(?:完成预算的?|(?:预算)?执行率(?:为)?)\s*(?P<pct>{NUM})\s*%)?
    """,
    re.VERBOSE,
)
# "1.环卫作业服务项目预算4,200.00万元，主要用于…"; "（一）生活垃圾分类处理项目。该项目2024年预算安排356.00万元，…":
# an item of a numbered list (unnumbered, "以上项目预算共计…", "本年度新增项目预算…" are totals)
BUDGETED = re.compile(
    rf"""
    (?:^|[;。])\s*(?:{ENUMERATION})\s*(?:{SUBJECT})?\s*
    (?P<name>[^,;:。()]{{2,40}}?)项目(?:\s*[。,]\s*该项目)?
    (?P<between>\s*(?:(?:19|20)\d{{2}}\s*年度?)?\s*)
    (?:预算(?:安排|资金|数)?|安排(?:预算|资金)?)(?:为|共计)?\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})
    (?=\s*(?:[,;。]|$))
    """,
    re.VERBOSE,
)
# "…项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为96分。全年预算数为320.00万元…"; "…，自评得分98分"
SCORE = re.compile(rf"自评得分(?:为)?\s*(?P<score>{NUM})\s*分")
YEAR_BEFORE_NAME = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})\s*年度?|上年度?|上一年度?|去年)\s*")
"""A name opening with a year ("2023年度困难群众救助项目…", "上年度养老服务补贴项目…") states that
year's project: the report's own year is dropped from the name, another year's project is not the
report's."""


def own_project(name: str, year: int | None) -> str | None:
    """The project's name without the report's own year before it; None when the name is no
    project's (see NOT_A_PROJECT, GENERIC_NAME) or says another year."""
    before = YEAR_BEFORE_NAME.match(name)
    if before:
        if before["year"] is None or year is None or int(before["year"]) != year:
            return None
        name = name[before.end() :]
    return name if is_project_name(name) and not GENERIC_NAME.match(name) else None


GENERIC_NAME = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|全年|本年度?|年度|本?部门|本?单位|该|各|全部|所有|其他|其余|重点|整体|共)+$")
"""What precedes 项目绩效目标 without naming a project: "全年各项目绩效目标…", "2023年度部门项目绩效目标…"."""


NOT_A_PROJECT = re.compile(
    r"""
    ^(?:其中)?(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|财政拨款|财政资金|其他资金|自有资金|单位资金
       |上级补助|(?:中央和?省级|中央|省级|上级)?转移支付|事业收入|上年结转|结转|新增|延续|续建|经常性|一次性|当年|本级
       |政府采购|政府购买服务)
     (?:资金|项目|拨款|收入|安排)?$
    | ^(?:以上|上述|前述|其中|全部|所有|以前年度|往年|本年度|当年)
    | (?:新增|延续|续建|结转|重大|重点|基本建设|其他)$
    | 共\s*\d+\s*个 | \d+\s*个 | 纳入(?:绩效|自评|评价|预算|管理) | 自有财力安排 | 的$
    """,
    re.VERBOSE,
)
"""Names that are no project: a source of money or a kind of project ("其中：财政拨款1,100.00万元，
其他资金150.00万元"; "新增项目400万元、延续项目960万元", "本年度新增项目…", "重大项目…") and totals
over several ("共5个项目…", "以上项目…", "本单位纳入绩效自评的项目…", "区级自有财力安排的项目…")."""


def is_project_name(name: str) -> bool:
    return len(name) >= 2 and not NOT_A_PROJECT.search(name)


def other_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year other than the report's (its figures are that year's)."""
    return year is not None and any(found != year for found in numbers.years_in(text))


# "共计85.2万元，其中，人大业务项目48.8万元、在线监督建设项目8万元、人代会会议项目28.4万元"
LISTED_TOTAL = re.compile(rf"项目资金共计\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})[^。]*?其中")
LISTED = re.compile(rf"(?:^|[、,:;])(?P<name>[^、,:;\d]{{2,30}}?项目)\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})")
# "编报绩效目标的项目共4个,涉及项目预算资金598.46万元。其中:中介机构服务费418.80万元 ,财政业务费10.00 万元,
# 信息化系统日常维护费166.66万元,援滇干部工作经费3.00 万元。" (the projects with performance targets)
TARGETED_TOTAL = re.compile(
    rf"""
    涉及项目(?:预算)?资金(?:共计|合计)?\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})
    \s*[。,;]?\s*其中\s*[:,]?
    """,
    re.VERBOSE,
)
# one item of that list: a name of its own, then its amount
TARGETED = re.compile(rf"(?:^|[、,;])\s*(?P<name>[^、,:;。\d]{{2,30}}?)\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})")
# "目标3：会议费126万元，按标准足额保障…"
GOAL = re.compile(rf"^目标\s*\d+\s*[:：]\s*(?P<name>[^,;:\d]{{2,30}}?)\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})")
# "（三）人大会议经费" (a section heading that is a project name)
SECTION = re.compile(r"^\([一二三四五六七八九十]+\)\s*(?P<name>[^,;:。()]{2,30})$")
# "项目资金支出合计126万元"
SECTION_SPENT = re.compile(rf"项目资金支出合计\s*(?P<number>{NUM})\s*(?P<unit>{UNIT})")
# "组织对8个项目（人代会经费27.49万元；人大业务经费48.8；…）开展了预算事前绩效评估"
NAMED_LIST = re.compile(r"对\d+个项目\((?P<items>[^)]+)\)")
TRAILING_FIGURE = re.compile(rf"\s*{NUM}\s*(?:{UNIT})?\s*$")


@dataclass(frozen=True)
class Mention:
    name: str
    evidence: Evidence
    priority: int
    """Which name to show when several name one project: 0 table cell, 1 list, 2 sentence."""
    budget_yuan: Decimal | None = None
    executed_yuan: Decimal | None = None
    completion_pct: Decimal | None = None
    score: Decimal | None = None
    """总分 得分 of a self-evaluation table."""
    fund_scope: str = "all"
    """The money its amounts count (extract.records.FUND_SCOPES): a 一般公共预算项目支出表 states only
    a project's general-budget part. Amounts are compared within one scope; a part is loaded only
    when no statement of the whole exists and the part is the only one stated."""
    half_unit_yuan: Decimal = Decimal(0)
    """The rounding of its amounts as printed (236.8万元: 500 yuan), for comparing with a table."""
    half_unit_pct: Decimal = Decimal(0)


MEASURES = ("budget_yuan", "executed_yuan", "completion_pct", "score")


def half_unit(*printed: tuple[str | None, str | None]) -> Decimal:
    """Half a unit of the last digit of the least precise (number, unit) printed, in yuan or %."""
    found = [Decimal(0)]
    for number, unit in printed:
        if number is None:
            continue
        decimals = len(number.split(".")[1]) if "." in number else 0
        factor = numbers.unit_factors().get(unit, Decimal(1)) if unit else Decimal(1)
        found.append(Decimal(5).scaleb(-decimals - 1) * factor)
    return max(found)


def yuan(number: str | None, unit: str | None, default_unit: str | None = None) -> Decimal | None:
    if number is None:
        return None
    return numbers.to_yuan(number, unit or default_unit)


def body_lines(document: Document) -> Iterable[Line]:
    return (line for line in document.lines if not line.is_cell and line.text and not is_chart_debris(line))


# "武汉市江岸区城市管理执法局 / 2023年度城市道路照明运维项目支出绩效自评报告": a report on one project,
# whose sentences call it 该项目
PROJECT_REPORT = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?(?P<name>[^,;:。()]{2,40}?)项目(?:支出)?绩效(?:自评|评价)报告$")
THIS_PROJECT = re.compile(r"(?:^|(?<=[;。]))\s*该项目")


def reported_project(document: Document) -> str | None:
    """The project a report is about, when its title names one."""
    for line in document.lines[:6]:
        match = PROJECT_REPORT.match(line.text.replace(" ", ""))
        if match and is_project_name(match["name"]) and not GENERIC_NAME.match(match["name"]):
            return match["name"]
    return None


def execution_mentions(lines: Iterable[Line], year: int | None, subject: str | None = None) -> list[Mention]:
    """``subject``: the project the report is about (its sentences open with 该项目)."""
    found = []
    for line in lines:
        text = THIS_PROJECT.sub(f"{subject}项目", line.text) if subject else line.text
        for match in EXECUTION.finditer(text):
            name = own_project(match["name"].strip(), year)
            if name is None or other_year(match["between"], year):
                continue
            rest = text[match.end() :].split("。")[0]
            score = SCORE.search(match["between"]) or SCORE.search(rest)
            found.append(
                Mention(
                    display_name(name),
                    line.evidence(),
                    2,
                    score=Decimal(score["score"]) if score else None,
                    budget_yuan=yuan(match["budget"], match["bunit"]),
                    executed_yuan=yuan(match["executed"], match["eunit"]),
                    completion_pct=Decimal(match["pct"]) if match["pct"] else None,
                    half_unit_yuan=half_unit((match["budget"], match["bunit"]), (match["executed"], match["eunit"])),
                    half_unit_pct=half_unit((match["pct"], None)),
                )
            )
    return found


def targeted_mentions(lines: Iterable[Line]) -> tuple[list[Mention], list[Finding]]:
    """The projects listed after "涉及项目预算资金X万元。其中：" with their budgets (the projects with
    performance targets: targets are set with the budget, so a final report's list is of budgets
    too). The names carry no 项目 to tell them by, so the list is read only when it adds up to the
    stated total (within the rounding of its figures), otherwise it is a finding and nothing is
    loaded from it; and not when it names sources of money or kinds of project (NOT_A_PROJECT)."""
    found, findings = [], []
    for line in lines:
        total = TARGETED_TOTAL.search(line.text)
        if not total or LISTED_TOTAL.search(line.text):  # "项目资金共计…其中" is listed_mentions' shape
            continue
        listing = line.text[total.end() :].split("。")[0]
        listed = list(TARGETED.finditer(listing))
        amounts = [yuan(m["number"], m["unit"]) for m in listed]
        stated = yuan(total["number"], total["unit"])
        if not listed or None in amounts or stated is None or not all(is_project_name(display_name(m["name"])) for m in listed):
            continue
        tolerance = half_unit((total["number"], total["unit"])) + sum(half_unit((m["number"], m["unit"])) for m in listed)
        if abs(sum(amounts) - stated) > tolerance:
            findings.append(
                Finding("sum_mismatch", "error",
                        f"the projects listed add up to {sum(amounts)} yuan, the stated total is {stated} yuan; none is loaded",
                        line.evidence(), expected_value=stated, actual_value=sum(amounts))
            )
            continue
        for match, amount in zip(listed, amounts):
            rounding = half_unit((match["number"], match["unit"]))
            found.append(Mention(display_name(match["name"]), line.evidence(), 1, budget_yuan=amount, half_unit_yuan=rounding))
    return found, findings


def listed_mentions(lines: Iterable[Line]) -> tuple[list[Mention], list[Finding]]:
    """A list of projects with performance targets and their budgets ("实行绩效目标管理…涉及项目资金
    共计…其中，…"), checked against its stated total."""
    found, findings = [], []
    for line in lines:
        total = LISTED_TOTAL.search(line.text)
        if not total:
            continue
        listed = list(LISTED.finditer(line.text[total.end() :]))
        if not all(is_project_name(display_name(m["name"])) for m in listed):
            continue  # "其中，一般公共预算项目800万元、政府性基金项目60万元": the money by source
        evidence = line.evidence()
        amounts = [yuan(m["number"], m["unit"]) for m in listed]
        for match, amount in zip(listed, amounts):
            rounding = half_unit((match["number"], match["unit"]))
            found.append(Mention(display_name(match["name"]), evidence, 1, budget_yuan=amount, half_unit_yuan=rounding))
        stated = yuan(total["number"], total["unit"])
        if listed and None not in amounts and stated is not None and sum(amounts) != stated:
            findings.append(
                Finding(
                    "sum_mismatch",
                    "error",
                    f"the listed projects add up to {sum(amounts)} yuan, the stated total is {stated} yuan",
                    evidence,
                    expected_value=stated,
                    actual_value=sum(amounts),
                )
            )
    return found, findings


def budgeted_mentions(lines: Iterable[Line], year: int | None) -> list[Mention]:
    """Projects a report describes with their budget (see BUDGETED), not another year's."""
    found = []
    for line in lines:
        for match in BUDGETED.finditer(line.text):
            name = own_project(match["name"].strip(), year)
            if name is None or other_year(match["between"], year):
                continue
            amount, rounding = yuan(match["number"], match["unit"]), half_unit((match["number"], match["unit"]))
            found.append(Mention(display_name(name), line.evidence(), 2, budget_yuan=amount, half_unit_yuan=rounding))
    return found


def goal_mentions(lines: Iterable[Line]) -> list[Mention]:
    found = []
    for line in lines:
        match = GOAL.match(line.text)
        if match:
            evidence = line.evidence()
            amount, rounding = yuan(match["number"], match["unit"]), half_unit((match["number"], match["unit"]))
            found.append(Mention(match["name"], evidence, 2, budget_yuan=amount, half_unit_yuan=rounding))
    return found


def section_mentions(lines: list[Line], year: int | None) -> list[Mention]:
    """A "（三）NAME" heading followed, before the next heading, by 项目资金支出合计X万元 (not one
    said of another year: "2022年项目资金支出合计35万元，2023年项目资金支出合计38万元")."""
    found = []
    for index, line in enumerate(lines):
        heading = SECTION.match(line.text)
        if not heading:
            continue
        for later in lines[index + 1 : index + 12]:
            if SECTION.match(later.text) or TOP_HEADING.match(later.text):
                break
            spent = next((m for m in SECTION_SPENT.finditer(later.text) if not said_of_other_year(later.text, m.start(), year)), None)
            if spent:
                evidence = later.evidence()
                amount = yuan(spent["number"], spent["unit"])
                rounding = half_unit((spent["number"], spent["unit"]))
                found.append(Mention(heading["name"], evidence, 2, executed_yuan=amount, half_unit_yuan=rounding))
                break
    return found


def said_of_other_year(text: str, start: int, year: int | None) -> bool:
    """Whether the clause that ends at ``start`` names a year other than the report's."""
    clause = re.split(r"[,;。]", text[:start])[-1]
    return other_year(clause, year)


def named_list_mentions(lines: Iterable[Line]) -> list[Mention]:
    """Names in "对8个项目（…）": their amounts are not read (budget or executed is not said)."""
    found = []
    for line in lines:
        for match in NAMED_LIST.finditer(line.text):
            for item in re.split(r"[;,、]", match["items"]):
                name = display_name(TRAILING_FIGURE.sub("", item))
                if len(name) >= 2:
                    found.append(Mention(name, line.evidence(), 1))
    return found


def table_mentions(tables: Iterable[PerformanceTable]) -> list[Mention]:
    """Single-project tables only: a table covering several projects states their aggregate."""
    found = []
    for table in tables:
        if len(table.project_names) == 1:
            printed = f"项目名称 {table.project_names[0]}" + (f" … {table.budget_text}" if table.budget_text else "")
            evidence = Evidence(table.budget_line or table.title_line, printed)
            found.append(
                Mention(table.project_names[0], evidence, 0, budget_yuan=table.budget_yuan, executed_yuan=table.executed_yuan)
            )
    return found


def merge_mentions(mentions: list[Mention]) -> tuple[list[ProjectFigure], list[Finding]]:
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(project_key(mention.name), []).append(mention)
    figures, findings = [], []
    for group in groups.values():
        shown = min(group, key=lambda m: m.priority)
        values: dict[str, Decimal | None] = {}
        for measure in MEASURES:
            values[measure], conflict = agreed(shown.name, measure, group)
            findings += [conflict] if conflict else []
        first = group[0].evidence
        text = " … ".join(dict.fromkeys(m.evidence.text for m in group))
        evidence = Evidence(first.line_number, text, first.page, first.table, first.row)
        figures.append(ProjectFigure(project=shown.name, evidence=evidence, **values))
    return figures, findings


def rounding(mention: Mention, measure: str) -> Decimal:
    if measure in ("budget_yuan", "executed_yuan"):
        return mention.half_unit_yuan
    return mention.half_unit_pct if measure == "completion_pct" else Decimal(0)


def agreed(name: str, measure: str, group: list[Mention]) -> tuple[Decimal | None, Finding | None]:
    """The value the mentions state of ``measure`` (the most precise of those that agree within
    their rounding), or None and a finding when they disagree. Whole-project amounts win over
    fund-scoped ones (see Mention.fund_scope)."""
    stated = [m for m in group if getattr(m, measure) is not None]
    scopes = {m.fund_scope for m in stated}
    if "all" in scopes:
        stated = [m for m in stated if m.fund_scope == "all"]
    elif len(scopes) > 1:
        return None, None
    if not stated:
        return None, None
    best = min(stated, key=lambda m: rounding(m, measure))
    value = getattr(best, measure)
    off = [m for m in stated if abs(getattr(m, measure) - value) > max(rounding(m, measure), rounding(best, measure))]
    if not off:
        return value, None
    return None, project_conflict(name, measure, {getattr(m, measure) for m in stated}, stated)


def project_conflict(name: str, measure: str, stated: set[Decimal], group: list[Mention]) -> Finding:
    values = sorted(stated)
    return Finding(
        "conflicting_statements",
        "error",
        f"project {name}: {measure} is stated as {', '.join(map(str, values))}; none is loaded",
        group[0].evidence,
        expected_value=values[0],
        actual_value=values[-1],
    )


def extract_projects(
    document: Document, phase: str, tables: list[PerformanceTable], from_tables: Iterable[Mention] = (), year: int | None = None
) -> tuple[list[ProjectFigure], list[Finding]]:
    """Every project the report names, ``from_tables`` (extract.project_tables) included; figures
    said of another year than the report's ``year`` are not its."""
    lines = list(body_lines(document))
    listed, findings = listed_mentions(lines)
    targeted, found_targeted = targeted_mentions(lines)
    findings += found_targeted
    mentions = (
        table_mentions(tables)
        + list(from_tables)
        + listed
        + targeted
        + named_list_mentions(lines)
        + execution_mentions(lines, year, reported_project(document))
        + budgeted_mentions(lines, year)
        + goal_mentions(lines)
        + section_mentions(lines, year)
    )
    if phase == "budget":
        mentions, looked_back = of_the_budget_year(mentions)
        findings += looked_back
    figures, conflicts = merge_mentions(sorted(mentions, key=lambda m: m.evidence.line_number))
    return figures, findings + conflicts


def of_the_budget_year(mentions: list[Mention]) -> tuple[list[Mention], list[Finding]]:
    """A budget report is published before its year is spent: a project stated with its 执行数,
    执行率 or 得分 there is a past year's self-evaluation ("（四）上年度预算绩效管理情况", a 2023
    自评表 in a 2024 budget), and none of its figures is the budget year's."""
    kept, findings = [], []
    for mention in mentions:
        if mention.executed_yuan is None and mention.completion_pct is None and mention.score is None:
            kept.append(mention)
            continue
        message = f"project {mention.name}: execution figures in a budget report are a past year's; none of its figures is loaded"
        findings.append(Finding("project_of_another_year", "info", message, mention.evidence))
    return kept, findings
