"""Every read the UI and command line make of a workspace, as SQL over a sqlite3 connection.

Reads return plain rows (`rows.py`); they never import SQLAlchemy (see `connection.py`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.roi import BusinessCase, CostLine, evaluate
from align_desktop.store.errors import NotFound
from align_desktop.store.rows import (
    BoardRows,
    BusinessCaseRow,
    CostLineRow,
    GateOverrideRow,
    InitiativeRow,
    LaneRow,
    OutcomeRow,
    PortfolioRows,
    SettingsRow,
)

_INITIATIVE_COLUMNS = [f.name for f in fields(InitiativeRow) if f.name != "gate_override"]
_INITIATIVES = """
SELECT i.key, i.title, i.description, o.key, o.name, i.decision_point, i.lane_id, i.position,
       i.status, i.team, i.owner, i.readiness_data, i.readiness_model_risk,
       i.readiness_monitoring, i.readiness_compliance, i.success_criteria,
       i.acceptable_failure_modes, i.assumptions, i.confidence,
       g.status, g.reason, g.decided_by, g.decided_at
FROM initiative i
JOIN lane l ON l.id = i.lane_id
LEFT JOIN outcome o ON o.id = i.outcome_id
LEFT JOIN gate_override g
       ON g.id = (SELECT max(id) FROM gate_override WHERE initiative_id = i.id)
"""


def settings(db: sqlite3.Connection) -> SettingsRow:
    names = ", ".join(f.name for f in fields(SettingsRow))
    return SettingsRow(*db.execute(f"SELECT {names} FROM workspace WHERE id = 1").fetchone())


def lanes(db: sqlite3.Connection) -> list[LaneRow]:
    return [LaneRow(*row) for row in db.execute("SELECT id, name, position FROM lane ORDER BY position")]


def outcomes(db: sqlite3.Connection) -> list[OutcomeRow]:
    """Every outcome, by key, with the number of initiatives tied to it."""
    rows = [
        OutcomeRow(*row)
        for row in db.execute(
            "SELECT o.key, o.name, o.metric, o.baseline, o.target, o.unit, o.owner, o.description,"
            " (SELECT count(*) FROM initiative i WHERE i.outcome_id = o.id) FROM outcome o"
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


def board(db: sqlite3.Connection) -> BoardRows:
    workspace = settings(db)
    return BoardRows(workspace, lanes(db), initiatives(db), outcomes(db), base_npvs(db, workspace))


def base_npvs(db: sqlite3.Connection, workspace: SettingsRow) -> dict[str, float]:
    """Base-scenario NPV of every initiative with a business case, from yearly cost totals.

    Cost lines are summed per year in SQL, so the board reads one row per initiative.
    """
    years = range(workspace.horizon + 1)
    adoption = ", ".join(f"bc.adoption_{t}" for t in years)
    costs = ", ".join(f"coalesce(c.cost_{t}, 0)" for t in years)
    yearly = ", ".join(f"sum(amount_{t}) AS cost_{t}" for t in years)
    rows = db.execute(
        f"SELECT i.key, coalesce(bc.annual_benefit, 0.0), {adoption}, {costs} FROM initiative i"
        " LEFT JOIN business_case bc ON bc.initiative_id = i.id"
        f" LEFT JOIN (SELECT initiative_id, {yearly} FROM cost_line GROUP BY initiative_id) c"
        " ON c.initiative_id = i.id"
        " WHERE bc.initiative_id IS NOT NULL OR c.initiative_id IS NOT NULL"
    )
    size = len(years)
    result = {}
    for row in rows:
        case = BusinessCase(
            annual_benefit=row[1],
            adoption=tuple(a or 0.0 for a in row[2 : 2 + size]),
            cost_lines=(CostLine("all", row[2 + size :]),),
        )
        result[row[0]] = evaluate(case, workspace.horizon, workspace.discount_rate, with_irr=False).npv
    return result


def _initiative(row: Any) -> InitiativeRow:
    values = dict(zip(_INITIATIVE_COLUMNS, row[:19], strict=True))
    status, reason, decided_by, decided_at = row[19:]
    override = None
    if status is not None:
        override = GateOverrideRow(
            status=status, reason=reason, decided_by=decided_by, decided_at=datetime.fromisoformat(decided_at)
        )
    return InitiativeRow(**values, gate_override=override)


_YEARS = range(11)
_CASES = f"""
SELECT i.key, i.title, i.lane_id, i.status, i.confidence, bc.initiative_id IS NOT NULL,
       coalesce(bc.annual_benefit, 0.0), bc.benefit_baseline, bc.benefit_uplift, bc.benefit_value_per_unit,
       coalesce(bc.benefit_unit, ''), {", ".join(f"bc.adoption_{t}" for t in _YEARS)}
FROM initiative i LEFT JOIN business_case bc ON bc.initiative_id = i.id
"""
_COST_LINES = f"""
SELECT c.key, i.key, c.position, c.category, c.description, {", ".join(f"c.amount_{t}" for t in _YEARS)}
FROM cost_line c JOIN initiative i ON i.id = c.initiative_id
"""


def business_cases(db: sqlite3.Connection, key: str | None = None) -> list[BusinessCaseRow]:
    """Every initiative's business case (or only `key`'s), by key; cost lines in their order.

    An initiative with cost lines but no benefit row still has a case.
    """
    where, arguments = (" WHERE i.key = ?", (key,)) if key is not None else ("", ())
    lines: dict[str, list[CostLineRow]] = {}
    for row in db.execute(_COST_LINES + where + " ORDER BY c.initiative_id, c.position", arguments):
        key_, initiative_key, position, category, description = row[:5]
        lines.setdefault(initiative_key, []).append(
            CostLineRow(key_, initiative_key, position, category, description, amounts=tuple(row[5:]))
        )
    cases = []
    for row in db.execute(_CASES + where, arguments):
        own_lines = tuple(lines.get(row[0], ()))
        cases.append(
            BusinessCaseRow(
                initiative_key=row[0],
                title=row[1],
                lane_id=row[2],
                status=row[3],
                confidence=row[4],
                exists=bool(row[5]) or bool(own_lines),
                annual_benefit=row[6],
                benefit_baseline=row[7],
                benefit_uplift=row[8],
                benefit_value_per_unit=row[9],
                benefit_unit=row[10],
                adoption=tuple(row[11:]),
                cost_lines=own_lines,
            )
        )
    cases.sort(key=lambda c: key_sort_value(c.initiative_key))
    if key is not None and not cases:
        raise NotFound(key)
    return cases


def portfolio(db: sqlite3.Connection) -> PortfolioRows:
    return PortfolioRows(settings(db), business_cases(db))


@dataclass(frozen=True)
class HorizonCut:
    """What shortening the horizon would drop: values entered for years past the new end."""

    amounts: int
    total: float
    adoption_values: int

    @property
    def drops_anything(self) -> bool:
        return bool(self.amounts or self.adoption_values)


def horizon_cut(db: sqlite3.Connection, horizon: int) -> HorizonCut:
    """The cost amounts (with their total) and adoption values in years after `horizon`."""
    later = range(horizon + 1, 11)
    amounts, total, adoption = 0, 0.0, 0
    for year in later:
        count, year_total = db.execute(
            f"SELECT count(amount_{year}), coalesce(sum(amount_{year}), 0) FROM cost_line"
        ).fetchone()
        amounts += count
        total += year_total
        adoption += db.execute(f"SELECT count(adoption_{year}) FROM business_case").fetchone()[0]
    return HorizonCut(amounts, total, adoption)
