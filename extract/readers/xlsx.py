"""Excel workbooks (.xlsx): each visible sheet as lines and one table (see extract.readers.sheets).

openpyxl in its normal mode: read-only mode streams, but hides merged ranges, and measured on a
20-sheet workbook of 10,000 formatted cells both take about a quarter of a second. Formula cells
give the value Excel cached when it last saved the file; a cached error (#REF!, #DIV/0!) is an
empty cell and a ``sheet_formula_error`` finding. Numbers and dates print as their number format
shows them (extract.readers.number_formats). Hidden sheets are skipped.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from datetime import date, datetime, time, timedelta
from io import BytesIO

from extract.document import Document, DocumentBuilder
from extract.errors import UnreadableReport
from extract.readers.number_formats import format_date, format_number
from extract.readers.sheets import Sheet, add_sheet

DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, IndexError, ValueError, TypeError, SyntaxError)
"""What openpyxl raises on a damaged workbook (SyntaxError: the XML parsers' errors)."""


def read_xlsx(data: bytes, path: str, sha256: str) -> Document:
    workbook = open_workbook(data, path)
    builder = DocumentBuilder(path, sha256, "xlsx")
    for worksheet in workbook.worksheets:
        if worksheet.sheet_state == "visible":
            add_sheet(builder, read_sheet(worksheet))
    return builder.build()


def open_workbook(data: bytes, path: str):
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # extensions openpyxl does not support
            return openpyxl.load_workbook(BytesIO(data), data_only=True, keep_links=False)
    except DAMAGED as error:
        raise UnreadableReport(path, f"the Excel workbook is damaged ({type(error).__name__}: {error})") from error


def read_sheet(worksheet) -> Sheet:
    texts, errors = {}, {}
    for row in worksheet.iter_rows():
        for item in row:
            if item.value is None:
                continue
            position = (item.row - 1, item.column - 1)
            if item.data_type == "e":
                errors[position] = str(item.value)
                continue
            text = printed(item.value, item.number_format)
            if text.strip():
                texts[position] = text
    merges = tuple((m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in worksheet.merged_cells.ranges)
    return Sheet(worksheet.title, texts, merges, errors)


def printed(value, number_format: str | None) -> str:
    """A cell's value as the sheet prints it."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    if isinstance(value, (datetime, date, time, timedelta)):
        return format_date(value, number_format)
    return str(value)
