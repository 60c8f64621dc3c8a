"""What pdfium tells of a page: its characters with their boxes, its ruling lines, its images.

Everything here is in the page as it is shown (its /Rotate applied), in points, with y growing
downwards from the top edge, so that "above" is a smaller y on every page.

Per-character calls are the reader's cost, so a page is read with the cheapest ones that give
what layout needs: the page's text once (``FPDFText_GetText``), one loose box per character
(``FPDFText_GetLooseCharBox``: the font's advance and line height, steadier than the glyph's
ink box for telling lines and gaps apart), ``FPDFText_HasUnicodeMapError`` to find glyphs
without a Unicode value, and the bounds of path objects (segments only for the rare stroked
outline that is not itself a thin line). The calls made once per character or page object go
without ctypes' checks of their arguments (``unchecked``).

PDFium is not thread-safe, not even across documents: two threads inside it at once can crash
the process (the thread task runner reads reports in parallel threads). Every call into it goes
through ``open_pdf``, ``read_page`` and ``close_pdf``, and each holds ``PDFIUM`` while it runs;
layout (pure Python) runs outside the lock.
"""

from __future__ import annotations

import ctypes
import re
import struct
import threading
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.errors import UnreadableReport

UNMAPPED = "\ufffd"
"""What an unmapped glyph reads as: never a digit, so no figure can be read through it."""
THIN = 2.5
"""A path no wider (or taller) than this many points is a ruling line, stroked or filled."""
MIN_RULE = 3.0
"""Shorter paths are dots or glyph parts (junction squares of a grid), not rules."""
PDFIUM = threading.Lock()
"""Held by every call into pdfium (see the module's note)."""

LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is encrypted with a password",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF is encrypted with an unsupported security handler",
    pdfium_c.FPDF_ERR_FORMAT: "the PDF is damaged and cannot be opened: not a valid PDF structure (truncated?)",
    pdfium_c.FPDF_ERR_FILE: "the PDF is damaged and cannot be opened: the file cannot be read",
    pdfium_c.FPDF_ERR_PAGE: "the PDF is damaged and cannot be opened: a page is missing or damaged",
}
"""pdfium's load error codes (``PdfiumError.err_code``) as the one-line reasons users see."""
ENCRYPTION_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
NO_REASON = "the PDF is damaged or has no pages and cannot be opened (pdfium gives no reason)"
"""pdfium refuses a PDF without pages, and some damaged ones, without setting an error code."""


def load_error(error: pdfium.PdfiumError, data: bytes) -> str:
    """The reason a PDF did not open. pdfium's last error is process-wide and not always reset, so
    an encryption error is believed only of a file that has an /Encrypt entry."""
    code = getattr(error, "err_code", None)
    if code in ENCRYPTION_ERRORS and b"/Encrypt" not in data:
        return NO_REASON
    return LOAD_ERRORS.get(code, NO_REASON)


class Glyph(NamedTuple):
    """One character and its box (loose: advance width × line height)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Rule(NamedTuple):
    """A ruling line: horizontal at y = ``at`` from ``start`` to ``end`` in x, or vertical at x."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass(frozen=True)
class PageContent:
    number: int
    """1-based."""
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    """Printed characters in content order (printed spaces as " "); pdfium's generated characters left out."""
    rules: tuple[Rule, ...]
    images: int
    """Image objects on the page (a page with images and no glyphs is a scan)."""
    unmapped: int
    """Glyphs without a Unicode value (read as UNMAPPED)."""


def open_pdf(data: bytes, path: str) -> tuple[pdfium.PdfDocument, int]:
    """The document and its number of pages, or UnreadableReport with pdfium's reason in words
    (its last error is read under the same lock, so it is this file's)."""
    with PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise UnreadableReport(path, load_error(error, data)) from error
        count = len(pdf)
        if count == 0:
            pdf.close()
            raise UnreadableReport(path, "the PDF has no pages")
        return pdf, count


def close_pdf(pdf: pdfium.PdfDocument) -> None:
    with PDFIUM:
        pdf.close()


