"""The minutes of a workshop session as a workbook (`align-desktop export minutes PATH SESSION OUT.xlsx`).

The same content as the minutes PDF, as sheets to filter and copy from: `Session` (key, title,
date, times, attendees, the two moments compared), `Agenda` (time box against time spent),
`Votes` (each revealed vote's ranking with each participant's dots; a hidden vote says "not
revealed"), `Decisions`, `Actions` (owner, due date, done), `Parking lot` and `What changed`
(portfolio NPV per scenario, board moves, scores, risk bands, then every changed field, uncapped).
Row 1 of each sheet is a frozen header; keys are text cells, dates are dates, durations are
durations; user text is always a text cell, never a formula (`finance_book.put_text`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align_desktop.domain.compare import NPV_TITLES
from align_desktop.domain.minutes import against_time_box, dots_text, items_text
from align_desktop.domain.voting import VOTE_SUBJECTS
from align_desktop.domain.workspace_state import MONEY, PERCENT, SHARE, value_kind
from align_desktop.exchange.finance_book import (
    Cancelled,
    Progress,
    Steps,
    add_styles,
    check_target,
    money_format,
    print_setup,
    put_key,
    put_text,
    save_atomically,
    set_widths,
    write_header,
)
from align_desktop.store.minutes_rows import Minutes
from align_desktop.store.workshop_rows import LogEntryRow

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
DURATION_FORMAT = "[h]:mm:ss"
SHEETS = ("Session", "Agenda", "Votes", "Decisions", "Actions", "Parking lot", "What changed")


@dataclass(frozen=True)
class Key:
    """A key: written as a text cell with the text format, never a number."""

    text: str


@dataclass(frozen=True)
class Formatted:
    """A number, date or duration with the number format it is shown in."""

    value: object
    number_format: str


Cell = str | int | float | Key | Formatted | None
Table = tuple[Sequence[tuple[str, float]], list[list[Cell]]]
"""A sheet's columns (header, width in characters) and its rows."""


def export_minutes_workbook(
    workspace_path: Location, session: str, out: Path, progress: Progress | None = None
) -> None:
    """Write the minutes of session `session` (its key or exact title) to `out` (.xlsx).

    `progress(done, total)` returning False cancels: no file is left behind. Raises
    `WorkspaceError` for a wrong target, an unknown session (naming those there are), an
    unreadable workspace or a file that cannot be written.
    """
    from align_desktop.store.minutes import read_minutes

    check_target(workspace_path, out)
    steps = Steps(progress, len(SHEETS) + 2)
    try:
        steps.start()
        minutes = read_minutes(workspace_path, session)
        steps.advance()
        from openpyxl import Workbook

        workbook = Workbook()
        add_styles(workbook, minutes.currency)
        workbook.remove(workbook.active)
        for name, (columns, rows) in zip(SHEETS, tables(minutes), strict=True):
            write_sheet(workbook.create_sheet(name), columns, rows)
            steps.advance()
        save_atomically(workbook, out)
        steps.advance()
    except Cancelled:
        return


def tables(minutes: Minutes) -> Iterator[Table]:
    """Each sheet's columns and rows, in the order of `SHEETS`."""
    yield session_table(minutes)
    yield agenda_table(minutes)
    yield votes_table(minutes)
    yield (
        (("Key", 8), ("Decision", 70), ("Linked items", 50), ("Recorded", 17), ("Recorded by", 16)),
        [[Key(e.key), e.text, links(e), recorded(e), e.recorded_by] for e in minutes.decisions],
    )
    yield (
        (
            ("Key", 8),
            ("Action", 60),
            ("Owner", 20),
            ("Due", 12),
            ("Done", 8),
            ("Linked items", 50),
            ("Recorded", 17),
            ("Recorded by", 16),
        ),
        [
            [
                Key(e.key),
                e.text,
                e.owner,
                Formatted(e.due_on, DATE_FORMAT) if e.due_on else None,
                "Yes" if e.done else "No",
                links(e),
                recorded(e),
                e.recorded_by,
            ]
            for e in minutes.actions
        ],
    )
    yield (
        (("Key", 8), ("Parked", 70), ("Linked items", 50), ("Recorded", 17), ("Recorded by", 16)),
        [[Key(e.key), e.text, links(e), recorded(e), e.recorded_by] for e in minutes.parking_lot],
    )
    yield changes_table(minutes)


def session_table(minutes: Minutes) -> Table:
    session = minutes.session
    rows: list[list[Cell]] = [
        ["Key", Key(session.key)],
        ["Title", session.title],
        ["Date", Formatted(session.held_on, DATE_FORMAT)],
        ["Started", Formatted(session.started_at.replace(microsecond=0), TIME_FORMAT) if session.started_at else None],
        ["Ended", Formatted(session.ended_at.replace(microsecond=0), TIME_FORMAT) if session.ended_at else None],
        ["State", session.state],
        ["Workspace", minutes.workspace_name],
        ["Notes", session.notes],
    ]
    rows += [["Attendee", name] for name in session.participant_names]
    found = minutes.what_changed
    if found is not None:
        rows.append(
            ["Compared from", f"snapshot at the start of the session, {local(found.start.taken_at):%Y-%m-%d %H:%M}"]
        )
        end = found.end
        rows.append(
            [
                "Compared to",
                "the workspace as it is now (the session is still running)"
                if end is None
                else f"snapshot at the end of the session, {local(end.taken_at):%Y-%m-%d %H:%M}",
            ]
        )
    return (("Field", 16), ("Value", 70)), rows


