"""Properties of the ROI arithmetic that must hold for any business case, checked with hypothesis.

NPV at 0 % is the plain sum; a conventional investment's NPV falls as the rate rises; payback,
when reported, lies within the horizon; IRR, when reported, zeroes the NPV (and is numpy-financial's
for conventional flows); risk adjustment never raises NPV; nothing finite makes `evaluate` raise.
"""

from __future__ import annotations

import itertools
import math

import numpy_financial
from hypothesis import given, settings
from hypothesis import strategies as st

from align_desktop.domain.roi import COST_CATEGORIES, DEFAULT_SCENARIOS, BusinessCase, CostLine, evaluate, irr, npv

EXAMPLES = settings(max_examples=150, deadline=None)

money = st.integers(min_value=0, max_value=10**9).map(lambda cents: cents / 100)
"""Amounts as people type them: whole cents up to ten million."""
shares = st.integers(min_value=0, max_value=100).map(lambda percent: percent / 100)
horizons = st.integers(min_value=1, max_value=10)
rates = st.floats(min_value=-0.9, max_value=2.0)


@st.composite
def cases(draw: st.DrawFn, amounts: st.SearchStrategy[float] = money) -> BusinessCase:
    """Any business case: a benefit, adoption for some years, up to four cost lines, a confidence."""
    lines = draw(
        st.lists(
            st.builds(
                CostLine,
                st.sampled_from(COST_CATEGORIES),
                st.lists(amounts, max_size=11).map(tuple),
            ),
            max_size=4,
        )
    )
    return BusinessCase(
        annual_benefit=draw(amounts),
        adoption=tuple(draw(st.lists(st.floats(min_value=0, max_value=1), max_size=11))),
        cost_lines=tuple(lines),
        confidence=draw(st.floats(min_value=0, max_value=1)),
    )


@st.composite
def conventional_flows(draw: st.DrawFn) -> list[float]:
    """Negative year 0, then non-negative years with at least one of them positive."""
    horizon = draw(horizons)
    first = -draw(st.integers(min_value=1, max_value=10**7))
    later = draw(st.lists(st.integers(min_value=0, max_value=10**7), min_size=horizon, max_size=horizon))
    if not any(later):
        later[draw(st.integers(min_value=0, max_value=horizon - 1))] = draw(st.integers(1, 10**7))
    return [float(first), *map(float, later)]


@st.composite
def conventional_cases(draw: st.DrawFn) -> tuple[BusinessCase, int]:
    """A build cost in year 0 only and a benefit adopted from year 1: a conventional investment."""
    horizon = draw(horizons)
    adoption = draw(st.lists(shares, min_size=horizon, max_size=horizon))
    if not any(adoption):
        adoption[-1] = 1.0
    case = BusinessCase(
        annual_benefit=float(draw(st.integers(min_value=100, max_value=10**7))),
        adoption=(0.0, *adoption),
        cost_lines=(CostLine(draw(st.sampled_from(COST_CATEGORIES)), (float(draw(st.integers(1, 10**7))),)),),
        confidence=draw(st.floats(min_value=0, max_value=1)),
    )
    return case, horizon


def scale(rate: float, cash_flows: list[float] | tuple[float, ...]) -> float:
    """The size of the terms an NPV at `rate` adds up, for a relative tolerance."""
    return sum(abs(cf) * (1 + rate) ** -t for t, cf in enumerate(cash_flows))


@EXAMPLES
@given(case=cases(), horizon=horizons)
def test_npv_at_zero_rate_is_the_plain_sum(case: BusinessCase, horizon: int) -> None:
    figures = evaluate(case, horizon, 0.0)
    cash = figures.flows.cash_flows
    assert math.isclose(figures.npv, sum(cash), rel_tol=1e-9, abs_tol=1e-9 * scale(0.0, cash) + 1e-9)
    assert math.isclose(npv(0.0, cash), math.fsum(cash), rel_tol=1e-9, abs_tol=1e-9 * scale(0.0, cash) + 1e-9)


