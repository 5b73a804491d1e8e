"""The dashboard's read: counts, values, readiness, capabilities, risks and the alerts, in one go."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from datetime import date

from align_desktop.domain.alerts import InitiativeFacts, RiskFacts, all_alerts
from align_desktop.domain.vocabulary import READINESS_FIELDS, READINESS_MAX, STATUSES
from align_desktop.store import board_queries, capability_queries, case_queries, queries, risk_queries
from align_desktop.store.rows import DashboardRows, MatrixInitiative


def dashboard(db: sqlite3.Connection, today: date) -> DashboardRows:
    settings = queries.settings(db)
    lanes = [lane.name for lane in queries.lanes(db)]
    initiatives = queries.initiatives(db)
    lane_names = {lane.id: lane.name for lane in queries.lanes(db)}
    values = case_queries.initiative_values(db, settings)
    gaps = board_queries.gap_notes(db)
    risks = risk_queries.risks(db)
    first_lane = next(iter(lane_names), None)
    facts = [
        InitiativeFacts(
            row.key,
            row.title,
            row.lane_id == first_lane,
            row.status,
            row.readiness,
            values[row.key][0] if row.key in values else None,
            tuple(gaps.get(row.key, ())),
        )
        for row in initiatives
    ]
    risk_facts = [RiskFacts(risk.key, risk.title, risk.residual_score, risk.status, risk.review_date) for risk in risks]
    per_lane = Counter(lane_names[row.lane_id] for row in initiatives)
    per_status = Counter(row.status for row in initiatives)
    return DashboardRows(
        settings=settings,
        lanes=lanes,
        initiatives_per_lane={lane: per_lane[lane] for lane in lanes},
        initiatives_per_status={status: per_status[status] for status in STATUSES},
        initiatives=[
            MatrixInitiative(
                row.key, row.title, lane_names[row.lane_id], row.outcome_name or "", values.get(row.key, (0, 0))[1]
            )
            for row in initiatives
        ],
        outcome_of={row.key: row.outcome_name or "No outcome" for row in initiatives},
        cases=case_queries.case_summaries(db, settings.horizon),
        readiness={field: _histogram(getattr(row, field) for row in initiatives) for field in READINESS_FIELDS},
        capabilities=capability_queries.capabilities(db),
        needs=capability_queries.needs(db),
        risks=risks,
        alerts=all_alerts(facts, risk_facts, settings.readiness_gate, settings.risk_appetite, today),
    )


def _histogram(scores: Iterable[int]) -> tuple[int, ...]:
    """How many initiatives score 0, 1, … `READINESS_MAX` (scores outside that range are not counted)."""
    counts = Counter(scores)
    return tuple(counts[score] for score in range(READINESS_MAX + 1))
