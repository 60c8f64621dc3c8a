"""三公经费: the total, its three categories and their parts, with counts.

Read from the 三公 section of the report (the whole text when it has no such heading):
    2020年“三公”经费财政拨款支出决算为0.50万元，完成预算100%，决算数与预算数持平。
    因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算0万元，占0%；…
    全年安排因公出国（境）团组0次，出国（境）0人。
    国内公务接待4批次，50人次，共计支出0.50万元
    22022年，“三公”经费财政拨款预算数0.5万元，其中：因公出国（境）经费0万元、公务接待费0.5万元…
"""

from __future__ import annotations

import re
from functools import cache

from extract.document import Document
from extract.labelled import Alias, merge, read_aliases, statements
from extract.numbers import MAPS
from extract.records import Finding, ThreePublicFigure
from extract.sections import section_lines
from extract.sentences import Sentence, body_sentences
from extract.units import unitless_finding

SECTION = re.compile(r"三公")


@cache
def category_aliases() -> list[Alias]:
    return read_aliases(MAPS / "three_public_categories.csv")


def section_sentences(document: Document) -> list[Sentence]:
    lines = section_lines(document, SECTION)
    wanted = None if lines is None else {line.number for line in lines}
    return [s for s in body_sentences(document) if wanted is None or s.line.number in wanted]


def extract_three_public(document: Document, phase: str) -> tuple[list[ThreePublicFigure], list[Finding]]:
    found = statements(section_sentences(document), category_aliases(), counts=True)
    merged, findings = merge(found, "three_public")
    figures = []
    for row in merged:
        values = row.values
        if values.get("amount_yuan") is None and values.get("amount_unitless") is not None:
            findings.append(unitless_finding(row.label, values["amount_unitless"], row.first_evidence))
        figures.append(
            ThreePublicFigure(
                category=row.code,
                category_label=row.label,
                amount_yuan=values.get("amount_yuan"),
                evidence=row.joined_evidence(),
                budget_yuan=None if phase == "budget" else values.get("budget_yuan"),
                share_pct=values.get("share_pct"),
                completion_pct=values.get("completion_pct"),
                prior_year_change_yuan=values.get("prior_year_change_yuan"),
                prior_year_change_pct=values.get("prior_year_change_pct"),
                groups=values.get("groups"),
                persons=values.get("persons"),
                batches=values.get("batches"),
                vehicles=values.get("vehicles"),
            )
        )
    return figures, findings
