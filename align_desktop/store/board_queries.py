"""The board's read: lanes and cards with what each card shows of business cases and capabilities."""

from __future__ import annotations

import sqlite3

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.risk import above_appetite, score
from align_desktop.store import case_queries, queries
from align_desktop.store.board_rows import BoardRows


def board(db: sqlite3.Connection) -> BoardRows:
    workspace = queries.settings(db)
    values = case_queries.initiative_values(db, workspace)
    return BoardRows(
        workspace,
        queries.lanes(db),
        queries.initiatives(db),
        queries.outcomes(db),
        {key: npv for key, (npv, _) in values.items()},
        gap_notes(db),
        above_appetite_notes(db, workspace.risk_appetite),
    )


def gap_notes(db: sqlite3.Connection) -> dict[str, list[str]]:
    """For each initiative that needs more of a capability than it has: one line per shortfall."""
    notes: dict[str, list[str]] = {}
    shortfalls = db.execute(
        "SELECT i.key, c.key, c.name, n.required_level, c.current_maturity FROM capability_need n"
        " JOIN initiative i ON i.id = n.initiative_id JOIN capability c ON c.id = n.capability_id"
        " WHERE n.required_level > c.current_maturity"
    ).fetchall()
    shortfalls.sort(key=lambda row: key_sort_value(row[1]))  # C-999 before C-1000, unlike ORDER BY c.key
    for initiative, key, name, required, current in shortfalls:
        notes.setdefault(initiative, []).append(f"{key} {name}: needs level {required}, is at {current}")
    return notes


def above_appetite_notes(db: sqlite3.Connection, appetite: int) -> dict[str, list[str]]:
    """For each initiative threatened by an open risk above appetite: one line per such risk."""
    notes: dict[str, list[str]] = {}
    for initiative, key, title, likelihood, impact in db.execute(
        "SELECT i.key, r.key, r.title, r.residual_likelihood, r.residual_impact FROM risk_initiative l"
        " JOIN risk r ON r.id = l.risk_id JOIN initiative i ON i.id = l.initiative_id WHERE r.status != 'closed'"
    ):
        residual = score(likelihood, impact)
        if above_appetite(residual, appetite):
            notes.setdefault(initiative, []).append(f"{key} {title}: residual {residual} above appetite {appetite}")
    return {k: sorted(v, key=lambda line: key_sort_value(line.split(" ", 1)[0])) for k, v in notes.items()}