class Frame(NamedTuple):
    """From pdfium's page space (y up, unrotated) to the page as shown (y down, rotated)."""

    left: float
    bottom: float
    width: float
    """Unrotated width and height."""
    height: float
    rotation: int

    def glyphs(self, found: list[tuple[str, float, float, float, float]]) -> list[Glyph]:
        """Glyphs as shown, from (char, left, top, right, bottom) in page space; one comprehension
        per rotation (this runs once per character)."""
        x, y, w, h, new = self.left, self.bottom, self.width, self.height, tuple.__new__
        if self.rotation == 90:
            return [new(Glyph, (c, b - y, lt - x, t - y, r - x)) for c, lt, t, r, b in found]
        if self.rotation == 180:
            return [new(Glyph, (c, w - r + x, b - y, w - lt + x, t - y)) for c, lt, t, r, b in found]
        if self.rotation == 270:
            return [new(Glyph, (c, h - t + y, w - r + x, h - b + y, w - lt + x)) for c, lt, t, r, b in found]
        return [new(Glyph, (c, lt - x, h - t + y, r - x, h - b + y)) for c, lt, t, r, b in found]

    def box(self, left: float, top: float, right: float, bottom: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) as shown, from a box in page space."""
        return tuple(self.glyphs([("", left, top, right, bottom)])[0][1:])

    @property
    def shown_size(self) -> tuple[float, float]:
        return (self.height, self.width) if self.rotation in (90, 270) else (self.width, self.height)


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    """One page's glyphs, rules and images; the page and its text page are closed before returning."""
    with PDFIUM:
        page = pdf[index]
        try:
            left, bottom, right, top = page.get_bbox()
            frame = Frame(left, bottom, right - left, top - bottom, page.get_rotation() % 360)
            textpage = page.get_textpage()
            try:
                glyphs, unmapped = page_glyphs(textpage.raw, frame)
            finally:
                textpage.close()
            rules, images = page_drawings(page.raw, frame)
        finally:
            page.close()
    width, height = frame.shown_size
    return PageContent(index + 1, width, height, glyphs, rules, images, unmapped)


def unchecked(function, restype=ctypes.c_int):
    """pdfium's ``function`` without the argument types pypdfium2 declares for it, which ctypes
    converts and checks on every call: two thirds of the cost of a call made per character
    (a loose box: 1.6 µs checked, 0.6 µs not). Pass it ctypes pointers (a page, a text page, a
    page object, ``byref``) and Python ints for C ints only: nothing is converted for it."""
    found = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    found.argtypes = None
    return found


LOOSE_CHAR_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
HAS_UNICODE_MAP_ERROR = unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
GET_OBJECT = unchecked(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT)
OBJECT_TYPE = unchecked(pdfium_c.FPDFPageObj_GetType)
OBJECT_BOUNDS = unchecked(pdfium_c.FPDFPageObj_GetBounds)
RECT = struct.Struct("4f")
"""An FS_RECTF as (left, top, right, bottom), read in one call."""


def page_text(textpage, count: int) -> str | None:
    """The page's characters, one per character index, or None when pdfium's text does not line up."""
    buffer = ctypes.create_string_buffer(count * 2 + 2)
    pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


LINE_BREAKS = frozenset("\r\n")
"""pdfium's generated line breaks (lines are told by position instead)."""
SPACES = frozenset(" \t\u00a0\u3000\u2002\u2003\u2009")
"""Printed spaces read as one kind of space glyph (pdfium's generated spaces have no width: left out)."""


UNMAPPED_CHAR = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""U+FFFD, a private-use code point or a control character: what pdfium gives for a glyph it could
not map (besides the glyphs it flags with FPDFText_HasUnicodeMapError)."""


def page_glyphs(textpage, frame: Frame) -> tuple[tuple[Glyph, ...], int]:
    """Every printed character with its box (generated spaces and line breaks have no width: left out)."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return (), 0
    text = page_text(textpage, count)
    if text is None:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))
    suspicious = {match.start() for match in UNMAPPED_CHAR.finditer(text)}
    rect = pdfium_c.FS_RECTF()
    rect_ref, read_rect = ctypes.byref(rect), RECT.unpack_from
    loose_box, map_error = LOOSE_CHAR_BOX, HAS_UNICODE_MAP_ERROR
    found = []
    unmapped = 0
    for index, char in enumerate(text):
        if char in LINE_BREAKS:
            continue
        loose_box(textpage, index, rect_ref)
        left, top, right, bottom = read_rect(rect)
        if right <= left:
            continue
        if char in SPACES:
            char = " "
        elif map_error(textpage, index) or index in suspicious:
            char, unmapped = UNMAPPED, unmapped + 1
        found.append((char, left, top, right, bottom))
    return tuple(frame.glyphs(found)), unmapped


