"""What a project table gives: its projects' figures (as mentions), indicator rows and findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extract.projects import Mention
from extract.records import Finding, IndicatorRow


@dataclass(frozen=True)
class ProjectTables:
    mentions: tuple[Mention, ...] = ()
    """Each project's figures as its table states them (extract.projects merges them with the text)."""
    indicators: tuple[IndicatorRow, ...] = ()
    findings: tuple[Finding, ...] = ()

    @classmethod
    def of(cls, mentions: Iterable[Mention], indicators: Iterable[IndicatorRow], findings: Iterable[Finding]) -> ProjectTables:
        return cls(tuple(mentions), tuple(indicators), tuple(findings))

    @classmethod
    def joined(cls, parts: Iterable[ProjectTables]) -> ProjectTables:
        parts = list(parts)
        return cls.of(
            (m for part in parts for m in part.mentions),
            (row for part in parts for row in part.indicators),
            (f for part in parts for f in part.findings),
        )
