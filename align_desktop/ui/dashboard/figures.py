"""What the dashboard shows, worked out from one `DashboardRows` read: headline figures and chart inputs.

No Qt and no matplotlib here. Portfolio NPVs use the linearity of NPV: every case shares the
horizon and the rate, so the portfolio's NPV under a scenario is `domain.roi.npv` of the summed
yearly cash flows (benefits × the scenario's benefit multiplier − costs × its cost multiplier),
which equals the sum of the cases' NPVs (`evaluate` + `portfolio_totals`, tested) at a fraction
of the cost on 2,000 cases. Capability figures are `domain.matrix.capability_metrics`'; risk
figures count open risks only, as the register's heat maps do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from align_desktop.domain.alerts import AlertKind
from align_desktop.domain.matrix import capability_metrics
from align_desktop.domain.risk import above_appetite
from align_desktop.domain.roi import SCENARIOS, npv
from align_desktop.store.rows import DashboardRows

TOP_OUTCOMES = 10
"""Outcomes charted one by one; the rest share one bar, so that the bars still add up."""
TOP_CAPABILITIES = 15
"""Capabilities charted, most value unlocked first: few enough that every key stays legible."""


@dataclass(frozen=True)
class ScenarioTotals:
    """The portfolio under one scenario."""

    npv: float
    risk_adjusted_npv: float
    cash_flows: tuple[float, ...]
    """Yearly net cash flow of every business case together, years 0 … horizon."""


@dataclass(frozen=True)
class Headline:
    """The tiles' figures."""

    currency: str
    scenarios: dict[str, ScenarioTotals]
    """Pessimistic, base and optimistic, in that order."""
    cases: int
    initiatives: int
    per_lane: dict[str, int]
    per_status: dict[str, int]
    shortfalls: int
    """Needs above the capability's current maturity."""
    capabilities_blocking: int
    """Capabilities with at least one such need."""
    open_risks: int
    risks_above_appetite: int
    appetite: int
    alerts: int
    alerts_per_kind: dict[AlertKind, int]
    alerted: tuple[int, int]
    """How many initiatives and how many risks the alerts are about."""


@dataclass(frozen=True)
class ChartData:
    """The inputs of the five charts; equal inputs draw equal charts (the view redraws only what changed)."""

    currency: str
    outcomes: tuple[str, ...]
    outcome_values: tuple[float, ...]
    readiness: tuple[tuple[str, tuple[int, ...]], ...]
    gate: int
    points: tuple[tuple[str, float, int], ...]
    """(capability key, value unlocked, current maturity) of the most valuable capabilities."""
    capability_count: int
    cells: tuple[tuple[tuple[int, int], int], ...]
    """(residual likelihood, residual impact) → open risks there."""
    appetite: int
    flows: tuple[tuple[str, tuple[float, ...]], ...]
    """Scenario → portfolio cash flows by year (empty without any business case)."""


@dataclass(frozen=True)
class Dashboard:
    headline: Headline
    charts: ChartData


def scenario_totals(rows: DashboardRows) -> dict[str, ScenarioTotals]:
    """Portfolio NPV, risk-adjusted NPV and cash flows under each of the workspace's scenarios."""
    settings = rows.settings
    years = settings.horizon + 1
    benefits, confident, costs = [0.0] * years, [0.0] * years, [0.0] * years
    for summary in rows.cases:
        confidence = summary.confidence / 100
        for t in range(min(years, len(summary.adoption))):
            benefit = summary.annual_benefit * summary.adoption[t]
            benefits[t] += benefit
            confident[t] += benefit * confidence
        for t in range(min(years, len(summary.costs))):
            costs[t] += summary.costs[t]
    scenarios = settings.scenarios
    totals = {}
    for name in SCENARIOS:
        scenario = scenarios[name]
        spent = [cost * scenario.cost for cost in costs]
        cash = tuple(b * scenario.benefit - c for b, c in zip(benefits, spent, strict=True))
        adjusted = [b * scenario.benefit - c for b, c in zip(confident, spent, strict=True)]
        totals[name] = ScenarioTotals(npv(settings.discount_rate, cash), npv(settings.discount_rate, adjusted), cash)
    return totals


