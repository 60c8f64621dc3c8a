"""Department identity. The same department is published under different names over the years
("攀枝花市西区人大常委会办公室" in 2020, "攀枝花市西区人大办公室" in 2022). A versioned aliases
file (reference/departments.csv: published_name, region, canonical_name, note) maps names to one
canonical department; likely duplicates are only *suggested*, for a person to confirm by adding
a line to the file. Merging never happens silently.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

ALIASES = Path(__file__).resolve().parents[1] / "reference" / "departments.csv"
SUGGEST_AT = 75
"""Similarity (0-100, rapidfuzz ratio of the names without their region) from which a pair is suggested."""


def region_level(region: str | None) -> str | None:
    """省, 市 or 区县 from the last administrative word of the region."""
    if not region:
        return None
    if region.endswith(("区", "县", "旗")):
        return "区县"
    if region.endswith(("市", "州", "盟", "地区")):
        return "市"
    if region.endswith(("省", "自治区")):
        return "省"
    return None


def read_aliases(path: Path | None = None) -> dict[tuple[str, str], str]:
    """(published name, region) -> canonical name, from the aliases file."""
    path = path or ALIASES
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        return {(row["published_name"], row["region"] or ""): row["canonical_name"] for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class Suggestion:
    first: str
    second: str
    region: str
    score: float

    def csv_line(self) -> str:
        return f"{self.first},{self.region},{self.second},\"suggested (similarity {self.score:.0f}); confirm before adding\""


def short_name(name: str, region: str) -> str:
    return name[len(region) :] if region and name.startswith(region) else name


def suggest_duplicates(names: list[tuple[str, str]], canonical: dict[tuple[str, str], str]) -> list[Suggestion]:
    """Pairs of published names in the same region that look like one department and are not
    yet mapped to the same canonical name."""
    suggestions = []
    for index, (name, region) in enumerate(names):
        for other, other_region in names[index + 1 :]:
            if region != other_region:
                continue
            if canonical.get((name, region), name) == canonical.get((other, other_region), other):
                continue
            score = fuzz.ratio(short_name(name, region), short_name(other, region))
            if score >= SUGGEST_AT:
                suggestions.append(Suggestion(name, other, region, score))
    return sorted(suggestions, key=lambda s: -s.score)
