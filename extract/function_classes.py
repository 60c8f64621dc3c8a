"""Expenditure by functional class (支出功能分类): 类 figures with their share, 款/项 figures.

类 figures come from the structure sentence and lists (labelled statements):
    一般公共服务支出（类）支出415.41万元，占79%；社会保障和就业（类）支出45.96万元，占9%
    1.一般公共服务支出353.85万元，主要用于人员工资福利…           (budget report)
款/项 figures come from the detail lines, where the 款 carries over to the following 项:
    1.一般公共服务支出（类）人大事务（款）行政运行: 支出决算为277.83万元，完成预算100%；
      一般行政管理事务（项）: 支出决算为93.38万元，完成预算90%；…
    1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）支出决算为411.08万元
A clause whose words are scrambled around its figure ("支行政单位离退休（01）出决算为18.94万元")
is reported as garbled and yields no figure. A 项 named on its own, with its figures in a later
sentence of the same paragraph, is read as one clause:
    1、教育支出（类）普通教育（款）高等教育（项）。主要用于：…。年初预算为760.00万元，支出决算为800.00万元。
A class named by its printed code reads with that code: "2010101行政运行：年初预算为300.00万元，…".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from extract import classification, numbers
from extract.document import Document
from extract.labelled import Alias, merge, statements
from extract.measures import PRIOR_YEAR
from extract.records import Finding, FunctionFigure
from extract.sections import TOP_HEADING, scope_of_sentence
from extract.sentences import Sentence, body_sentences, clauses
from extract.units import unitless_finding

# "（类）", "（款）", "（项）", "（201）", "（03）", "（2010301）"; "（室）" is part of a name.
MARKER = re.compile(r"\((?P<marker>类|款|项|\d{2,7})\)")
NUMBERING = re.compile(r"^\s*(?:\d+\s*[.、．]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)\s*")
# What follows the last name: "行政运行: 支出决算为277.83万元，完成预算100%", "（项），年初预算为…",
# "一般行政管理事务54.58万元", ": 支出决算为93.38万元"
TAIL = re.compile(
    rf"""
    ^\s*[:：,，]?\s*
    (?P<name>[^\d:：,，;]*?)
    \s*[:：,，]?\s*
    (?:支出决算(?:数)?为|决算(?:数)?为|支出决算|支出为|支出|为
       | (?P<planned>(?:(?:19|20)\d{{2}}\s*年度?)?(?:支出)?预算(?:数)?为?))?
    \s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|亿元|元|万)?
    (?![\d年%])
    """,
    re.VERBOSE,
)
# (a budget report's "：2024年预算数为850.00万元" is its figure: ``planned``, read in budget reports only)
# "：年初预算为95.00万元，支出决算为100.00万元": the budget stated before the figure
BUDGET_FIRST = re.compile(
    rf"""
    ^\s*[:：,，]?\s*
    (?:年初预算(?:数)?为?|(?:全年)?预算(?:数)?为?(?=\s*{numbers.NUMBER}\s*(?:万元|元)\s*[,，]\s*(?:支出)?决算))
    \s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)\s*[,，]\s*
    """,
    re.VERBOSE,
)
# (also "预算数为100.00万元，决算数为…": a 预算数 followed by the 决算 is the budget beside it)
# "支出决算为105.00万元，年初预算为100.00万元": the budget stated after the figure
BUDGET_AFTER = re.compile(rf"^\s*[,，]\s*(?:年初|全年)?预算(?:数)?为?\s*(?P<number>{numbers.NUMBER})\s*(?P<unit>万元|元)")
# "…（项）。年初预算为…，支出决算为…；比上年决算增加3.00万元" / "；其中基本支出38.00万元" / "；上年决算
# 35.00万元": a clause after a 项's that names no class
NO_CLASS_NAME = re.compile(
    r"""
    ^\s*(?:比|较|与|同比|其中|上年|去年|占|完成|年初|全年|预算数|决算数|调整|主要|增加|减少|增长|下降|增支|减支
          |决算(?:比|较|支出|数|为)|预算(?:比|较|安排|数|调整|为))
    | (?:比|较)(?:上年|预算|年初)
    | ^\s*(?:决算|预算)\s*$
    """,
    re.VERBOSE,
)
"""(not 预算改革业务, 减排专项支出: 项 named like a budget word or a change)"""
YUAN_FIGURE = re.compile(rf"{numbers.NUMBER}\s*万?元")
# A class named by its printed code and name: "2010101行政运行：年初预算为300.00万元，支出决算为320.00万元",
# "2010301 行政运行 320.00万元，主要用于…"
CODED = re.compile(r"^(?P<code>2\d{2}(?:\d{2}){0,2})(?!\d)\s*[-—–]?\s*(?P<name>[\u4e00-\u9fff()]+?)\s*[:：]")
# ... and without the colon, its name stopping before the words of its figures (预算改革业务 needs the colon)
CODED_BARE = re.compile(
    r"""
    ^(?P<code>2\d{2}(?:\d{2}){0,2})(?!\d)\s*[-—–]?\s*
    (?P<name>(?:(?!年初|全年|预算|决算|上年|本年|比|较|增|减)[\u4e00-\u9fff()])+?)
    \s*(?=(?:支出)?(?:为)?\s*\d|年初预算|全年预算|预算数|支出决算|决算数)
    """,
    re.VERBOSE,
)
# A 款 or 项 code printed after the name, the only code of the clause: "行政运行（2010801）450.00万元",
# "…（款）行政运行（项）（2070101）400.00万元"
CODE_AFTER_NAME = re.compile(
    r"^(?:[^()\d]*?\((?:类|款)\))*(?P<name>[\u4e00-\u9fff]+?)(?:\(项\))?\((?P<code>2\d{4}(?:\d{2})?)\)\s*[:：]?"
)
# "…行政运行（项）（2010101）。" / "…（项）2010101。": the 项's code printed after its path (the name finds it)
XIANG_CODE_TAIL = re.compile(r"(?<=\(项\))\s*\(?2\d{6}\)?(?=\s*[。.]?\s*$)")
# The figures of a 项 named in an earlier sentence of the paragraph: "年初预算为…，支出决算为…"
FIGURES_ONLY = re.compile(r"^\s*(?:(?:年初|全年)?预算(?:数)?为|(?:支出)?决算(?:数)?为)")
# “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元 (Shanghai: 类-款-项 in quotes)
DASHED = re.compile(
    rf"""
    “(?P<path>[^”\d]+?-[^”\d]+?)”\s*科目\s*
    (?P<number>{numbers.NUMBER})\s*(?P<unit>万元|亿元|元)
    """,
    re.VERBOSE,
)


PrintedCodes = dict[tuple[str, str], str]
"""(parent code, loose name) -> the code the report's own coded tables print for that name."""


