"""ROI arithmetic of a business case, normative in DESIGN.md ("ROI arithmetic").

Years run t = 0 … H. For a scenario with multipliers m_b (benefits) and m_c (costs):
benefit_t = B × adoption_t × m_b; cost_t = Σ cost lines in year t × m_c; CF_t = benefit_t − cost_t.
NPV discounts year t by (1 + r)^t (year 0 undiscounted). Risk-adjusted figures multiply benefits
by the confidence. ROI % and payback are undiscounted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

COST_CATEGORIES: tuple[str, ...] = (
    "data engineering",
    "model training",
    "deployment",
    "monitoring",
    "incident response",
    "other",
)
"""Total-cost-of-ownership categories of a cost line."""

SCENARIOS: tuple[str, ...] = ("pessimistic", "base", "optimistic")


@dataclass(frozen=True)
class Scenario:
    """Multipliers applied to every benefit and every cost."""

    name: str
    benefit: float = 1.0
    cost: float = 1.0


BASE = Scenario("base")
DEFAULT_SCENARIOS: dict[str, Scenario] = {
    "pessimistic": Scenario("pessimistic", benefit=0.7, cost=1.2),
    "base": BASE,
    "optimistic": Scenario("optimistic", benefit=1.2, cost=0.9),
}


@dataclass(frozen=True)
class CostLine:
    """Amounts of one cost line by year (index t = year t); missing years cost nothing."""

    category: str
    amounts: tuple[float, ...]


@dataclass(frozen=True)
class BusinessCase:
    """What an initiative costs and what it brings, before any scenario or discounting.

    `adoption[t]` is the share (0…1) of the full annual benefit reached in year t.
    """

    annual_benefit: float
    adoption: tuple[float, ...]
    cost_lines: tuple[CostLine, ...] = ()
    confidence: float = 1.0

    def adoption_in(self, year: int) -> float:
        return self.adoption[year] if year < len(self.adoption) else 0.0


@dataclass(frozen=True)
class Flows:
    """Yearly benefits, costs and net cash flows of one case under one scenario."""

    benefits: tuple[float, ...]
    costs: tuple[float, ...]

    @property
    def cash_flows(self) -> tuple[float, ...]:
        return tuple(b - c for b, c in zip(self.benefits, self.costs, strict=True))


@dataclass(frozen=True)
class Figures:
    """Everything the calculator reports for one case under one scenario."""

    flows: Flows
    npv: float
    risk_adjusted_npv: float
    irr: float | None
    payback: float | None
    roi: float | None
    total_benefit: float
    total_cost: float

    @property
    def npv_per_cost(self) -> float | None:
        """NPV per unit of (undiscounted) cost: how hard each unit of spend works."""
        return self.npv / self.total_cost if self.total_cost else None


def flows(case: BusinessCase, horizon: int, scenario: Scenario = BASE) -> Flows:
    """Benefits and costs for years 0 … `horizon` under `scenario`."""
    years = horizon + 1
    benefits = tuple(case.annual_benefit * case.adoption_in(t) * scenario.benefit for t in range(years))
    yearly = [0.0] * years
    for line in case.cost_lines:
        for t, amount in enumerate(line.amounts[:years]):
            yearly[t] += amount
    return Flows(benefits, tuple(cost * scenario.cost for cost in yearly))


@lru_cache(maxsize=64)
def discount_factors(rate: float, horizon: int) -> tuple[float, ...]:
    """1 / (1 + rate)^t for t = 0 … `horizon`."""
    factor = 1.0 + rate
    # factor**-t rather than 1 / factor**t: a huge rate then discounts to 0 instead of overflowing
    return tuple(factor**-t for t in range(horizon + 1))


def npv(rate: float, cash_flows: Sequence[float]) -> float:
    """Σ CF_t / (1 + rate)^t, year 0 undiscounted (Excel: CF0 + NPV(rate, CF1:CFH))."""
    factors = discount_factors(rate, len(cash_flows) - 1)
    return sum(cf * f for cf, f in zip(cash_flows, factors, strict=True))


def base_values(
    annual_benefit: float,
    adoption: Sequence[float],
    yearly_costs: Sequence[float],
    confidence: float,
    factors: Sequence[float],
) -> tuple[float, float]:
    """Base-scenario NPV and risk-adjusted NPV straight from yearly figures.

    The fast path for boards of thousands of cases: `factors` (from `discount_factors`) are
    computed once for all of them. Equal to `evaluate`'s figures (tested).
    """
    benefits = annual_benefit * sum(a * f for a, f in zip(adoption, factors, strict=True))
    costs = sum(c * f for c, f in zip(yearly_costs, factors, strict=True))
    return benefits - costs, benefits * confidence - costs


def irr(cash_flows: Sequence[float]) -> float | None:
    """The rate at which NPV is zero, or None ("n/a") where the flows never change sign.

    numpy-financial's method: where several rates give NPV zero, the one closest to zero.
    Flows whose sizes differ beyond what floating point can solve (the rate found does not
    bring NPV to zero, or would be −100 % or infinite) have none either.
    """
    return irrs([cash_flows])[0]


def irrs(series: Sequence[Sequence[float]]) -> list[float | None]:
    """The IRR of each cash-flow series (see `irr`), computed in batches.

    numpy-financial's `irr` finds the roots of the cash-flow polynomial as the eigenvalues of its
    companion matrix (`numpy.roots`), keeps the real positive roots x and reports the rate
    1/x − 1 closest to zero. Here the companion matrices of all series of one degree go to
    LAPACK in one `eigvals` call (2,000 cases cost one call, not 2,000); tests hold the result
    to numpy-financial's. A batch LAPACK cannot solve falls back to numpy-financial, one by one.
    """
    import numpy as np

    results: list[float | None] = [None] * len(series)
    by_degree: dict[int, list[tuple[int, list[float]]]] = {}
    for index, flows in enumerate(series):
        if len({math.copysign(1.0, cf) for cf in flows if cf != 0}) < 2:
            continue
        used = [t for t, cf in enumerate(flows) if cf != 0]
        # highest power first; zero flows at either end only add roots at zero or lower the degree
        coefficients = list(flows[used[0] : used[-1] + 1])[::-1]
        by_degree.setdefault(len(coefficients) - 1, []).append((index, coefficients))
    for degree, members in by_degree.items():
        with np.errstate(all="ignore"):
            p = np.array([coefficients for _, coefficients in members], dtype=float)
            companion = np.zeros((len(members), degree, degree))
            companion[:, 1:, :-1] = np.eye(degree - 1)
            companion[:, 0, :] = -p[:, 1:] / p[:, :1]
            try:
                roots = np.linalg.eigvals(companion)
            except np.linalg.LinAlgError:  # some series beyond floating point: take them one by one
                for index, _ in members:
                    results[index] = _one_by_one(series[index])
                continue
            usable = (roots.imag == 0) & (roots.real > 0)
            rates = np.full(usable.shape, np.inf)
            np.divide(1.0, roots.real, out=rates, where=usable)
            rates -= 1.0
            closest = np.argmin(np.abs(rates), axis=1)
            chosen = rates[np.arange(len(members)), closest]
        for (index, _), found, rate in zip(members, usable.any(axis=1), chosen, strict=True):
            if found:
                results[index] = _accepted(series[index], float(rate))
    return results


def _accepted(flows: Sequence[float], rate: float) -> float | None:
    """The rate found, unless it is not a rate (infinite, at or below -100 %) or leaves NPV short of zero."""
    if not (math.isfinite(rate) and rate > -1):
        return None
    size = sum(abs(cf) * (1.0 + rate) ** -t for t, cf in enumerate(flows))
    return rate if abs(npv(rate, flows)) <= 1e-6 * size else None


def _one_by_one(flows: Sequence[float]) -> float | None:
    import numpy
    import numpy_financial

    with numpy.errstate(all="ignore"):
        try:
            return _accepted(flows, float(numpy_financial.irr(list(flows))))
        except numpy.linalg.LinAlgError:
            return None


def payback(cash_flows: Sequence[float]) -> float | None:
    """Years until the cumulative cash flow turns non-negative, interpolated within the year.

    0 when year 0 already breaks even; None when it never does within the horizon.
    """
    cumulative = 0.0
    for t, cf in enumerate(cash_flows):
        before = cumulative
        cumulative += cf
        if cumulative >= 0:
            return 0.0 if t == 0 else (t - 1) + (-before / cf)
    return None


def roi(total_benefit: float, total_cost: float) -> float | None:
    """(Σ benefit − Σ cost) / Σ cost, undiscounted; None when there is no cost."""
    return (total_benefit - total_cost) / total_cost if total_cost else None


def evaluate(
    case: BusinessCase, horizon: int, rate: float, scenario: Scenario = BASE, *, with_irr: bool = True
) -> Figures:
    """Every figure of one case under one scenario; IRR is skipped when not asked for."""
    yearly = flows(case, horizon, scenario)
    cash = yearly.cash_flows
    discounted_benefits = npv(rate, yearly.benefits)
    discounted_costs = npv(rate, yearly.costs)
    total_benefit = sum(yearly.benefits)
    total_cost = sum(yearly.costs)
    return Figures(
        flows=yearly,
        npv=discounted_benefits - discounted_costs,
        risk_adjusted_npv=discounted_benefits * case.confidence - discounted_costs,
        irr=irr(cash) if with_irr else None,
        payback=payback(cash),
        roi=roi(total_benefit, total_cost),
        total_benefit=total_benefit,
        total_cost=total_cost,
    )


@dataclass(frozen=True)
class PortfolioTotals:
    """Sums over every business case of a portfolio under one scenario."""

    npv: float
    risk_adjusted_npv: float
    total_benefit: float
    total_cost: float
    cash_flows: tuple[float, ...]

    @property
    def roi(self) -> float | None:
        return roi(self.total_benefit, self.total_cost)


def portfolio_totals(figures: Sequence[Figures], horizon: int) -> PortfolioTotals:
    """Add up the figures of many cases (each computed over the same horizon)."""
    cash = [0.0] * (horizon + 1)
    for item in figures:
        for t, cf in enumerate(item.flows.cash_flows):
            cash[t] += cf
    return PortfolioTotals(
        npv=sum(f.npv for f in figures),
        risk_adjusted_npv=sum(f.risk_adjusted_npv for f in figures),
        total_benefit=sum(f.total_benefit for f in figures),
        total_cost=sum(f.total_cost for f in figures),
        cash_flows=tuple(cash),
    )
