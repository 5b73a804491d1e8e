"""Reads of business cases: every case with its cost lines, base figures, what a shorter horizon drops."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from align_desktop.domain import roi
from align_desktop.domain.keys import key_sort_value
from align_desktop.store.board_rows import SettingsRow
from align_desktop.store.case_rows import BusinessCaseRow, CaseSummary, CostLineRow
from align_desktop.store.errors import NotFound
from align_desktop.store.ordering import key_order


def _summary_rows(db: sqlite3.Connection, horizon: int, *, ordered: bool) -> sqlite3.Cursor:
    """One row per initiative with a business case: key, title, status, confidence, benefit,
    adoption by year, cost lines summed per year (in SQL)."""
    years = range(horizon + 1)
    adoption = ", ".join(f"coalesce(bc.adoption_{t}, 0.0)" for t in years)
    costs = ", ".join(f"coalesce(c.cost_{t}, 0.0)" for t in years)
    yearly = ", ".join(f"sum(amount_{t}) AS cost_{t}" for t in years)
    order = f" ORDER BY {key_order('i.key')}" if ordered else ""
    return db.execute(
        f"SELECT i.key, i.title, i.status, i.confidence, coalesce(bc.annual_benefit, 0.0), {adoption}, {costs}"
        " FROM initiative i"
        " LEFT JOIN business_case bc ON bc.initiative_id = i.id"
        f" LEFT JOIN (SELECT initiative_id, {yearly} FROM cost_line GROUP BY initiative_id) c"
        " ON c.initiative_id = i.id"
        " WHERE bc.initiative_id IS NOT NULL OR c.initiative_id IS NOT NULL" + order
    )


def case_summaries(db: sqlite3.Connection, horizon: int) -> list[CaseSummary]:
    """Every initiative with a business case, its cost lines summed per year, by key.

    What reports need: one row per initiative instead of one per cost line.
    """
    size = horizon + 1
    return [
        CaseSummary(row[0], row[1], row[2], row[3], row[4], row[5 : 5 + size], row[5 + size :])
        for row in _summary_rows(db, horizon, ordered=True)
    ]


def initiative_values(db: sqlite3.Connection, workspace: SettingsRow) -> dict[str, tuple[float, float]]:
    """Base-scenario NPV and risk-adjusted NPV of every initiative with a business case."""
    size = workspace.horizon + 1
    factors = roi.discount_factors(workspace.discount_rate, workspace.horizon)
    return {
        row[0]: roi.base_values(row[4], row[5 : 5 + size], row[5 + size :], row[3] / 100, factors)
        for row in _summary_rows(db, workspace.horizon, ordered=False)
    }


def keys_without_case(db: sqlite3.Connection) -> list[str]:
    """Initiatives with no business case yet, by key."""
    keys = [
        key
        for (key,) in db.execute(
            "SELECT i.key FROM initiative i"
            " WHERE NOT EXISTS (SELECT 1 FROM business_case b WHERE b.initiative_id = i.id)"
            " AND NOT EXISTS (SELECT 1 FROM cost_line c WHERE c.initiative_id = i.id)"
        )
    ]
    return sorted(keys, key=key_sort_value)


_YEARS = range(11)
_CASES = f"""
SELECT i.key, i.title, i.lane_id, i.status, i.confidence, bc.initiative_id IS NOT NULL,
       coalesce(bc.annual_benefit, 0.0), bc.benefit_baseline, bc.benefit_uplift, bc.benefit_value_per_unit,
       coalesce(bc.benefit_unit, ''), coalesce(bc.version, 0),
       {", ".join(f"bc.adoption_{t}" for t in _YEARS)}
FROM initiative i LEFT JOIN business_case bc ON bc.initiative_id = i.id
"""
_COST_LINES = f"""
SELECT c.key, i.key, c.position, c.category, c.description, c.version,
       {", ".join(f"c.amount_{t}" for t in _YEARS)}
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
            CostLineRow(key_, initiative_key, position, category, description, amounts=tuple(row[6:]), version=row[5])
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
                adoption=tuple(row[12:]),
                cost_lines=own_lines,
                version=row[11],
            )
        )
    cases.sort(key=lambda c: key_sort_value(c.initiative_key))
    if key is not None and not cases:
        raise NotFound(key)
    return cases


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