@dataclass
class Context:
    """The 类 and 款 a paragraph has named so far."""

    lei: tuple[str, str | None] | None = None
    kuan: tuple[str, str | None] | None = None
    findings: list[Finding] = field(default_factory=list)
    printed: PrintedCodes = field(default_factory=dict)
    phase: str | None = None
    """The report's phase: a 预算数 is a budget report's figure, never a final report's."""
    year: int | None = None
    """The report's year: "2023年预算数为300万元" in a 2024 budget is last year's, no figure of it."""


@dataclass(frozen=True)
class Piece:
    name: str
    marker: str | None


def loose_name(name: str) -> str:
    """A class name compared with the tables' printed names: without 的 and a trailing 支出 / 费
    (未归口管理行政单位离退休费 = 未归口管理的行政单位离退休, 其他人大事务 = 其他人大事务支出)."""
    return re.sub(r"(?:支出|费)+$", "", name.replace("的", "").replace("其它", "其他"))


def extract_function_classes(
    document: Document, printed: PrintedCodes | None = None, phase: str | None = None, year: int | None = None
) -> tuple[list[FunctionFigure], list[Finding]]:
    """``printed``: the codes the report's coded tables print (see loose_name), for the names of
    the narrative that the classification does not list; ``phase``: the report's."""
    printed = printed or {}
    sentences = list(body_sentences(document))
    lei_rows, findings = lei_figures(sentences, lambda sentence: scope_of_sentence(document, sentence.line.number, sentence.text))
    detail_rows: list[FunctionFigure] = []
    heading: Context | None = None
    named: Sentence | None = None  # a 项 named without figures, earlier in this paragraph
    lei_only: int | None = None  # the line whose 类 figure is the heading: it holds for that paragraph only
    for sentence in sentences:
        if TOP_HEADING.match(sentence.line.text) or (lei_only is not None and lei_only != sentence.line.number):
            heading, lei_only = None, None
        if named is not None and named.line.number != sentence.line.number:
            named = None
        if not MARKER.search(sentence.text):
            if named is not None and FIGURES_ONLY.match(sentence.text):
                sentence, named = with_figures(named, sentence), None
            else:
                continue
        elif not YUAN_FIGURE.search(sentence.text) and names_a_xiang(XIANG_CODE_TAIL.sub("", sentence.text)):
            named = sentence._replace(text=XIANG_CODE_TAIL.sub("", sentence.text))
        if YUAN_FIGURE.search(sentence.text):
            rows, found, context = detail_figures(sentence, heading, printed, phase, year)
            detail_rows.extend(rows)
            findings.extend(found)
            if not rows and context.kuan is not None:
                heading, lei_only = Context(context.lei, context.kuan, printed=printed, phase=phase, year=year), None  # "检察（款）：…合计…万元。其中："
            elif not rows and context.lei is not None:
                # "（一）社会保障和就业支出（类）8,810.00万元。其中：民政管理事务（款）行政运行（项）…": in this paragraph
                heading, lei_only = Context(context.lei, None, printed=printed, phase=phase, year=year), sentence.line.number
        else:
            heading = heading_context(sentence, printed) or heading
    dashed, found = dashed_figures(sentences, printed)
    coded = coded_figures(sentences, phase, year)
    return lei_rows + detail_rows + dashed + coded, findings + found


