"""NPV sensitivity of one business case, for the tornado chart: each driver moved ±20 %."""

from __future__ import annotations

from dataclasses import dataclass, replace

from align_desktop.domain.roi import BusinessCase, CostLine, evaluate

SWING = 0.20
"""How far each driver is moved down and up."""


@dataclass(frozen=True)
class Sensitivity:
    """NPV with one driver at −20 % (`low`) and at +20 % (`high`)."""

    driver: str
    low: float
    high: float

    @property
    def width(self) -> float:
        return abs(self.high - self.low)


def sensitivities(case: BusinessCase, horizon: int, rate: float) -> list[Sensitivity]:
    """Benefit, adoption, each cost category in the case, and the discount rate; widest first.

    Adoption is capped at 100 % when moved up.
    """

    def base_npv(changed: BusinessCase, changed_rate: float = rate) -> float:
        return evaluate(changed, horizon, changed_rate, with_irr=False).npv

    def scaled(factor: float) -> dict[str, BusinessCase]:
        cases = {
            "Benefit": replace(case, annual_benefit=case.annual_benefit * factor),
            "Adoption": replace(case, adoption=tuple(min(1.0, a * factor) for a in case.adoption)),
        }
        for category in dict.fromkeys(line.category for line in case.cost_lines):
            lines = tuple(
                CostLine(line.category, tuple(a * factor for a in line.amounts)) if line.category == category else line
                for line in case.cost_lines
            )
            cases[f"Cost: {category}"] = replace(case, cost_lines=lines)
        return cases

    low, high = scaled(1 - SWING), scaled(1 + SWING)
    result = [Sensitivity(driver, base_npv(low[driver]), base_npv(high[driver])) for driver in low]
    result.append(Sensitivity("Discount rate", base_npv(case, rate * (1 - SWING)), base_npv(case, rate * (1 + SWING))))
    return sorted(result, key=lambda s: s.width, reverse=True)
