"""The bad-file corpus: every kind of hostile or broken input the ingest has met or can meet,
built into a folder (no binary file is kept in the repository). Each kind says what must become
of it when it is ingested together with the sample reports:

    fails        recorded as failed, once, with one line naming the file (and ``reason`` in it)
    loads        loaded (with the finding ``rule`` when one is given), the samples untouched
    superseded   loaded, but not made current: the sample it would replace stays current

Kinds whose files do not end in .txt (a PDF, a Word or Excel file) are also listed in
``explicit`` and given to the ingest by name, whatever the folder scan takes.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPORTS

MAX_FILE_MB = 0.5
"""The size limit the corpus is ingested with (BUDGET_ETL_MAX_FILE_MB): the samples are under 60 KB."""


@dataclass(frozen=True)
class Kind:
    name: str
    file: str
    make: Callable[[Path], None]
    """Writes the file at the path it is given."""
    expect: str
    """fails, loads or superseded."""
    reason: str | None = None
    """For fails: words the error line must hold. For loads and superseded: a finding's rule."""


def sample(stem: str) -> str:
    return next(REPORTS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


def renamed(stem: str, department: str) -> str:
    """A sample under another department, so that it is another report and supersedes nothing."""
    text = sample(stem)
    for published in ("人民政府办公室", "人大常委会办公室", "人大办公室", "政协"):
        text = text.replace(f"攀枝花市西区{published}", f"攀枝花市西区{department}")
    return text.replace("定西市人大常委会办公室", f"定西市{department}")


def text_file(body: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(body.encode(encoding))


def raw(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def zipped(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return zipped({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>",
    })


def xlsx_with_formula_error() -> bytes:
    """A workbook whose one sheet holds a title, a department and a formula that divides by zero."""
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>攀枝花市西区公式局</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2020年度部门决算情况说明</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>本年支出合计</t></is></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
        "</sheetData></worksheet>"
    )
    return zipped({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    })


def cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


ENCRYPTED_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"3 0 obj\n<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"28BF4E5E4E758A41" * 4 + b"> /U <" + b"64004E56FFFA0108" * 4 + b"> >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R /Encrypt 3 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n%%EOF\n"
)


def kinds() -> list[Kind]:
    budget = sample("003")
    final = sample("002")
    rng = random.Random(13)
    return [
        Kind("empty", "empty.txt", raw(b""), "fails", "the file is empty"),
        Kind("blank", "blank.txt", raw(b" \n\t\r\n  \n"), "fails", "the file is empty"),
        Kind("random bytes", "random.txt", raw(bytes(rng.randrange(256) for _ in range(4096))), "fails", "binary"),
        Kind("PNG image", "chart.txt", raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(800))), "fails", "binary"),
        Kind("NUL byte after 64 KiB", "late_nul.txt", raw(final.encode() * 2 + b"\x00" + final.encode()), "fails", "binary (it contains NUL bytes)"),
        Kind("control characters", "control.txt", text_file("报告\x01\x02\x03\x04\x05\x06\x07\x08" * 200), "fails", "too many control characters"),
        Kind("UTF-8 cut mid-character", "cut_char.txt", raw(budget.rstrip().encode()[:-1]), "fails", "in the middle of a UTF-8 character"),
        Kind("GBK and UTF-8 mixed", "mixed.txt", raw(budget[:3000].encode("gb18030") + budget[3000:6000].encode()), "fails", "neither UTF-8 nor GB18030"),
        Kind("UTF-16 mark, odd bytes", "utf16_odd.txt", raw(b"\xff\xfe" + "2020年度部门决算".encode("utf-16-le") + b"\x00\xd8\x41"), "fails", "UTF-16"),
        Kind("not a budget report", "novel.txt", text_file("从前有座山，山里有座庙。\n庙里有个老和尚。\n" * 50), "fails", "not a budget report"),
        Kind("over the size limit", "huge.txt", text_file(final * 20), "fails", "over the limit of 0.5 MB"),
        Kind("read error while hashing", "unreadable.txt", symlink("/proc/1/mem"), "fails", "cannot read the file"),
        Kind("line break in the name", "two\nlines.txt", raw(b"\x00\x01binary"), "fails", "binary"),
        Kind("truncated PDF", "truncated.pdf", raw(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty"), "fails", "damaged"),
        Kind("encrypted PDF", "encrypted.pdf", raw(ENCRYPTED_PDF), "fails", "encrypted"),
        Kind("zip that is not a .docx", "archive.docx", raw(zipped({"readme.txt": "hello"})), "fails", "neither a Word"),
        Kind("damaged zip", "damaged.docx", raw(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(600))), "fails", "damaged zip"),
        Kind("Word file cut in half", "cut.docx", raw(cut_in_half(docx([f"第{i}段：攀枝花市西区剪切局{i}" for i in range(400)]))), "fails", "zip"),
        Kind("workbook with a formula error", "formula.xlsx", raw(xlsx_with_formula_error()), "loads", "sheet_formula_error"),
        Kind("Word 97 header, nothing after", "old.doc", raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024), "fails", "damaged"),
        Kind("title only (department + title)", "fragment.txt", text_file("第一部分  攀枝花市西区人大办公室概况\n2022年部门预算情况说明\n"), "superseded", "version_incomplete"),
        Kind("report cut at 85%", "cut_85.txt", text_file(budget[: int(len(budget) * 0.85)]), "superseded", "version_incomplete"),
        Kind("amount beyond NUMERIC(18,2)", "overflow.txt", text_file(renamed("002", "溢出局").replace("合计872.17万元", "合计100000000000000000000万元")), "loads", "amount_out_of_range"),
        Kind("a figure of 5,000 digits", "digits.txt", text_file(renamed("002", "长数局").replace("合计872.17万元", "合计" + "9" * 5000 + "万元")), "loads", "amount_out_of_range"),
        Kind("negative amount", "negative.txt", text_file(renamed("002", "负数局").replace("基本支出776.32万元", "基本支出-776.32万元")), "loads", "negative_amount"),
        Kind("UTF-16 report", "utf16.txt", text_file(renamed("001", "双字节局"), "utf-16"), "loads"),
        Kind("GBK report", "gbk.txt", text_file(renamed("000", "国标局"), "gb18030"), "loads"),
        Kind("CR line ends", "mac.txt", text_file(renamed("004", "回车局").replace("\n", "\r")), "loads"),
        Kind("SQL and markup in the name", "x'; drop table etl.documents; --<script>.txt", text_file(renamed("000", "注入局")), "loads"),
    ]


def build(folder: Path) -> tuple[list[Kind], list[str]]:
    """Write the corpus and the five samples into ``folder``; return the kinds and the paths to
    give the ingest besides the folder (the files a folder scan does not take)."""
    for path in REPORTS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    every = kinds()
    for kind in every:
        kind.make(folder / kind.file)
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to(folder / "loop")  # a folder that contains itself
    explicit = [str(folder / k.file) for k in every if not k.file.endswith(".txt")]
    return every, explicit
