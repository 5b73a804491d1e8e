"""How an item's history speaks: the product's name for each field the audit trail watches, and its values.

The audit trail records fields by column name and values as text (numbers as SQLite writes them,
shares as fractions); this module turns them into what a form shows: "Readiness: data",
"Adoption year 2: 25 % → 75 %", "Cost line L-004 (Feature pipeline): year 1".
"""

from __future__ import annotations

from align_desktop.domain.business_case import BENEFIT_FIELDS
from align_desktop.domain.capability import CAPABILITY_FIELDS
from align_desktop.domain.risk import RISK_FIELDS
from align_desktop.domain.vocabulary import READINESS_SCORE_LABELS

FIELD_LABELS: dict[str, str] = {
    "lane": "Lane",
    "status": "Status",
    **READINESS_SCORE_LABELS,
    "confidence": "Confidence",
    "business_case": "Business case",
    "annual_benefit": BENEFIT_FIELDS["annual_benefit"],
    "benefit_baseline": "Benefit working: baseline volume",
    "benefit_uplift": "Benefit working: uplift",
    "benefit_value_per_unit": "Benefit working: value per unit",
    "benefit_unit": "Benefit unit",
    "category": "category",
    "description": "description",
    "current_maturity": CAPABILITY_FIELDS["current_maturity"],
    "target_maturity": CAPABILITY_FIELDS["target_maturity"],
    **{field: RISK_FIELDS[field] for field in ("likelihood", "impact", "residual_likelihood", "residual_impact")},
    "treatment": RISK_FIELDS["treatment"],
}
"""Labels of the watched fields; a cost line's own fields are named after the line (see `field_label`)."""

_PERCENT = ("confidence",)
_SHARES = ("benefit_uplift",)
_NUMBERS = ("annual_benefit", "benefit_baseline", "benefit_value_per_unit")


def field_label(field: str, cost_line: str | None = None) -> str:
    """The product's name for a watched field; `cost_line` names the line ("L-004 (Feature pipeline)")."""
    if cost_line is not None:
        if field == "cost_line":
            return f"Cost line {cost_line}"
        year = _year(field, "amount_")
        return f"Cost line {cost_line}: " + (f"year {year}" if year is not None else FIELD_LABELS.get(field, field))
    year = _year(field, "adoption_")
    if year is not None:
        return f"Adoption year {year}"
    return FIELD_LABELS.get(field, field.replace("_", " "))


def value_text(field: str, value: str | None) -> str | None:
    """A recorded value as the forms show it: money and volumes grouped, shares and confidence in percent."""
    if value is None or value == "":
        return value
    if field in _PERCENT:
        return f"{value} %"
    if field in _SHARES or _year(field, "adoption_") is not None:
        return f"{round(float(value) * 100, 2):g} %"
    if field in _NUMBERS or _year(field, "amount_") is not None:
        return _grouped(float(value))
    return value


def _year(field: str, prefix: str) -> int | None:
    number = field.removeprefix(prefix)
    return int(number) if number != field and number.isdigit() else None


def _grouped(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
