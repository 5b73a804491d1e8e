"""The board's read: lanes and cards with what each card shows of business cases and capabilities."""

from __future__ import annotations

import sqlite3

from align_desktop.store import case_queries, queries
from align_desktop.store.capability_queries import gap_notes
from align_desktop.store.risk_queries import above_appetite_notes
from align_desktop.store.rows import BoardRows


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
