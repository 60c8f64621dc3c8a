"""`budget-etl report`: one self-contained HTML page of charts read from the mart views.

Everything is inline (CSS and SVG, no script, no font or file from the network), so the page
opens anywhere. Queries return plain dicts; the render functions take those lists and return
HTML, so the drawing is tested without a database.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from html import escape

from sqlalchemy import Engine, text

PALETTE = ("#3366cc", "#dc7633", "#2e9e6a", "#8e44ad", "#c0392b", "#16a2b8", "#7f8c8d", "#b7950b")
THREE_PUBLIC = (
    ("three_public_total", "三公合计"),
    ("outbound_travel", "因公出国（境）"),
    ("official_vehicles", "公务用车"),
    ("official_reception", "公务接待"),
)
LABEL_CHARS = 24
"""Longer labels are cut with … (the whole label shows as a tooltip)."""
FONT = "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif"


def fetch(engine: Engine, sql: str) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(text(sql)).mappings()]


def report_data(engine: Engine) -> dict[str, list[dict]]:
    return {
        "three_public": fetch(
            engine,
            "select department, fiscal_year, phase, category, amount_yuan from mart.three_public "
            "where category in ('three_public_total','outbound_travel','official_vehicles','official_reception') "
            "order by department, fiscal_year, phase",
        ),
        "structure": fetch(
            engine,
            "select department, fiscal_year, phase, class_code, class_name, share_pct from mart.expenditure_structure "
            "order by department, fiscal_year, phase, share_pct desc",
        ),
        "projects": fetch(
            engine,
            "select department, fiscal_year, project, completion_pct, budget_yuan, executed_yuan "
            "from mart.project_performance order by department, project",
        ),
        "budget_vs_final": fetch(
            engine,
            "select canonical_department, fiscal_year, figure_name, budgeted_yuan, spent_yuan, execution_rate_pct "
            "from mart.budget_vs_final where figure_kind = 'summary_item' order by canonical_department, figure_name",
        ),
        "findings": fetch(
            engine,
            "select d.department, d.fiscal_year, f.rule, f.severity, f.message, f.line_number, f.evidence "
            "from etl.findings f join mart.documents d using (document_id) where d.is_current "
            "order by d.department, f.severity, f.rule",
        ),
    }


def wan(value: Decimal | None) -> str:
    return "—" if value is None else f"{Decimal(value) / 10000:,.2f}"


def bars_svg(labels: list[str], series: list[tuple[str, list[float | None]]], unit: str, reference: float | None = None) -> str:
    """Grouped horizontal bars: one group per label, one bar per series."""
    bar, gap, left, width = 14, 10, 330, 420
    group_height = bar * len(series) + gap
    height = group_height * len(labels) + 40
    top = max([v for _, values in series for v in values if v is not None] + [reference or 0, 1e-9])
    parts = [f'<svg class="chart" width="{left + width + 90}" height="{height}" role="img">']
    for index, label in enumerate(labels):
        y = 10 + index * group_height
        shown_label = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y + group_height / 2}" text-anchor="end" class="label">'
            f"<title>{escape(label)}</title>{escape(shown_label)}</text>"
        )
        for number, (name, values) in enumerate(series):
            value = values[index]
            length = 0 if value is None else max(1.0, width * value / top)
            bar_y = y + number * bar
            colour = PALETTE[number % len(PALETTE)]
            parts.append(f'<rect x="{left}" y="{bar_y}" width="{length:.1f}" height="{bar - 2}" fill="{colour}"><title>{escape(name)}: {value}</title></rect>')
            shown = "—" if value is None else f"{value:,.2f}{unit}"
            parts.append(f'<text x="{left + length + 4:.1f}" y="{bar_y + bar - 4}" class="value">{escape(shown)}</text>')
    if reference is not None:
        x = left + width * reference / top
        parts.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 26}" class="reference"/>')
    parts.append("</svg>")
    return "".join(parts)


def legend(names: list[str]) -> str:
    items = "".join(
        f'<span><i style="background:{PALETTE[i % len(PALETTE)]}"></i>{escape(name)}</span>' for i, name in enumerate(names)
    )
    return f'<div class="legend">{items}</div>'


def empty(message: str) -> str:
    return f'<p class="empty">{escape(message)}</p>'


def three_public_section(rows: list[dict]) -> str:
    if not rows:
        return empty("No 三公经费 figures are loaded yet.")
    keyed: dict[str, dict[str, float]] = defaultdict(dict)
    for row in rows:
        label = f"{row['department']} {row['fiscal_year']} {row['phase']}"
        if row["amount_yuan"] is not None:
            keyed[label][row["category"]] = float(row["amount_yuan"]) / 10000
    labels = sorted(keyed)
    series = [(name, [keyed[label].get(code) for label in labels]) for code, name in THREE_PUBLIC]
    return legend([name for _, name in THREE_PUBLIC]) + bars_svg(labels, series, " 万元")


def structure_section(rows: list[dict]) -> str:
    """One stacked bar (100%) per department and year, a segment per 类."""
    if not rows:
        return empty("No spending structure by 类 is loaded yet.")
    names: dict[str, str] = {}
    for row in rows:
        code = row["class_code"] or row["class_name"]
        names[code] = max(names.get(code, ""), row["class_name"], key=len)
    documents: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in rows:
        if row["share_pct"] is not None:
            name = names[row["class_code"] or row["class_name"]]
            documents[f"{row['department']} {row['fiscal_year']} {row['phase']}"].append((name, float(row["share_pct"])))
    classes = sorted({name for shares in documents.values() for name, _ in shares})
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(classes)}
    left, width, bar = 330, 420, 22
    parts = [f'<svg class="chart" width="{left + width + 20}" height="{len(documents) * (bar + 12) + 20}" role="img">']
    for index, (label, shares) in enumerate(sorted(documents.items())):
        y, x = 10 + index * (bar + 12), float(left)
        parts.append(f'<text x="{left - 8}" y="{y + bar - 6}" text-anchor="end" class="label">{escape(label)}</text>')
        for name, share in shares:
            length = width * share / 100
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{bar}" fill="{colour[name]}"><title>{escape(name)}: {share}%</title></rect>')
            if length > 34:
                parts.append(f'<text x="{x + 4:.1f}" y="{y + bar - 6}" class="inside">{share:.0f}%</text>')
            x += length
    parts.append("</svg>")
    return legend(classes) + "".join(parts)


def projects_section(rows: list[dict]) -> str:
    rows = [row for row in rows if row["completion_pct"] is not None]
    if not rows:
        return empty("No project states a completion rate yet.")
    labels = [f"{row['department']} · {row['project']}" for row in rows]
    values = [float(row["completion_pct"]) for row in rows]
    return bars_svg(labels, [("完成预算 %", values)], "%", reference=100.0) + '<p class="note">The line marks 100% of the budget.</p>'


def budget_vs_final_section(rows: list[dict]) -> str:
    if not rows:
        return empty("No department has both a budget and a final report for the same year yet.")
    labels = [f"{row['canonical_department']} {row['fiscal_year']} · {row['figure_name']}" for row in rows]
    budgeted = [None if r["budgeted_yuan"] is None else float(r["budgeted_yuan"]) / 10000 for r in rows]
    spent = [None if r["spent_yuan"] is None else float(r["spent_yuan"]) / 10000 for r in rows]
    return legend(["预算 (budget)", "决算 (final)"]) + bars_svg(labels, [("预算", budgeted), ("决算", spent)], " 万元")


def findings_section(rows: list[dict]) -> str:
    if not rows:
        return empty("No findings: every check passed.")
    head = "<tr><th>department</th><th>year</th><th>rule</th><th>severity</th><th>message</th><th>line</th><th>evidence</th></tr>"
    body = "".join(
        f"<tr class=\"{escape(r['severity'])}\"><td>{escape(r['department'] or '')}</td><td>{r['fiscal_year']}</td>"
        f"<td>{escape(r['rule'])}</td><td>{escape(r['severity'])}</td><td>{escape(r['message'])}</td>"
        f"<td>{r['line_number'] or ''}</td><td class=\"evidence\">{escape(r['evidence'] or '')}</td></tr>"
        for r in rows
    )
    return f'<table class="findings">{head}{body}</table>'


STYLE = f"""
body {{ font-family: {FONT}; margin: 24px 40px; color: #222; background: #fafafa; }}
h1 {{ font-size: 22px; }} h2 {{ font-size: 17px; margin-top: 32px; border-bottom: 1px solid #ddd; }}
section {{ background: #fff; padding: 12px 18px; border-radius: 6px; box-shadow: 0 1px 3px #0001; margin-bottom: 18px; }}
svg text {{ font-family: {FONT}; font-size: 12px; }} .label {{ fill: #333; }} .value {{ fill: #555; font-size: 11px; }}
.inside {{ fill: #fff; font-size: 11px; }} .reference {{ stroke: #c0392b; stroke-dasharray: 4 3; }}
.legend span {{ margin-right: 16px; font-size: 13px; }} .legend i {{ display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; }}
.empty, .note {{ color: #777; font-size: 13px; }}
table.findings {{ border-collapse: collapse; font-size: 12px; width: 100%; }}
table.findings td, table.findings th {{ border-bottom: 1px solid #eee; padding: 4px 6px; text-align: left; vertical-align: top; }}
tr.error td {{ background: #fdecea; }} tr.warning td {{ background: #fff8e1; }} td.evidence {{ color: #555; max-width: 520px; }}
"""


def render_page(data: dict[str, list[dict]]) -> str:
    sections = [
        ("三公经费 by department and year (万元)", three_public_section(data["three_public"])),
        ("Spending structure by 类 (share of the department's spending)", structure_section(data["structure"])),
        ("Project execution (完成预算 %)", projects_section(data["projects"])),
        ("Budget against final (预算 vs 决算, 万元)", budget_vs_final_section(data["budget_vs_final"])),
        ("Findings, with their evidence", findings_section(data["findings"])),
    ]
    body = "".join(f"<section><h2>{escape(title)}</h2>{content}</section>" for title, content in sections)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>Budget disclosures: what the reports say</title>"
        f"<style>{STYLE}</style></head><body><h1>Budget disclosures: what the reports say</h1>{body}</body></html>"
    )


def write_report(engine: Engine, out: str) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(render_page(report_data(engine)))
