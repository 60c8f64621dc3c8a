"""What a project's form gives, and the checks its own figures allow.

Targets form (budget):   budget_yuan = 年度资金总额 (or a 预算数 pair).
Self-evaluation form:    budget_yuan = 年度资金总额's 全年预算数, or its 年初预算数 when the form prints
                         no 全年预算数; executed_yuan = 全年执行数; completion_pct = 执行率;
                         score = the 总分 row's 得分 (the funds row's 得分 is only the budget-execution
                         part of it), never added up here.
The 其中 rows are checked, not loaded: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金 for each amount column
printed in full; 总分 = the funds row + every indicator, for 分值 and for 得分.
"""

from __future__ import annotations

from decimal import Decimal

from extract.project_tables.forms import TOTALS, Figure, ProjectForm
from extract.projects import Mention
from extract.project_tables.results import ProjectTables
from extract.records import Evidence, Finding

TABLE_PRIORITY = 0
"""extract.projects.Mention.priority of a table cell: its name is the one shown."""


def figure(form: ProjectForm, *keys: tuple[str, str]) -> Figure | None:
    return next((form.figures[key] for key in keys if key in form.figures), None)


def joined_evidence(figures: list[Figure | None], first: Evidence) -> Evidence:
    texts = [first.text] + [f.evidence.text for f in figures if f is not None]
    text = " … ".join(dict.fromkeys(texts))
    return Evidence(first.line_number, text, first.page, first.table, first.row)


def total(form: ProjectForm, *measures: str) -> Figure | None:
    """The first of ``measures`` the form prints for the year's total (else for 资金总额)."""
    return figure(form, *((source, measure) for source in TOTALS for measure in measures))


def mention(form: ProjectForm, refuted: frozenset[str] | set[str] = frozenset()) -> Mention:
    """The form's figures; a total that a 其中 row exceeds (``refuted``) is not one, nor its rate."""
    def unrefuted(*measures: str) -> tuple[str, ...]:
        return tuple(m for m in measures if m not in refuted)

    if form.family == "self_evaluation":
        budget = total(form, *unrefuted("budget_full", "amount", "budget_initial"))
        executed = total(form, *unrefuted("executed"))
        rate = total(form, "rate") if not refuted else None
    else:
        budget = total(form, *unrefuted("amount", "budget_full", "budget_initial"))
        executed = rate = None
    used = [budget, executed, rate, form.total_score]
    return Mention(
        form.project,
        joined_evidence(used, form.project_evidence),
        TABLE_PRIORITY,
        budget_yuan=budget.value if budget else None,
        executed_yuan=executed.value if executed else None,
        completion_pct=rate.value if rate else None,
        score=form.total_score.value if form.total_score else None,
    )


def half_unit_of(value: Decimal) -> Decimal:
    """Half a unit of the last digit of a number as printed (9.5 -> 0.05)."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def sum_finding(what: str, total: Figure, parts: list[Figure], unit: str) -> Finding | None:
    added = sum((part.value for part in parts), Decimal(0))
    tolerance = total.half_unit + sum((part.half_unit for part in parts), Decimal(0))
    if abs(added - total.value) <= tolerance:
        return None
    return Finding(
        "sum_mismatch",
        "error",
        f"{what}: the parts add up to {added} {unit}, the total is {total.value} {unit}",
        total.evidence,
        expected_value=total.value,
        actual_value=added,
    )


FUND_MEASURES = ("amount", "budget_initial", "budget_full", "executed")


def fund_checks(form: ProjectForm) -> tuple[list[Finding], set[str]]:
    """年度资金总额 against its 其中 rows, per amount column, when every part row printed a figure;
    and against any one part (a part larger than its total: "年度资金总额 0 | 其中：财政拨款 60").
    Returns the findings and the measures whose total is not loaded (a part exceeds it)."""
    found, refuted = [], set()
    parts_present = sorted({source for source, _ in form.figures} - set(TOTALS))
    for measure in FUND_MEASURES:
        whole = total(form, measure)
        parts = [form.figures.get((source, measure)) for source in parts_present]
        if whole is None or not parts:
            continue
        if None not in parts:
            check = sum_finding(f"project {form.project}: 年度资金总额 ({measure})", whole, parts, "yuan")
            found += [check] if check else []
        larger = [part for part in parts if part is not None and part.value > whole.value + whole.half_unit + part.half_unit]
        if larger:
            refuted.add(measure)
            if None in parts:
                found.append(part_exceeds(form, measure, whole, larger[0]))
    return found, refuted


def part_exceeds(form: ProjectForm, measure: str, whole: Figure, part: Figure) -> Finding:
    return Finding(
        "sum_mismatch",
        "error",
        f"project {form.project}: 年度资金总额 ({measure}) is {whole.value} yuan, less than one of its 其中 rows "
        f"({part.value} yuan); the total is not loaded",
        whole.evidence,
        expected_value=part.value,
        actual_value=whole.value,
    )


def score_checks(form: ProjectForm) -> list[Finding]:
    """总分 against the funds row and the indicators, for 分值 and for 得分."""
    found = []
    for name, printed in (("weight", form.total_weight), ("score", form.total_score)):
        values = [getattr(row, name) for row in form.indicators.rows]
        if printed is None or not values or None in values:
            continue
        funds = total(form, name)
        parts = [Figure(value, half_unit_of(value), printed.evidence) for value in values] + ([funds] if funds else [])
        check = sum_finding(f"project {form.project}: 总分 ({'分值' if name == 'weight' else '得分'})", printed, parts, "points")
        found += [check] if check else []
    return found


def close(form: ProjectForm) -> ProjectTables:
    """The form's project, indicators and findings; nothing but a finding when it names no project."""
    findings = list(form.indicators.findings)
    if form.project is None:
        evidence = next((f.evidence for f in form.figures.values()), None)
        if form.indicators.rows:
            evidence = evidence or form.indicators.rows[0].evidence
        if evidence is None:
            return ProjectTables(findings=tuple(findings))
        message = "a project table without a 项目名称 row: nothing in it is loaded"
        return ProjectTables(findings=(*findings, Finding("project_table_unreadable", "warning", message, evidence)))
    checked, refuted = fund_checks(form)
    findings += checked + score_checks(form)
    return ProjectTables((mention(form, refuted),), tuple(form.indicators.rows), tuple(findings))
