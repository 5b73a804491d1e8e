"""Plain, immutable rows of capabilities, risks and the dashboard that services hand to the UI and the command line.

The board's rows (settings, lanes, outcomes, initiatives) are in `board_rows`, the business cases'
in `case_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from align_desktop.domain.alerts import Alert
from align_desktop.domain.matrix import Need
from align_desktop.domain.risk import score
from align_desktop.store.versioned_rows import VersionedRow

if TYPE_CHECKING:
    from align_desktop.store.board_rows import SettingsRow
    from align_desktop.store.case_rows import CaseSummary


@dataclass(frozen=True)
class CapabilityRow(VersionedRow):
    key: str
    name: str
    category: str
    description: str
    owner: str
    sla_target: str
    performance_metric: str
    annual_run_cost: float
    cost_owner: str
    current_maturity: int
    target_maturity: int
    status: str
    reuse: int
    """How many initiatives need it."""


@dataclass(frozen=True)
class MatrixInitiative:
    """An initiative as a row of the capability matrix."""

    key: str
    title: str
    lane: str
    outcome: str
    value: float
    """Risk-adjusted NPV in the base scenario (0 without a business case)."""


@dataclass(frozen=True)
class MatrixRows:
    """Everything the capability matrix and its ranking show, read in one transaction."""

    currency: str
    initiatives: list[MatrixInitiative]
    """In board order: lane, then position."""
    capabilities: list[CapabilityRow]
    needs: list[Need]


@dataclass(frozen=True)
class RiskRow(VersionedRow):
    key: str
    title: str
    description: str
    category: str
    impact_area: str
    likelihood: int
    impact: int
    residual_likelihood: int
    residual_impact: int
    treatment: str
    mitigation_plan: str
    trigger: str
    owner: str
    status: str
    review_date: date | None
    acceptance_rationale: str
    acceptance_expiry: date | None
    initiative_keys: tuple[str, ...]
    """The initiatives it threatens, by key."""
    capability_keys: tuple[str, ...]
    """The capabilities it threatens, by key."""

    @property
    def inherent_score(self) -> int:
        return score(self.likelihood, self.impact)

    @property
    def residual_score(self) -> int:
        return score(self.residual_likelihood, self.residual_impact)


@dataclass(frozen=True)
class RegisterRows:
    """Everything the risk register and its heat maps show, read in one transaction."""

    settings: SettingsRow
    risks: list[RiskRow]
    value_at_risk: dict[str, float]
    """Per risk: Σ of the positive risk-adjusted NPVs (base scenario) of the initiatives it threatens."""
    initiatives: list[tuple[str, str]]
    """Every initiative as (key, title), for linking."""
    capabilities: list[tuple[str, str]]
    """Every capability as (key, name), for linking."""


@dataclass(frozen=True)
class DashboardRows:
    """The one-screen picture of a workspace, read in one transaction."""

    settings: SettingsRow
    lanes: list[str]
    initiatives_per_lane: dict[str, int]
    initiatives_per_status: dict[str, int]
    initiatives: list[MatrixInitiative]
    """Board order, with each one's risk-adjusted NPV (0 without a case)."""
    outcome_of: dict[str, str]
    """Initiative key → outcome name ("No outcome" when it has none)."""
    cases: list[CaseSummary]
    readiness: dict[str, tuple[int, ...]]
    """Per readiness field, how many initiatives score 0, 1, 2, 3 and 4."""
    capabilities: list[CapabilityRow]
    needs: list[Need]
    risks: list[RiskRow]
    alerts: list[Alert]
