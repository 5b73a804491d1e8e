"""Reads of the risk register: risks with their links, value at risk, risks above appetite."""

from __future__ import annotations

import sqlite3
from datetime import date

from align_desktop.store import case_queries, queries
from align_desktop.store.errors import NotFound
from align_desktop.store.ordering import key_order
from align_desktop.store.rows import RegisterRows, RiskRow

_RISKS = """
SELECT r.id, r.key, r.title, r.description, r.category, r.impact_area, r.likelihood, r.impact,
       r.residual_likelihood, r.residual_impact, r.treatment, r.mitigation_plan, r.trigger, r.owner,
       r.status, r.review_date, r.acceptance_rationale, r.acceptance_expiry, r.version
FROM risk r
"""


def _links(db: sqlite3.Connection, sql: str) -> dict[int, list[str]]:
    links: dict[int, list[str]] = {}
    for risk_id, key in db.execute(sql):
        links.setdefault(risk_id, []).append(key)
    return links


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def risks(db: sqlite3.Connection, key: str | None = None) -> list[RiskRow]:
    """Every risk (or only `key`), by key, with the initiatives and capabilities it threatens."""
    initiatives = _links(
        db,
        "SELECT l.risk_id, i.key FROM risk_initiative l JOIN initiative i ON i.id = l.initiative_id"
        f" ORDER BY {key_order('i.key')}",
    )
    capabilities = _links(
        db,
        "SELECT l.risk_id, c.key FROM risk_capability l JOIN capability c ON c.id = l.capability_id"
        f" ORDER BY {key_order('c.key')}",
    )
    where, arguments = (" WHERE r.key = ?", (key,)) if key is not None else ("", ())
    rows = [
        RiskRow(
            *(
                *row[1:15],
                _day(row[15]),
                row[16],
                _day(row[17]),
                tuple(initiatives.get(row[0], ())),
                tuple(capabilities.get(row[0], ())),
            ),
            version=row[18],
        )
        for row in db.execute(_RISKS + where + f" ORDER BY {key_order('r.key')}", arguments)
    ]
    if key is not None and not rows:
        raise NotFound(key)
    return rows


def register(db: sqlite3.Connection) -> RegisterRows:
    workspace = queries.settings(db)
    values = case_queries.initiative_values(db, workspace)
    all_risks = risks(db)
    at_risk = {
        risk.key: sum(max(0.0, values.get(key, (0.0, 0.0))[1]) for key in risk.initiative_keys) for risk in all_risks
    }
    initiatives = db.execute(f"SELECT key, title FROM initiative ORDER BY {key_order('key')}").fetchall()
    capabilities = db.execute(f"SELECT key, name FROM capability ORDER BY {key_order('key')}").fetchall()
    return RegisterRows(workspace, all_risks, at_risk, initiatives, capabilities)
