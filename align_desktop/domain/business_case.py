"""Inputs of a business case as people type them: checks, and how a benefit's working is kept.

Shares (adoption, uplift) are fractions here (0.25 is 25 %); messages speak in percent.
"""

from __future__ import annotations

from typing import Any

from align_desktop.domain.roi import COST_CATEGORIES
from align_desktop.domain.validation import ValidationError, optional_number, require_choice, require_text

BENEFIT_FIELDS: dict[str, str] = {
    "annual_benefit": "Annual benefit at full adoption",
    "benefit_baseline": "Baseline volume",
    "benefit_uplift": "Uplift",
    "benefit_value_per_unit": "Value per unit",
    "benefit_unit": "Unit",
}
WORKING_FIELDS = ("benefit_baseline", "benefit_uplift", "benefit_value_per_unit")
"""The derivation behind a benefit: baseline volume × uplift × value per unit."""

COST_LINE_FIELDS: dict[str, str] = {"category": "Category", "description": "Description"}


def _not_negative(label: str, value: object, *, required: bool) -> float | None:
    number = optional_number(label, value)
    if number is None:
        if required:
            raise ValidationError(label, "must be a number")
        return None
    if number < 0:
        raise ValidationError(label, f"must not be negative ({number:g})")
    return number


def validate_benefit(changes: dict[str, Any]) -> dict[str, Any]:
    """Check benefit fields; return them cleaned. The annual benefit is required and not negative."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = BENEFIT_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not a business-case field")
        if field == "benefit_unit":
            clean[field] = require_text(label, value or "", max_length=40, required=False)
        else:
            clean[field] = _not_negative(label, value, required=field == "annual_benefit")
    return clean


def apply_benefit(current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
    """The benefit fields after `clean` is applied to `current`.

    When the working (baseline × uplift × value per unit) is complete, it sets the annual
    benefit; typing an annual benefit by hand clears the working, which no longer explains it.
    """
    result = current | clean
    if "annual_benefit" in clean and not any(f in clean for f in WORKING_FIELDS):
        result |= dict.fromkeys(WORKING_FIELDS)
    elif all(result[f] is not None for f in WORKING_FIELDS):
        result["annual_benefit"] = (
            result["benefit_baseline"] * result["benefit_uplift"] * result["benefit_value_per_unit"]
        )
    return result


def check_year(label: str, year: int, horizon: int) -> None:
    if not 0 <= year <= horizon:
        raise ValidationError(label, f"year {year} is outside the horizon (years 0 to {horizon})")


def validate_adoption(adoption: dict[int, object], horizon: int) -> dict[int, float | None]:
    """Check adoption shares by year: each blank, or from 0 to 1 (0 % to 100 %)."""
    clean: dict[int, float | None] = {}
    for year, value in adoption.items():
        label = f"Adoption year {year}"
        check_year(label, year, horizon)
        share = optional_number(label, value)
        if share is not None and not 0 <= share <= 1:
            raise ValidationError(label, f"must be from 0 % to 100 %, not {share * 100:g} %")
        clean[year] = share
    return clean


def validate_amounts(amounts: dict[int, object], horizon: int) -> dict[int, float | None]:
    """Check a cost line's amounts by year: each blank or a number not below zero."""
    clean: dict[int, float | None] = {}
    for year, value in amounts.items():
        label = f"Year {year}"
        check_year(label, year, horizon)
        clean[year] = _not_negative(label, value, required=False)
    return clean


def validate_fill_amount(value: object) -> float:
    """Check the amount that "fill recurring amount from year k" repeats: a number not below zero."""
    number = optional_number("Amount", value)
    if number is None:
        raise ValidationError("Amount", "give the amount to repeat every year")
    if number < 0:
        raise ValidationError("Amount", f"must not be negative ({number:g})")
    return number


def validate_cost_line(changes: dict[str, Any]) -> dict[str, Any]:
    """Check a cost line's category and description."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "category":
            clean[field] = require_choice(COST_LINE_FIELDS[field], value, COST_CATEGORIES)
        elif field == "description":
            clean[field] = require_text(COST_LINE_FIELDS[field], value or "", max_length=200, required=False)
        else:
            raise ValidationError(field, "is not a cost-line field")
    return clean
