"""The benchmark's corpora, no two files alike (the flow skips a file whose content it has loaded):

    text   the sample reports rewritten for other departments, regions, years and amounts, every
           one still a valid report
    pdf    the published PDFs of tests/corpus copied as they are, each copy marked after its end
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
SYLLABLES = "安宝昌德东丰广海和华嘉江金康乐林龙明宁平清庆瑞山顺泰天通文祥新兴阳永云长正中"
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(\s*万元)")
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=年)")


def place(index: int, length: int) -> str:
    """A made-up place name for ``index``: distinct for distinct indexes."""
    letters = []
    for _ in range(length):
        index, digit = divmod(index, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
    return "".join(letters)


def rewrite(text: str, index: int, rng: random.Random) -> str:
    city, district = place(index // 40, 2), place(index, 2)
    factor = Decimal(rng.randint(50, 200)) / 100
    shift = index % 4

    def amount(match: re.Match[str]) -> str:
        scaled = (Decimal(match[1]) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{scaled}{match[2]}"

    text = text.replace("攀枝花市西区", f"{city}市{district}区").replace("定西市", f"{city}{district}市")
    text = YEAR.sub(lambda m: str(int(m[1]) + shift), text)
    return AMOUNT.sub(amount, text)


def build_corpus(folder: Path, count: int, seed: int = 20261124) -> list[Path]:
    """Write ``count`` reports under ``folder`` (reusing files already there) and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = sorted(SAMPLES.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in samples]
    paths = []
    for index in range(count):
        path = folder / f"report_{index:06d}.txt"
        if not path.exists():
            rng = random.Random(seed * 1_000_003 + index)
            path.write_text(rewrite(texts[index % len(texts)], index, rng), encoding="utf-8")
        paths.append(path)
    return paths


PUBLISHED = Path(__file__).resolve().parents[1] / "tests" / "corpus"
"""The published PDFs the PDF corpus is copied from (the template among them: it fails by design)."""


def copy_mark(index: int) -> bytes:
    """What makes copy ``index`` distinct: a PDF comment line after the file's last %%EOF, which
    no reader interprets (it comes after the last cross-reference section), so every copy says
    exactly what its original says."""
    return f"\n%budget-etl bench copy {index:06d}\n".encode("ascii")


def build_pdf_corpus(folder: Path, count: int, sources: list[Path] | None = None) -> list[Path]:
    """Write ``count`` copies of the published PDFs under ``folder``, in turn, each with its copy
    mark, and return them; a copy already there of the right size is reused."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sources or sorted(PUBLISHED.glob("*.pdf"))
    originals = [path.read_bytes() for path in sources]
    paths = []
    for index in range(count):
        source, data = sources[index % len(sources)], originals[index % len(sources)]
        path = folder / f"{index:06d}-{source.name}"
        mark = copy_mark(index)
        if not path.exists() or path.stat().st_size != len(data) + len(mark):
            path.write_bytes(data + mark)
        paths.append(path)
    return paths
