"""Summary figures: totals, income sources, 基本/项目支出, 人员/公用经费, 机关运行经费, 政府采购.

Read from every body sentence; the aliases (maps/summary_items.csv) cover the final report's
wording and the budget report's ("收入预算", "支出预算", "当年拨款"):
    2020年本年支出合计522.10万元，其中：基本支出418.21万元，占80%；项目支出103.89万元，占20%。
    与2019年相比，收、支总计各减少4.89万元，下降1%。
    2022年，一般公共预算当年拨款471.08万元，比2021年预算数增加36.32万元
A label right after 占 ("占本年支出合计的100%") names the total of a share, not a statement.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extract import numbers
from extract.document import Document
from extract.labelled import Alias, Statement, in_an_explanation, merge, of_other_year, read_aliases, said_of_a_unit, statements
from extract.measures import Measures
from extract.numbers import MAPS
from extract.records import Finding, SummaryItem
from extract.sections import in_other_years_section, section_scope
from extract.sentences import Sentence, body_sentences
from extract.units import unitless_finding

# Text just before a label that makes it something other than a statement of the item:
#   "占本年支出合计的100%"            (the total a share refers to)
#   "上年度结转项目支出15.76万元"       (a carried-over part, not the year's 项目支出)
#   "目标2：驻村帮扶人员经费27万元"      (a project named like an item)
#   "“三公”经费支出预算为8万元"         (the 三公 budget, not the report's 支出预算)
#   "公务接待费支出预算为3.00万元"       (one fee's budget: 因公出国（境）费, 公务用车…运行维护费 …)
#   "工资福利支出预算2836800元"         (an economic class's part, not the report's 支出预算)
#   "政府性基金预算拨款支出预算…"        (one fund's spending: its own alias, or nothing)
#   "政府性基金财政拨款支出…"            (not the 财政拨款支出 of a report with 一般公共预算 money only)
#   "单位资金收入预算1,180.00万元"        (one source's income, not the 收入预算 of the whole report)
#   "货物采购授予中小企业合同金额90.00万元"  (one kind's part of the SME contracts)
NOT_A_STATEMENT = re.compile(
    r"""
    (?: 占[^,;:]{0,6}
      | 结转
      | 帮扶
      | 目标\d+[:：]?[^,;:]*
      | 费
      | 工资福利 | 商品和服务 | 对个人和家庭的?补助 | 资本性 | 对企业补助 | 债务利息
      | (?:基金|经营)(?:预算)?(?:财政)?拨款
      | (?:基金|经营)(?:预算)?
      | 资金
      | (?:货物|工程|服务)类?(?:采购)?
    )$
    """,
    re.VERBOSE,
)


@cache
def item_aliases() -> list[Alias]:
    return read_aliases(MAPS / "summary_items.csv")


@cache
def fiscal_aliases() -> list[Alias]:
    """财政拨款收入 / 财政拨款基本支出 …: the 财政拨款 figures that are an item only when the report
    has no 政府性基金 / 国有资本经营 money (extract.standard_tables.scopes decides, and renames)."""
    return read_aliases(MAPS / "fiscal_items.csv")


# "基本支出预算3176800元，占一般公共预算支出的85.70%": the 一般公共预算 part, not the report's 基本支出
SHARE_OF_GENERAL_BUDGET = re.compile(r"占(?:本年|全年)?一般公共预算(?:财政)?(?:拨款)?支出")
# "一般公共预算拨款支出预算1,000.00万元，比上年…。其中：基本支出700.00万元": the total a 其中 breaks
# down is the last one named before it (not "财政拨款支出1,100万元、其他资金支出100万元，本年支出合计
# 1,200万元，其中：…", the report's)
BREAKDOWN_LEAD = re.compile(
    r"(?P<general_budget>一般公共预算(?:财政)?(?:拨款)?支出)|(?P<fiscal>财政拨款支出)"
    r"|(?P<all>(?<!拨款)(?<!预算)(?<!基金)(?:本年支出(?:合计|小计)|支出(?:预算|决算)?(?:总计|合计|总额)|收[、,]?支(?:预算|决算)?总计))"
)
PARTS = {
    "general_budget": {"expense_basic": "general_budget_basic", "expense_project": "general_budget_project"},
    "fiscal": {"expense_basic": "fiscal_basic", "expense_project": "fiscal_project"},
}


def as_item(statement: Statement, code: str) -> Statement:
    """The statement as one of another item, under that item's label."""
    aliases = item_aliases() + fiscal_aliases()
    return replace(statement, code=code, label=next(alias.label for alias in aliases if alias.code == code))


