"""三公 figures: a final report's figure is its 决算, never the budget stated beside it; the small
table of a stand-alone 三公 disclosure, read by its 预算数 / 决算数 columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.document import normalise
from extract.measures import read_measures
from extract.readers.text import parse_text
from extract.three_public import extract_three_public, rounding_of, table_phase


def doc(text: str):
    return parse_text(text, "inline.txt", "0" * 64)


def measures_after(label: str, sentence: str, final: bool):
    clause = normalise(sentence)
    return read_measures(clause[clause.index(label) + len(label) :], clause, final=final)


def test__read_measures__final_report_budget_then_final():
    measures = measures_after("“三公”经费", "“三公”经费支出预算为8万元，支出决算为6.4万元，完成预算的80%", final=True)
    assert (measures.amount_yuan, measures.budget_yuan, measures.completion_pct) == (
        Decimal("64000.00"), Decimal("80000.00"), Decimal("80"),
    )


def test__read_measures__final_report_budget_alone_is_no_amount():
    measures = measures_after("公务接待费", "公务接待费预算为3万元，主要用于接待上级检查。", final=True)
    assert (measures.amount_yuan, measures.budget_yuan) == (None, Decimal("30000.00"))


def test__read_measures__final_report_fund_name_is_no_budget():
    measures = measures_after("“三公”经费", "“三公”经费一般公共预算财政拨款支出6.4万元", final=True)
    assert measures.amount_yuan == Decimal("64000.00")


def test__read_measures__budget_report_budget_is_the_amount():
    measures = measures_after("“三公”经费", "2024年“三公”经费预算为8万元，比上年预算减少1万元", final=False)
    assert (measures.amount_yuan, measures.prior_year_change_yuan) == (Decimal("80000.00"), Decimal("-10000.00"))


def test__extract_three_public__budget_report_sentence_stays_a_budget_figure():
    document = doc("五、“三公”经费财政拨款预算安排情况说明\n2024年“三公”经费预算为8万元，比上年预算减少1万元。\n")
    (total,), findings = extract_three_public(document, "budget")
    assert (total.amount_yuan, total.budget_yuan, total.prior_year_change_yuan) == (Decimal("80000.00"), None, Decimal("-10000.00"))
    assert not findings


def test__extract_three_public__final_report_sentence_with_both_figures():
    document = doc("七、“三公”经费财政拨款支出决算情况说明\n2023年“三公”经费支出预算为8万元，支出决算为6.4万元，完成预算的80%。\n")
    (total,), _ = extract_three_public(document, "final")
    assert (total.amount_yuan, total.budget_yuan, total.completion_pct) == (Decimal("64000.00"), Decimal("80000.00"), Decimal("80"))


STANDALONE_TABLE = """阜宁县财政局2023年度一般公共预算财政拨款“三公”经费支出决算
单位：万元
项目\t预算数\t决算数
合计\t8.00\t6.40
因公出国（境）费\t0.00\t0.00
公务用车购置及运行维护费\t5.00\t4.20
其中：公务用车购置费\t0.00\t0.00
公务用车运行维护费\t5.00\t4.20
公务接待费\t3.00\t2.20
"""


def test__extract_three_public__standalone_table_by_column():
    figures, findings = extract_three_public(doc(STANDALONE_TABLE), "final", standalone=True)
    rows = {f.category: (f.amount_yuan, f.budget_yuan) for f in figures}
    assert rows == {
        "three_public_total": (Decimal("64000.00"), Decimal("80000.00")),
        "outbound_travel": (Decimal("0.00"), Decimal("0.00")),
        "official_vehicles": (Decimal("42000.00"), Decimal("50000.00")),
        "vehicle_purchase": (Decimal("0.00"), Decimal("0.00")),
        "vehicle_operation": (Decimal("42000.00"), Decimal("50000.00")),
        "official_reception": (Decimal("22000.00"), Decimal("30000.00")),
    }
    assert not findings
    assert figures[0].evidence.text == "合计\t8.00\t6.40" and figures[0].evidence.row == 2


def test__table_phase__a_final_column_or_budget_columns_only():
    assert table_phase(doc(STANDALONE_TABLE)) == "final"
    budget_only = "单位：万元\n项目\t本年预算数\t上年预算数\n合计\t8\t9\n公务接待费\t3\t4\n"
    assert table_phase(doc(budget_only)) == "budget"
    assert table_phase(doc("项目\t金额\n公务接待费\t3\n")) is None


def test__extract_three_public__standalone_budget_table_reads_the_prior_year():
    text = "单位：万元\n项目\t本年预算数\t上年预算数\n合计\t8\t9\n因公出国（境）费\t0\t0\n公务接待费\t3\t4\n"
    figures, _ = extract_three_public(doc(text), "budget", standalone=True)
    assert {f.category: (f.amount_yuan, f.prior_year_yuan, f.budget_yuan) for f in figures}["official_reception"] == (
        Decimal("30000.00"), Decimal("40000.00"), None,
    )


def test__extract_three_public__a_table_with_meeting_costs_has_no_three_public_total():
    """"三公”经费、会议费、培训费" tables: their 合计 counts 会议费 and 培训费 too."""
    text = "单位：万元\n项目\t预算数\t决算数\n合计\t20\t18\n公务接待费\t3\t2\n会议费\t10\t9\n培训费\t7\t7\n"
    figures, _ = extract_three_public(doc(text), "final", standalone=True)
    assert [f.category for f in figures] == ["official_reception"]


def test__extract_three_public__a_table_without_unit_loads_no_amount():
    text = "项目\t预算数\t决算数\n公务接待费\t3\t2\n"
    figures, findings = extract_three_public(doc(text), "final", standalone=True)
    assert figures == [] and {f.rule for f in findings} == {"amount_without_unit"}


def test__extract_three_public__prose_agreeing_with_its_table_within_rounding():
    text = "单位：元\n项目\t预算数\t决算数\n公务接待费\t30,000.00\t21,960.00\n公务接待费支出决算为2.2万元。\n"
    (reception,), findings = extract_three_public(doc(text), "final", standalone=True)
    assert reception.amount_yuan == Decimal("21960.00") and not findings


def test__extract_three_public__prose_contradicting_its_table_is_a_conflict():
    text = "单位：元\n项目\t预算数\t决算数\n公务接待费\t30,000.00\t21,960.00\n公务接待费支出决算为2.6万元。\n"
    (reception,), findings = extract_three_public(doc(text), "final", standalone=True)
    assert reception.amount_yuan is None and [f.rule for f in findings] == ["conflicting_statements"]


@pytest.mark.parametrize("value, half", [("64300", "50"), ("60000", "5000"), ("0", "0"), ("21960.5", "0.005")])
def test__rounding_of__the_coarsest_printed_unit(value, half):
    assert rounding_of(Decimal(value)) == Decimal(half)


def test__extract_document__a_three_public_budget_is_no_summary_item():
    """In a final report, "“三公”经费支出预算为8万元" is the 三公 budget, not 本年支出合计 (支出预算)."""
    from extract.report import extract_document

    text = (
        "阜宁县财政局\n2023年度部门决算\n七、“三公”经费财政拨款支出决算情况说明\n"
        "2023年“三公”经费支出预算为8万元，支出决算为6.4万元，完成预算的80%。\n"
    )
    report = extract_document(doc(text))
    assert report.summary_items == ()
    assert [(t.category, t.amount_yuan, t.budget_yuan) for t in report.three_public] == [
        ("three_public_total", Decimal("64000.00"), Decimal("80000.00")),
    ]


CHANGES_ON_BUDGET_AND_YEAR = """测试市检测中心2020年度部门决算
七、“三公”经费支出决算情况说明
2020年度一般公共预算财政拨款安排的“三公”经费支出决算总额为5.48万元，比预算增加0万元，比去年增加1.55万元，增长39.4%。其中，公务接待费支出决算比预算无增减变化，比去年增加0.5万元，增长50%。
"""


def test__three_public__a_change_on_the_budget_is_not_the_change_on_the_prior_year():
    """"比预算增加0万元，比去年增加1.55万元，增长39.4%": the change is +1.55万元 / 39.4%, and the
    一般公共预算财政拨款 that pays the 三公 is no statement of general_budget_expense."""
    from transform.pipeline import process_document

    result = process_document(parse_text(CHANGES_ON_BUDGET_AND_YEAR, "t.txt", "0" * 64))
    found = {t.category: (t.amount_yuan, t.prior_year_change_yuan, t.prior_year_change_pct) for t in result.three_public}
    assert found["three_public_total"] == (Decimal("54800.00"), Decimal("15500.00"), Decimal("39.4"))
    assert found["official_reception"] == (None, Decimal("5000.00"), Decimal("50"))
    assert result.summary_items == ()


COUNTS_AFTER_ANOTHER_LABEL = """测试县测试局2019年度部门决算
五、“三公”经费支出情况说明
2019年度“三公”经费财政拨款支出预算为44.52万元，2019年实际支出“三公经费”决算为22.62万元。其中公务接待费为20.10万元，占88.86%；公务用车运行维护费为2.52万元，占11.14%。无因公出国(境)人数，公务用车保有量为2辆，国内公务接待批次为520个，接待人次为4200人。
"""


def test__three_public__a_count_goes_to_the_category_it_can_belong_to():
    """The 2辆 after the 因公出国 label counts cars, not trips: it is no count of outbound travel,
    but of the cars held (公务用车保有量); "接待批次为520个" is 520 batches."""
    three, _ = extract_three_public(doc(COUNTS_AFTER_ANOTHER_LABEL), "final")
    found = {t.category: (t.amount_yuan, t.groups, t.persons, t.batches, t.vehicles) for t in three}
    assert "outbound_travel" not in found
    assert found["reception_domestic"] == (None, None, 4200, 520, None)
    assert found["three_public_total"][0] == Decimal("226200.00")
    assert found["official_vehicles"] == (None, None, None, None, 2)
    assert all(vehicles is None for category, (*_, vehicles) in found.items() if category != "official_vehicles")


PARENTHESISED_PARTS = """测试市测试局2019年部门预算
一、财政拨款安排的行政经费及“三公”经费预算情况：
2019年本部门财政拨款安排“三公”经费29万元，比上年增加0.5万元，增长1.75%，其中：因公出国（境）费0万元，较上年无增减；公务用车购置及运行费28万元（公务用车购置费0万元，公务用车运行维护费28万元），较上年无增减；公务接待费1万元，比上年增加0.5万元，增长100%。
"""


def test__three_public__unchanged_in_words_and_a_change_after_parenthesised_parts():
    """"较上年无增减" is a change of 0; after "（购置费…，运行维护费28万元）" it is said of the 公务用车
    total outside the parentheses, never of the last part inside them."""
    three, _ = extract_three_public(doc(PARENTHESISED_PARTS), "budget")
    found = {t.category: (t.amount_yuan, t.prior_year_change_yuan) for t in three}
    assert found["outbound_travel"] == (Decimal("0.00"), Decimal("0.00"))
    assert found["vehicle_operation"] == (Decimal("280000.00"), None)
    assert found["vehicle_purchase"] == (Decimal("0.00"), None)
    assert found["three_public_total"] == (Decimal("290000.00"), Decimal("5000.00"))
    assert found["official_reception"] == (Decimal("10000.00"), Decimal("5000.00"))
