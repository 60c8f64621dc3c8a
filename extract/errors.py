"""The named errors extraction raises. The flow records them per document and goes on.

Every error is one line naming its file: a file name or a reason that holds a line break or
another control character is shown escaped (``shown``, ``one_line``), so that a name like
"a\\nb.txt" cannot split a message over two lines of a log or of ``budget-etl status``.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(path: object) -> str:
    """A path as messages print it: as it is, or escaped like a Python string literal (without
    the quotes) when it holds a control character."""
    text = str(path)
    if not CONTROL.search(text):
        return text
    return repr(text)[1:-1]


def one_line(text: object) -> str:
    """A reason on one line: line breaks and other control characters escaped, as in ``shown``."""
    return shown(str(text).strip())


def first_line(text: object) -> str:
    """The first line of a multi-line message (a database error's DETAIL and CONTEXT follow it)."""
    lines = str(text).strip().splitlines()
    return one_line(lines[0]) if lines else ""


class ExtractError(Exception):
    """Base class of the errors a report can raise while it is read."""


class UnreadableReport(ExtractError):
    """The file cannot be read as a report: empty, binary, undecodable, or not a budget report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown(path)}: {one_line(reason)}")
        self.path = path
        self.reason = reason