def part_of(document: Document, statement: Statement) -> str | None:
    """Whose 基本 / 项目支出 a statement gives: the 一般公共预算's when it is a share of it or a part
    of its total, or stated under its section heading; the 财政拨款's likewise; else None (the
    report's)."""
    if SHARE_OF_GENERAL_BUDGET.search(statement.sentence.text):
        return "general_budget"
    lead = breakdown_lead(statement.before)
    if lead is not None:
        return lead if lead in PARTS else None
    scope = section_scope(document, statement.sentence.line.number)
    return scope if scope in PARTS else None


def breakdown_lead(before: str) -> str | None:
    """Whose total the 其中 before a statement breaks down (general_budget, fiscal or all), when
    the sentence names one before it without a 。 between."""
    sentence = before.rsplit("。", 1)[-1]
    leads = list(BREAKDOWN_LEAD.finditer(sentence))
    if not leads or "其中" not in sentence[leads[-1].end() :]:
        return None
    return leads[-1].lastgroup


def of_general_budget(document: Document, statement: Statement) -> Statement:
    """基本 / 项目支出 of the 一般公共预算 (or of the 财政拨款) as that budget's parts."""
    if statement.code not in PARTS["general_budget"]:
        return statement
    scope = part_of(document, statement)
    return as_item(statement, PARTS[scope][statement.code]) if scope else statement


# "收入预算10,315.23万元，其中：本年收入9,965.23万元，上年结转350.00万元": the income with last year's
# carryover is the 收入总计, not the year's 本年收入合计
WITH_CARRYOVER = re.compile(
    rf"(?<!本年)收入(?:预算|决算)?(?:总额|合计)?(?:为|共计)?\s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)[^。]*?其中[^。]*?(?:上年|年初)结转"
)


def with_carryover(statement: Statement) -> Statement:
    """The income total a sentence breaks down into 本年收入 and 上年结转 is the 收入总计."""
    lead = WITH_CARRYOVER.search(statement.sentence.text) if statement.code == "income_total" else None
    if lead is None or numbers.to_yuan(lead["number"], lead["unit"]) != statement.measures.amount_yuan:
        return statement
    return as_item(statement, "total_income_and_expense")


RESERVED = re.compile(r"预留")
SME_ITEMS = frozenset({"procurement_sme", "procurement_micro"})


AWARDED = re.compile(r"授予[^,;。]{0,12}合同金额")


def awarded_in_final(statement: Statement, phase: str) -> bool:
    """In a final report the SME figures are the contracts awarded; an amount reserved for SMEs
    (面向中小企业预留…预算金额) is a budget's figure, not one of them. In a budget report, contracts
    awarded (授予…合同金额) are a past year's."""
    if statement.code not in SME_ITEMS:
        return True
    if phase == "final":
        return not RESERVED.search(statement.sentence.text)
    return not (phase == "budget" and AWARDED.search(statement.alias))


WHOLE_REPORT_ITEMS = frozenset(
    {"total_income_and_expense", "income_total", "expense_total", "expense_basic", "expense_project", "carryover_beginning", "carryover_ending"}
)
"""Items of the whole report: under a heading of one fund or of the 财政拨款 ("四、财政拨款收入支出
决算总体情况说明"), or in a sentence whose subject is one ("2023年度财政拨款收、支总计…，其中：年初结转
和结余100.00万元"), the same words state that money's figures, not the report's."""
FUND_SECTIONS = frozenset({"government_fund", "state_capital", "fiscal", "general_budget"})
FUND_SUBJECT = re.compile(
    r"^[^,;。]*?(?:财政拨款|政府性基金|国有资本经营|一般公共预算)(?:预算)?(?:财政)?(?:拨款)?(?:收[、,]?支|收入|支出)"
)


