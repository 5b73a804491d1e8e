"""Every read the UI and command line make of a workspace, as SQL over a sqlite3 connection.

Reads return plain rows (`rows.py`); they never import SQLAlchemy (see `connection.py`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import datetime
from typing import Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.store import case_queries
from align_desktop.store.board_rows import GateOverrideRow, InitiativeRow, LaneRow, OutcomeRow, SettingsRow
from align_desktop.store.case_rows import PortfolioRows
from align_desktop.store.errors import NotFound

_INITIATIVES = """
SELECT i.key, i.title, i.description, o.key, o.name, i.decision_point, i.lane_id, i.position,
       i.status, i.team, i.owner, i.readiness_data, i.readiness_model_risk,
       i.readiness_monitoring, i.readiness_compliance, i.success_criteria,
       i.acceptable_failure_modes, i.assumptions, i.confidence,
       g.status, g.reason, g.decided_by, g.decided_at, i.version
FROM initiative i
JOIN lane l ON l.id = i.lane_id
LEFT JOIN outcome o ON o.id = i.outcome_id
LEFT JOIN (SELECT initiative_id, max(id) AS id FROM gate_override GROUP BY initiative_id) latest
       ON latest.initiative_id = i.id
LEFT JOIN gate_override g ON g.id = latest.id
"""


def settings(db: sqlite3.Connection) -> SettingsRow:
    names = ", ".join(f.name for f in fields(SettingsRow))
    return SettingsRow(*db.execute(f"SELECT {names} FROM workspace WHERE id = 1").fetchone())


def lanes(db: sqlite3.Connection) -> list[LaneRow]:
    return [LaneRow(*row) for row in db.execute("SELECT id, name, position FROM lane ORDER BY position")]


def outcomes(db: sqlite3.Connection) -> list[OutcomeRow]:
    """Every outcome, by key, with the number of initiatives tied to it."""
    rows = [
        OutcomeRow(*row[:9], version=row[9])
        for row in db.execute(
            "SELECT o.key, o.name, o.metric, o.baseline, o.target, o.unit, o.owner, o.description,"
            " (SELECT count(*) FROM initiative i WHERE i.outcome_id = o.id), o.version"
            " FROM outcome o"
        )
    ]
    rows.sort(key=lambda r: key_sort_value(r.key))
    return rows


def initiatives(db: sqlite3.Connection) -> list[InitiativeRow]:
    """Every initiative in board order (lane, then position), with its latest gate override."""
    return [_initiative(row) for row in db.execute(_INITIATIVES + " ORDER BY l.position, i.position")]


def initiative(db: sqlite3.Connection, key: str) -> InitiativeRow:
    row = db.execute(_INITIATIVES + " WHERE i.key = ?", (key,)).fetchone()
    if row is None:
        raise NotFound(key)
    return _initiative(row)


def _initiative(row: Any) -> InitiativeRow:
    status, reason, decided_by, decided_at = row[19:23]
    override = None
    if status is not None:
        override = GateOverrideRow(
            status=status, reason=reason, decided_by=decided_by, decided_at=datetime.fromisoformat(decided_at)
        )
    return InitiativeRow(*(*row[:19], override), version=row[23])


def portfolio(db: sqlite3.Connection) -> PortfolioRows:
    return PortfolioRows(settings(db), case_queries.business_cases(db))