def coded_figures(sentences: list[Sentence], phase: str | None, year: int | None = None) -> list[FunctionFigure]:
    """The figures of the classes a clause names by printed code (see CODED): the code is the
    report's own; the 类 and 款 names come from the classification when it lists them."""
    names = classification.names_by_code()
    rows = []
    for sentence in sentences:
        for clause in clauses(sentence.text):
            text = NUMBERING.sub("", clause)
            coded = CODED.match(text) or CODED_BARE.match(text) or CODE_AFTER_NAME.match(text)
            if coded is None or MARKER.search(text[coded.end() :]) or (coded.re is not CODE_AFTER_NAME and MARKER.search(text)):
                continue
            tail = text[coded.end() :]
            budget = BUDGET_FIRST.match(tail)
            if budget:
                tail = tail[budget.end() :]
            match = TAIL.match(tail)
            if match is None or match["name"] or (match["planned"] and (phase != "budget" or other_years_plan(match, year))):
                continue
            stated = budget or BUDGET_AFTER.match(tail[match.end() :])
            code = coded["code"]
            level = classification.level_of(code)
            lei = names.get(code[:3])
            if level is None or lei is None:
                continue
            amount = numbers.to_yuan(match["number"], match["unit"])
            if amount is None:
                continue
            change, change_pct = numbers.first_change(tail[match.end() :]) if PRIOR_YEAR.search(clause) else (None, None)
            rows.append(
                FunctionFigure(
                    class_level=level,
                    class_name=lei,
                    kuan_name={"类": None, "款": coded["name"], "项": names.get(code[:5])}[level],
                    xiang_name=coded["name"] if level == "项" else None,
                    amount_yuan=amount,
                    evidence=sentence.line.evidence(clause_evidence(sentence, clause)),
                    class_code=code,
                    budget_yuan=numbers.to_yuan(stated["number"], stated["unit"]) if stated else None,
                    completion_pct=numbers.first_completion(clause),
                    prior_year_change_yuan=change,
                    prior_year_change_pct=change_pct,
                )
            )
    return rows


def names_a_xiang(text: str) -> bool:
    """The sentence is a 类 / 款 / 项 path and nothing else: "1、教育支出（类）普通教育（款）高等教育（项）。",
    or a 款 / 项 path under a 类 named on the line above ("（1）行政事业单位养老支出（款）事业单位离退休（项）。")."""
    pieces, tail = split_pieces(text)
    path = len(pieces) == 3 or (len(pieces) == 2 and pieces[0].marker == "款")
    return path and is_xiang_marker(pieces[-1]) and not tail.strip(" :：。")


def with_figures(named: Sentence, figures: Sentence) -> Sentence:
    """The 项's path and its figures as one sentence of the paragraph (evidence: both)."""
    path = named.text.rstrip(" 。.")
    return Sentence(figures.line, f"{path}：{figures.text}", f"{named.raw.rstrip()}…{figures.raw.lstrip()}")