WHOLE_TOTAL = re.compile(r"(?<!拨款)(?<!预算)(?<!基金)(?:本年(?:收入|支出)(?:合计|小计)|(?:收入|支出)(?:预算|决算)?(?:总计|合计|总额)|收[、,]?支(?:预算|决算)?总计)")
"""A total of the whole report, named after a fund's figures: the parts after it are the report's."""
OTHER_SOURCE = re.compile(r"其他收入|事业收入|经营收入|其他资金|单位资金|上级补助|附属单位")
"""Another source of money named after the fund's: the sentence lists the report's sources
("一般公共预算拨款收入1,100万元，其他收入50万元，上年结转结余50万元，收入预算总计…")."""
SUBJECT_PARTS = frozenset({"carryover_beginning", "carryover_ending", "expense_basic", "expense_project"})


def of_the_whole_report(document: Document, statement: Statement) -> bool:
    if statement.code not in WHOLE_REPORT_ITEMS:
        return True
    if statement.code in SUBJECT_PARTS and fund_led(statement):
        return False
    return section_scope(document, statement.sentence.line.number) not in FUND_SECTIONS


def fund_led(statement: Statement) -> bool:
    """Whether the sentence's subject is one fund's or the 财政拨款's money and no total of the
    whole report is named between it and the statement ("2024年财政拨款支出1,100万元、其他资金支出
    100万元，本年支出合计1,200万元，其中：基本支出…" breaks the report's total down)."""
    subject = FUND_SUBJECT.search(statement.sentence.text)
    if subject is None or subject.end() > len(statement.before):
        return False
    between = statement.before[subject.end() :]
    return not WHOLE_TOTAL.search(between) and not OTHER_SOURCE.search(between)


def special_account_as_business(found: list[Statement]) -> list[Statement]:
    """财政专户管理资金 is the 事业收入 kept in a fiscal account where a report has no 事业收入 of its
    own (Jiangsu 2017–2019); beside a 事业收入 or the 单位资金 of the newer template (which holds
    the 事业收入) it is another source, which no item holds."""
    business = any(statement.code == "income_business" or "单位资金" in statement.sentence.text for statement in found)
    return [
        as_item(statement, "income_business") if statement.code == "income_special_account" else statement
        for statement in found
        if not (business and statement.code == "income_special_account")
    ]


PROJECT_MONEY = re.compile(
    r"(?<!不)涉及[^,;。]{0,12}?(?:资金|金额|预算|拨款)[^,;。]*?\d|(?<!不)涉及$|项目(?:预算)?资金(?:共计|合计|总额)?"
)
"""The money of the projects with targets: "涉及项目预算资金1,250.00万元。其中：…", "…实行绩效目标管理，涉及
一般公共预算当年拨款400.00万元" (not "不涉及政府性基金…", "收支预算涉及一般公共预算拨款和事业收入两项")."""


def not_project_money(statement: Statement) -> bool:
    """"…涉及项目预算资金1,250.00万元。其中：财政拨款1,100.00万元，其他资金150.00万元" breaks the
    projects' money down by source: not the report's 其他收入 (a sentence opening with 其中 goes on
    from the one before it); "…共2个项目实行绩效目标管理，涉及一般公共预算当年拨款400.00万元" is the
    money of the projects with targets, not the 一般公共预算's spending."""
    lead = statement.before
    if statement.sentence.text.startswith("其中"):
        lead = before_sentence(statement).rstrip("。").split("。")[-1] + "。" + lead
    return not PROJECT_MONEY.search(lead)


def before_sentence(statement: Statement) -> str:
    """The statement's line up to its sentence (the sentences before it on the line)."""
    line, sentence = statement.sentence.line.text, statement.sentence.text
    return line[: max(line.find(sentence), 0)]


CLASS_MARKER = re.compile(r"\((?:类|款|项)\)")
REPORT_TOTALS = frozenset({"total_income_and_expense", "income_total", "expense_total"})
TOTAL_WORD = re.compile(r"合计|总计|总额")
MARKED_FIGURE = re.compile(r"\((?P<marker>类|款|项)\)\s*[:：,]?\s*(?:[\u4e00-\u9fff]{0,8}?)(?:为)?\s*\d")
"""A class's own figure: "农林水支出（类）650.00万元", "…（项）：支出预算为1,200.00万元"."""