@EXAMPLES
@given(cash=conventional_flows(), low=st.floats(-0.5, 1.0), step=st.floats(0.01, 1.0))
def test_conventional_npv_falls_as_the_rate_rises(cash: list[float], low: float, step: float) -> None:
    assert npv(low + step, cash) < npv(low, cash)


@EXAMPLES
@given(drawn=conventional_cases(), low=st.floats(-0.5, 1.0), step=st.floats(0.01, 1.0))
def test_conventional_case_npv_falls_as_the_rate_rises(
    drawn: tuple[BusinessCase, int], low: float, step: float
) -> None:
    case, horizon = drawn
    for scenario in DEFAULT_SCENARIOS.values():
        lower = evaluate(case, horizon, low, scenario, with_irr=False)
        higher = evaluate(case, horizon, low + step, scenario, with_irr=False)
        assert higher.npv < lower.npv


@EXAMPLES
@given(case=cases(), horizon=horizons, rate=rates)
def test_payback_when_reported_lies_within_the_horizon(case: BusinessCase, horizon: int, rate: float) -> None:
    for scenario in DEFAULT_SCENARIOS.values():
        figures = evaluate(case, horizon, rate, scenario)
        cumulative = list(itertools.accumulate(figures.flows.cash_flows))
        first = next((t for t, total in enumerate(cumulative) if total >= 0), None)
        if first is None:
            assert figures.payback is None
        else:
            assert figures.payback is not None
            assert 0 <= figures.payback <= horizon
            if first == 0:
                assert figures.payback == 0
            else:
                assert first - 1 < figures.payback <= first


@EXAMPLES
@given(case=cases(), horizon=horizons)
def test_irr_when_reported_makes_npv_zero(case: BusinessCase, horizon: int) -> None:
    figures = evaluate(case, horizon, 0.10)
    if figures.irr is not None:
        cash = figures.flows.cash_flows
        assert figures.irr > -1
        assert abs(npv(figures.irr, cash)) <= 1e-6 * scale(figures.irr, cash)


@EXAMPLES
@given(cash=conventional_flows())
def test_conventional_irr_exists_and_agrees_with_numpy_financial(cash: list[float]) -> None:
    rate = irr(cash)
    assert rate is not None, "one sign change always has exactly one IRR"
    assert math.isclose(rate, float(numpy_financial.irr(cash)), rel_tol=1e-9, abs_tol=1e-12)
    assert abs(npv(rate, cash)) <= 1e-6 * scale(rate, cash)


@EXAMPLES
@given(case=cases(), horizon=horizons, rate=rates)
def test_risk_adjusted_npv_never_exceeds_npv(case: BusinessCase, horizon: int, rate: float) -> None:
    for scenario in DEFAULT_SCENARIOS.values():
        figures = evaluate(case, horizon, rate, scenario, with_irr=False)
        assert figures.risk_adjusted_npv <= figures.npv


finite = st.floats(min_value=0, max_value=1e12)
"""Any finite amount, subnormal ones included."""


@EXAMPLES
@given(
    case=cases(finite),
    horizon=horizons,
    rate=st.one_of(st.floats(min_value=-0.99, max_value=10.0), st.floats(min_value=10.0, max_value=1e300)),
)
def test_evaluate_never_raises_for_finite_inputs(case: BusinessCase, horizon: int, rate: float) -> None:
    for scenario in DEFAULT_SCENARIOS.values():
        figures = evaluate(case, horizon, rate, scenario)
        assert math.isfinite(figures.npv)
        assert math.isfinite(figures.risk_adjusted_npv)
        assert figures.irr is None or math.isfinite(figures.irr)


@given(horizon=horizons, rate=rates)
def test_an_empty_case_evaluates_to_zero(horizon: int, rate: float) -> None:
    figures = evaluate(BusinessCase(0.0, ()), horizon, rate)
    assert figures.flows.cash_flows == (0.0,) * (horizon + 1)
    assert (figures.npv, figures.irr, figures.payback, figures.roi) == (0.0, None, 0.0, None)
