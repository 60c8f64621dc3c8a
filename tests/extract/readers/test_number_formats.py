"""Numbers and dates printed as a spreadsheet prints them, exactly."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from extract.readers.number_formats import exact, format_date, format_number

ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [
        (91016775.35, "#,##0.00", "91,016,775.35"),
        (82096797.42, "#,##0.00_ ", "82,096,797.42"),
        (1234567, "#,##0", "1,234,567"),
        (1234.5, "0.00", "1234.50"),
        (0.9512, "0.00%", "95.12%"),
        (0.5, "0%", "50%"),
        (-1234.5, "#,##0.00", "-1,234.50"),
        (-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"),
        (-1234.5, "#,##0.00_);[Red](#,##0.00)", "(1,234.50)"),
        (-5, "#,##0.00;[Red]#,##0.00", "-5.00"),  # negative shown by colour only: the sign is kept
        (-5, "0.00;0.00", "-5.00"),
        (1234.5, ACCOUNTING, "1,234.50"),
        (-1234.5, ACCOUNTING, "-1,234.50"),
        (0, ACCOUNTING, "-"),
        (5, '0.00"万元"', "5.00万元"),
        (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),
        (1234567, "#,##0,", "1,235"),
        (12.5, "#.##", "12.5"),
        (7, "000", "007"),
        (0, "#,###", ""),
        (-3, "0;;", ""),
        (1234.5, "General", "1234.5"),
        (1234.5, "G/通用格式", "1234.5"),
        (2020, "General", "2020"),
        (0.1 + 0.2, "General", "0.3"),
        (0.1 + 0.2, "0.00", "0.30"),
        (2.675, "0.00", "2.68"),
        (1.5, "0.0E+00", "1.5"),
        (150, "[>100]0;0.0", "150"),
    ],
)
def test__format_number__as_printed(value, number_format, printed):
    assert format_number(value, number_format) == printed


def test__exact__a_float_keeps_its_decimal_digits_and_excel_keeps_fifteen():
    assert exact(91016775.35) == Decimal("91016775.35")
    assert exact(0.1 + 0.2) == Decimal("0.300000000000000")
    assert exact(12345678901234567) == Decimal("12345678901234600")


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [
        (datetime(2021, 3, 5), 'yyyy"年"m"月"d"日"', "2021年3月5日"),
        (datetime(2021, 3, 5), "yyyy年m月", "2021年3月"),
        (date(2021, 3, 5), "mm-dd-yy", "2021/3/5"),
        (datetime(2021, 3, 5, 14, 7, 9), "yyyy-mm-dd hh:mm:ss", "2021-03-05 14:07:09"),
        (datetime(2021, 3, 5), "[$-F800]dddd, mmmm dd, yyyy", "2021年3月5日"),
        (datetime(2021, 3, 5), "yyyy年m月d日 aaaa", "2021年3月5日 星期五"),
        (time(14, 7), "h:mm AM/PM", "2:07 PM"),
        (datetime(2021, 3, 5), "General", "2021-03-05"),
    ],
)
def test__format_date__as_printed(value, number_format, printed):
    assert format_date(value, number_format) == printed
