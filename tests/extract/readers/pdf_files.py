"""Small PDFs made in the tests: the bad files the corpus does not have.

Each is written here, byte by byte or with pypdfium2, so that a test says what it feeds the reader.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def assemble(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def one_page(content: bytes, fonts: bytes, *extra: bytes, trailer: bytes = b"") -> bytes:
    """A one-page PDF drawing ``content`` with the font resources ``fonts`` (objects 5 on)."""
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font " + fonts + b" >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            *extra,
        ],
        trailer,
    )


def unmapped_glyphs() -> bytes:
    """A line in Helvetica, and a line in a CID font with no ToUnicode map: its glyph codes
    00 31 … are not characters, though pdfium hands them out as "1", "2", "3"."""
    content = b"BT /F1 12 Tf 20 150 Td (Total 12.5) Tj ET BT /F2 12 Tf 20 120 Td <00310032002E00330034> Tj ET"
    return one_page(
        content,
        b"<< /F1 5 0 R /F2 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Unknown /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unknown"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
    )


def encrypted() -> bytes:
    """A PDF under the standard security handler whose user password is not empty (its /U entry
    matches no empty password), as a report saved with "open password" would be."""
    content = b"BT /F1 12 Tf 20 150 Td (secret) Tj ET"
    return one_page(
        content,
        b"<< /F1 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>",
        trailer=b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ",
    )


def saved(pdf: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def add_image_page(pdf: pdfium.PdfDocument) -> None:
    """A page holding one image and no text: what a scanner makes."""
    page = pdf.new_page(595, 842)
    bitmap = pdfium.PdfBitmap.new_native(8, 8, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((90, 90, 90, 255), 0, 0, 8, 8)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(40, 70))
    page.insert_obj(image)
    page.gen_content()


def scanned() -> bytes:
    """A PDF whose only page is an image."""
    pdf = pdfium.PdfDocument.new()
    add_image_page(pdf)
    return saved(pdf)


def text_then_scan(text_pdf: bytes) -> bytes:
    """The first page of a text PDF, then a scanned page."""
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(pdfium.PdfDocument(text_pdf), [0])
    add_image_page(pdf)
    return saved(pdf)


def no_pages() -> bytes:
    return assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def text_rows(rows: list[tuple[float, list[tuple[float, str]]]]) -> bytes:
    """Content-stream text: for each (y, [(x, text), ...]) the texts in Helvetica 10."""
    return b"".join(b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, text.encode()) for y, cells in rows for x, text in cells)


def three_line_table(note: str | None = None) -> bytes:
    """A table ruled only by three horizontal lines (above the header, below it, at the end), its
    columns only told by where the words line up; ``note`` adds a line across the columns."""
    rows = [
        (157, [(25, "Item"), (150, "Amount"), (220, "Share")]),
        (137, [(25, "Basic"), (150, "418.21"), (220, "80%")]),
        (122, [(25, "Project"), (150, "104.50"), (220, "20%")]),
        (107, [(25, "Total"), (150, "522.71"), (220, "100%")]),
    ]
    if note:
        rows.append((92, [(25, note)]))
    rules = b"0 0 0 rg 20 170 260 0.5 re f 20 150 260 0.5 re f 20 80 260 0.5 re f\n"
    content = rules + text_rows([(186, [(25, "Expenditure by kind")])] + rows)
    return one_page(content, b"<< /F1 5 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")


def wrapped_in_forms(data: bytes) -> bytes:
    """Each page of a PDF drawn as one form XObject, scaled by 0.9 and moved (20, 30) points, as
    merging and stamping tools do: the page's text and rules are inside the form."""
    source = pdfium.PdfDocument(data)
    pdf = pdfium.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        xobject = pdfium_c.FPDF_NewXObjectFromPage(pdf.raw, source.raw, index)
        form = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
        pdfium_c.FPDFPageObj_Transform(form, 0.9, 0, 0, 0.9, 20, 30)
        page = pdf.new_page(width, height)
        pdfium_c.FPDFPage_InsertObject(page.raw, form)
        page.gen_content()
        pdfium_c.FPDF_CloseXObject(xobject)
    return saved(pdf)
