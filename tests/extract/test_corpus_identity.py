"""The identity of every published PDF of tests/corpus against the `document` block written by hand
in tests/expected/corpus/*.json, field by field (department, region, fiscal_year, phase,
report_scope). A two-file report's files each give that identity and pair (same_report). The
template loads nothing and says why. Runs once the PDF reader is installed."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

pytest.importorskip("extract.readers.pdf", reason="the PDF reader (branch pdf-reader) is not in this tree yet")

from extract.errors import UnreadableReport  # noqa: E402
from extract.metadata import read_metadata, same_report  # noqa: E402
from extract.readers import read_document  # noqa: E402
from extract.records import DocumentInfo  # noqa: E402
from extract.report import document_info, extract_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
EXPECTED = sorted((ROOT / "tests" / "expected" / "corpus").glob("*.json"))
FIELDS = ("department", "region", "fiscal_year", "phase", "report_scope")
PRINTED_SHORT = {"jiangsu-party-committee-office-2017-budget.pdf": "江苏省委办公厅"}
"""Files whose text prints only a short name of the department: the 说明 of 中共江苏省委办公厅
says "江苏省委办公厅" on its cover and nowhere "中国共产党江苏省委员会办公厅" (its 公开表 does)."""


@cache
def expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def identity(name: str) -> DocumentInfo:
    document = read_document(CORPUS / name)
    metadata, _ = read_metadata(document)
    return document_info(document, metadata)


def cases() -> list[tuple[str, str]]:
    return [(path.name, name) for path in EXPECTED for name in expected(path)["files"]]


@pytest.mark.parametrize("expected_file, name", cases())
def test__corpus__identity_field_by_field(expected_file, name):
    wanted = dict(expected(ROOT / "tests" / "expected" / "corpus" / expected_file)["document"])
    wanted["department"] = PRINTED_SHORT.get(name, wanted["department"])
    actual = identity(name)
    assert {field: getattr(actual, field) for field in FIELDS} == {field: wanted[field] for field in FIELDS}


@pytest.mark.parametrize("expected_file", [path.name for path in EXPECTED if len(expected(path)["files"]) == 2])
def test__corpus__two_files_are_one_report(expected_file):
    first, second = expected(ROOT / "tests" / "expected" / "corpus" / expected_file)["files"]
    assert same_report(identity(first), identity(second))


def test__corpus__the_template_loads_nothing_and_says_why():
    with pytest.raises(UnreadableReport, match=r"a template: its department is a placeholder \(XX\); nothing to load"):
        extract_document(read_document(CORPUS / "template-department-final-accounts.pdf"))