def dashed_figures(sentences: list[Sentence], printed: PrintedCodes) -> tuple[list[FunctionFigure], list[Finding]]:
    """The 项 figures named 类-款-项 in quotes (see DASHED)."""
    rows: list[FunctionFigure] = []
    findings: list[Finding] = []
    for sentence in sentences:
        found = list(DASHED.finditer(sentence.text))
        for index, match in enumerate(found):
            names = [name.strip() for name in match["path"].split("-")]
            if len(names) not in (2, 3):
                continue
            levels = ("类", "款", "项")[: len(names)]
            context = Context(printed=printed)
            codes = []
            for name, level in zip(names, levels):
                code = resolve_code(Piece(name, None), level, context, sentence)
                codes.append(code)
                if level == "类":
                    context.lei = (name, code)
                elif level == "款":
                    context.kuan = (name, code)
            findings.extend(context.findings)
            # "…”科目2,850.00万元，比2020年预算增加120.00万元": the change of this 项, up to the next one
            tail = sentence.text[match.end() : found[index + 1].start() if index + 1 < len(found) else len(sentence.text)]
            tail = re.split(r"[;。]", tail)[0]
            change, change_pct = numbers.first_change(tail) if PRIOR_YEAR.search(tail) else (None, None)
            rows.append(
                FunctionFigure(
                    class_level=levels[-1],
                    class_name=names[0],
                    kuan_name=names[1],
                    xiang_name=names[2] if len(names) == 3 else None,
                    amount_yuan=numbers.to_yuan(match["number"], match["unit"]),
                    evidence=sentence.evidence,
                    class_code=codes[-1],
                    prior_year_change_yuan=change,
                    prior_year_change_pct=change_pct,
                )
            )
    return rows, findings


def heading_context(sentence: Sentence, printed: PrintedCodes) -> Context | None:
    """A heading that names a 类 (and maybe its 款) and no figure: "（一）一般公共服务支出（类）".
    The paragraphs under it name only their 款 and 项."""
    pieces, tail = split_pieces(sentence.text)
    if not pieces or len(pieces) > 2 or tail.strip(" :：。") or not is_lei(pieces[0]):
        return None
    context = Context(printed=printed)
    for piece, level in zip(pieces, ("类", "款")):
        code = resolve_code(piece, level, context, sentence)
        if level == "类":
            context.lei = (piece.name, code)
        else:
            context.kuan = (piece.name, code)
    context.findings = []
    return context


@cache
def lei_aliases() -> list[Alias]:
    aliases = []
    for name, code in classification.lei_names():
        aliases.append(Alias(code, name, name))
        aliases.append(Alias(code, name, f"{name}(类)"))
        if name.endswith("支出"):  # 教育(类), 农林水(类): the marker makes even a short name a 类's
            aliases.append(Alias(code, name, f"{name[: -len('支出')]}(类)"))
    return list(dict.fromkeys(aliases))


def lei_figures(sentences: list[Sentence], scope_of: Callable[[Sentence], str]) -> tuple[list[FunctionFigure], list[Finding]]:
    """The 类 figures, merged within each fund scope the sections name (``scope_of``): the 财政拨款
    section's 教育支出950万元 and the 一般公共预算 section's 教育支出（类）850万元 are two figures."""
    by_scope: dict[str, list] = {}
    for statement in statements(sentences, lei_aliases(), skip_listed=False, whole_names=True):
        by_scope.setdefault(scope_of(statement.sentence), []).append(statement)
    rows, findings = [], []
    for scope, found in by_scope.items():
        merged, conflicts = merge(found, "expenditure_by_function")
        findings += conflicts
        rows += lei_rows_of(merged, scope, findings)
    return rows, findings


def lei_rows_of(merged: list, scope: str, findings: list[Finding]) -> list[FunctionFigure]:
    rows = []
    for row in merged:
        values = row.values
        if values.get("amount_yuan") is None and values.get("amount_unitless") is not None:
            findings.append(unitless_finding(row.label, values["amount_unitless"], row.first_evidence))
        if values.get("amount_yuan") is None and values.get("share_pct") is None:
            continue
        rows.append(
            FunctionFigure(
                class_level="类",
                class_name=row.label,
                amount_yuan=values.get("amount_yuan"),
                evidence=row.joined_evidence(),
                class_code=row.code,
                share_pct=values.get("share_pct"),
                completion_pct=values.get("completion_pct"),
                prior_year_change_yuan=values.get("prior_year_change_yuan"),
                prior_year_change_pct=values.get("prior_year_change_pct"),
                fund_scope=scope,
            )
        )
    return rows


# "“教育支出（类）普通教育（款）小学教育（项）”科目16,400.00万元" (Shanghai 2018–2020): the closing
# quote and 科目 between the path and its figures
QUOTE_AND_KEMU = re.compile(r"^[”\"\s]*(?:科目)?")


