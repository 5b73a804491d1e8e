"""The figures of every business case of a portfolio, per scenario, recomputed only where changed.

`PortfolioCalculator` remembers each case's inputs and figures; after an edit, only the cases
whose inputs changed are evaluated again (a whole `stress` portfolio is 2,000 cases × 3
scenarios), and the totals are summed afresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from align_desktop.domain.roi import BusinessCase, Figures, PortfolioTotals, Scenario, evaluate, portfolio_totals


@dataclass(frozen=True)
class Assumptions:
    """What every case of a portfolio is computed under."""

    horizon: int
    rate: float
    scenarios: Mapping[str, Scenario]


class PortfolioCalculator:
    """Figures per case and scenario, cached by the case's inputs."""

    def __init__(self) -> None:
        self._assumptions: Assumptions | None = None
        self._cache: dict[str, tuple[BusinessCase, dict[str, Figures]]] = {}

    def evaluate(self, assumptions: Assumptions, cases: Mapping[str, BusinessCase]) -> dict[str, dict[str, Figures]]:
        """Figures of each case (by key) under each scenario (by name); IRR is left out here."""
        if assumptions != self._assumptions:
            self._assumptions = assumptions
            self._cache = {}
        cache: dict[str, tuple[BusinessCase, dict[str, Figures]]] = {}
        for key, case in cases.items():
            known = self._cache.get(key)
            if known is not None and known[0] == case:
                cache[key] = known
            else:
                cache[key] = (case, evaluate_case(case, assumptions))
        self._cache = cache
        return {key: figures for key, (_, figures) in cache.items()}


def evaluate_case(case: BusinessCase, assumptions: Assumptions, *, with_irr: bool = False) -> dict[str, Figures]:
    """One case under every scenario of `assumptions`."""
    return {
        name: evaluate(case, assumptions.horizon, assumptions.rate, scenario, with_irr=with_irr)
        for name, scenario in assumptions.scenarios.items()
    }


def totals(figures: Mapping[str, Mapping[str, Figures]], scenario: str, horizon: int) -> PortfolioTotals:
    """Portfolio totals under one scenario."""
    return portfolio_totals([by_scenario[scenario] for by_scenario in figures.values()], horizon)