def not_of_a_class(statement: Statement) -> bool:
    """Whether the statement is not a class's: "…（项）支出预算50.00万元" (right after its marker),
    "农林水支出（类）650.00万元，其中：基本支出322.00万元" (the last figure before it is a class's, no
    total of the report since), "…行政单位医疗（项）。年初预算为…，其中：基本支出…" (the sentence goes on
    from a class's path) state a class's figures, not the report's 基本支出 or 支出预算."""
    clause = statement.before.rsplit(";", 1)[-1]
    if clause.rstrip(" :：,，").endswith(("(类)", "(款)", "(项)")):
        return False
    if TOTAL_WORD.search(statement.alias):
        return True  # "…住房保障支出（类）100.00万元，本年支出合计1,000.00万元": the report's total
    marked = list(MARKED_FIGURE.finditer(statement.before))
    totals = [m.start() for m in WHOLE_TOTAL.finditer(statement.before)]
    if marked and (not totals or marked[-1].start() > totals[-1]):
        return False  # "…（项）支出决算为320.00万元；决算支出320.00万元", "…（类）650万元，其中：基本支出…"
    if statement.code in REPORT_TOTALS:
        return True  # a total named after a class's path sentence ("…（款）。2024年本年支出合计…") is the report's
    after_path = before_sentence(statement).rstrip(" 。.").endswith(("(类)", "(款)", "(项)"))
    return not (after_path and not WHOLE_TOTAL.search(statement.before))


def not_spending_of_a_source(statement: Statement) -> bool:
    """"其他资金支出100.00万元": the spending of a source of money, not its income."""
    return not (statement.code.startswith("income_") and statement.after.startswith("支出"))


def about_procurement(statement: Statement) -> bool:
    """A 政府采购 item is one only in a sentence about 采购: "政府采购预算1.38万元，其中…政府购买服务预算0万元"
    is the procurement of services, "本部门政府购买服务预算720.00万元" alone is not (services bought
    by other means than procurement). The SME figures (授予…合同金额, 面向…预留) name procurement
    themselves."""
    return not statement.code.startswith("procurement_") or statement.code in SME_ITEMS or "采购" in statement.sentence.text


# Income broken down by fund where a bare fund name is no label elsewhere (it may be spending):
#   "包括财政拨款收入4800.00万元（其中，一般公共预算4600.00万元，政府性基金预算200.00万元，…）" (Zhejiang's 决算)
#   "收入预算1,520.00万元，其中：上年结转20.00万元，占1.3%；一般公共预算拨款1,480.00万元，…" (Heilongjiang,
#   Guangdong budgets: the parts of an income total after its 其中)
INCOME_SPLITS = (
    re.compile(rf"财政拨款收入\s*{numbers.NUMBER}\s*(?:万元|元)\s*\((?:其中\s*[,:：]?)?(?P<parts>[^()]*)\)"),
    re.compile(
        rf"(?<!拨款)(?:收入预算(?:总计|合计|总额)?|本年收入(?:合计|预算)?|收入(?:决算)?(?:总计|合计|总额))(?:为|共计)?\s*{numbers.NUMBER}\s*(?:万元|元)"
        rf"[^。()]*?其中\s*[,:：]?(?P<parts>[^。()]*)"
    ),
)
FUND_PART = re.compile(
    rf"""
    (?:^|[,;、])\s*(?P<fund>一般公共|政府性基金|国有资本经营|上年结转)(?:预算)?(?:财政)?(?:拨款)?(?:收入)?(?:结余)?
    \s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)
    """,
    re.VERBOSE,
)
FUND_INCOME = {
    "一般公共": "income_general_public_budget",
    "政府性基金": "income_government_fund",
    "国有资本经营": "income_state_capital",
    "上年结转": "carryover_beginning",
}


# Shanghai districts' budgets: "上海市徐汇区XX局2025年预算收入12,460.50万元，比2024年预算增加1,210.30万元" (the
# year right before 预算收入 / 预算支出: elsewhere these words are part of a fund's or a project's name)
YEARS_TOTAL = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})\s*年度?(?P<kind>预算收入|预算支出)(?:为|共计)?\s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)"
)
YEARS_TOTAL_ITEMS = {"预算收入": "income_total", "预算支出": "expense_total"}


