"""ROI arithmetic (DESIGN.md "ROI arithmetic"): the worked example to the cent, and hand-checked edges.

Every expected figure below is worked out by hand in the comment beside it; a literal is
compared to the cent (abs < 0.005) or to the decimals the design states.
"""

from __future__ import annotations

import pytest

from align_desktop.domain.roi import (
    BASE,
    COST_CATEGORIES,
    DEFAULT_SCENARIOS,
    BusinessCase,
    CostLine,
    Figures,
    Scenario,
    base_values,
    discount_factors,
    evaluate,
    flows,
    irr,
    npv,
    payback,
    portfolio_totals,
    roi,
)

CENT = 0.005


def worked_example(confidence: float = 1.0) -> BusinessCase:
    """One-off data engineering 120,000 in year 0; 30,000 + 15,000 + 10,000 + 5,000 in years 1–3;
    benefit 250,000 a year at full adoption, adopted 25 %, 75 %, 100 % in years 1–3."""
    recurring = (0.0, 1.0, 1.0, 1.0)
    return BusinessCase(
        annual_benefit=250_000,
        adoption=(0.0, 0.25, 0.75, 1.0),
        cost_lines=(
            CostLine("data engineering", (120_000,)),
            CostLine("model training", tuple(30_000 * y for y in recurring)),
            CostLine("deployment", tuple(15_000 * y for y in recurring)),
            CostLine("monitoring", tuple(10_000 * y for y in recurring)),
            CostLine("incident response", tuple(5_000 * y for y in recurring)),
        ),
        confidence=confidence,
    )


class TestWorkedExample:
    """The design's worked example must hold to the cent."""

    def test_cash_flows(self) -> None:
        figures = evaluate(worked_example(), horizon=3, rate=0.10)
        # benefits 0; 62,500; 187,500; 250,000 — costs 120,000; 60,000; 60,000; 60,000
        assert figures.flows.benefits == (0.0, 62_500.0, 187_500.0, 250_000.0)
        assert figures.flows.costs == (120_000.0, 60_000.0, 60_000.0, 60_000.0)
        assert figures.flows.cash_flows == (-120_000.0, 2_500.0, 127_500.0, 190_000.0)

    def test_npv_to_the_cent(self) -> None:
        # -120,000 + 2,500/1.1 + 127,500/1.21 + 190,000/1.331
        # = -120,000 + 2,272.73 + 105,371.90 + 142,749.81 = 130,394.44
        figures = evaluate(worked_example(), horizon=3, rate=0.10)
        assert abs(figures.npv - 130_394.44) < CENT
        assert abs(npv(0.10, figures.flows.cash_flows) - 130_394.44) < CENT

    def test_irr_payback_roi(self) -> None:
        figures = evaluate(worked_example(), horizon=3, rate=0.10)
        assert figures.irr is not None
        assert round(figures.irr * 100, 2) == 47.26
        assert abs(npv(figures.irr, figures.flows.cash_flows)) < 1e-6
        # cumulative: -120,000; -117,500; 10,000 → payback in year 2: 1 + 117,500 / 127,500 = 1.9216
        assert figures.payback == pytest.approx(1 + 117_500 / 127_500)
        assert round(figures.payback, 2) == 1.92
        # (500,000 − 300,000) / 300,000
        assert figures.total_benefit == 500_000
        assert figures.total_cost == 300_000
        assert figures.roi is not None
        assert round(figures.roi * 100, 2) == 66.67

    def test_risk_adjusted_npv_at_80_percent_confidence(self) -> None:
        # discounted benefits 56,818.18 + 154,958.68 + 187,828.70 = 399,605.56; × 0.8 = 319,684.45
        # discounted costs 120,000 + 60,000 × (1/1.1 + 1/1.21 + 1/1.331) = 269,211.12
        figures = evaluate(worked_example(confidence=0.8), horizon=3, rate=0.10)
        assert abs(figures.risk_adjusted_npv - 50_473.33) < CENT
        assert abs(figures.npv - 130_394.44) < CENT, "confidence leaves the plain NPV alone"

    def test_full_confidence_risk_adjusted_equals_npv(self) -> None:
        figures = evaluate(worked_example(confidence=1.0), horizon=3, rate=0.10)
        assert figures.risk_adjusted_npv == pytest.approx(figures.npv)

    def test_irr_can_be_skipped(self) -> None:
        assert evaluate(worked_example(), horizon=3, rate=0.10, with_irr=False).irr is None

    def test_npv_per_unit_of_cost(self) -> None:
        figures = evaluate(worked_example(), horizon=3, rate=0.10)
        assert figures.npv_per_cost == pytest.approx(130_394.44 / 300_000, abs=1e-7)


