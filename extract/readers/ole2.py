"""OLE2 compound files (magic D0 CF 11 E0): Office 97-2003 and Kingsoft WPS files share it.

What the file is, is told by its streams, not by its name:

    Workbook / Book                 Excel 97-2003 (.xls; Kingsoft ET saves .et the same way):
                                    read (extract.readers.xls)
    WordDocument                    Word 97-2003 (.doc; Kingsoft WPS文字 saves .wps the same way)
    CONTENTS / MN0                  Microsoft Works and old WPS word processors (.wps)
    EncryptedPackage                an Office file protected by a password
    anything else                   not a report format

Only the .xls is read. Word's binary format is not: converting it needs LibreOffice, which a
nightly worker should not depend on (a second of start-up per file, a profile lock shared by
parallel workers). Every refusal is one line that names the file and says to save it as .docx
or .xlsx.
"""

from __future__ import annotations

from extract.document import Document
from extract.errors import UnreadableReport
from extract.readers.sheets import SAVE_AS_XLSX

EXCEL_STREAMS = ("Workbook", "Book")
WORD_STREAMS = ("WordDocument",)
WORKS_STREAMS = ("CONTENTS", "MN0")
ENCRYPTED_STREAMS = ("EncryptedPackage", "EncryptionInfo")
SAVE_AS_DOCX = "open it in Word or WPS Office and save it as .docx"


def read_ole2(data: bytes, path: str, sha256: str) -> Document:
    streams = stream_names(data, path)
    if streams & set(EXCEL_STREAMS):
        from extract.readers.xls import read_xls

        return read_xls(data, path, sha256)
    raise UnreadableReport(path, refusal(streams, path))


def stream_names(data: bytes, path: str) -> set[str]:
    """The names of the file's top-level streams."""
    from io import BytesIO

    import olefile

    try:
        with olefile.OleFileIO(BytesIO(data)) as ole:
            return {entry[0] for entry in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError, IndexError) as error:
        reason = f"the Office 97-2003 file is damaged ({error}): {SAVE_AS_DOCX}, or .xlsx for a workbook"
        raise UnreadableReport(path, reason) from error


def refusal(streams: set[str], path: str) -> str:
    """Why a non-Excel OLE2 file is not read, and what to do."""
    if streams & set(WORD_STREAMS):
        return f"a Word 97-2003 or WPS document (.doc, .wps) is not read: {SAVE_AS_DOCX}"
    if streams & set(WORKS_STREAMS):
        return f"a Works or WPS word-processor file (.wps) is not read: {SAVE_AS_DOCX}"
    if streams & set(ENCRYPTED_STREAMS):
        return "the file is protected by a password: save a copy without the password as .docx or .xlsx"
    if path.lower().endswith((".xls", ".et")):
        return f"an Office 97-2003 file without a workbook stream is not read: {SAVE_AS_XLSX}"
    return f"an Office 97-2003 file that is neither Word nor Excel is not read: {SAVE_AS_DOCX}, or .xlsx for a workbook"
