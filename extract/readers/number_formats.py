"""Numbers and dates as a spreadsheet prints them, from a cell's value and its number format.

    91016775.35   #,##0.00                                          91,016,775.35
    0.9512        0.00%                                             95.12%
    -1234.5       #,##0.00_);[Red](#,##0.00)                        (1,234.50)
    0             _ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_   -
    1234.5        General, G/通用格式 (its name in Chinese Excel)     1234.5
    2021-03-05    yyyy"年"m"月"d"日"                                2021年3月5日

Amounts stay exact: a value is a Decimal (a float cell through ``repr``, the shortest text that is
the same double), rounded as Excel rounds, to 15 significant digits and then half away from zero
to the decimals the format shows. General prints every significant digit, never an exponent (a
column's width decides Excel's own choice). What this module cannot render (fractions,
scientific notation, conditions such as [>100], [DBNum] Chinese numerals) prints as General.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

SIGNIFICANT_DIGITS = 15
"""Excel keeps 15 significant digits of a number."""
GENERAL = frozenset({"general", "g/通用格式", "@", ""})
SHORT_DATE = "yyyy/m/d"
"""How Chinese Excel prints the built-in short date (id 14, stored as mm-dd-yy or m/d/yy)."""
SYSTEM_FORMATS = {"$-f800": "yyyy年m月d日", "$-f400": "h:mm:ss"}
"""[$-F800] / [$-F400]: the system's long date and time, printed as Chinese Windows prints them."""

# One token of a format section: "万元" literals, \- escapes, _) padding, * fills, [Red] brackets,
# the digit placeholders 0 # ?, the decimal point, the thousands comma, %, anything else.
TOKEN = re.compile(
    r"""
      "(?P<quoted>[^"]*)"?
    | \\(?P<escaped>.)
    | _(?P<pad>.)
    | \*(?P<fill>.)
    | \[(?P<bracket>[^\]]*)\]
    | (?P<digit>[0#?])
    | (?P<point>\.)
    | (?P<comma>,)
    | (?P<percent>%)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
DATE_TOKEN = re.compile(
    r"""
      "(?P<quoted>[^"]*)"?
    | \\(?P<escaped>.)
    | _(?P<pad>.) | \*(?P<fill>.)
    | \[(?P<bracket>[^\]]*)\]
    | (?P<part>yyyy|yy|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|aaaa|aaa|hh|h|ss|s|am/pm|a/p|上午/下午|\.0+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
WEEKDAYS = "一二三四五六日"


class Unsupported(ValueError):
    """A format this module does not render; the value is printed as General instead."""


def exact(value: float | int | Decimal) -> Decimal:
    """The value as Excel holds it: a Decimal of at most 15 significant digits."""
    number = value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else repr(value))
    if not number or len(number.as_tuple().digits) <= SIGNIFICANT_DIGITS:
        return number
    return number.quantize(Decimal(1).scaleb(number.adjusted() - SIGNIFICANT_DIGITS + 1), ROUND_HALF_UP)


def sections(number_format: str) -> list[str]:
    """The ;-separated sections of a format (a ; inside quotes or after a backslash is text)."""
    parts, current = [], ""
    for match in TOKEN.finditer(number_format):
        if match["other"] == ";":
            parts.append(current)
            current = ""
        else:
            current += match[0]
    return [*parts, current]


def is_general(number_format: str | None) -> bool:
    return (number_format or "").strip().lower() in GENERAL


def format_number(value: float | int | Decimal, number_format: str | None) -> str:
    """The text a cell of this number and format prints."""
    number = exact(value)
    if is_general(number_format):
        return general(number)
    parts = parsed(number_format)
    if parts is None:
        return general(number)
    try:
        if len(parts) >= 3 and number == 0:
            return parts[2].apply(number)
        if len(parts) >= 2 and number < 0:
            return signed_negative(parts[1].apply(-number))
        text = parts[0].apply(abs(number))
    except InvalidOperation:  # more digits than a Decimal context holds: no format prints it
        return general(number)
    return "-" + text if number < 0 and any(ch.isdigit() and ch != "0" for ch in text) else text


NEGATIVE_MARK = re.compile(r"[-−－(（▲▼△▽]")


def signed_negative(text: str) -> str:
    """A negative section that marks its number only by colour ("#,##0.00;[Red]#,##0.00": 5.00 in
    red) prints no sign the text can keep: the minus is added, so the figure stays negative."""
    return text if NEGATIVE_MARK.search(text) or not any(ch.isdigit() and ch != "0" for ch in text) else "-" + text


def general(number: Decimal) -> str:
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text


@dataclass(frozen=True)
class Section:
    """One section of a number format: literals, digit placeholders (#,##0.00), literals."""

    before: str
    after: str
    multiplier: Decimal = Decimal(1)
    """100 per %, 1/1000 per comma after the last placeholder (#,##0, prints thousands)."""
    minimum_digits: int = 0
    """How many 0 placeholders the integer part has (000 prints 7 as 007)."""
    grouped: bool = False
    """A comma among the integer placeholders: thousands separators."""
    fraction: str | None = None
    """The placeholders after the decimal point; None without a point, '' without placeholders."""
    has_digits: bool = True

    def apply(self, number: Decimal) -> str:
        """This section applied to a number (its sign is the section's business)."""
        if not self.has_digits:
            return self.before.strip()
        number = number * self.multiplier
        decimals = len(self.fraction or "")
        integer, _, digits = f"{number.quantize(QUANTUM[decimals], ROUND_HALF_UP):f}".partition(".")
        integer = integer.lstrip("0").rjust(self.minimum_digits, "0")
        if self.grouped and integer:
            integer = f"{int(integer):,}"
        if self.fraction is not None:
            integer += "." + trim_fraction(digits, self.fraction)
        return (self.before + integer + self.after).strip()