class TestScenarios:
    def test_default_multipliers(self) -> None:
        assert DEFAULT_SCENARIOS["pessimistic"] == Scenario("pessimistic", benefit=0.7, cost=1.2)
        assert DEFAULT_SCENARIOS["base"] == BASE == Scenario("base", 1.0, 1.0)
        assert DEFAULT_SCENARIOS["optimistic"] == Scenario("optimistic", benefit=1.2, cost=0.9)

    def test_pessimistic_multiplies_benefits_by_07_and_costs_by_12(self) -> None:
        figures = evaluate(worked_example(), 3, 0.10, DEFAULT_SCENARIOS["pessimistic"])
        # benefits 0.7 × (0; 62,500; 187,500; 250,000); costs 1.2 × (120,000; 60,000 …)
        assert figures.flows.benefits == pytest.approx((0.0, 43_750.0, 131_250.0, 175_000.0))
        assert figures.flows.costs == pytest.approx((144_000.0, 72_000.0, 72_000.0, 72_000.0))
        assert figures.flows.cash_flows == pytest.approx((-144_000.0, -28_250.0, 59_250.0, 103_000.0))
        # -144,000 − 28,250/1.1 + 59,250/1.21 + 103,000/1.331 = -43,329.45
        assert abs(figures.npv - (-144_000 - 28_250 / 1.1 + 59_250 / 1.21 + 103_000 / 1.331)) < CENT
        assert abs(figures.npv - (-43_329.45)) < CENT
        # cumulative -144,000; -172,250; -113,000; -10,000: never breaks even within three years
        assert figures.payback is None
        # (350,000 − 360,000) / 360,000
        assert figures.roi == pytest.approx(-10_000 / 360_000)

    def test_optimistic_multiplies_benefits_by_12_and_costs_by_09(self) -> None:
        figures = evaluate(worked_example(), 3, 0.10, DEFAULT_SCENARIOS["optimistic"])
        assert figures.flows.cash_flows == pytest.approx((-108_000.0, 21_000.0, 171_000.0, 246_000.0))
        assert abs(figures.npv - (-108_000 + 21_000 / 1.1 + 171_000 / 1.21 + 246_000 / 1.331)) < CENT
        # cumulative -108,000; -87,000; 84,000 → 1 + 87,000 / 171,000
        assert figures.payback == pytest.approx(1 + 87_000 / 171_000)
        assert figures.roi == pytest.approx((600_000 - 270_000) / 270_000)

    def test_scenario_does_not_touch_confidence(self) -> None:
        scenario = Scenario("custom", benefit=0.5, cost=2.0)
        figures = evaluate(worked_example(confidence=0.8), 3, 0.10, scenario)
        discounted_benefits = npv(0.10, figures.flows.benefits)
        discounted_costs = npv(0.10, figures.flows.costs)
        assert figures.risk_adjusted_npv == pytest.approx(0.8 * discounted_benefits - discounted_costs)

    def test_zero_multipliers(self) -> None:
        figures = evaluate(worked_example(), 3, 0.10, Scenario("nothing", benefit=0.0, cost=0.0))
        assert figures.flows.cash_flows == (0.0, 0.0, 0.0, 0.0)
        assert (figures.npv, figures.irr, figures.payback, figures.roi) == (0.0, None, 0.0, None)


