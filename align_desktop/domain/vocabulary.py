"""The product's controlled vocabulary: statuses, ML decision points, readiness scores, lanes."""

from __future__ import annotations

STATUSES: tuple[str, ...] = (
    "idea",
    "discovery",
    "experiment",
    "pilot",
    "scaling",
    "live",
    "retired",
)
"""Initiative lifecycle, in order."""

GATED_STATUSES: frozenset[str] = frozenset({"scaling", "live"})
"""Statuses that an initiative may only enter when it passes the readiness gate."""

DECISION_POINTS: tuple[str, ...] = (
    "personalisation",
    "recommendation",
    "forecasting",
    "anomaly detection",
    "classification",
    "ranking",
    "pricing",
    "natural language",
    "computer vision",
    "optimisation",
    "other",
)
"""The kind of decision where machine learning adds value to a feature."""

READINESS_FIELDS: tuple[str, ...] = (
    "readiness_data",
    "readiness_model_risk",
    "readiness_monitoring",
    "readiness_compliance",
)
"""The four readiness scores of an initiative, each 0 (not started) to 4 (fully ready)."""

READINESS_LABELS: dict[str, str] = {
    "readiness_data": "Data availability",
    "readiness_model_risk": "Model risk",
    "readiness_monitoring": "Monitoring",
    "readiness_compliance": "Compliance",
}
READINESS_SCORE_LABELS: dict[str, str] = {
    "readiness_data": "Readiness: data",
    "readiness_model_risk": "Readiness: model risk",
    "readiness_monitoring": "Readiness: monitoring",
    "readiness_compliance": "Readiness: compliance",
}
"""A readiness score named on its own, away from the form's Readiness group (history, what changed)."""

READINESS_MIN = 0
READINESS_MAX = 4
DEFAULT_READINESS_GATE = 2

DEFAULT_LANES: tuple[str, ...] = ("Now", "Next", "Later")

DEFAULT_CURRENCY = "EUR"
DEFAULT_DISCOUNT_RATE = 0.10
DEFAULT_HORIZON = 3
HORIZON_MIN = 1
HORIZON_MAX = 10
