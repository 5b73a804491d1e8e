"""Open a workbook for import and find its v1 sheets, headers and rows (python-calamine).

The file is checked first (`safety.check_file`); what it refuses, and a file calamine cannot
read, raise `ExchangeError` with one sentence. Sheet names and headers match ignoring case and
surrounding spaces; columns may come in any order, unknown columns and sheets are ignored.
Formulas are read as the values saved with them; blank rows are skipped, and every row keeps
its Excel row number for messages such as `Risks!F12: …`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from align_desktop.exchange import cells
from align_desktop.exchange.errors import ExchangeError
from align_desktop.exchange.format import Column, Sheet


def normal(name: object) -> str:
    """A sheet name or header as it is matched: case and spacing ignored."""
    return " ".join(cells.text(name).split()).casefold()


@functools.cache
def column_letter(index: int) -> str:
    """`A` for column 0, `AA` for column 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Row(NamedTuple):
    number: int
    """The row's number in Excel (1-based)."""
    values: list[Any]


@dataclass(frozen=True)
class Table:
    """One v1 sheet of a workbook: where each known column is, and its rows below the header."""

    name: str
    """The sheet's name as the workbook spells it."""
    columns: dict[str, tuple[Column, int]]
    """Field → its column and the column's index (0-based); only columns present."""
    rows: list[Row]

    def has(self, field: str) -> bool:
        return field in self.columns

    def value(self, row: Row, field: str) -> Any:
        index = self.columns[field][1]
        return row.values[index] if index < len(row.values) else None

    def address(self, row: Row, field: str | None = None) -> str:
        """`Sheet!C12` for a field's cell in `row` (the first column when `field` is None)."""
        index = self.columns[field][1] if field is not None else 0
        return f"{self.name}!{column_letter(index)}{row.number}"


class Workbook:
    """A workbook opened for import; `table` and `pairs` read its v1 sheets."""

    def __init__(self, path: Path) -> None:
        from align_desktop.exchange.safety import check_file

        check_file(path)
        from python_calamine import CalamineWorkbook

        self.path = Path(path)
        try:
            self._book = CalamineWorkbook.from_path(str(path))
            self._names = {normal(name): name for name in self._book.sheet_names}
        except BaseException as exc:  # calamine raises its own types, OSError and panics; all mean unreadable
            if not (isinstance(exc, Exception) or _is_panic(exc)):
                raise
            raise ExchangeError(
                f"{self.path.name} cannot be read as a workbook ({exc}); save it again as .xlsx."
            ) from exc

    def has_sheet(self, name: str) -> bool:
        return normal(name) in self._names

    def _grid(self, name: str) -> tuple[str, list[list[Any]]] | None:
        actual = self._names.get(normal(name))
        if actual is None:
            return None
        sheet = None
        try:
            sheet = self._book.get_sheet_by_name(actual)
            grid = sheet.to_python(skip_empty_area=False)
        except Exception as exc:  # as above
            raise ExchangeError(
                f"Sheet '{actual}' of {self.path.name} cannot be read ({exc}); save the workbook again as .xlsx."
            ) from exc
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            where = f"row {_failing_row(sheet)} of sheet '{actual}'" if sheet is not None else f"sheet '{actual}'"
            raise ExchangeError(
                f"{self.path.name} cannot be read: {where} holds a value that cannot be converted ({exc}), "
                "such as a date before 1900 or after 9999; correct it and import again."
            ) from exc
        return actual, grid

    def table(self, sheet: Sheet, errors: list[str]) -> Table | None:
        """The sheet `sheet.name` with its known columns, or None when absent or its header is unusable.

        The header is the first row that is not blank. Problems with it go to `errors` as plain
        sentences naming the sheet.
        """
        found = self._grid(sheet.name)
        if found is None:
            return None
        name, grid = found
        rows = [Row(number, values) for number, values in enumerate(grid, start=1) if not _blank(values)]
        if not rows:
            return Table(name, {}, [])
        header, rows = rows[0], rows[1:]
        wanted = {normal(column.header): column for column in sheet.columns}
        columns: dict[str, tuple[Column, int]] = {}
        for index, title in enumerate(header.values):
            column = wanted.get(normal(title))
            if column is None:
                continue
            if column.field in columns:
                first = column_letter(columns[column.field][1])
                errors.append(
                    f"{name}: the header has two {column.header} columns ({first} and {column_letter(index)}); keep one"
                )
                return None
            columns[column.field] = (column, index)
        return Table(name, columns, rows)

    def pairs(self, name: str) -> tuple[str, list[tuple[int, Any, Any]]] | None:
        """A sheet of name/value pairs (A: name, B: value): its name as spelt, and (row number, name, value)
        for each row with a name; None when the workbook has no such sheet."""
        found = self._grid(name)
        if found is None:
            return None
        actual, grid = found
        return actual, [
            (number, values[0], values[1] if len(values) > 1 else None)
            for number, values in enumerate(grid, start=1)
            if values and not cells.is_blank(values[0])
        ]


def _is_panic(exc: BaseException) -> bool:
    """Whether python-calamine failed on a value it cannot convert (a date far out of range, say).

    It reports that as a Rust panic, pyo3's `PanicException`, which derives from BaseException
    and cannot be imported by name.
    """
    return type(exc).__name__ == "PanicException"


def _failing_row(sheet: Any) -> int:
    """The Excel number of the first row of `sheet` that python-calamine cannot convert."""
    first_row = sheet.start[0] if sheet.start is not None else 0
    converted = 0
    try:
        for _row in sheet.iter_rows():
            converted += 1
    except BaseException as exc:
        if not _is_panic(exc):
            raise
    return first_row + converted + 1


def _blank(values: list[Any]) -> bool:
    if values and not cells.is_blank(values[0]):
        return False  # the usual row: its key (or name) in column A
    return all(cells.is_blank(value) for value in values)