class TestEdgeCases:
    def test_all_costs(self) -> None:
        # no benefit; costs 100, 50, 50 → CF -100, -50, -50
        case = BusinessCase(0.0, (0.0, 0.0, 0.0), (CostLine("deployment", (100.0, 50.0, 50.0)),))
        figures = evaluate(case, horizon=2, rate=0.10)
        assert figures.flows.cash_flows == (-100.0, -50.0, -50.0)
        # -100 − 50/1.1 − 50/1.21 = -100 − 45.4545 − 41.3223 = -186.7769
        assert abs(figures.npv - (-186.78)) < CENT
        assert figures.irr is None, "flows that never change sign have no IRR"
        assert figures.payback is None
        # (0 − 200) / 200
        assert figures.roi == -1.0

    def test_all_benefits(self) -> None:
        # benefit 1,000 adopted 0 %, 50 %, 100 %; nothing costs anything → CF 0, 500, 1,000
        case = BusinessCase(1_000.0, (0.0, 0.5, 1.0))
        figures = evaluate(case, horizon=2, rate=0.10)
        assert figures.flows.cash_flows == (0.0, 500.0, 1_000.0)
        # 500/1.1 + 1,000/1.21 = 454.5455 + 826.4463 = 1,280.9917
        assert abs(figures.npv - 1_280.99) < CENT
        assert figures.roi is None, "no cost: ROI is undefined"
        assert figures.npv_per_cost is None
        assert figures.payback == 0.0, "cumulative flow is already 0 in year 0"
        assert figures.irr is None

    def test_zero_adoption_in_every_benefit_year(self) -> None:
        # a large benefit never adopted: only the year-0 cost of 100 remains
        case = BusinessCase(1_000_000.0, (0.0, 0.0, 0.0, 0.0), (CostLine("model training", (100.0,)),))
        figures = evaluate(case, horizon=3, rate=0.10)
        assert figures.flows.cash_flows == (-100.0, 0.0, 0.0, 0.0)
        assert figures.total_benefit == 0.0
        assert figures.npv == -100.0
        assert figures.risk_adjusted_npv == -100.0
        assert (figures.irr, figures.payback, figures.roi) == (None, None, -1.0)

    def test_no_adoption_entered_at_all(self) -> None:
        case = BusinessCase(1_000.0, (), (CostLine("other", (10.0, 10.0)),))
        figures = evaluate(case, horizon=2, rate=0.10)
        assert figures.flows.benefits == (0.0, 0.0, 0.0)
        assert figures.flows.costs == (10.0, 10.0, 0.0)

    def test_negative_then_positive_then_negative(self) -> None:
        # CF -100, 230, -132: with x = 1/(1+r), 132x² − 230x + 100 = 0 → x = (230 ± 10) / 264,
        # so NPV is zero at r = 10 % and at r = 20 %; numpy-financial reports the one closest to zero
        case = BusinessCase(230.0, (0.0, 1.0, 0.0), (CostLine("incident response", (100.0, 0.0, 132.0)),))
        figures = evaluate(case, horizon=2, rate=0.10)
        assert figures.flows.cash_flows == (-100.0, 230.0, -132.0)
        assert figures.irr == pytest.approx(0.10, abs=1e-9)
        assert npv(figures.irr, figures.flows.cash_flows) == pytest.approx(0.0, abs=1e-9)
        assert npv(0.20, figures.flows.cash_flows) == pytest.approx(0.0, abs=1e-9)
        # between the two roots NPV is positive: at 15 %, -100 + 200 − 132/1.3225 = 0.1890
        assert evaluate(case, 2, 0.15).npv == pytest.approx(100 - 132 / 1.3225)
        assert evaluate(case, 2, 0.15).npv == pytest.approx(0.18904, abs=1e-5)
        # the first year the cumulative flow is ≥ 0 counts, even though year 2 turns it back:
        # cumulative -100, 130, -2 → payback 0 + 100/230
        assert figures.payback == pytest.approx(100 / 230)
        # (230 − 232) / 232
        assert figures.roi == pytest.approx(-2 / 232)

    def test_sign_changes_without_a_real_rate_give_no_irr(self) -> None:
        # -100, 100, -100: x² − x + 1 = 0 has no real root, so there is no IRR — and no exception
        assert irr([-100.0, 100.0, -100.0]) is None

    def test_irr_never_raises_on_flat_or_empty_flows(self) -> None:
        assert irr([]) is None
        assert irr([0.0, 0.0, 0.0]) is None
        assert irr([5.0, 0.0, 7.0]) is None
        assert irr([-5.0, -1.0]) is None

    @pytest.mark.parametrize(
        "cash",
        [
            [-0.01, 5e-324],
            [-1.0, 1e-310],
            [1e-310, -1.0],
            [-0.01, 1e-300],
            [0.0, -0.01, -0.01, 0.01, 6.77e-107],
        ],
        ids=["subnormal", "tiny-late", "tiny-first", "rate-minus-100", "ill-conditioned"],
    )
    def test_irr_of_flows_beyond_floating_point_is_na_not_an_exception(self, cash: list[float]) -> None:
        # numpy-financial raised LinAlgError here, or answered -100 %, an infinite rate, or (last
        # case: the true root is near -38 %) 0 %, a rate at which NPV is -0.01 and not zero
        rate = irr(cash)
        assert rate is None or abs(npv(rate, cash)) < 1e-9

    def test_a_huge_discount_rate_discounts_later_years_to_nothing(self) -> None:
        # 1.0e40 ** 10 overflows a float; later years simply count for nothing
        case = BusinessCase(50.0, (0.0,) + (1.0,) * 10, (CostLine("other", (100.0,)),))
        figures = evaluate(case, horizon=10, rate=1e40)
        assert figures.npv == pytest.approx(-100.0)

    def test_break_even_in_year_zero(self) -> None:
        # adoption starts in year 0: benefit 100 against a year-0 cost of 100 → CF 0, 100
        case = BusinessCase(100.0, (1.0, 1.0), (CostLine("deployment", (100.0,)),))
        figures = evaluate(case, horizon=1, rate=0.10)
        assert figures.flows.cash_flows == (0.0, 100.0)
        assert figures.payback == 0.0
        assert payback([25.0, -100.0]) == 0.0, "year 0 already non-negative: 0 whatever follows"

    def test_payback_exactly_at_a_year_boundary(self) -> None:
        # -100, 50, 50, 50: cumulative -100, -50, 0 → reached at the end of year 2: 1 + 50/50 = 2
        case = BusinessCase(50.0, (0.0, 1.0, 1.0, 1.0), (CostLine("other", (100.0,)),))
        figures = evaluate(case, horizon=3, rate=0.0)
        assert figures.flows.cash_flows == (-100.0, 50.0, 50.0, 50.0)
        assert figures.payback == 2.0
        # at the very end of the horizon: -100, 50, 50 → 2.0 with H = 2
        assert evaluate(case, horizon=2, rate=0.0).payback == 2.0

    def test_payback_interpolates_within_the_year(self) -> None:
        # -100, 40, 80: cumulative -100, -60, 20 → 1 + 60/80 = 1.75
        assert payback([-100.0, 40.0, 80.0]) == 1.75
        assert payback([-100.0, 40.0, 59.0]) is None
        assert payback([]) is None

    def test_horizon_of_one_year(self) -> None:
        # cost 100 in year 0 and 10 a year after; benefit 200 from year 1; H = 1 cuts years 2–3 off
        case = BusinessCase(200.0, (0.0, 1.0, 1.0, 1.0), (CostLine("data engineering", (100.0, 10.0, 10.0, 10.0)),))
        figures = evaluate(case, horizon=1, rate=0.10)
        assert figures.flows.cash_flows == (-100.0, 190.0)
        # -100 + 190/1.1 = 72.73; IRR 190/100 − 1 = 90 %; payback 0 + 100/190
        assert abs(figures.npv - 72.73) < CENT
        assert figures.irr == pytest.approx(0.90)
        assert figures.payback == pytest.approx(100 / 190)
        # (200 − 110) / 110
        assert figures.roi == pytest.approx(90 / 110)

    def test_horizon_of_ten_years(self) -> None:
        # 1,000 in year 0, then 200 a year for ten years at 10 %:
        # NPV = -1,000 + 200 × (1 − 1.1^-10) / 0.1 = -1,000 + 200 × 6.144567 = 228.91
        case = BusinessCase(200.0, (0.0,) + (1.0,) * 10, (CostLine("data engineering", (1_000.0,)),))
        figures = evaluate(case, horizon=10, rate=0.10)
        assert len(figures.flows.cash_flows) == 11
        assert abs(figures.npv - 228.91) < CENT
        # IRR: the rate whose ten-year annuity factor is 1,000/200 = 5 → 15.10 %
        assert figures.irr is not None
        assert round(figures.irr * 100, 2) == 15.10
        assert abs(npv(figures.irr, figures.flows.cash_flows)) < 1e-6
        # cumulative reaches 0 at the end of year 5 exactly
        assert figures.payback == 5.0
        # (2,000 − 1,000) / 1,000
        assert figures.roi == 1.0

    def test_years_past_the_horizon_are_ignored(self) -> None:
        case = BusinessCase(10.0, (0.0, 1.0, 1.0, 1.0, 1.0), (CostLine("other", (5.0, 1.0, 1.0, 1.0, 1.0)),))
        assert evaluate(case, horizon=2, rate=0.0).flows.cash_flows == (-5.0, 9.0, 9.0)

    def test_zero_rate_is_the_plain_sum(self) -> None:
        figures = evaluate(worked_example(), horizon=3, rate=0.0)
        assert figures.npv == pytest.approx(-120_000 + 2_500 + 127_500 + 190_000)

    def test_several_lines_of_one_category_add_up(self) -> None:
        case = BusinessCase(
            0.0, (), (CostLine("monitoring", (1.0, 2.0)), CostLine("monitoring", (10.0,)), CostLine("other", (0, 5.0)))
        )
        assert flows(case, 1).costs == (11.0, 7.0)

    def test_roi_helper(self) -> None:
        assert roi(150.0, 100.0) == 0.5
        assert roi(0.0, 100.0) == -1.0
        assert roi(10.0, 0.0) is None

    def test_categories_are_the_tco_categories(self) -> None:
        assert COST_CATEGORIES == (
            "data engineering",
            "model training",
            "deployment",
            "monitoring",
            "incident response",
            "other",
        )


