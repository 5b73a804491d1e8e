"""PortfolioCalculator: only changed cases are evaluated again, with the same figures as a cold start."""

from __future__ import annotations

from dataclasses import replace

import pytest

from align_desktop.domain import portfolio
from align_desktop.domain.portfolio import Assumptions, PortfolioCalculator, evaluate_case, totals
from align_desktop.domain.roi import DEFAULT_SCENARIOS, BusinessCase, CostLine, Figures, evaluate, npv
from tests.domain.test_roi import worked_example

ASSUMPTIONS = Assumptions(horizon=3, rate=0.10, scenarios=DEFAULT_SCENARIOS)


def small_case(benefit: float) -> BusinessCase:
    return BusinessCase(benefit, (0.0, 1.0, 1.0, 1.0), (CostLine("other", (100.0,)),), confidence=0.5)


def portfolio_of(count: int) -> dict[str, BusinessCase]:
    return {f"I-{n:03d}": small_case(10.0 * n) for n in range(1, count + 1)}


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> list[BusinessCase]:
    """Every case `PortfolioCalculator` evaluates, in order."""
    seen: list[BusinessCase] = []

    def spy(case: BusinessCase, assumptions: Assumptions, *, with_irr: bool = False) -> dict[str, Figures]:
        seen.append(case)
        return evaluate_case(case, assumptions, with_irr=with_irr)

    monkeypatch.setattr(portfolio, "evaluate_case", spy)
    return seen


def test_first_evaluation_computes_every_case_under_every_scenario(evaluated: list[BusinessCase]) -> None:
    cases = portfolio_of(5)
    result = PortfolioCalculator().evaluate(ASSUMPTIONS, cases)
    assert len(evaluated) == 5
    assert list(result) == list(cases)
    for key, case in cases.items():
        assert set(result[key]) == {"pessimistic", "base", "optimistic"}
        for name, scenario in DEFAULT_SCENARIOS.items():
            assert result[key][name] == evaluate(case, 3, 0.10, scenario, with_irr=False)


def test_only_changed_cases_are_evaluated_again(evaluated: list[BusinessCase]) -> None:
    calculator = PortfolioCalculator()
    cases = portfolio_of(50)
    calculator.evaluate(ASSUMPTIONS, cases)
    evaluated.clear()

    unchanged = calculator.evaluate(ASSUMPTIONS, dict(cases))
    assert evaluated == []
    assert unchanged == PortfolioCalculator().evaluate(ASSUMPTIONS, cases)
    evaluated.clear()

    edited = dict(cases)
    edited["I-007"] = replace(cases["I-007"], annual_benefit=1_000.0)
    result = calculator.evaluate(ASSUMPTIONS, edited)
    assert evaluated == [edited["I-007"]]
    assert result["I-007"]["base"].npv == pytest.approx(-100 + 1_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331))


def test_an_equal_but_new_case_object_is_not_evaluated_again(evaluated: list[BusinessCase]) -> None:
    calculator = PortfolioCalculator()
    calculator.evaluate(ASSUMPTIONS, {"I-001": small_case(10.0)})
    calculator.evaluate(ASSUMPTIONS, {"I-001": small_case(10.0)})
    assert len(evaluated) == 1


def test_incremental_figures_equal_a_cold_evaluation() -> None:
    calculator = PortfolioCalculator()
    cases = portfolio_of(20)
    calculator.evaluate(ASSUMPTIONS, cases)
    for n in (3, 11, 20):
        key = f"I-{n:03d}"
        cases[key] = replace(cases[key], cost_lines=(CostLine("monitoring", (5.0, 5.0, 5.0, 5.0)),))
        warm = calculator.evaluate(ASSUMPTIONS, cases)
        assert warm == PortfolioCalculator().evaluate(ASSUMPTIONS, cases)


def test_removed_cases_are_dropped(evaluated: list[BusinessCase]) -> None:
    calculator = PortfolioCalculator()
    cases = portfolio_of(3)
    calculator.evaluate(ASSUMPTIONS, cases)
    del cases["I-002"]
    result = calculator.evaluate(ASSUMPTIONS, cases)
    assert list(result) == ["I-001", "I-003"]
    evaluated.clear()
    # the dropped case is not remembered: bringing it back evaluates it afresh
    cases["I-002"] = small_case(20.0)
    calculator.evaluate(ASSUMPTIONS, cases)
    assert evaluated == [small_case(20.0)]


