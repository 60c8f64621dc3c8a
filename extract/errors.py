"""The named errors extraction raises. The flow records them per document and goes on."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class of the errors a report can raise while it is read."""


class UnreadableReport(ExtractError):
    """The file cannot be read as a report: empty, binary, undecodable, or not a budget report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
