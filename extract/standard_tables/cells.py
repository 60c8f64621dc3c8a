"""Amount cells as the tables print them.

    82,096,797.42      a figure (元 or 万元 from the table's heading)
    0 / 0.00           a printed zero: a figure 0.00
    -  —  －           a printed dash: a figure 0.00, its evidence shows the dash
    -1,234.00 (1,234.00)   negative, as printed
    (empty)            absent, never 0
    合计 (text)        not a number: a finding, no figure (unless it repeats a merged label)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# "82,096,797.42", "-1,234.00", "(1,234.00)", "0", "35.2%"
AMOUNT = re.compile(
    r"""
    ^(?P<sign>[-−－])?\s*
    (?P<open>\()?\s*
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    \s*(?P<close>\))?
    \s*(?P<pct>%)?$
    """,
    re.VERBOSE,
)
DASH = re.compile(r"^[-−－—–]{1,2}$")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Amount:
    value: Decimal
    """In yuan (a percentage as printed)."""
    resolution: Decimal
    """One unit of the last printed digit, in yuan: 0.01 for 1,234.56 元, 100 for 13,297.11 万元."""
    dash: bool = False


class NotANumber(ValueError):
    """Text in an amount column."""


def read_amount(text: str, factor: Decimal, percent: bool = False) -> Amount | None:
    """The cell's figure in yuan (``factor``: yuan per printed unit), None when the cell is empty.

    ``percent``: a percentage column, read as printed (no unit). Raises NotANumber for text."""
    text = text.strip()
    if not text:
        return None
    if DASH.match(text):
        return Amount(Decimal("0.00"), CENT if percent else factor * CENT, dash=True)
    match = AMOUNT.match(text)
    if not match or bool(match["open"]) != bool(match["close"]) or (match["pct"] and not percent):
        raise NotANumber(text)
    number = Decimal(match["number"].replace(",", ""))
    if match["sign"] or match["open"]:
        number = -number
    exponent = number.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    if percent:
        return Amount(number, unit)
    return Amount((number * factor).quantize(CENT), unit * factor)


def is_code(text: str) -> bool:
    return text.isdigit()
