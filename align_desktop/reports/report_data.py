"""What the executive PDF report says, worked out before any page is drawn.

Read in one read-only transaction (`store.dashboard_queries.dashboard` plus the initiatives'
statuses and readiness), then computed with the domain's own arithmetic: the portfolio figures
are those of `align-desktop roi` (`domain.roi.evaluate` per case and scenario, summed by
`portfolio_totals`), values unlocked those of the capability matrix (`domain.matrix`), value at
risk that of the risk register. Nothing here imports matplotlib.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from align_desktop.domain.alerts import Alert
from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.matrix import CapabilityMetrics, capability_metrics, initiative_gaps, ranked
from align_desktop.domain.portfolio import Assumptions, evaluate_case
from align_desktop.domain.readiness import ReadinessLevel, gate_failures, readiness_level
from align_desktop.domain.risk import above_appetite, band
from align_desktop.domain.roi import SCENARIOS, Figures, PortfolioTotals, irrs, portfolio_totals
from align_desktop.store.board_rows import InitiativeRow
from align_desktop.store.rows import CapabilityRow, DashboardRows, RiskRow

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

RISKS_SCHEMA = 4
"""The first schema with the risk register (migration 0004), which the report needs."""


@dataclass(frozen=True)
class ReportData:
    """The workspace as the report shows it."""

    rows: DashboardRows
    initiatives: list[InitiativeRow]
    """Board order: lane, then position."""
    today: date
    figures: dict[str, dict[str, Figures]]
    """Per initiative with a business case (by key), its figures per scenario (IRR left out)."""
    totals: dict[str, PortfolioTotals]
    """Portfolio totals per scenario."""
    metrics: dict[str, CapabilityMetrics]
    value_at_risk: dict[str, float]
    """Per risk: Σ of the positive risk-adjusted NPVs (base) of the initiatives it threatens."""

    @property
    def name(self) -> str:
        return self.rows.settings.name

    @property
    def currency(self) -> str:
        return self.rows.settings.currency

    @property
    def gate(self) -> int:
        return self.rows.settings.readiness_gate

    @property
    def appetite(self) -> int:
        return self.rows.settings.risk_appetite

    @property
    def lane_of(self) -> dict[str, str]:
        return {row.key: row.lane for row in self.rows.initiatives}

    def open_risks(self) -> list[RiskRow]:
        """Risks that are not closed: those the heat map counts."""
        return [risk for risk in self.rows.risks if risk.status != "closed"]

    def risks_above_appetite(self) -> list[RiskRow]:
        return [risk for risk in self.open_risks() if above_appetite(risk.residual_score, self.appetite)]

    def capability_gaps(self) -> int:
        """Needs (initiative × capability) whose required level is above the capability's current maturity."""
        current = {c.key: c.current_maturity for c in self.rows.capabilities}
        return sum(len(needs) for needs in initiative_gaps(self.rows.needs, current).values())

    def value_by_outcome(self) -> tuple[list[str], list[float]]:
        """Σ of the initiatives' risk-adjusted NPVs (base) per outcome; outcomes with no case left out."""
        totals: dict[str, float] = {}
        for initiative in self.rows.initiatives:
            if initiative.key in self.figures:
                outcome = self.rows.outcome_of.get(initiative.key, "No outcome")
                totals[outcome] = totals.get(outcome, 0.0) + initiative.value
        return list(totals), list(totals.values())

    def portfolio_flows(self) -> dict[str, tuple[float, ...]]:
        return {name: totals.cash_flows for name, totals in self.totals.items()} if self.figures else {}

    def heat_counts(self) -> dict[tuple[int, int], int]:
        """Open risks per residual (likelihood, impact)."""
        return dict(Counter((r.residual_likelihood, r.residual_impact) for r in self.open_risks()))

    def top_risks(self, count: int) -> list[RiskRow]:
        """Open risks, highest residual score first, then most value at risk, then key."""
        return sorted(
            self.open_risks(),
            key=lambda r: (-r.residual_score, -self.value_at_risk.get(r.key, 0.0), key_sort_value(r.key)),
        )[:count]

    def top_capabilities(self, count: int) -> list[tuple[CapabilityRow, CapabilityMetrics]]:
        """Capabilities by value unlocked (then reuse, then key), most first."""
        by_key = {c.key: c for c in self.rows.capabilities}
        return [(by_key[m.key], m) for m in ranked(self.metrics.values(), "value unlocked")[:count]]

    def top_cases(self, count: int) -> list[tuple[InitiativeRow, Figures, float | None]]:
        """Initiatives with a business case, highest base NPV first, with their base figures and IRR."""
        by_key = {row.key: row for row in self.initiatives}
        keys = sorted(self.figures, key=lambda k: (-self.figures[k]["base"].npv, key_sort_value(k)))[:count]
        rates = irrs([self.figures[k]["base"].flows.cash_flows for k in keys])
        return [(by_key[k], self.figures[k]["base"], rate) for k, rate in zip(keys, rates, strict=True)]

    def readiness_verdict(self, initiative: InitiativeRow) -> str:
        """`ready`, `at gate`, or `below gate: Monitoring` (`below gate: 3 scores` for several)."""
        level = readiness_level(initiative.readiness, self.gate)
        if level is not ReadinessLevel.BLOCKED:
            return str(level.value)
        failures = gate_failures(initiative.readiness, self.gate)
        return f"below gate: {failures[0] if len(failures) == 1 else f'{len(failures)} scores'}"

    def alerts_by_kind(self) -> dict[str, list[Alert]]:
        """Alerts grouped by kind, kinds in the order they first appear."""
        groups: dict[str, list[Alert]] = {}
        for alert in self.rows.alerts:
            groups.setdefault(alert.kind.value, []).append(alert)
        return groups


def risk_text(risk: RiskRow) -> str:
    """`12 high`: a residual score with its band."""
    return f"{risk.residual_score} {band(risk.residual_score)}"


def read_report(path: Location, today: date) -> ReportData:
    """Read the workspace at `path` read-only, in one transaction, and compute what the report shows."""
    from align_desktop.store import queries
    from align_desktop.store.connection import transaction
    from align_desktop.store.dashboard_queries import dashboard
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.reading import read_only

    with read_only(path) as (connection, version):
        if version < RISKS_SCHEMA:
            raise WorkspaceError(
                f"{path} is a workspace from before the risk register (schema {version}); "
                "open it in Align Desktop once to upgrade it."
            )
        with transaction(connection) as db:
            rows = dashboard(db, today)
            initiatives = queries.initiatives(db)
    return compute(rows, initiatives, today)


def compute(rows: DashboardRows, initiatives: list[InitiativeRow], today: date) -> ReportData:
    settings = rows.settings
    assumptions = Assumptions(settings.horizon, settings.discount_rate, settings.scenarios)
    figures = {summary.initiative_key: evaluate_case(summary.case(), assumptions) for summary in rows.cases}
    totals = {
        name: portfolio_totals([by_scenario[name] for by_scenario in figures.values()], settings.horizon)
        for name in SCENARIOS
    }
    values = {row.key: row.value for row in rows.initiatives}
    current = {c.key: c.current_maturity for c in rows.capabilities}
    metrics = capability_metrics(rows.needs, current, values)
    at_risk = {risk.key: sum(max(0.0, values.get(k, 0.0)) for k in risk.initiative_keys) for risk in rows.risks}
    return ReportData(rows, initiatives, today, figures, totals, metrics, at_risk)