def value_by_outcome(rows: DashboardRows, top: int = TOP_OUTCOMES) -> tuple[list[str], list[float]]:
    """Σ of the risk-adjusted NPVs (base) of each outcome's initiatives with a business case (as the PDF
    report counts), largest first; beyond `top`, one "N other outcomes" bar. The bars add up to the
    portfolio's risk-adjusted NPV."""
    with_case = {summary.initiative_key for summary in rows.cases}
    values: dict[str, float] = {}
    for initiative in rows.initiatives:
        if initiative.key not in with_case:
            continue
        outcome = rows.outcome_of.get(initiative.key, "No outcome")
        values[outcome] = values.get(outcome, 0.0) + initiative.value
    ranked = sorted(values, key=lambda name: (-values[name], name.casefold()))
    names, amounts = ranked[:top], [values[name] for name in ranked[:top]]
    rest = ranked[top:]
    if rest:
        names.append(other_outcomes_label(len(rest)))
        amounts.append(sum(values[name] for name in rest))
    return names, amounts


def other_outcomes_label(count: int) -> str:
    return f"{count} other outcome{'s' if count != 1 else ''}"


def work_out(rows: DashboardRows) -> Dashboard:
    """Every figure and chart input of the dashboard."""
    settings = rows.settings
    totals = scenario_totals(rows) if rows.cases else {name: ScenarioTotals(0.0, 0.0, ()) for name in SCENARIOS}
    current = {capability.key: capability.current_maturity for capability in rows.capabilities}
    metrics = capability_metrics((n for n in rows.needs if n.capability_key in current), current, _values(rows))
    open_risks = [risk for risk in rows.risks if risk.status != "closed"]
    appetite = settings.risk_appetite
    headline = Headline(
        currency=settings.currency,
        scenarios=totals,
        cases=len(rows.cases),
        initiatives=len(rows.initiatives),
        per_lane=dict(rows.initiatives_per_lane),
        per_status=dict(rows.initiatives_per_status),
        shortfalls=sum(len(m.blocked) for m in metrics.values()),
        capabilities_blocking=sum(1 for m in metrics.values() if m.blocked),
        open_risks=len(open_risks),
        risks_above_appetite=sum(1 for risk in open_risks if above_appetite(risk.residual_score, appetite)),
        appetite=appetite,
        alerts=len(rows.alerts),
        alerts_per_kind=dict(Counter(alert.kind for alert in rows.alerts)),
        alerted=(
            len({alert.key for alert in rows.alerts if alert.view != "risks"}),
            len({alert.key for alert in rows.alerts if alert.view == "risks"}),
        ),
    )
    outcomes, outcome_values = value_by_outcome(rows)
    ranked = sorted(rows.capabilities, key=lambda c: -metrics[c.key].value_unlocked)[:TOP_CAPABILITIES]
    cells = Counter((risk.residual_likelihood, risk.residual_impact) for risk in open_risks)
    charts = ChartData(
        currency=settings.currency,
        outcomes=tuple(outcomes),
        outcome_values=tuple(outcome_values),
        readiness=tuple(rows.readiness.items()),
        gate=settings.readiness_gate,
        points=tuple((c.key, metrics[c.key].value_unlocked, c.current_maturity) for c in ranked),
        capability_count=len(rows.capabilities),
        cells=tuple(sorted(cells.items())),
        appetite=appetite,
        flows=tuple((name, t.cash_flows) for name, t in totals.items()) if rows.cases else (),
    )
    return Dashboard(headline, charts)


def _values(rows: DashboardRows) -> dict[str, float]:
    return {initiative.key: initiative.value for initiative in rows.initiatives}
