"""Readers: one per published format, each turning a file's bytes into the same Document.

The format is told by the content (magic bytes), not by the file's name, in one place here:

    %PDF-                       pdf
    PK\\x03\\x04 + word/          docx      (a zip: Office Open XML)
    PK\\x03\\x04 + xl/            xlsx
    \\xd0\\xcf\\x11\\xe0 (OLE2)      doc / xls / wps / et: Word 97 and Excel 97 files, Kingsoft's
                                too; .xls is read, the others are refused with what to do
    <!DOCTYPE html, <html …     html      (markup first, and a doctype or an html, head, body,
                                table or meta tag in the first KB)
    anything else               text (UTF-8, UTF-16/32 with a BOM, or GB18030; else refused as binary)

A file named .pdf that holds no PDF is refused rather than read as text: a download that saved an
error page, or a truncated file, must not pass for a report.
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from extract.document import Document, sha256_of
from extract.errors import UnreadableReport

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC_WITHIN = 1024
"""A PDF may start with up to this many bytes of junk before %PDF- (readers accept it too)."""
HTML_MARKUP = re.compile(rb"<!doctype\s+html|<(?:html|head|body|table|meta)[\s/>]", re.IGNORECASE)
HTML_MARKUP_WITHIN = 1024


def sniff(data: bytes, path: str) -> str:
    """The format of a file from its first bytes: pdf, docx, xlsx, ole2, html or text."""
    if PDF_MAGIC in data[:PDF_MAGIC_WITHIN]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return zip_format(data, path)
    if data.startswith(OLE2_MAGIC):
        return "ole2"
    if is_html(data):
        return "html"
    return "text"


def is_html(data: bytes) -> bool:
    """A web page: it starts with markup (after a BOM and whitespace) and shows an HTML tag near
    the start; a text report that merely mentions <table> further down is still text."""
    head = data[:HTML_MARKUP_WITHIN].removeprefix(codecs.BOM_UTF8).lstrip()
    return head.startswith(b"<") and HTML_MARKUP.search(head) is not None


def zip_format(data: bytes, path: str) -> str:
    try:
        names = zipfile.ZipFile(BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableReport(path, f"the file is a damaged zip archive ({error}), not a readable report") from error
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    raise UnreadableReport(path, "the file is a zip archive but neither a Word (.docx) nor an Excel (.xlsx) file")


def reader_for(kind: str) -> Callable[[bytes, str, str], Document]:
    """The reader of a format (imported when first needed: a text run loads no PDF library)."""
    if kind == "pdf":
        from extract.readers.pdf import read_pdf

        return read_pdf
    if kind == "docx":
        from extract.readers.docx import read_docx

        return read_docx
    if kind == "xlsx":
        from extract.readers.xlsx import read_xlsx

        return read_xlsx
    if kind == "ole2":
        from extract.readers.ole2 import read_ole2

        return read_ole2
    if kind == "html":
        from extract.readers.html import read_html

        return read_html
    from extract.readers.text import read_text

    return read_text


FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "ole2": "Word 97 / Excel 97 (OLE2)", "html": "HTML"}


def read_bytes(data: bytes, path: str) -> Document:
    """A report's bytes as a Document. Raises UnreadableReport with the reason."""
    if not data.strip():
        raise UnreadableReport(path, "the file is empty")
    kind = sniff(data, path)
    if kind != "pdf" and path.lower().endswith(".pdf"):
        raise UnreadableReport(path, "the file is named .pdf but is no PDF (it has no %PDF- header): damaged or misnamed")
    try:
        reader = reader_for(kind)
    except ModuleNotFoundError as error:
        name = FORMAT_NAMES.get(kind, kind)
        article = "an" if name[0] in "AEIOU" else "a"
        raise UnreadableReport(path, f"{article} {name} file, and no reader for {name} files is installed ({error.name})") from error
    return reader(data, path, sha256_of(data))


def too_large(size: int, max_bytes: int) -> str:
    """Why a file over the size limit is not read (the limit is BUDGET_ETL_MAX_FILE_MB)."""
    return f"the file is {megabytes(size)} MB, over the limit of {megabytes(max_bytes)} MB (BUDGET_ETL_MAX_FILE_MB)"


def megabytes(size: int) -> str:
    """200.0, 2.9, 0.14: MB (2^20 bytes) to three significant digits at most."""
    value = size / 2**20
    return f"{value:,.1f}" if value >= 1 else f"{float(f'{value:.2g}'):g}"


def read_document(path: str | Path, max_bytes: int | None = None) -> Document:
    """Read one report file, whatever its format. Raises UnreadableReport with the reason; a
    file larger than ``max_bytes`` is refused before it is read."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise UnreadableReport(str(path), too_large(size, max_bytes))
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableReport(str(path), f"cannot read the file: {error.strerror or error}") from error
    if max_bytes is not None and len(data) > max_bytes:  # it grew since
        raise UnreadableReport(str(path), too_large(len(data), max_bytes))
    return read_bytes(data, str(path))
