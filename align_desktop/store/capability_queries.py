"""Reads of the capability catalogue and the capability matrix."""

from __future__ import annotations

import sqlite3
from typing import Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.matrix import Need
from align_desktop.store import case_queries, queries
from align_desktop.store.errors import NotFound
from align_desktop.store.rows import CapabilityRow, MatrixInitiative, MatrixRows

_CAPABILITIES = """
SELECT c.key, c.name, c.category, c.description, c.owner, c.sla_target, c.performance_metric,
       c.annual_run_cost, c.cost_owner, c.current_maturity, c.target_maturity, c.status,
       (SELECT count(*) FROM capability_need n WHERE n.capability_id = c.id), c.version
FROM capability c
"""


def capabilities(db: sqlite3.Connection) -> list[CapabilityRow]:
    """The catalogue, by key, each with its reuse count."""
    rows = [_capability(row) for row in db.execute(_CAPABILITIES)]
    rows.sort(key=lambda r: key_sort_value(r.key))
    return rows


def capability(db: sqlite3.Connection, key: str) -> CapabilityRow:
    row = db.execute(_CAPABILITIES + " WHERE c.key = ?", (key,)).fetchone()
    if row is None:
        raise NotFound(key)
    return _capability(row)


def _capability(row: Any) -> CapabilityRow:
    return CapabilityRow(*row[:13], version=row[13])


def needs(db: sqlite3.Connection) -> list[Need]:
    return [
        Need(initiative, capability, level)
        for initiative, capability, level in db.execute(
            "SELECT i.key, c.key, n.required_level FROM capability_need n"
            " JOIN initiative i ON i.id = n.initiative_id JOIN capability c ON c.id = n.capability_id"
        )
    ]


def matrix(db: sqlite3.Connection) -> MatrixRows:
    """Initiatives (board order) with their value, the catalogue, and every need."""
    workspace = queries.settings(db)
    values = {key: risk_adjusted for key, (_, risk_adjusted) in case_queries.initiative_values(db, workspace).items()}
    initiatives = [
        MatrixInitiative(key, title, lane, outcome or "", values.get(key, 0.0))
        for key, title, lane, outcome in db.execute(
            "SELECT i.key, i.title, l.name, o.name FROM initiative i JOIN lane l ON l.id = i.lane_id"
            " LEFT JOIN outcome o ON o.id = i.outcome_id ORDER BY l.position, i.position"
        )
    ]
    return MatrixRows(workspace.currency, initiatives, capabilities(db), needs(db))
