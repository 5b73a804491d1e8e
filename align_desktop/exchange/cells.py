"""Cells of a workbook: user text written so that it stays text, and cell values read by kind.

Writing. Text goes in as a text cell, never a formula, whatever it starts with: text that
starts with `=`, `+`, `-`, `@`, a tab, CR or NUL (OWASP formula injection) also gets Excel's
quote prefix, so that editing the cell keeps it text. Characters an .xlsx cannot hold
literally (control characters, CR) are written as Excel writes them, `_xHHHH_`, and a literal
`_xHHHH_` in the text is protected as `_x005F_xHHHH_`, so every reader gets the text back.

Reading. Values come as Excel or LibreOffice saved them: numbers for numbers and for whole
numbers, text for numbers stored as text (`1,250.50`, `25%`), dates as dates or serial numbers.
- Shares (adoption, the discount rate) are fractions: 0.25 and `25 %` are both 25 %, and a value
  above 1 (in magnitude) is read as a percentage, so 25 is 25 %. 100 % is therefore written 1
  or `100 %`. The uplift of a benefit's working may exceed 100 %, so there only the `%` sign
  makes a percentage: 1.5 is 150 %.
- A confidence (a whole percentage 0–100) written as a fraction strictly between 0 and 1
  (0.8, from a cell formatted as %) is read as that percentage (80); `80 %` is 80 too.
- Keys are text: a key that became a number (7.0) reads as `7`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from align_desktop.domain.validation import ValidationError, optional_number

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")
"""How text starts when a spreadsheet might take it for a formula."""

_UNREADABLE = re.compile(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
_EXCEL_EPOCH = date(1899, 12, 30)
_LAST_SERIAL = 2_958_465
"""9999-12-31, the last date Excel knows."""
_CURRENCY = re.compile(r"^\s*(?:[A-Z]{3}|[€$£¥])?\s*(.*?)\s*(?:[A-Z]{3}|[€$£¥])?\s*$")


def escape(text: str) -> str:
    """`text` as an .xlsx file holds it: unwritable characters as `_xHHHH_`, literal escapes protected."""
    if "_x" not in text and not _UNREADABLE.search(text):
        return text
    return _UNREADABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    found = match.group(0)
    if len(found) > 1:
        return "_x005F" + found
    return f"_x{ord(found):04X}_"


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


class RowWriter:
    """Appends rows to a write-only worksheet, each value written as its column's kind says.

    One cell per column (styled with the column's number format) is made once and reused row
    after row: openpyxl writes a row out as soon as it is appended. The worksheet is told to take
    the cells as placed (`_placed`) rather than wrap each value in a new cell, which keeps a
    styled export close to the speed of writing plain values.
    """

    def __init__(self, ws: Any, formats: list[str | None]) -> None:
        from openpyxl.cell import WriteOnlyCell

        self._ws = ws
        self._plain: list[Any] = []
        self._quoted: list[Any] = []
        for number_format in formats:
            cell = WriteOnlyCell(ws)
            if number_format is not None:
                cell.number_format = number_format
            self._plain.append(cell)
            quoted = WriteOnlyCell(ws)
            quoted.quotePrefix = True
            quoted.number_format = "@"
            self._quoted.append(quoted)
        ws._values_to_row = _placed

    def header(self, headers: list[str]) -> None:
        """Row 1: the column headers, bold."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        bold = Font(bold=True)
        row = []
        for column, header in enumerate(headers, start=1):
            cell = WriteOnlyCell(self._ws, value=escape(header))
            cell.font = bold
            row.append((column, cell))
        self._ws.append(row)

    def append(self, values: list[object]) -> None:
        row: list[tuple[int, Any]] = []
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                written = escape(value)
                if looks_like_formula(value):
                    cell = self._quoted[index]
                    cell.value = written
                    cell.data_type = "s"
                    row.append((index + 1, cell))
                    continue
                value = written
            cell = self._plain[index]
            put_value(cell, value)
            row.append((index + 1, cell))
        self._ws.append(row)


def put_value(cell: Any, value: object) -> None:
    """Set a cell's value; a float that openpyxl's 16 digits would round is written with all 17."""
    cell.value = value
    if isinstance(value, float) and float("%.16g" % value) != value:  # noqa: UP031 - openpyxl's own format
        cell._value = repr(value)  # written as is: the shortest text that reads back as this very float


def _placed(cells: list[tuple[int, Any]], row: int) -> Iterator[Any]:
    """What a write-only worksheet writes for a row that `RowWriter` made: its cells, placed."""
    for column, cell in cells:
        cell.row = row
        cell.column = column
        yield cell


# --- reading -------------------------------------------------------------------------------------


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    """Any cell as text: whole numbers without `.0`, dates as YYYY-MM-DD, blank as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def number(label: str, value: object) -> float | None:
    """A number, or numeric text (`1,250.50`, `EUR 1,250.50`, `1 250,5`); blank is None."""
    if type(value) is float and value - value == 0.0:  # a finite float, the usual cell: as `optional_number` reads it
        return value
    if is_blank(value):
        return None
    if isinstance(value, bool | date | time | timedelta):
        raise ValidationError(label, f"'{text(value)}' is not a number")
    if isinstance(value, str):
        match = _CURRENCY.match(value)
        return optional_number(label, (match.group(1) if match else "") or value)
    return optional_number(label, value)


def share(label: str, value: object, *, beyond_whole: bool = False) -> float | None:
    """A fraction: 0.25, `25 %` and (unless `beyond_whole`) 25 all read as 0.25; blank is None."""
    if is_blank(value):
        return None
    if isinstance(value, str) and value.strip().endswith("%"):
        percent = number(label, value.strip()[:-1])
        return None if percent is None else percent / 100
    fraction = number(label, value)
    if fraction is not None and not beyond_whole and abs(fraction) > 1:
        return fraction / 100
    return fraction


def percent(label: str, value: object) -> Any:
    """A whole percentage 0–100 for the validators: 80, `80 %`, or 0.8 (a fraction) all read as 80."""
    if is_blank(value):
        return None
    if isinstance(value, str) and value.strip().endswith("%"):
        return whole_value(number(label, value.strip()[:-1]))
    found = number(label, value)
    if found is not None and 0 < found < 1:
        found = round(found * 100, 9)
    return whole_value(found)


def whole(label: str, value: object) -> Any:
    """A whole number for the validators (which say why anything else is refused); blank is None."""
    if is_blank(value):
        return None
    return whole_value(number(label, value))


def whole_value(found: float | None) -> Any:
    if found is not None and found.is_integer():
        return int(found)
    return found


def day(label: str, value: object) -> date | str | None:
    """A date from a date cell, an Excel serial number, or text for the validators; blank is None."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value <= _LAST_SERIAL:
            raise ValidationError(label, f"{value:g} is not a date")
        return _EXCEL_EPOCH + timedelta(days=int(value))
    found = text(value).strip()
    if " " in found and found.endswith("00:00:00"):
        found = found.split(" ", 1)[0]
    return found


def key_text(value: object) -> str:
    """A key as text, whatever the cell made of it; blank is ''."""
    return text(value).strip()


def key_list(value: object) -> list[str]:
    """Keys separated by commas (or semicolons, spaces, line breaks) in one cell; blank is none."""
    return [part for part in re.split(r"[,;\s]+", text(value)) if part]