class TestPortfolioTotals:
    def test_sums_figures_and_cash_flows(self) -> None:
        first = evaluate(worked_example(confidence=0.8), 3, 0.10)
        # second case: -100, 50, 50, 50 → NPV -100 + 50 × (1/1.1 + 1/1.21 + 1/1.331) = 24.34
        second = evaluate(BusinessCase(50.0, (0.0, 1.0, 1.0, 1.0), (CostLine("other", (100.0,)),)), 3, 0.10)
        assert abs(second.npv - 24.34) < CENT
        totals = portfolio_totals([first, second], horizon=3)
        assert totals.cash_flows == (-120_100.0, 2_550.0, 127_550.0, 190_050.0)
        assert totals.npv == pytest.approx(first.npv + second.npv)
        assert abs(totals.npv - (130_394.44 + 24.34)) < 2 * CENT
        assert totals.risk_adjusted_npv == pytest.approx(50_473.33 + second.npv, abs=2 * CENT)
        assert totals.total_benefit == 500_150.0
        assert totals.total_cost == 300_100.0
        assert totals.roi == pytest.approx((500_150 - 300_100) / 300_100)

    def test_empty_portfolio(self) -> None:
        totals = portfolio_totals([], horizon=2)
        assert totals.cash_flows == (0.0, 0.0, 0.0)
        assert (totals.npv, totals.risk_adjusted_npv, totals.total_benefit, totals.total_cost) == (0, 0, 0, 0)
        assert totals.roi is None

    def test_totals_discount_like_their_cases(self) -> None:
        figures: list[Figures] = [
            evaluate(worked_example(), 3, 0.07, scenario) for scenario in DEFAULT_SCENARIOS.values()
        ]
        totals = portfolio_totals(figures, horizon=3)
        assert totals.npv == pytest.approx(npv(0.07, totals.cash_flows))


def test_the_boards_fast_path_gives_evaluates_figures() -> None:
    case = BusinessCase(
        annual_benefit=250_000.0,
        adoption=(0.0, 0.25, 0.75, 1.0),
        cost_lines=(CostLine("all", (120_000.0, 60_000.0, 60_000.0, 60_000.0)),),
        confidence=0.8,
    )
    figures = evaluate(case, 3, 0.10, with_irr=False)
    npv_value, risk_adjusted = base_values(
        case.annual_benefit, case.adoption, case.cost_lines[0].amounts, case.confidence, discount_factors(0.10, 3)
    )
    assert npv_value == pytest.approx(figures.npv, abs=1e-9)
    assert risk_adjusted == pytest.approx(figures.risk_adjusted_npv, abs=1e-9)
    assert npv_value == pytest.approx(130_394.44, abs=0.005)
