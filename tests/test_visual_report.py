"""`budget-etl report`: the page's sections rendered from data, and the whole page in a real
headless browser (Debian's chromium), with a screenshot in build/report.png."""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from pathlib import Path


from budget_etl import visual_report
from flows.ingest import run_ingest
from tests.conftest import REPORTS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "build" / "report.png"
log = logging.getLogger(__name__)


def test__three_public_section__bars_for_each_document():
    rows = [
        {"department": "某局", "fiscal_year": 2020, "phase": "final", "category": "three_public_total", "amount_yuan": Decimal("5000.00")},
        {"department": "某局", "fiscal_year": 2020, "phase": "final", "category": "official_reception", "amount_yuan": Decimal("5000.00")},
    ]
    html = visual_report.three_public_section(rows)
    assert "某局 2020 final" in html and html.count("<rect") == 4 and "0.50 万元" in html


def test__sections__say_so_when_empty():
    assert "No department has both" in visual_report.budget_vs_final_section([])
    assert "every check passed" in visual_report.findings_section([])


def test__findings_section__escapes_report_text():
    rows = [{"department": "<b>局</b>", "fiscal_year": 2020, "rule": "sum_mismatch", "severity": "error",
             "message": "a < b & c", "line_number": 3, "evidence": "<script>alert(1)</script>"}]
    html = visual_report.findings_section(rows)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test__report__renders_in_a_real_browser(engine, prefect_harness, tmp_path):
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make test`, whose set-up installs it"
    from playwright.sync_api import sync_playwright

    run_ingest([str(REPORTS)], runner="thread")
    out = tmp_path / "report.html"
    visual_report.write_report(engine, str(out))
    page_html = out.read_text(encoding="utf-8")
    assert not re.search(r"https?://", page_html), "the page must not reach the network"
    assert "攀枝花市西区政协" in page_html and "0.60 万元" in page_html
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(out.as_uri())
        charts = page.query_selector_all("svg.chart")
        boxes = [chart.bounding_box() for chart in charts]
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        browser.close()
    log.warning("screenshot of the report: %s", SCREENSHOT)
    assert not errors, errors
    assert len(charts) == 3, "三公, structure and project charts (budget vs final is empty on the samples)"
    assert all(box and box["width"] > 100 and box["height"] > 50 for box in boxes), boxes
