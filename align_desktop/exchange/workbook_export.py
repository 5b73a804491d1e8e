"""The `workbook` export: every editable sheet of format v1, so that importing it recreates the workspace.

Sheets, in order: `Assumptions` (settings and lanes), `Outcomes`, `Initiatives` (board order),
`Capabilities`, `Capability needs`, `Risks` (with their links), `Benefits` (the initiatives with a
business case) and `Cost lines` (each case's lines in order). Row 1 is a frozen header; keys are
text; amounts carry the workspace currency in their number format, shares show as percentages.
User text is always a text cell (`cells.RowWriter`). openpyxl's write-only mode streams the rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.exchange import format as fmt
from align_desktop.exchange.cells import RowWriter, escape, put_value
from align_desktop.store.imports import WorkspaceContents

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

Progress = Callable[[int, int], bool]

ADOPTION_YEAR_0 = fmt.Column("Adoption Year 0", "adoption_0", fmt.Kind.SHARE, 10)
"""Added after the format's Benefits columns only when some case has adoption in year 0 (as the finance export does)."""
SHARE_FORMAT = "0.0%"
RATE_FORMAT = "0.00%"
DATE_FORMAT = "yyyy-mm-dd"


def export_workbook(workspace_path: Location, out: Path, progress: Progress | None = None) -> None:
    """Write the `workbook` export of the workspace at `workspace_path` to `out` (.xlsx).

    The file is written beside `out` under a temporary name and renamed into place, so a
    cancel (`progress(done, total)` returning False) or an error leaves nothing behind.
    """
    from align_desktop.exchange.finance_book import Cancelled, Steps, check_target, save_atomically
    from align_desktop.store.imports import read_contents

    check_target(workspace_path, out)
    contents = read_contents(workspace_path)
    from openpyxl import Workbook

    sheets = list(_sheets(contents))
    steps = Steps(progress, sum(len(rows) for _, rows in sheets) + 2)
    workbook = Workbook(write_only=True)
    try:
        steps.start()
        _assumptions(workbook.create_sheet(fmt.ASSUMPTIONS), contents)
        steps.advance()
        for sheet, rows in sheets:
            _table(workbook.create_sheet(sheet.name), sheet, rows, _formats(sheet, contents), steps)
        steps.advance()  # the last chance to cancel: once saved, the file stays
        save_atomically(workbook, out)
    except Cancelled:
        _discard(workbook)
    except BaseException:
        _discard(workbook)
        raise


def _discard(workbook: Any) -> None:
    """Close the sheets of an abandoned write-only workbook and remove their temporary files."""
    for ws in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _formats(sheet: fmt.Sheet, contents: WorkspaceContents) -> list[str | None]:
    from align_desktop.exchange.finance_book import money_format

    money = money_format(contents.settings.currency, 2)
    by_kind = {
        fmt.Kind.MONEY: money,
        fmt.Kind.SHARE: SHARE_FORMAT,
        fmt.Kind.WHOLE: "0",
        fmt.Kind.PERCENT: '0" %"',
        fmt.Kind.DATE: DATE_FORMAT,
    }
    return [by_kind.get(column.kind) for column in sheet.columns]


def _table(ws: Any, sheet: fmt.Sheet, rows: list[list[object]], formats: list[str | None], steps: Any) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    writer = RowWriter(ws, formats)
    writer.header([column.header for column in sheet.columns])
    for row in rows:
        writer.append(row)
        steps.advance()
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(rows) + 1}"


def _assumptions(ws: Any, contents: WorkspaceContents) -> None:
    """Name/value pairs: A holds the name, B the value, each with its own number format."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    settings = contents.settings
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 44
    ws.freeze_panes = "A2"
    formats = {fmt.Kind.SHARE: RATE_FORMAT, fmt.Kind.WHOLE: "0", fmt.Kind.NUMBER: "0.00"}
    bold = Font(bold=True)
    header = [WriteOnlyCell(ws, value="Assumption"), WriteOnlyCell(ws, value="Value")]
    for cell in header:
        cell.font = bold
    ws.append(header)
    for column in fmt.ASSUMPTION_ROWS:
        if column.field == "lanes":
            value: object = "; ".join(lane.name for lane in contents.lanes)
        else:
            value = getattr(settings, column.field)
        cell = WriteOnlyCell(ws)
        if isinstance(value, str):
            cell.value = escape(value)
            cell.data_type = "s"
            cell.number_format = "@"
            cell.quotePrefix = value.startswith(("=", "+", "-", "@"))
        else:
            put_value(cell, value)
            cell.number_format = formats.get(column.kind, "General")
        ws.append([column.header, cell])


def _sheets(contents: WorkspaceContents) -> Iterator[tuple[fmt.Sheet, list[list[object]]]]:
    """Each table sheet with its rows of values, in the order of `format.WORKBOOK_SHEETS`."""
    lanes = {lane.id: lane.name for lane in contents.lanes}
    yield fmt.OUTCOMES, [_values(fmt.OUTCOMES, vars(outcome)) for outcome in contents.outcomes]
    yield (
        fmt.INITIATIVES,
        [_values(fmt.INITIATIVES, vars(item) | {"lane": lanes[item.lane_id]}) for item in contents.initiatives],
    )
    yield fmt.CAPABILITIES, [_values(fmt.CAPABILITIES, vars(item)) for item in contents.capabilities]
    yield fmt.CAPABILITY_NEEDS, [[need.initiative_key, need.capability_key, need.level] for need in contents.needs]
    yield (
        fmt.RISKS,
        [
            _values(
                fmt.RISKS,
                vars(risk)
                | {
                    "initiative_keys": ", ".join(risk.initiative_keys),
                    "capability_keys": ", ".join(risk.capability_keys),
                },
            )
            for risk in contents.risks
        ],
    )
    horizon = contents.settings.horizon
    benefits = fmt.benefits_sheet(horizon)
    if any(row["adoption_0"] is not None for row in contents.benefits.values()):
        benefits = fmt.Sheet(benefits.name, (*benefits.columns, ADOPTION_YEAR_0))
    titles = {case.initiative_key: case for case in contents.cases}
    yield (
        benefits,
        [
            _values(
                benefits,
                row | {"initiative_key": key, "title": titles[key].title, "confidence": titles[key].confidence},
            )
            for key, row in sorted(contents.benefits.items(), key=lambda item: key_sort_value(item[0]))
        ],
    )
    cost_lines = fmt.cost_lines_sheet(horizon)
    yield (
        cost_lines,
        [
            _values(cost_lines, vars(line) | {f"amount_{t}": line.amounts[t] for t in range(horizon + 1)})
            for case in contents.cases
            for line in case.cost_lines
        ],
    )


def _values(sheet: fmt.Sheet, item: dict[str, Any]) -> list[object]:
    return [item[column.field] for column in sheet.columns]
