"""Workbook plumbing the finance and executive exports share: styles, safe text, progress, atomic save.

openpyxl is imported inside the functions that need it, so importing this module costs nothing.
User text always goes in as a text cell (`put_text`, after `cells`' rules): text that starts like a
formula stays text.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

Progress = Callable[[int, int], bool]
"""`progress(done, total)`; returning False cancels the export."""

INPUT_FILL = "FFF2CC"
"""Light yellow: a cell to change."""
FORMULA_FILL = "DDEBF7"
"""Light blue: a cell computed from the inputs."""
INFO_FILL = "EDEDED"
"""Light grey: information from the app, changed there."""
HEADER_FILL = "1F3864"
"""Dark blue headers with white text."""
INPUT_HEADER_FILL = "BF8F00"
"""Dark yellow headers over input columns."""


class Cancelled(Exception):
    """The progress callback asked to stop; the export leaves no file behind."""


class Steps:
    """Counts work done and reports it now and then, raising `Cancelled` when the callback returns False.

    The callback hears about every 1/200th of the work (and the end), not every row.
    """

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = max(1, total)
        self.done = 0
        self._stride = max(1, self.total // 200)
        self._reported = -1

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if self._progress is None:
            return
        if self.done - self._reported >= self._stride or self.done == self.total:
            self._reported = self.done
            if self._progress(self.done, self.total) is False:
                raise Cancelled

    def start(self) -> None:
        """Report 0 of the total (and let the callback cancel before any work)."""
        if self._progress is not None and self._progress(0, self.total) is False:
            raise Cancelled


def put_text(ws: Any, row: int, column: int, value: str | None, style: str | None = None) -> Any:
    """Write user text as a text cell, never a formula, whatever it starts with (`cells`' rules).

    Text that a spreadsheet could take for a formula also gets Excel's quote prefix, so that
    editing the cell later keeps it text; characters an .xlsx cannot hold are escaped as Excel
    escapes them. `style` names one of `STYLES` (see `add_styles`).
    """
    from align_desktop.exchange.cells import escape, looks_like_formula

    cell = ws.cell(row=row, column=column)
    if style is not None:
        cell.style = style
    if value is None or value == "":
        return cell
    cell.value = escape(value)
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def put_key(ws: Any, row: int, column: int, key: str, style: str = "Key") -> Any:
    """An item key: a text cell with the text number format, so `001` never becomes a number.

    The workbook must have `STYLES` (see `add_styles`).
    """
    return put_text(ws, row, column, key, style)


def money_format(currency: str, decimals: int = 0) -> str:
    """`#,##0 "EUR"`: grouped amounts followed by the workspace's currency code."""
    code = currency.replace('"', "")
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{digits} "{code}";-{digits} "{code}"'


def fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=colour, end_color=colour)


def font(**style: Any) -> Any:
    """The workbook's default font (Calibri 11) with changes, such as `bold=True`.

    A font given without a name is drawn in the spreadsheet's fallback face, often a serif.
    """
    from openpyxl.styles import Font

    return Font(**({"name": "Calibri", "size": 11, "family": 2, "scheme": "minor"} | style))


def write_header(ws: Any, headers: Iterable[str], *, inputs: Iterable[int] = ()) -> None:
    """Row 1 of a table: bold white on dark blue (dark yellow over the `inputs` columns), frozen."""
    from openpyxl.styles import Alignment

    input_columns = set(inputs)
    white = font(bold=True, color="FFFFFF")
    for column, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=column, value=text)
        cell.font = white
        cell.fill = fill(INPUT_HEADER_FILL if column in input_columns else HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"


def set_widths(ws: Any, widths: Iterable[float]) -> None:
    """Column widths in characters; row 1 grows to show wrapped header texts whole."""
    import math

    from openpyxl.utils import get_column_letter

    lines = 1
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
        header = ws.cell(row=1, column=column).value
        if isinstance(header, str) and ws.cell(row=1, column=column).alignment.wrap_text:
            words = max((len(word) for word in header.split()), default=0)
            if words > width:
                lines = max(lines, 3)
            lines = max(lines, min(4, math.ceil(len(header) * 1.15 / max(1.0, width - 1))))
    if lines > 1:
        ws.row_dimensions[1].height = 15 * lines


def note(text: str) -> Any:
    """A cell comment explaining a column."""
    from openpyxl.comments import Comment

    comment = Comment(text, "Align Desktop")
    comment.width, comment.height = 320, 110
    return comment


def check_target(workspace_path: Location, out: Path) -> None:
    """Refuse, before any work, an output that is not an .xlsx file or would overwrite the workspace."""
    from align_desktop.store.errors import WorkspaceError

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise WorkspaceError(f"{out} must end in .xlsx: exports are Excel workbooks.")
    if isinstance(workspace_path, Path) and out.exists() and out.resolve() == workspace_path.resolve():
        raise WorkspaceError(f"{out} is the workspace itself; choose another file for the export.")
    if not out.parent.is_dir():
        raise WorkspaceError(f"The folder {out.parent} does not exist.")


def explain(validation: Any, title: str, message: str) -> None:
    """Give a data validation the message a refused entry shows, also as the cell's prompt."""
    validation.showErrorMessage = True
    validation.errorTitle = title
    validation.error = message
    validation.showInputMessage = True
    validation.promptTitle = title
    validation.prompt = message


def save_atomically(workbook: Any, out: Path) -> None:
    """Build the file in memory, then write it whole: an error (a full disk, say) leaves no partial
    file, and an existing file at `out` is replaced only by a complete one."""
    from align_desktop.store.files import write_atomically

    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(out, buffer.getvalue())


def print_setup(ws: Any, *, area: str | None = None, title_rows: str | None = "1:1") -> None:
    """Print (and PDF) a sheet landscape, one page wide, with its header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows
    if area:
        ws.print_area = area


STYLES: dict[str, tuple[str | None, str, str | None]] = {
    "Input amount": (INPUT_FILL, "money", None),
    "Input amount (cents)": (INPUT_FILL, "cents", None),
    "Input share": (INPUT_FILL, "0%", None),
    "Input share (0.0 %)": (INPUT_FILL, "0.0%", None),
    "Input percent": (INPUT_FILL, '0" %"', None),
    "Input number": (INPUT_FILL, "#,##0.##", None),
    "Input text": (INPUT_FILL, "General", None),
    "Input key": (INPUT_FILL, "@", None),
    "Key": (None, "@", None),
    "Formula amount": (FORMULA_FILL, "money", None),
    "Formula amount (cents)": (FORMULA_FILL, "cents", "right"),
    "Formula share": (FORMULA_FILL, "0.00%", "right"),
    "Formula years": (FORMULA_FILL, "0.00", "right"),
    "Formula number": (FORMULA_FILL, "0", None),
    "Formula text": (FORMULA_FILL, "@", None),
}
"""Named cell styles (fill, number format, alignment): they show in Excel's style gallery, and a
named style is set on a cell far faster than a fill and a format one by one (which openpyxl hashes)."""


def add_styles(workbook: Any, currency: str) -> None:
    """Register `STYLES` with the workbook, amounts in `currency`."""
    from openpyxl.styles import Alignment, NamedStyle

    formats = {"money": money_format(currency), "cents": money_format(currency, 2)}
    for name, (colour, number_format, horizontal) in STYLES.items():
        style = NamedStyle(name=name, number_format=formats.get(number_format, number_format), font=font())
        if colour is not None:
            style.fill = fill(colour)
        if horizontal is not None:
            style.alignment = Alignment(horizontal=horizontal)
        workbook.add_named_style(style)