SELF = re.compile(r"^(?:本部门|本单位|本局|我局|我单位|我部门)?$")


def years_totals(sentences: list[Sentence], year: int | None, phase: str, department: str | None) -> list[Statement]:
    """A budget report's 预算收入 / 预算支出 of its year (see YEARS_TOTAL), with the change the
    clause states, when the department itself is the subject ("上海市徐汇区XX局2025年预算收入…"), not a
    project, a fund or a unit ("智慧城市运维项目2025年预算支出…", "其中：…中心2025年预算收入…")."""
    if phase != "budget" or year is None:
        return []
    found = []
    for sentence in sentences:
        for match in YEARS_TOTAL.finditer(sentence.text):
            subject = re.split(r"[,;:。]", sentence.text[: match.start()])[-1].strip()
            if int(match["year"]) != year or not (SELF.match(subject) or (department and subject == department)):
                continue
            clause = re.split(r"[,;。]\s*其中|[;。]", sentence.text[match.end() :])[0]
            change, change_pct = numbers.first_change(clause, year)
            measures = Measures(
                amount_yuan=numbers.to_yuan(match["number"], match["unit"]), prior_year_change_yuan=change, prior_year_change_pct=change_pct
            )
            code = YEARS_TOTAL_ITEMS[match["kind"]]
            found.append(as_item(Statement(code, "", measures, sentence, sentence.text[: match.start("kind")]), code))
    return found


def income_parts(sentences: list[Sentence], year: int | None) -> list[Statement]:
    """The parts by fund of an income the sentence breaks down (see INCOME_SPLITS), unless its
    clause says it is another year's ("2022年度财政拨款收入…（其中，…）" in a 2023 决算)."""
    found = []
    for sentence in sentences:
        for pattern in INCOME_SPLITS:
            for split in pattern.finditer(sentence.text):
                if of_other_year(re.split(r"[;。]", sentence.text[: split.start()])[-1], year):
                    continue
                for part in FUND_PART.finditer(split["parts"]):
                    code = FUND_INCOME[part["fund"]]
                    measures = Measures(amount_yuan=numbers.to_yuan(part["number"], part["unit"]))
                    found.append(as_item(Statement(code, "", measures, sentence, sentence.text[: split.start("parts")]), code))
    return found


def extract_summary_items(
    document: Document, phase: str, year: int | None = None, department: str | None = None
) -> tuple[list[SummaryItem], list[Finding]]:
    sentences = [s for s in body_sentences(document) if not in_other_years_section(document, s.line.number, year)]
    found = list(statements(sentences, item_aliases() + fiscal_aliases(), guard=NOT_A_STATEMENT, year=year, final=phase == "final"))
    found += income_parts(sentences, year) + years_totals(sentences, year, phase, department)
    found = [
        with_carryover(statement)
        for statement in (of_general_budget(document, s) for s in found)
        if about_procurement(statement)
        and awarded_in_final(statement, phase)
        and of_the_whole_report(document, statement)
        and not_project_money(statement)
        and not_spending_of_a_source(statement)
        and not_of_a_class(statement)
        and not said_of_a_unit(statement, department)
        and not in_an_explanation(statement)
    ]
    merged, findings = merge(special_account_as_business(found), "summary_items")
    items = []
    for row in merged:
        values = row.values
        if values.get("amount_yuan") is None and values.get("amount_unitless") is not None:
            findings.append(unitless_finding(row.label, values["amount_unitless"], row.first_evidence))
        items.append(
            SummaryItem(
                item=row.code,
                item_label=row.label,
                amount_yuan=values.get("amount_yuan"),
                evidence=row.joined_evidence(),
                budget_yuan=None if phase == "budget" else values.get("budget_yuan"),
                share_pct=values.get("share_pct"),
                completion_pct=values.get("completion_pct"),
                prior_year_change_yuan=values.get("prior_year_change_yuan"),
                prior_year_change_pct=values.get("prior_year_change_pct"),
            )
        )
    return items, findings
