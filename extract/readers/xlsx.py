"""Excel workbooks (.xlsx): each visible sheet as lines and one table (see extract.readers.sheets).

openpyxl reads the cells in read-only mode, which streams them; its normal mode gives merged
ranges, but pays for them cell by cell: a title merged across a whole row (A1:XFD1) costs it a
second, and on ordinary workbooks (20 sheets, 10,000 formatted cells: about 0.25 s) it is no
faster. So the merged ranges are read from each sheet's XML here (its <mergeCell ref="A1:E1"/>),
beside openpyxl.

Formula cells give the value Excel cached when it last saved the file; a cached error (#REF!,
#DIV/0!), or a formula saved without its result (a workbook written by a program), is an empty
cell and a ``sheet_formula_error`` finding. Numbers and dates print as their
number format shows them (extract.readers.number_formats). Hidden sheets are skipped.
"""

from __future__ import annotations

import posixpath
import re
import warnings
import zipfile
import zlib
from datetime import date, datetime, time, timedelta
from io import BytesIO
from xml.etree import ElementTree

from extract.document import Document, DocumentBuilder
from extract.errors import UnreadableReport
from extract.readers.number_formats import format_date, format_number
from extract.readers.sheets import NO_CACHED_VALUE, Sheet, add_sheet

DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, IndexError, ValueError, TypeError, SyntaxError)
"""What a damaged workbook raises in openpyxl or ElementTree (SyntaxError: XML parse errors)."""
# <mergeCell ref="A1:E1"/>, in a sheet's XML after its cells. A "<" in XML text is always escaped,
# so this finds the elements without parsing the cells around them (ElementTree would take longer
# over a sheet than openpyxl's reading of its cells).
MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
OFFICE_DOCUMENT = "/officeDocument"
"""The end of the relationship type that points to the workbook part."""


def read_xlsx(data: bytes, path: str, sha256: str) -> Document:
    try:
        sheets = read_sheets(data)
    except DAMAGED as error:
        raise UnreadableReport(path, f"the Excel workbook is damaged ({type(error).__name__}: {error})") from error
    builder = DocumentBuilder(path, sha256, "xlsx")
    for sheet in sheets:
        add_sheet(builder, sheet)
    return builder.build()


def read_sheets(data: bytes) -> list[Sheet]:
    """The visible sheets, in the workbook's order."""
    import openpyxl

    parts = sheet_parts(zipfile.ZipFile(BytesIO(data)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # extensions openpyxl does not support
        workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            return [
                read_sheet(worksheet, parts.get(worksheet.title, b""))
                for worksheet in workbook.worksheets
                if worksheet.sheet_state == "visible"
            ]
        finally:
            workbook.close()


def read_sheet(worksheet, xml: bytes) -> Sheet:
    """The sheet's printed cells (its XML gives its merged ranges, its hidden rows and columns,
    which print nothing, and its formulas without a cached value)."""
    hidden_rows, hidden_columns = hidden_parts(xml)
    texts: dict[tuple[int, int], str] = {}
    errors = {
        position: error
        for position, error in uncached_formulas(xml).items()
        if position[0] not in hidden_rows and position[1] not in hidden_columns
    }
    worksheet.reset_dimensions()  # a stored dimension may claim a million empty rows
    for row in worksheet.iter_rows():
        for item in row:
            if item.value is None:
                continue
            position = (item.row - 1, item.column - 1)
            if position[0] in hidden_rows or position[1] in hidden_columns:
                continue
            if item.data_type == "e":
                errors[position] = str(item.value)
                continue
            text = printed(item.value, item.number_format)
            if text.strip():
                texts[position] = text
    return Sheet(worksheet.title, texts, merged_ranges(xml), errors)


def printed(value, number_format: str | None) -> str:
    """A cell's value as the sheet prints it."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    if isinstance(value, (datetime, date, time, timedelta)):
        return format_date(value, number_format)
    return str(value)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Sheet name -> the XML of its part."""
    workbook = relationship_targets(archive, "")[OFFICE_DOCUMENT][0]
    sheets = relationship_targets(archive, workbook)
    out = {}
    for element in ElementTree.fromstring(archive.read(workbook)).iter():
        if local(element.tag) == "sheet":
            target = next((sheets[rid] for name, rid in element.attrib.items() if local(name) == "id" and rid in sheets), None)
            out[element.get("name")] = archive.read(target) if target else b""
    return out


def merged_ranges(xml: bytes) -> tuple[tuple[int, int, int, int], ...]:
    """A sheet's merged ranges as (first row, first column, last row, last column), 0-based."""
    from openpyxl.utils.cell import range_boundaries

    bounds = (range_boundaries(ref.decode()) for ref in MERGE_CELL.findall(xml))
    return tuple((top - 1, left - 1, bottom - 1, right - 1) for left, top, right, bottom in bounds)


HIDDEN_COLUMNS = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')


FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>((?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?f\b(?:(?!</(?:\w+:)?c>).)*)</(?:\w+:)?c>", re.DOTALL)
CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')


def uncached_formulas(xml: bytes) -> dict[tuple[int, int], str]:
    """(row, column), 0-based -> NO_CACHED_VALUE for each formula cell without a cached value:
    openpyxl reads it as empty, which would be a figure lost without a word."""
    from openpyxl.utils.cell import column_index_from_string

    out = {}
    for attributes, body in FORMULA_CELL.findall(xml):
        ref = CELL_REF.search(attributes)
        if ref and not re.search(rb"<(?:\w+:)?v>[^<]", body):
            out[(int(ref[2]) - 1, column_index_from_string(ref[1].decode()) - 1)] = NO_CACHED_VALUE
    return out


def hidden_parts(xml: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """A sheet's hidden (rows, columns), 0-based: a hidden column (上年数 kept for the author) is
    not part of the table the sheet prints."""
    columns, rows = set(), set()
    for tag in HIDDEN_COLUMNS.findall(xml):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get(b"hidden") in (b"1", b"true") and attributes.get(b"min", b"").isdigit():
            columns.update(range(int(attributes[b"min"]) - 1, int(attributes.get(b"max", attributes[b"min"]))))
    for tag in HIDDEN_ROW.findall(xml):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get(b"hidden") in (b"1", b"true") and attributes.get(b"r", b"").isdigit():
            rows.add(int(attributes[b"r"]) - 1)
    return frozenset(rows), frozenset(columns)


def relationship_targets(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: by id, and by the end of their type (the list of targets)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    out: dict = {}
    for element in ElementTree.fromstring(archive.read(rels)):
        target = element.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[element.get("Id")] = target
        out.setdefault("/" + element.get("Type", "").rsplit("/", 1)[-1], []).append(target)
    return out


def local(tag: str) -> str:
    """An XML name without its namespace (transitional and strict OOXML name them differently)."""
    return tag.rsplit("}", 1)[-1]