def split_pieces(clause: str) -> tuple[list[Piece], str]:
    text = NUMBERING.sub("", clause)
    pieces, position = [], 0
    for match in MARKER.finditer(text):
        name = re.split(r"[:：,，]", text[position : match.start()])[-1].strip(" “”\"")
        pieces.append(Piece(name, match["marker"]))
        position = match.end()
    return pieces, QUOTE_AND_KEMU.sub("", text[position:])


def is_lei(piece: Piece) -> bool:
    marker = piece.marker or ""
    return marker == "类" or (marker.isdigit() and len(marker) == 3) or (
        classification.lookup(piece.name, None) is not None
    )


def detail_figures(
    sentence: Sentence, heading: Context | None = None, printed: PrintedCodes | None = None, phase: str | None = None, year: int | None = None
) -> tuple[list[FunctionFigure], list[Finding], Context]:
    """The 项 figures of a sentence, its findings and the 类 / 款 it ends with; ``heading``: the
    类 (and 款) a heading above it named."""
    lei, kuan = (heading.lei, heading.kuan) if heading else (None, None)
    context = Context(lei, kuan, printed=printed or {}, phase=phase, year=year)
    rows = []
    for clause in clauses(sentence.text):
        row = detail_clause(clause, sentence, context)
        if row is not None:
            rows.append(row)
    return rows, context.findings, context


def detail_clause(clause: str, sentence: Sentence, context: Context) -> FunctionFigure | None:
    text = NUMBERING.sub("", clause)
    after_name = CODE_AFTER_NAME.match(text)
    if after_name and not MARKER.search(text[after_name.end() :]):
        return None  # its code printed after its name: read by coded_figures
    pieces, tail = split_pieces(clause)
    budget = BUDGET_FIRST.match(tail)
    if budget:
        tail = tail[budget.end() :]
    match = TAIL.match(tail)
    scrambled = bool(match and match["name"] and pieces and pieces[-1].marker and is_xiang_marker(pieces[-1]))
    if not pieces and (match is None or not match["name"] or context.kuan is None or names_a_lei(match["name"]) or NO_CLASS_NAME.match(match["name"])):
        return None  # (a clause naming no class at all, "；支出预算500.00万元", is another statement of the one before)
    if match and match["name"] and not scrambled:
        pieces.append(Piece(match["name"].strip(), None))
    if scrambled:
        pieces = pieces[:-1]
        if not pieces:
            return garbled(clause, sentence, context)
    levels = assign_levels(pieces, context, sentence)
    if levels is None:
        return garbled(clause, sentence, context) if YUAN_FIGURE.search(clause) else None
    xiang = None
    for piece, level in zip(pieces, levels):
        code = resolve_code(piece, level, context, sentence)
        if level == "类":
            context.lei, context.kuan = (piece.name, code), None
        elif level == "款":
            context.kuan = (piece.name, code)
        else:
            xiang = (piece.name, code)
    if scrambled:
        return garbled(clause, sentence, context)
    if xiang is None or match is None:
        return None
    if match["planned"] and (context.phase != "budget" or other_years_plan(match, context.year)):
        return None  # a final report's 预算数 is its budget, not the figure (left to the tables); or another year's
    after = BUDGET_AFTER.match(tail[match.end() :]) if budget is None else None
    stated = budget or after
    budget_yuan = numbers.to_yuan(stated["number"], stated["unit"]) if stated else None
    return detail_row(match, clause, sentence, context, xiang, budget_yuan)


def misnamed_kuan(piece: Piece, context: Context) -> bool:
    """"行政事业单位离退休（类）" under 社会保障和就业支出: a 款 marked as a 类."""
    if piece.marker != "类" or context.lei is None or context.lei[1] is None:
        return False
    return classification.lookup(piece.name, None) is None and classification.lookup(piece.name, context.lei[1]) is not None


def names_a_lei(name: str) -> bool:
    """"农林水" + "支出0.06万元": a 类 figure in a structure sentence, read by lei_figures."""
    return classification.lookup(name, None) is not None or classification.lookup(f"{name}支出", None) is not None


def is_xiang_marker(piece: Piece) -> bool:
    """A marker that closes a 项 name: （项） or a printed 2-digit code after a 款."""
    return piece.marker == "项" or (piece.marker.isdigit() and not is_lei(piece))


