"""Readers: one per published format, each turning a file's bytes into the same Document.

The format is told by the content (magic bytes), not by the file's name, in one place here:

    %PDF-                       pdf
    PK\\x03\\x04 + word/          docx      (a zip: Office Open XML)
    PK\\x03\\x04 + xl/            xlsx
    \\xd0\\xcf\\x11\\xe0 (OLE2)      doc / xls / wps / et: Word 97 and Excel 97 files, Kingsoft's
                                too; .xls is read, the others are refused with what to do
    anything else               text (UTF-8 or GB18030, else refused as binary)

A file named .pdf that holds no PDF is refused rather than read as text: a download that saved an
error page, or a truncated file, must not pass for a report.
"""

from __future__ import annotations

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


def sniff(data: bytes, path: str) -> str:
    """The format of a file from its first bytes: pdf, docx, xlsx, ole2 or text."""
    if PDF_MAGIC in data[:PDF_MAGIC_WITHIN]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return zip_format(data, path)
    if data.startswith(OLE2_MAGIC):
        return "ole2"
    return "text"


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
    from extract.readers.text import read_text

    return read_text


def read_bytes(data: bytes, path: str) -> Document:
    """A report's bytes as a Document. Raises UnreadableReport with the reason."""
    if not data.strip():
        raise UnreadableReport(path, "the file is empty")
    kind = sniff(data, path)
    if kind != "pdf" and path.lower().endswith(".pdf"):
        raise UnreadableReport(path, "the file is named .pdf but is no PDF (it has no %PDF- header): damaged or misnamed")
    return reader_for(kind)(data, path, sha256_of(data))


def read_document(path: str | Path) -> Document:
    """Read one report file, whatever its format. Raises UnreadableReport with the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableReport(str(path), f"cannot read the file: {error.strerror or error}") from error
    return read_bytes(data, str(path))
