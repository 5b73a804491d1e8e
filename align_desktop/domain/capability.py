"""Platform capabilities: the catalogue's vocabulary, a capability's fields and their checks."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.validation import ValidationError, optional_number, require_choice, require_int, require_text

CAPABILITY_CATEGORIES: tuple[str, ...] = (
    "data ingestion",
    "feature store",
    "training",
    "model serving",
    "monitoring",
    "governance",
    "experimentation",
    "other",
)
CAPABILITY_STATUSES: tuple[str, ...] = ("proposed", "building", "operational", "retiring")
"""Where a capability is in its life: not started, being built, in use, being phased out."""

MATURITY_MIN = 1
MATURITY_MAX = 5

CAPABILITY_FIELDS: dict[str, str] = {
    "name": "Name",
    "category": "Category",
    "description": "Description",
    "owner": "Owner",
    "sla_target": "SLA target",
    "performance_metric": "Performance metric",
    "annual_run_cost": "Annual run cost",
    "cost_owner": "Cost owner",
    "current_maturity": "Current maturity",
    "target_maturity": "Target maturity",
    "status": "Status",
}
"""Editable capability fields and their labels, in form order."""

NEW_CAPABILITY: dict[str, Any] = {
    "name": "",
    "category": "other",
    "description": "",
    "owner": "",
    "sla_target": "",
    "performance_metric": "",
    "annual_run_cost": 0.0,
    "cost_owner": "",
    "current_maturity": 1,
    "target_maturity": 3,
    "status": "proposed",
}
"""Values of a field a new capability was not given."""

_TEXT_LIMITS = {
    "name": 120,
    "description": 10_000,
    "owner": 120,
    "sla_target": 200,
    "performance_metric": 200,
    "cost_owner": 120,
}


def validate_level(label: str, value: object) -> int:
    """A maturity level, 1 (initial) to 5 (optimised)."""
    return require_int(label, value, low=MATURITY_MIN, high=MATURITY_MAX)


def validate_capability(changes: dict[str, Any]) -> dict[str, Any]:
    """Check capability fields; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = CAPABILITY_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not a capability field")
        if field in _TEXT_LIMITS:
            clean[field] = require_text(label, value or "", max_length=_TEXT_LIMITS[field], required=field == "name")
        elif field == "category":
            clean[field] = require_choice(label, value, CAPABILITY_CATEGORIES)
        elif field == "status":
            clean[field] = require_choice(label, value, CAPABILITY_STATUSES)
        elif field == "annual_run_cost":
            cost = optional_number(label, value)
            if cost is None or cost < 0:
                raise ValidationError(label, "must be an amount of 0 or more")
            clean[field] = cost
        else:
            clean[field] = validate_level(label, value)
    return clean