def assign_levels(pieces: list[Piece], context: Context, sentence: Sentence) -> list[str] | None:
    """Levels by position: a clause that opens with a 类 reads 类/款/项; otherwise 款/项 or 项."""
    if misnamed_kuan(pieces[0], context):
        context.findings.append(
            Finding(
                "function_marker_inconsistent",
                "info",
                f"{pieces[0].name} is marked （类） but is a 款 of {context.lei[0]} in the classification; read as the 款",
                sentence.evidence,
            )
        )
        pieces[0] = Piece(pieces[0].name, "款")
    if is_lei(pieces[0]):
        if len(pieces) > 3:
            return None
        levels = ["类", "款", "项"][: len(pieces)]
        for piece, level in zip(pieces[1:], levels[1:]):
            if piece.marker in ("类", "款", "项") and piece.marker != level:
                context.findings.append(
                    Finding(
                        "function_marker_inconsistent",
                        "info",
                        f"{piece.name} is marked （{piece.marker}） where its position makes it a {level}",
                        sentence.evidence,
                    )
                )
        return levels
    if len(pieces) == 1 and pieces[0].marker == "款" and context.lei is not None:
        return ["款"]  # "检察（款）：2018年预算支出合计16,444.36万元": the 款 of the 项 that follow
    if len(pieces) > 2 or context.lei is None or (len(pieces) == 1 and context.kuan is None):
        return None
    return ["款", "项"][-len(pieces) :]


def resolve_code(piece: Piece, level: str, context: Context, sentence: Sentence) -> str | None:
    """Printed code (full, or relative to the parent's) first; else the name within its parent."""
    parent = None if level == "类" else (context.lei[1] if level == "款" else context.kuan[1])
    marker = piece.marker or ""
    if marker.isdigit():
        if len(marker) == classification.LEVELS[level]:
            return marker
        if len(marker) == 2 and parent is not None:
            return parent + marker
    if level != "类" and parent is None:
        return None
    code = classification.lookup(piece.name, parent)
    if code is None and level == "类" and marker == "类":  # 教育（类）: a 类 named without its 支出
        code = classification.lookup(f"{piece.name}支出", None)
    if code is None and (parent, loose_name(piece.name)) in context.printed:
        code = context.printed[(parent, loose_name(piece.name))]
        context.findings.append(
            Finding(
                "function_class_printed_apart",
                "info",
                f"{level} {piece.name} is not in the classification; the report's table prints it {code}",
                sentence.evidence,
            )
        )
    elif code is None:
        context.findings.append(
            Finding(
                "function_class_unknown",
                "warning",
                f"{level} {piece.name} is not in the functional classification list; it gets no code",
                sentence.evidence,
            )
        )
    return code


def other_years_plan(match: re.Match[str], year: int | None) -> bool:
    """Whether the 预算数 the figure is called names another year than the report's."""
    named = numbers.years_in(match["planned"])
    return bool(named) and year is not None and named[-1] != year


def detail_row(
    match: re.Match[str],
    clause: str,
    sentence: Sentence,
    context: Context,
    xiang: tuple[str, str | None],
    budget_yuan: Decimal | None,
) -> FunctionFigure | None:
    amount = numbers.to_yuan(match["number"], match["unit"])
    if amount is None:
        context.findings.append(unitless_finding(xiang[0], match["number"], sentence.evidence))
    change, change_pct = numbers.first_change(clause[match.end() :]) if PRIOR_YEAR.search(clause) else (None, None)
    return FunctionFigure(
        class_level="项",
        class_name=context.lei[0],
        kuan_name=context.kuan[0],
        xiang_name=xiang[0],
        amount_yuan=amount,
        evidence=sentence.line.evidence(clause_evidence(sentence, clause)),
        class_code=xiang[1],
        budget_yuan=budget_yuan,
        completion_pct=numbers.first_completion(clause),
        prior_year_change_yuan=change,
        prior_year_change_pct=change_pct,
    )


def clause_evidence(sentence: Sentence, clause: str) -> str:
    """The original text of one clause of the sentence (the whole sentence if it can't be cut)."""
    raw_clauses = re.split(r"[;；]", sentence.raw)
    normal = clauses(sentence.text)
    if len(raw_clauses) == len(normal) and clause in normal:
        return raw_clauses[normal.index(clause)].strip()
    return sentence.raw.strip()


def garbled(clause: str, sentence: Sentence, context: Context) -> None:
    context.findings.append(
        Finding(
            "function_line_garbled",
            "warning",
            f"cannot read a functional class figure with confidence from: {clause.strip()}",
            sentence.line.evidence(clause_evidence(sentence, clause)),
        )
    )
    return None
