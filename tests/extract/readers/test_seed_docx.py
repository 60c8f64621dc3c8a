"""The five seed reports as .docx (tests/extract/readers/seed_docx.py: prose as paragraphs, the
performance tables as Word tables with their merged cells) give the facts of their .txt: family
by family, every value and every evidence text; only line numbers differ (a table row is one
line in Word, a cell is one line in the export)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extract.metadata import name_in_table_cell
from extract.readers import read_document
from extract.tables import read_performance_tables
from tests.conftest import REPORTS
from tests.extract.readers.seed_docx import seed_as_docx
from transform.contract import FAMILIES, contract_dict
from transform.pipeline import process_report

SEEDS = sorted(path.stem for path in REPORTS.glob("*.txt"))
POSITIONS = {"line_number", "page_number", "table_number", "row_number", "source_path", "sha256"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("seed_docx")


@cache
def converted(seed: str, folder: Path) -> Path:
    path = folder / f"{seed}.docx"
    path.write_bytes(seed_as_docx(REPORTS / f"{seed}.txt"))
    return path


def without_positions(rows: list[dict]) -> list[dict]:
    return [{key: value for key, value in row.items() if key not in POSITIONS} for row in rows]


@pytest.mark.parametrize("seed", SEEDS)
def test__process_report__a_seed_as_docx_gives_the_facts_of_its_text(seed, folder):
    text = contract_dict(process_report(REPORTS / f"{seed}.txt"))
    word = contract_dict(process_report(converted(seed, folder)))
    assert without_positions([word["document"]]) == without_positions([text["document"]])
    for family in (*FAMILIES, "findings"):
        assert without_positions(word[family]) == without_positions(text[family]), family


@pytest.mark.parametrize("seed", SEEDS)
def test__read_performance_tables__from_word_tables_as_from_the_cell_lines(seed, folder):
    document = read_document(converted(seed, folder))
    assert not any(line.is_cell and line.table is None for line in document.lines)
    from_word = read_performance_tables(document)
    from_text = read_performance_tables(read_document(REPORTS / f"{seed}.txt"))
    assert len(document.tables) == len(from_word) == len(from_text)
    assert [(t.project_names, t.department, t.budget_yuan, t.executed_yuan, len(t.rows)) for t in from_word] == [
        (t.project_names, t.department, t.budget_yuan, t.executed_yuan, len(t.rows)) for t in from_text
    ]


def test__name_in_table_cell__the_budget_unit_cell_of_a_word_table(folder):
    document = read_document(converted("001_5bad65b3efb8bad8", folder))
    assert name_in_table_cell(document) == "攀枝花市西区政协"
    line = next(line for line in document.lines if line.text.startswith("预算单位"))
    assert line.table == 1 and line.text.split("\t")[:2] == ["预算单位", "攀枝花市西区政协"]
