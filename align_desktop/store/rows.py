"""Plain, immutable rows that services hand to the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from align_desktop.domain.alerts import Alert
from align_desktop.domain.matrix import Need
from align_desktop.domain.risk import score
from align_desktop.domain.roi import BusinessCase, CostLine, Scenario


@dataclass(frozen=True)
class SettingsRow:
    name: str
    currency: str
    discount_rate: float
    horizon: int
    readiness_gate: int
    pessimistic_benefit: float
    pessimistic_cost: float
    optimistic_benefit: float
    optimistic_cost: float
    risk_appetite: int

    @property
    def scenarios(self) -> dict[str, Scenario]:
        """The three scenarios with this workspace's multipliers."""
        return {
            "pessimistic": Scenario("pessimistic", self.pessimistic_benefit, self.pessimistic_cost),
            "base": Scenario("base"),
            "optimistic": Scenario("optimistic", self.optimistic_benefit, self.optimistic_cost),
        }


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
    npv: dict[str, float]
    """Base-scenario NPV of each initiative that has a business case, by key."""
    capability_gaps: dict[str, list[str]]
    """For each initiative needing more of a capability than it has, one line per shortfall."""
    risks_above_appetite: dict[str, list[str]]
    """For each initiative threatened by an open risk above appetite, one line per risk."""


@dataclass(frozen=True)
class CostLineRow:
    key: str
    initiative_key: str
    position: int
    category: str
    description: str
    amounts: tuple[float | None, ...]
    """Amount for each year 0 … 10; None where nothing was entered."""


@dataclass(frozen=True)
class BusinessCaseRow:
    """One initiative's business case as stored; `exists` is False until anything is entered."""

    initiative_key: str
    title: str
    lane_id: int
    status: str
    confidence: int
    exists: bool
    annual_benefit: float
    benefit_baseline: float | None
    benefit_uplift: float | None
    benefit_value_per_unit: float | None
    benefit_unit: str
    adoption: tuple[float | None, ...]
    """Share of the full benefit (0…1) reached in each year 0 … 10; None where not entered."""
    cost_lines: tuple[CostLineRow, ...]

    def case(self, horizon: int) -> BusinessCase:
        """The case for the calculator, over years 0 … `horizon`; blanks count as zero."""
        years = range(horizon + 1)
        return BusinessCase(
            annual_benefit=self.annual_benefit,
            adoption=tuple(self.adoption[t] or 0.0 for t in years),
            cost_lines=tuple(
                CostLine(line.category, tuple(line.amounts[t] or 0.0 for t in years)) for line in self.cost_lines
            ),
            confidence=self.confidence / 100,
        )


@dataclass(frozen=True)
class CaseSummary:
    """An initiative's business case with its cost lines summed per year (years 0 … horizon)."""

    initiative_key: str
    title: str
    status: str
    confidence: int
    annual_benefit: float
    adoption: tuple[float, ...]
    costs: tuple[float, ...]

    def case(self) -> BusinessCase:
        """The case for the calculator: one cost line holding the yearly totals."""
        return BusinessCase(self.annual_benefit, self.adoption, (CostLine("all", self.costs),), self.confidence / 100)


@dataclass(frozen=True)
class CaseSummaries:
    """What `align-desktop roi` reports on, read in one transaction."""

    settings: SettingsRow
    summaries: list[CaseSummary]
    without_case: list[str]


@dataclass(frozen=True)
class PortfolioRows:
    """Settings and every initiative's business case, read in one transaction."""

    settings: SettingsRow
    cases: list[BusinessCaseRow]


@dataclass(frozen=True)
class CapabilityRow:
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
class RiskRow:
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
