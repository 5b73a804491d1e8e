"""The "What changed" section of the minutes PDF: from the snapshot of the session's start to that of
its end (or to now), the portfolio NPV per scenario, board moves, scores and risk bands, then every
change item by item, field by field, values as the forms show them.

Each list is capped at `LISTED_CHANGES` rows (items, for the list of every change) and says how
many more there are; the minutes workbook lists them all.
"""

from __future__ import annotations

from datetime import UTC, datetime

from align_desktop.domain.compare import NPV_TITLES, Comparison, ItemChange
from align_desktop.domain.minutes import counted
from align_desktop.domain.workspace_state import MONEY, PERCENT, SHARE, TEXT, value_kind
from align_desktop.reports.formatting import MINUS, money
from align_desktop.reports.minutes_flow import Flow
from align_desktop.reports.minutes_sections import BLANK
from align_desktop.reports.report_layout import Column, Row
from align_desktop.reports.report_pages import amount
from align_desktop.store.minutes_rows import Minutes, WhatChanged

LISTED_CHANGES = 40
"""Board moves, scores and risk bands listed, and changed items listed field by field; the rest are counted."""


def what_changed(flow: Flow, minutes: Minutes) -> None:
    found = minutes.what_changed
    flow.heading("What changed", keep=0.5)
    if found is None:
        flow.paragraph("The session has not started: there is no snapshot of its start to compare with yet.")
        return
    comparison = found.comparison
    flow.paragraph(span_text(found) + " " + counts_text(comparison))
    currency = comparison.currency
    npv = [
        Row((NPV_TITLES[c.scenario], amount(c.before), amount(c.after), change_text(c.before, c.after)))
        for c in comparison.npv
    ]
    flow.table(
        "Portfolio NPV per scenario",
        (
            Column("Scenario", 1.4),
            Column(f"Before ({currency})", 1.7, "right"),
            Column(f"After ({currency})", 1.7, "right"),
            Column("Change", 1.7, "right"),
        ),
        npv,
        part=True,
    )
    moves = capped([Row((m.key, m.name, m.old_lane, m.new_lane)) for m in comparison.lane_moves], "board moves")
    flow.table(
        "Board moves",
        (Column("Key", 0.7), Column("Initiative", 5.4, wrap=True, max_lines=2), Column("From", 2.2), Column("To", 2.2)),
        moves or [Row(("No initiative changed lane.",), "more")],
        part=True,
    )
    scores = capped([Row((s.key, s.name, s.label, str(s.old), str(s.new))) for s in comparison.score_changes], "scores")
    flow.table(
        "Scores",
        (
            Column("Key", 0.7),
            Column("Item", 4.6, wrap=True, max_lines=2),
            Column("Score", 3.0),
            Column("Before", 1.1, "right"),
            Column("After", 1.1, "right"),
        ),
        scores or [Row(("No score changed.",), "more")],
        part=True,
    )
    bands = capped(
        [
            Row((b.key, b.name, b.rating, f"{b.old_score} {b.old_band}", f"{b.new_score} {b.new_band}"))
            for b in comparison.band_changes
        ],
        "risk bands moved",
    )
    flow.table(
        "Risk bands",
        (
            Column("Key", 0.7),
            Column("Risk", 4.6, wrap=True, max_lines=2),
            Column("Rating", 1.2),
            Column("Before", 2.0),
            Column("After", 2.0),
        ),
        bands or [Row(("No risk moved into another band.",), "more")],
        part=True,
    )
    flow.table(
        "Every change, item by item",
        (
            Column("Field", 3.0, wrap=True, max_lines=2),
            Column("Before", 3.75, wrap=True),
            Column("After", 3.75, wrap=True),
        ),
        change_rows(comparison),
        part=True,
    )


def capped(rows: list[Row], what: str) -> list[Row]:
    """The first `LISTED_CHANGES` rows, and how many more there are."""
    more = len(rows) - LISTED_CHANGES
    if more <= 0:
        return rows
    return [*rows[:LISTED_CHANGES], Row((f"… and {more:,} more {what} (the minutes workbook lists them all)",), "more")]


def change_rows(comparison: Comparison) -> list[Row]:
    """Each changed item as a group row, its fields under it; capped at `LISTED_CHANGES` items."""
    rows: list[Row] = []
    for change in comparison.changes[:LISTED_CHANGES]:
        rows.append(Row((change_title(change),), "group"))
        rows += [
            Row(
                (
                    field.label,
                    value_text(field.field, field.old, comparison.currency),
                    value_text(field.field, field.new, comparison.currency),
                )
            )
            for field in change.fields
        ]
    more = len(comparison.changes) - LISTED_CHANGES
    if more > 0:
        rows.append(Row((f"… and {more:,} more changed items (the minutes workbook lists them all)",), "more"))
    if not rows:
        rows.append(Row(("Nothing changed.",), "more"))
    return rows


def change_title(change: ItemChange) -> str:
    """`Initiative I-001 Learning-to-rank for on-site search: changed`."""
    return " ".join(f"{change.kind.capitalize()} {change.key} {change.name}".split()) + f": {change.change}"


def value_text(field: str, value: object, currency: str) -> str:
    """A compared field's value as its form shows it: shares and confidence in percent, money in the currency."""
    if value is None or value == "":
        return BLANK
    kind = value_kind(field, value)
    if kind == TEXT or not isinstance(value, int | float):
        return str(value)
    number = float(value)
    if kind == MONEY:
        return money(number, currency) if number.is_integer() else f"{currency} {number:,.2f}".replace("-", MINUS)
    if kind == SHARE:
        return f"{round(number * 100, 2):g} %".replace("-", MINUS)
    if kind == PERCENT:
        return f"{number:g} %"
    return f"{number:,.10g}".replace("-", MINUS)


def change_text(before: float, after: float) -> str:
    """`+12,000`, `−900`, or `no change` (less than one unit)."""
    difference = amount(after - before)
    if difference == "0":
        return "no change"
    return difference if difference.startswith(MINUS) else f"+{difference}"


def span_text(found: WhatChanged) -> str:
    start = f"From the snapshot taken at the start of the session ({local_time(found.start.taken_at)})"
    if found.end is None:
        return f"{start} to the workspace as it is now (the session is still running):"
    return f"{start} to the one taken at its end ({local_time(found.end.taken_at)}):"


def counts_text(comparison: Comparison) -> str:
    """`7 items changed, 0 added and 0 removed; 2 board moves and 5 changed scores.`"""
    changed, added, removed = (comparison.count(change) for change in ("changed", "added", "removed"))
    moves, scores = len(comparison.lane_moves), len(comparison.score_changes)
    return (
        f"{counted(changed, 'item')} changed, {added:,} added and {removed:,} removed; "
        f"{counted(moves, 'board move')} and {counted(scores, 'changed score')}."
    )


def local_time(moment: datetime) -> str:
    """A snapshot's time (stored in UTC) in the local time zone: `2026-11-26 10:14`."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
