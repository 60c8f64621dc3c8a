"""Excel 97-2003 workbooks (.xls, BIFF8): each visible sheet as lines and one table.

xlrd reads them (only them: xlrd 2 reads no .xlsx), with ``formatting_info`` for the merged
ranges and the number formats. A cell holding an error (#REF!) is empty, with a
``sheet_formula_error`` finding. See extract.readers.sheets for the layout.
"""

from __future__ import annotations

import struct

from extract.document import Document, DocumentBuilder
from extract.errors import UnreadableReport
from extract.readers.number_formats import format_date, format_number
from extract.readers.sheets import SAVE_AS_XLSX, Sheet, add_sheet


def read_xls(data: bytes, path: str, sha256: str) -> Document:
    book = open_book(data, path)
    builder = DocumentBuilder(path, sha256, "xls")
    for sheet in book.sheets():
        if sheet.visibility == 0:
            add_sheet(builder, read_sheet(book, sheet))
    return builder.build()


def open_book(data: bytes, path: str):
    import xlrd
    from xlrd.compdoc import CompDocError

    damaged = (xlrd.XLRDError, CompDocError, struct.error, AssertionError, IndexError, KeyError, ValueError, UnicodeDecodeError)
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=NullLog(), on_demand=False)
    except damaged as error:
        reason = f"the Excel 97-2003 workbook cannot be read ({type(error).__name__}: {error}): {SAVE_AS_XLSX}"
        raise UnreadableReport(path, reason) from error


class NullLog:
    """xlrd's log file: it writes warnings about records it skips to stdout otherwise."""

    def write(self, text: str) -> None:
        pass


def read_sheet(book, sheet) -> Sheet:
    import xlrd

    texts, errors = {}, {}
    hidden_columns = {column for column, info in sheet.colinfo_map.items() if info.hidden}
    hidden_rows = {row for row, info in sheet.rowinfo_map.items() if info.hidden}
    for row in range(sheet.nrows):
        if row in hidden_rows:  # a hidden row or column prints nothing: not part of the table
            continue
        for column, item in enumerate(sheet.row(row)):
            if column in hidden_columns or item.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            if item.ctype == xlrd.XL_CELL_ERROR:
                errors[(row, column)] = xlrd.error_text_from_code.get(item.value, "#ERROR")
                continue
            text = printed(book, item)
            if text.strip():
                texts[(row, column)] = text
    merges = tuple((top, left, bottom - 1, right - 1) for top, bottom, left, right in sheet.merged_cells)
    return Sheet(sheet.name, texts, merges, errors)


def printed(book, item) -> str:
    import xlrd

    number_format = format_string(book, item.xf_index)
    if item.ctype == xlrd.XL_CELL_NUMBER:
        return format_number(item.value, number_format)
    if item.ctype == xlrd.XL_CELL_DATE:
        try:
            return format_date(xlrd.xldate.xldate_as_datetime(item.value, book.datemode), number_format)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return format_number(item.value, "General")
    if item.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if item.value else "FALSE"
    return str(item.value)


def format_string(book, xf_index: int) -> str:
    """The number format of a cell's style (General when the file does not say)."""
    try:
        return book.format_map[book.xf_list[xf_index].format_key].format_str
    except (IndexError, KeyError):
        return "General"
