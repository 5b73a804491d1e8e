"""Workspace settings that users edit: their checks."""

from __future__ import annotations

import re
from typing import Any

from align_desktop.domain.validation import ValidationError, optional_number, require_int, require_text
from align_desktop.domain.vocabulary import HORIZON_MAX, HORIZON_MIN, READINESS_MAX, READINESS_MIN

_CURRENCY = re.compile(r"^[A-Z]{3}$")
SCENARIO_FIELDS: dict[str, str] = {
    "pessimistic_benefit": "Pessimistic benefits ×",
    "pessimistic_cost": "Pessimistic costs ×",
    "optimistic_benefit": "Optimistic benefits ×",
    "optimistic_cost": "Optimistic costs ×",
}


def validate_settings(changes: dict[str, Any]) -> dict[str, Any]:
    """Check the settings in `changes`; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "name":
            clean[field] = require_text("Workspace name", value, max_length=200)
        elif field == "currency":
            code = require_text("Currency", value, max_length=3).upper()
            if not _CURRENCY.match(code):
                raise ValidationError("Currency", f"'{value}' is not a three-letter currency code")
            clean[field] = code
        elif field == "discount_rate":
            rate = optional_number("Discount rate", value)
            if rate is None or rate <= -1:
                raise ValidationError("Discount rate", "must be above −100 % (a yearly rate such as 10 %)")
            clean[field] = rate
        elif field == "horizon":
            clean[field] = require_int("Horizon (years)", value, low=HORIZON_MIN, high=HORIZON_MAX)
        elif field in SCENARIO_FIELDS:
            multiplier = optional_number(SCENARIO_FIELDS[field], value)
            if multiplier is None or multiplier < 0:
                raise ValidationError(
                    SCENARIO_FIELDS[field], "must be a multiplier of 0 or more (1 leaves figures as they are)"
                )
            clean[field] = multiplier
        elif field == "risk_appetite":
            clean[field] = require_int("Risk appetite", value, low=1, high=25)
        elif field == "readiness_gate":
            clean[field] = require_int("Readiness gate", value, low=READINESS_MIN, high=READINESS_MAX)
        else:
            raise ValidationError(field, "is not a workspace setting that can be edited here")
    return clean


def validate_lane_names(names: list[str]) -> list[str]:
    """Check a board's lane list, left to right: at least one, none blank, none twice (ignoring case)."""
    clean = [require_text(f"Lane {i + 1}", name, max_length=60) for i, name in enumerate(names)]
    for i, name in enumerate(clean):
        if ";" in name:
            raise ValidationError(
                f"Lane {i + 1}", f"'{name}' may not contain ';' (workbooks list lanes separated by it)"
            )
    if not clean:
        raise ValidationError("Lanes", "the board needs at least one lane")
    folded = [n.casefold() for n in clean]
    for i, name in enumerate(folded):
        if name in folded[:i]:
            raise ValidationError(f"Lane {i + 1}", f"'{clean[i]}' appears twice")
    return clean
