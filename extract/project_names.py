"""A project's name as a key and for display: the one spelling every family compares projects by
("在线监督项目", "在线监督经费" and "在线监督" are one project)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def project_key(name: str) -> str:
    """在线监督项目 / 在线监督经费 -> 在线监督; 纪检监察专项工作项目 / 纪检监察工作经费 -> 纪检监察工作."""
    key = re.sub(r"[\s“”\"'‘’]", "", name)
    for suffix in ("支出", "项目", "经费", "项目"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
    return key.replace("专项", "")


def display_name(name: str) -> str:
    """The name without quotes, a trailing 项目, or the 支出 of "…经费支出" (spending of it)."""
    name = re.sub(r"[“”\"]", "", name).strip()
    if name.endswith("经费支出"):
        name = name[: -len("支出")]
    return name[: -len("项目")] if name.endswith("项目") and len(name) > 3 else name
