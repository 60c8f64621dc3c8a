"""Read a report file into numbered lines: decoded, normalised, with the original kept.

The seeds are UTF-8 text exported from .docx files; reports from other portals come as
GB18030/GBK. Text is normalised once, here (NFKC: full-width digits and punctuation become
ASCII, ideographic spaces become spaces); the original line is kept for evidence.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extract.errors import UnreadableReport

MAX_CONTROL_RATIO = 0.01
"""Share of control characters above which a decoded file is treated as binary."""


@dataclass(frozen=True)
class Line:
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

    def line(self, number: int) -> Line:
        return self.lines[number - 1]


def normalise(text: str) -> str:
    """NFKC, with the few characters NFKC leaves alone mapped too (例: 100 % -> 100%)."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00a0", " ").replace("\u2002", " ").replace("\u2003", " ")
    return text.strip()


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
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f")
        if controls > MAX_CONTROL_RATIO * len(text):
            raise UnreadableReport(path, "the file is binary (too many control characters), not a text report")
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    raise UnreadableReport(path, "the text is neither UTF-8 nor GB18030/GBK")


def parse_text(text: str, path: str, sha256: str, encoding: str = "utf-8") -> Document:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        lines.append(Line(number, raw, normalise(raw), raw.startswith("\t")))
    return Document(path=path, sha256=sha256, encoding=encoding, lines=tuple(lines))


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