QUANTUM = [Decimal(1).scaleb(-decimals) for decimals in range(31)]


@lru_cache(maxsize=256)
def parsed(number_format: str) -> tuple[Section, ...] | None:
    """A format's number sections (the fourth is for text), or None when one cannot be rendered."""
    try:
        return tuple(parse_section(section) for section in sections(number_format)[:3])
    except Unsupported:
        return None


def parse_section(section: str) -> Section:
    before: list[str] = []
    after: list[str] = []
    digits, percents = "", 0
    for match in TOKEN.finditer(section):
        kind = match.lastgroup
        text = match[kind]
        if kind in ("digit", "point", "comma") and not after and (digits or kind != "comma"):
            digits += text
            continue
        if digits and not after and kind == "other" and text in "eE/":
            raise Unsupported(section)  # scientific notation, fractions
        if kind == "bracket":
            text = bracket_text(text)
        elif kind in ("pad", "fill"):
            text = " " if kind == "pad" else ""
        elif kind == "percent":
            percents += 1
        elif text == "@":
            raise Unsupported(section)
        (after if digits else before).append(text)
    if not digits:
        return Section("".join(before), "", has_digits=False)
    scale = len(digits) - len(digits.rstrip(","))
    whole, point, fraction = digits.rstrip(",").partition(".")
    return Section(
        "".join(before),
        "".join(after),
        multiplier=Decimal(100) ** percents / Decimal(1000) ** scale,
        minimum_digits=whole.count("0"),
        grouped="," in whole,
        fraction=fraction.replace(",", "") if point else None,
    )


def bracket_text(content: str) -> str:
    """[Red] and [$-804] print nothing, [$¥-804] its currency sign; a condition is unsupported."""
    if content.startswith("$"):
        return content[1:].split("-", 1)[0]
    if content[:1] in "<>=" or content.lower().startswith("dbnum") or content.lower() in ("h", "hh", "m", "mm", "s", "ss"):
        raise Unsupported(content)
    return ""


def trim_fraction(digits: str, fraction: str) -> str:
    """Trailing zeros under # disappear, under ? become spaces."""
    digits = list(digits)
    for index in range(len(fraction) - 1, -1, -1):
        if fraction[index] == "0" or digits[index] != "0":
            break
        digits[index] = " " if fraction[index] == "?" else ""
    return "".join(digits)


def format_date(value: datetime | date | time | timedelta, number_format: str | None) -> str:
    """A date or time cell as printed (ISO when its format is General or not a date format)."""
    if isinstance(value, timedelta):
        return str(value)
    section = sections(number_format or "")[0]
    system = next((SYSTEM_FORMATS[key] for key in SYSTEM_FORMATS if f"[{key}]" in section.lower()), None)
    section = system or (SHORT_DATE if section.lower() in ("mm-dd-yy", "m/d/yy") else section)
    tokens = list(DATE_TOKEN.finditer(section))
    twelve_hours = any(m["part"] and "/" in m["part"] for m in tokens)
    out = []
    for index, match in enumerate(tokens):
        kind = match.lastgroup
        if kind == "part":
            part = match[0].lower()
            out.append(date_part(value, part, part in ("m", "mm") and minutes_here(tokens, index), twelve_hours))
        elif kind not in ("fill", "bracket"):
            out.append(" " if kind == "pad" else match[kind])
    text = "".join(out).strip()
    if is_general(number_format) or not any(m.lastgroup == "part" for m in tokens) or not text:
        return iso(value)
    return text


def iso(value: datetime | date | time) -> str:
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    return value.isoformat()


def minutes_here(tokens: list[re.Match], index: int) -> bool:
    """An m or mm right after an hour or right before seconds is minutes, not the month."""
    parts = [(i, m[0].lower()) for i, m in enumerate(tokens) if m.lastgroup == "part"]
    position = [i for i, _ in parts].index(index)
    previous = parts[position - 1][1] if position else ""
    following = parts[position + 1][1] if position + 1 < len(parts) else ""
    return previous.startswith("h") or following.startswith("s")


def date_part(value: datetime | date | time, part: str, minutes: bool, twelve_hours: bool = False) -> str:
    """One token of a date format ("" for a date token of a time, and the reverse)."""
    day = value if isinstance(value, date) else None
    clock = value if isinstance(value, (datetime, time)) else time()
    if minutes:
        return f"{clock.minute:0{len(part)}d}"
    if part in ("h", "hh"):
        return f"{(clock.hour % 12 or 12) if twelve_hours else clock.hour:0{len(part)}d}"
    if part in ("s", "ss"):
        return f"{clock.second:0{len(part)}d}"
    if part in ("am/pm", "a/p", "上午/下午"):
        return part.split("/")[clock.hour >= 12].upper()
    if day is None or part.startswith("."):
        return ""  # a date part of a time; fractions of a second
    if part in ("yyyy", "e", "yy"):
        return str(day.year) if part != "yy" else f"{day.year % 100:02d}"
    if part in ("m", "mm", "d", "dd"):
        return f"{(day.month if part[0] == 'm' else day.day):0{len(part)}d}"
    if part.startswith("mmm"):
        return f"{day.month}月"
    if part in ("aaa", "aaaa"):
        return ("星期" if part == "aaaa" else "") + WEEKDAYS[day.weekday()]
    return day.strftime("%a" if part == "ddd" else "%A")
