"""Word and Excel files laid out as published, made from composed reports (tests/reports/office/,
see its README): each gives the figures of its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.composed import extracted, figures_of

HERE = Path(__file__).resolve().parents[2] / "reports" / "office"
FILES = sorted(p for p in HERE.iterdir() if p.suffix in (".docx", ".xlsx", ".xls"))


def figures(path: Path) -> tuple[tuple, set[tuple]]:
    report = extracted(path)
    return (report.document.department, report.document.fiscal_year, report.document.phase), figures_of(report)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test__office_layout__gives_the_figures_of_its_text(path):
    text = path.with_name(path.name.split(".")[0] + ".txt")
    document, rows = figures(path)
    assert (document, rows) == figures(text)
    assert rows