def page_drawings(page, frame: Frame) -> tuple[tuple[Rule, ...], int]:
    """Ruling lines (thin paths, and the edges of stroked boxes) and the number of images."""
    rules: list[Rule] = []
    images = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    get_object, get_type, get_bounds = GET_OBJECT, OBJECT_TYPE, OBJECT_BOUNDS
    path, image, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = get_object(page, index)
        kind = get_type(obj)
        if kind == path and get_bounds(obj, *refs):
            width, height = right.value - left.value, top.value - bottom.value
            if width > THIN and height > THIN:
                if is_stroked(obj):
                    rules.extend(outline_rules(obj, frame))
            elif max(width, height) >= MIN_RULE:
                rules.append(thin_rule(*frame.box(left.value, top.value, right.value, bottom.value)))
        elif kind == image:
            images += 1
        elif kind == form:
            images += form_drawings(obj, IDENTITY, frame, rules)
    return tuple(r for r in rules if r is not None), images


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def then(first: Matrix, second: Matrix) -> Matrix:
    """The transform applying ``first``, then ``second`` (PDF matrices a b c d e f)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def form_drawings(form, outer: Matrix, frame: Frame, rules: list[Rule | None]) -> int:
    """The rules inside a form XObject, added to ``rules`` (a page that a merging or stamping
    tool wrapped whole in a form keeps its table's grid there), and the number of images inside
    (a scanned page is often one image wrapped in a form). Bounds inside a form are in its
    space: its matrix, then its parents', take them to the page."""
    found = pdfium_c.FS_MATRIX()
    own = (found.a, found.b, found.c, found.d, found.e, found.f) if pdfium_c.FPDFPageObj_GetMatrix(form, found) else IDENTITY
    matrix = then(own, outer)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    images = 0
    for index in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        obj = pdfium_c.FPDFFormObj_GetObject(form, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            corners = [apply(matrix, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
            x0, x1 = min(x for x, _ in corners), max(x for x, _ in corners)
            y0, y1 = min(y for _, y in corners), max(y for _, y in corners)
            if x1 - x0 > THIN and y1 - y0 > THIN:
                if is_stroked(obj):
                    rules.extend(outline_rules(obj, frame, matrix))
            elif max(x1 - x0, y1 - y0) >= MIN_RULE:
                rules.append(thin_rule(*frame.box(x0, y1, x1, y0)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            images += form_drawings(obj, matrix, frame, rules)
    return images


def thin_rule(x0: float, top: float, x1: float, bottom: float) -> Rule | None:
    """A box that is a line (thin one way, long the other) as a rule along its centre."""
    width, height = x1 - x0, bottom - top
    if height <= THIN and width >= MIN_RULE and width > height:
        return Rule(True, (top + bottom) / 2, x0, x1)
    if width <= THIN and height >= MIN_RULE:
        return Rule(False, (x0 + x1) / 2, top, bottom)
    return None


def is_stroked(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)) and bool(stroke.value)


def outline_rules(obj, frame: Frame, outer: Matrix = IDENTITY) -> list[Rule]:
    """The axis-parallel straight segments of a stroked path (a box drawn as one outline);
    ``outer``: the transform of the forms it is inside."""
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, found):
        return []
    matrix = then((found.a, found.b, found.c, found.d, found.e, found.f), outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    rules, previous, start = [], None, None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            rules.extend(segment_rule(previous, point, frame))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            rules.extend(segment_rule(point, start, frame))
        previous = point
    return rules


def segment_rule(a: tuple[float, float], b: tuple[float, float], frame: Frame) -> list[Rule]:
    box = frame.box(min(a[0], b[0]), max(a[1], b[1]), max(a[0], b[0]), min(a[1], b[1]))
    rule = thin_rule(*box)
    return [rule] if rule is not None else []

