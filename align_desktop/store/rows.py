"""Plain, immutable rows that services hand to the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SettingsRow:
    name: str
    currency: str
    discount_rate: float
    horizon: int
    readiness_gate: int


@dataclass(frozen=True)
class LaneRow:
    id: int
    name: str
    position: int


@dataclass(frozen=True)
class OutcomeRow:
    key: str
    name: str
    metric: str
    baseline: float | None
    target: float | None
    unit: str
    owner: str
    description: str
    initiative_count: int


@dataclass(frozen=True)
class GateOverrideRow:
    status: str
    reason: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class InitiativeRow:
    key: str
    title: str
    description: str
    outcome_key: str | None
    outcome_name: str | None
    decision_point: str
    lane_id: int
    position: int
    status: str
    team: str
    owner: str
    readiness_data: int
    readiness_model_risk: int
    readiness_monitoring: int
    readiness_compliance: int
    success_criteria: str
    acceptable_failure_modes: str
    assumptions: str
    confidence: int
    gate_override: GateOverrideRow | None

    @property
    def readiness(self) -> dict[str, int]:
        return {
            "readiness_data": self.readiness_data,
            "readiness_model_risk": self.readiness_model_risk,
            "readiness_monitoring": self.readiness_monitoring,
            "readiness_compliance": self.readiness_compliance,
        }


@dataclass(frozen=True)
class BoardRows:
    """Everything the board shows, read in one transaction."""

    settings: SettingsRow
    lanes: list[LaneRow]
    initiatives: list[InitiativeRow]
    outcomes: list[OutcomeRow]
