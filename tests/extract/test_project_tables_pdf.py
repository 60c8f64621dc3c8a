"""A PDF of a project table gives what its tab-separated rendering gives.

Two composed reports are also written as HTML with ruled tables and rowspan / colspan merges
(tests/reports/projects/*.html, printed with print.css), printed to PDF by Debian's chromium, and
read back by the PDF reader: merged cells come back repeated and marked, label columns merged
down the form, the title and the unit as lines above the table. Their figures, indicators and
findings must be those of the text renderings, whose expected values test_project_tables.py
holds (written by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.contract import contract_dict
from transform.pipeline import process_report

HERE = Path(__file__).resolve().parents[1] / "reports" / "projects"
CHROMIUM = Path("/usr/bin/chromium")
POSITION = ("line_number", "page_number", "table_number", "row_number", "evidence")


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Each HTML rendering printed to PDF, as a department's office would publish it."""
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make test`, whose set-up installs it"
    from playwright.sync_api import sync_playwright

    out = tmp_path_factory.mktemp("pdf")
    pdfs = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        page = browser.new_page()
        for html in sorted(HERE.glob("*.html")):
            page.goto(html.as_uri())
            pdfs[html.stem] = out / f"{html.stem}.pdf"
            page.pdf(path=str(pdfs[html.stem]), prefer_css_page_size=True)
        browser.close()
    return pdfs


def without_position(rows: list[dict]) -> list[dict]:
    return [{key: value for key, value in row.items() if key not in POSITION} for row in rows]


@pytest.mark.parametrize("name", ["shanghai_targets_budget", "self_evaluation_final"])
def test__pdf__the_same_projects_indicators_and_findings_as_the_text(printed, name):
    from_pdf = contract_dict(process_report(printed[name]))
    from_text = contract_dict(process_report(HERE / f"{name}.txt"))
    for family in ("project_performance", "performance_indicators"):
        assert without_position(from_pdf[family]) == without_position(from_text[family]), family
    assert sorted(f["rule"] for f in from_pdf["findings"]) == sorted(f["rule"] for f in from_text["findings"])
    assert from_pdf["performance_indicators"], "the tables were read"
