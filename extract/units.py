"""Findings about units: a figure printed without one is reported, never assumed."""

from __future__ import annotations

from extract.records import Evidence, Finding


def unitless_finding(label: str, number: str, evidence: Evidence) -> Finding:
    return Finding(
        rule="amount_without_unit",
        severity="warning",
        message=f"{label}: {number} is printed without 万元 or 元 and is not loaded",
        evidence=evidence,
    )
