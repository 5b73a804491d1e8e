"""NPV sensitivity for the tornado chart: each driver ±20 %, widest bar first, adoption capped at 100 %."""

from __future__ import annotations

import pytest

from align_desktop.domain.roi import BusinessCase, CostLine, evaluate, flows, npv
from align_desktop.domain.sensitivity import SWING, Sensitivity, sensitivities
from tests.domain.test_roi import worked_example

RATE = 0.10
BASE_NPV = 130_394.44027047337
"""The worked example's NPV (130,394.44 to the cent)."""


def bars(case: BusinessCase, horizon: int = 3, rate: float = RATE) -> dict[str, Sensitivity]:
    return {bar.driver: bar for bar in sensitivities(case, horizon, rate)}


def test_swing_is_twenty_percent() -> None:
    assert SWING == 0.20


def test_bars_are_sorted_widest_first() -> None:
    result = sensitivities(worked_example(), 3, RATE)
    widths = [bar.width for bar in result]
    assert widths == sorted(widths, reverse=True)
    assert widths[-1] > 0
    assert [bar.driver for bar in result][:3] == ["Benefit", "Adoption", "Cost: data engineering"]


def test_one_bar_per_driver_of_the_case() -> None:
    assert set(bars(worked_example())) == {
        "Benefit",
        "Adoption",
        "Cost: data engineering",
        "Cost: model training",
        "Cost: deployment",
        "Cost: monitoring",
        "Cost: incident response",
        "Discount rate",
    }


def test_a_cost_category_absent_from_the_case_has_no_bar() -> None:
    assert "Cost: other" not in bars(worked_example())
    no_costs = BusinessCase(1_000.0, (0.0, 1.0))
    assert set(bars(no_costs, horizon=1)) == {"Benefit", "Adoption", "Discount rate"}


def test_benefit_plus_twenty_percent_raises_npv_by_twenty_percent_of_discounted_benefits() -> None:
    case = worked_example()
    # discounted benefits 62,500/1.1 + 187,500/1.21 + 250,000/1.331 = 399,605.56
    discounted_benefits = npv(RATE, flows(case, 3).benefits)
    assert discounted_benefits == pytest.approx(399_605.56, abs=0.005)
    bar = bars(case)["Benefit"]
    assert bar.high - BASE_NPV == pytest.approx(0.2 * discounted_benefits)
    assert BASE_NPV - bar.low == pytest.approx(0.2 * discounted_benefits)
    assert bar.width == pytest.approx(0.4 * discounted_benefits)


def test_a_cost_category_moves_npv_by_twenty_percent_of_its_discounted_cost() -> None:
    bar = bars(worked_example())["Cost: data engineering"]
    # 120,000 in year 0 (undiscounted): ±24,000; a dearer cost lowers NPV
    assert bar.low == pytest.approx(BASE_NPV + 24_000)
    assert bar.high == pytest.approx(BASE_NPV - 24_000)
    training = bars(worked_example())["Cost: model training"]
    # 30,000 in years 1–3: 0.2 × 30,000 × (1/1.1 + 1/1.21 + 1/1.331)
    assert BASE_NPV - training.high == pytest.approx(0.2 * 30_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331))


def test_lines_of_one_category_move_together() -> None:
    case = BusinessCase(0.0, (), (CostLine("monitoring", (100.0,)), CostLine("monitoring", (50.0,))))
    result = bars(case, horizon=1)
    assert [d for d in result if d.startswith("Cost")] == ["Cost: monitoring"]
    assert result["Cost: monitoring"].high == pytest.approx(-180.0)
    assert result["Cost: monitoring"].low == pytest.approx(-120.0)


def test_discount_rate_bar_moves_the_right_way() -> None:
    bar = bars(worked_example())["Discount rate"]
    # low is the NPV at 8 %, high at 12 %; for an investment that pays back later, a dearer rate lowers NPV
    assert bar.low == pytest.approx(evaluate(worked_example(), 3, 0.08).npv)
    assert bar.high == pytest.approx(evaluate(worked_example(), 3, 0.12).npv)
    assert bar.high < BASE_NPV < bar.low


def test_discount_rate_bar_for_money_received_before_it_is_spent() -> None:
    # +1,000 in year 0, -1,100 in year 2: a dearer rate shrinks the later cost, so NPV rises
    case = BusinessCase(1_000.0, (1.0,), (CostLine("other", (0.0, 0.0, 1_100.0)),))
    bar = bars(case, horizon=2)["Discount rate"]
    assert bar.high > bar.low


def test_adoption_is_capped_at_one_hundred_percent() -> None:
    result = bars(worked_example())["Adoption"]
    # +20 %: 25 → 30 %, 75 → 90 %, 100 % stays 100 %: NPV + 250,000 × (0.05/1.1 + 0.15/1.21)
    assert result.high == pytest.approx(BASE_NPV + 250_000 * (0.05 / 1.1 + 0.15 / 1.21))
    # −20 %: every year moves, 100 → 80 % included
    assert result.low == pytest.approx(BASE_NPV - 250_000 * (0.05 / 1.1 + 0.15 / 1.21 + 0.2 / 1.331))


def test_full_adoption_cannot_rise() -> None:
    case = BusinessCase(100.0, (0.0, 1.0, 1.0), (CostLine("deployment", (50.0,)),))
    base = evaluate(case, 2, RATE).npv
    bar = bars(case, horizon=2)["Adoption"]
    assert bar.high == pytest.approx(base)
    assert bar.low < base


def test_sensitivity_uses_plain_npv_not_the_risk_adjusted_one() -> None:
    low_confidence = bars(worked_example(confidence=0.1))
    assert low_confidence["Benefit"] == bars(worked_example())["Benefit"]


def test_an_empty_case_has_zero_width_bars() -> None:
    result = sensitivities(BusinessCase(0.0, ()), 3, RATE)
    assert [bar.driver for bar in result] == ["Benefit", "Adoption", "Discount rate"]
    assert all(bar.width == 0 for bar in result)
