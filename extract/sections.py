"""Top-level sections of a report ("七、“三公”经费财政拨款支出决算情况说明" up to "八、…")."""

from __future__ import annotations

import re

from extract.document import Document, Line

# "七、“三公”经费财政拨款支出决算情况说明", "五、“三公”经费财政拨款预算安排情况说明"
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、")


def section_lines(document: Document, heading: re.Pattern[str]) -> list[Line] | None:
    """Lines of every top-level section whose heading matches; None when there is none."""
    selected: list[Line] = []
    inside = False
    found = False
    for line in document.lines:
        if not line.is_cell and TOP_HEADING.match(line.text):
            inside = bool(heading.search(line.text))
            found = found or inside
        if inside:
            selected.append(line)
    return selected if found else None
