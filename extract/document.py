"""Read a report file into numbered lines: decoded, normalised, with the original kept.

The seeds are UTF-8 text exported from .docx files; reports from other portals come as
GB18030/GBK. Text is normalised once, here (NFKC: full-width digits and punctuation become
ASCII, ideographic spaces become spaces); the original line is kept for evidence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple
from pathlib import Path

from extract.errors import UnreadableReport

MAX_CONTROL_RATIO = 0.01
"""Share of control characters above which a decoded file is treated as binary."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Line(NamedTuple):
    number: int
    """1-based line number in the file."""
    raw: str
    """The line as decoded, without its line break: what evidence shows."""
    text: str
    """NFKC-normalised and stripped: what patterns read."""
    is_cell: bool
    """True when the raw line starts with a tab: a table cell in the .docx export."""


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    encoding: str
    lines: tuple[Line, ...]

    @cached_property
    def sentences(self):
        """Every body sentence (see extract.sentences), computed once per document."""
        from extract.sentences import split_body

        return split_body(self)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]


# The full-width forms reports use most (！-～, the ideographic space), mapped as NFKC maps them.
FULL_WIDTH = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in (*range(0xFF01, 0xFF5F), 0x3000, 0x00A0, *range(0x2002, 0x200B))}
FULL_WIDTH_CHAR = re.compile("[" + re.escape("".join(FULL_WIDTH)) + "]")


def normalise_block(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII, ideographic spaces to spaces). The common
    full-width forms are replaced first, one str.replace per form present (a report uses a dozen
    of them, a thousand times each: far cheaper than a per-character translation); NFKC runs only
    if anything is left."""
    for form in set(FULL_WIDTH_CHAR.findall(text)):
        text = text.replace(form, FULL_WIDTH[form])
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def normalise(text: str) -> str:
    """One line, normalised and stripped."""
    return normalise_block(text).strip()


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else GB18030. Refuse binary data."""
    if not data.strip():
        raise UnreadableReport(path, "the file is empty")
    if b"\x00" in data[:65536]:
        raise UnreadableReport(path, "the file is binary (it contains NUL bytes), not a text report")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
            raise UnreadableReport(path, "the file is binary (too many control characters), not a text report")
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    raise UnreadableReport(path, "the text is neither UTF-8 nor GB18030/GBK")


def parse_text(text: str, path: str, sha256: str, encoding: str = "utf-8") -> Document:
    raws = text.splitlines()
    # NFKC once over the whole text (it never makes or removes a "\n"), then back to lines.
    normalised = normalise_block("\n".join(raws)).split("\n")
    if len(normalised) != len(raws):
        normalised = [normalise(raw) for raw in raws]
    cells = [raw[:1] == "\t" for raw in raws]
    lines = tuple(map(Line, range(1, len(raws) + 1), raws, map(str.strip, normalised), cells))
    return Document(path=path, sha256=sha256, encoding=encoding, lines=lines)


def read_document(path: str | Path) -> Document:
    """Read and decode one report file. Raises UnreadableReport with the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableReport(str(path), f"cannot read the file: {error.strerror or error}") from error
    text, encoding = decode(data, str(path))
    return parse_text(text, str(path), hashlib.sha256(data).hexdigest(), encoding)


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
