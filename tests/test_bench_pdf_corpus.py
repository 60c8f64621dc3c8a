"""The benchmark's PDF corpus: copies of the published PDFs that hash apart and say the same."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

from bench.corpus import PUBLISHED, build_pdf_corpus
from extract.readers import read_document

SOURCES = sorted(PUBLISHED.glob("*.pdf"))


def page_texts(path: Path) -> list[str]:
    """Every page's plain text, as pdfium extracts it."""
    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def test__build_pdf_corpus__copies_hash_apart_and_read_the_same_text(tmp_path):
    paths = build_pdf_corpus(tmp_path, 2 * len(SOURCES))
    assert len(SOURCES) == 12
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}) == len(paths)
    for index, path in enumerate(paths[: len(SOURCES)]):
        source = SOURCES[index]
        assert path.name.endswith(source.name)
        assert page_texts(path) == page_texts(source)


def test__build_pdf_corpus__the_reader_reads_a_copy_as_its_original(tmp_path):
    """A linearized file among them: its /L, the file's length, no longer matches a copy's."""
    linearized = [s for s in SOURCES if b"/Linearized" in s.read_bytes()[:1024]]
    assert linearized
    chosen = [min(linearized, key=lambda s: s.stat().st_size), SOURCES[-2]]
    paths = build_pdf_corpus(tmp_path, len(SOURCES), sources=SOURCES)
    for source in chosen:
        (copy,) = [p for p in paths if p.name.endswith(source.name)]
        original, copied = read_document(source), read_document(copy)
        assert copied.sha256 != original.sha256
        assert replace(copied, path=original.path, sha256=original.sha256) == original


def test__build_pdf_corpus__reuses_copies_already_there(tmp_path):
    first = build_pdf_corpus(tmp_path, 3)
    stamps = [p.stat().st_mtime_ns for p in first]
    again = build_pdf_corpus(tmp_path, 3)
    assert again == first and [p.stat().st_mtime_ns for p in again] == stamps