def agenda_table(minutes: Minutes) -> Table:
    columns = (("#", 5), ("Agenda item", 50), ("Time box (min)", 14), ("Time spent", 12), ("Against the time box", 22))
    rows: list[list[Cell]] = [
        [
            number,
            item.title,
            item.time_box_minutes,
            Formatted(timedelta(seconds=item.spent_seconds), DURATION_FORMAT) if item.spent_seconds else None,
            against_time_box(item.time_box_minutes, item.spent_seconds),
        ]
        for number, item in enumerate(minutes.session.agenda, start=1)
    ]
    return columns, rows


def votes_table(minutes: Minutes) -> Table:
    columns = (
        ("Vote", 34),
        ("On", 13),
        ("Dots each", 10),
        ("Dots placed", 11),
        ("Revealed", 10),
        ("Written into", 16),
        ("Rank", 7),
        ("Key", 8),
        ("Item", 44),
        ("Dots", 7),
        ("Dots by participant", 50),
    )
    rows: list[list[Cell]] = []
    for vote in minutes.votes:
        row = vote.vote
        about: list[Cell] = [
            row.title,
            VOTE_SUBJECTS[row.subject],
            row.dots_per_participant,
            vote.dots_placed,
            "Yes" if vote.result else "No",
            vote.written_to,
        ]
        if vote.result is None:
            rows.append([*about, None, None, "not revealed"])
            continue
        ranking = vote.result.ranking
        rows += [
            [*about, item.rank, Key(item.key), item.title, item.dots, dots_text(item.by_participant)]
            for item in ranking
        ]
        if not ranking:
            rows.append([*about, None, None, "no dots placed"])
    return columns, rows


def changes_table(minutes: Minutes) -> Table:
    columns = (
        ("Section", 15),
        ("Kind", 13),
        ("Key", 8),
        ("Item", 40),
        ("Change", 10),
        ("Field", 28),
        ("Before", 24),
        ("After", 24),
    )
    found = minutes.what_changed
    if found is None:
        return columns, [["Not compared", None, None, "The session has not started: there is nothing to compare yet."]]
    comparison = found.comparison
    money = money_format(comparison.currency)
    rows: list[list[Cell]] = [
        [
            "Portfolio NPV",
            None,
            None,
            NPV_TITLES[npv.scenario],
            "changed" if round(npv.before) != round(npv.after) else "no change",
            "NPV",
            Formatted(npv.before, money),
            Formatted(npv.after, money),
        ]
        for npv in comparison.npv
    ]
    rows += [
        ["Board move", "initiative", Key(m.key), m.name, "changed", "Lane", m.old_lane, m.new_lane]
        for m in comparison.lane_moves
    ]
    rows += [["Score", s.kind, Key(s.key), s.name, "changed", s.label, s.old, s.new] for s in comparison.score_changes]
    rows += [
        [
            "Risk band",
            "risk",
            Key(b.key),
            b.name,
            "changed",
            f"{b.rating.capitalize()} band",
            f"{b.old_score} {b.old_band}",
            f"{b.new_score} {b.new_band}",
        ]
        for b in comparison.band_changes
    ]
    for change in comparison.changes:
        item: list[Cell] = ["Change", change.kind, Key(change.key) if change.key else None, change.name, change.change]
        if not change.fields:
            rows.append(item)
        rows += [
            [*item, field.label, value(field.field, field.old, money), value(field.field, field.new, money)]
            for field in change.fields
        ]
    return columns, rows


def value(field: str, raw: object, money: str) -> Cell:
    """A compared value as a cell: numbers stay numbers, shown as the forms show them."""
    if raw is None or raw == "":
        return None
    kind = value_kind(field, raw)
    if not isinstance(raw, int | float) or isinstance(raw, bool):
        return str(raw)
    formats = {SHARE: "0.0%", MONEY: money, PERCENT: '0" %"'}
    return Formatted(raw, formats[kind]) if kind in formats else raw


def write_sheet(ws: Any, columns: Sequence[tuple[str, float]], rows: list[list[Cell]]) -> None:
    """A table: a frozen, filterable header row, then the rows, each cell written as its kind says."""
    from openpyxl.utils import get_column_letter

    write_header(ws, [header for header, _ in columns])
    set_widths(ws, [width for _, width in columns])
    for number, row in enumerate(rows, start=2):
        for column, cell in enumerate(row, start=1):
            put(ws, number, column, cell)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows)) + 1}"
    print_setup(ws)


def put(ws: Any, row: int, column: int, cell: Cell) -> None:
    if cell is None or cell == "":
        return
    if isinstance(cell, Key):
        put_key(ws, row, column, cell.text)
    elif isinstance(cell, str):
        put_text(ws, row, column, cell)
    elif isinstance(cell, Formatted):
        target = ws.cell(row=row, column=column, value=cell.value)
        target.number_format = cell.number_format
    else:
        ws.cell(row=row, column=column, value=cell)


def links(entry: LogEntryRow) -> str:
    return items_text((link.key, link.title) for link in entry.links)


def recorded(entry: LogEntryRow) -> Formatted:
    return Formatted(entry.recorded_at.replace(microsecond=0), TIME_FORMAT)


def local(moment: datetime) -> datetime:
    """A snapshot's time, stored in UTC, in the local time zone (without a zone, as a cell holds it)."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