@pytest.mark.parametrize(
    "changed",
    [
        replace(ASSUMPTIONS, rate=0.05),
        replace(ASSUMPTIONS, horizon=5),
        replace(ASSUMPTIONS, scenarios={**DEFAULT_SCENARIOS, "pessimistic": replace(DEFAULT_SCENARIOS["base"])}),
    ],
    ids=["rate", "horizon", "scenario"],
)
def test_changed_assumptions_evaluate_everything_again(evaluated: list[BusinessCase], changed: Assumptions) -> None:
    calculator = PortfolioCalculator()
    cases = portfolio_of(4)
    calculator.evaluate(ASSUMPTIONS, cases)
    evaluated.clear()
    result = calculator.evaluate(changed, cases)
    assert len(evaluated) == 4
    assert result == PortfolioCalculator().evaluate(changed, cases)
    for key, case in cases.items():
        assert result[key]["pessimistic"] == evaluate(
            case, changed.horizon, changed.rate, changed.scenarios["pessimistic"], with_irr=False
        )


def test_equal_assumptions_built_afresh_keep_the_cache(evaluated: list[BusinessCase]) -> None:
    calculator = PortfolioCalculator()
    calculator.evaluate(ASSUMPTIONS, portfolio_of(2))
    calculator.evaluate(Assumptions(3, 0.10, dict(DEFAULT_SCENARIOS)), portfolio_of(2))
    assert len(evaluated) == 2


def test_irr_is_left_out_of_portfolio_figures() -> None:
    result = PortfolioCalculator().evaluate(ASSUMPTIONS, {"I-001": worked_example()})
    assert result["I-001"]["base"].irr is None
    assert evaluate_case(worked_example(), ASSUMPTIONS, with_irr=True)["base"].irr == pytest.approx(0.4726, abs=5e-5)


def test_totals_per_scenario() -> None:
    cases = {"I-001": worked_example(confidence=0.8), "I-002": small_case(50.0)}
    figures = PortfolioCalculator().evaluate(ASSUMPTIONS, cases)
    base = totals(figures, "base", 3)
    # worked example 130,394.44 plus -100 + 50 × (1/1.1 + 1/1.21 + 1/1.331) = 24.34
    assert base.npv == pytest.approx(130_394.44 + 24.34, abs=0.01)
    assert base.cash_flows == (-120_100.0, 2_550.0, 127_550.0, 190_050.0)
    assert base.npv == pytest.approx(npv(0.10, base.cash_flows))
    # risk-adjusted: 50,473.33 and, at 50 % confidence, -100 + 25 × 2.48685 = -37.83
    assert base.risk_adjusted_npv == pytest.approx(50_473.33 - 100 + 25 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331), abs=0.01)
    for name in DEFAULT_SCENARIOS:
        scenario_totals = totals(figures, name, 3)
        assert scenario_totals.npv == pytest.approx(sum(f[name].npv for f in figures.values()))
        assert scenario_totals.total_cost == pytest.approx(sum(f[name].total_cost for f in figures.values()))
        assert scenario_totals.npv == pytest.approx(npv(0.10, scenario_totals.cash_flows))
    pessimistic, optimistic = totals(figures, "pessimistic", 3), totals(figures, "optimistic", 3)
    assert pessimistic.npv < base.npv < optimistic.npv
    # costs: 300,100 × 1.2 and × 0.9
    assert pessimistic.total_cost == pytest.approx(360_120.0)
    assert optimistic.total_cost == pytest.approx(270_090.0)


def test_totals_of_an_empty_portfolio() -> None:
    figures = PortfolioCalculator().evaluate(ASSUMPTIONS, {})
    assert figures == {}
    empty = totals(figures, "base", 3)
    assert empty.cash_flows == (0.0, 0.0, 0.0, 0.0)
    assert empty.npv == 0
    assert empty.roi is None
