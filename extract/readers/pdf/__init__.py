"""Text PDFs into the Document: lines in reading order, ruled tables as rows of cells.

The steps, one module each:

    pages         pdfium → each page's glyphs (character + box), ruling lines, images
    lines         glyphs → lines (by vertical centre, left to right; gaps as spaces)
    grid, tables  ruling lines → grids → rows of cells, merged cells resolved
    aligned       tables ruled only horizontally → columns where words line up unambiguously
    furniture     page numbers, running headers and footers dropped
    continuation  a table continued on the next page joined into one
    prose         lines that continue a sentence joined into one

pypdfium2 (PDFium; Apache-2.0 / BSD-3) reads the file: the project is MIT-licensed, which rules
out PyMuPDF (AGPL-3.0); pdfplumber is far too slow for a nightly run. A page without a text
layer (a scan) or with glyphs that map to no Unicode value gives a finding naming the page:
nothing is guessed from it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pypdfium2 as pdfium

from extract.document import Document, DocumentBuilder
from extract.errors import UnreadableReport
from extract.readers.pdf.blocks import Block, PageTable
from extract.readers.pdf.continuation import join_continued
from extract.readers.pdf.furniture import drop_furniture
from extract.readers.pdf.pages import close_pdf, open_pdf, read_page
from extract.readers.pdf.prose import join_prose
from extract.readers.pdf.tables import page_layout
from extract.records import Evidence, Finding

logger = logging.getLogger(__name__)

NO_TEXT = "the PDF has no text layer (scanned pages?): nothing can be read without OCR"


@dataclass(frozen=True)
class ReadPage:
    """A page as laid out, and what its findings need (its glyphs are not kept: memory stays flat)."""

    number: int
    width: float
    height: float
    blocks: list[Block]
    glyphs: int
    images: int
    unmapped: int


def read_pages(data: bytes, path: str) -> list[ReadPage]:
    """Every page, read and laid out; pdfium's errors become UnreadableReport."""
    pdf, count = open_pdf(data, path)
    try:
        pages = []
        for index in range(count):
            content = read_page(pdf, index)
            blocks = page_layout(content)
            pages.append(ReadPage(content.number, content.width, content.height, blocks, len(content.glyphs), content.images, content.unmapped))
        return pages
    except pdfium.PdfiumError as error:
        raise UnreadableReport(path, f"the PDF is damaged and cannot be read: {error}") from error
    finally:
        close_pdf(pdf)


def page_findings(page: ReadPage, line_number: int) -> list[Finding]:
    """A scanned page, or glyphs without Unicode, as findings naming the page."""
    findings = []
    if page.glyphs == 0 and page.images:
        message = f"page {page.number} has no text layer (a scanned image?): nothing on it is read"
        findings.append(Finding("pdf_page_without_text", "warning", message, Evidence(line_number, f"page {page.number}", page.number)))
    if page.unmapped:
        message = (
            f"page {page.number}: {page.unmapped} characters map to no Unicode value; they read as \ufffd "
            "and no figure is read through them"
        )
        findings.append(Finding("pdf_unmapped_glyphs", "warning", message, Evidence(line_number, f"page {page.number}", page.number)))
    return findings


def add_block(builder: DocumentBuilder, block: Block, page: int) -> None:
    """A line, or a table without its empty rows (dropped here, with their pages: the builder
    would drop the rows and keep the pages, misaligned)."""
    if isinstance(block, PageTable):
        kept = [(list(row), row_page) for row, row_page in zip(block.rows, block.pages) if any(c.text for c in row)]
        if kept:
            builder.add_table([row for row, _ in kept], pages=[row_page for _, row_page in kept])
    else:
        builder.add_line(block.text, page=page)


def read_pdf(data: bytes, path: str, sha256: str) -> Document:
    """A text PDF as a Document. Raises UnreadableReport when it cannot be opened or has no text."""
    pages = read_pages(data, path)
    if not any(page.glyphs for page in pages):
        raise UnreadableReport(path, NO_TEXT)
    laid_out = join_continued(drop_furniture([(page.blocks, page.height) for page in pages]))
    builder = DocumentBuilder(path, sha256, "pdf")
    pending = [page for page in pages if (page.glyphs == 0 and page.images) or page.unmapped]
    for block, number in join_prose(laid_out, [page.width for page in pages]):
        while pending and pending[0].number <= number:
            builder.findings.extend(page_findings(pending.pop(0), len(builder.lines) + 1))
        add_block(builder, block, number)
    for page in pending:
        builder.findings.extend(page_findings(page, max(len(builder.lines), 1)))
    document = builder.build()
    logger.debug("%s: %d pages, %d lines, %d tables, %d findings", path, len(pages), len(document.lines), len(document.tables), len(document.findings))
    return document
