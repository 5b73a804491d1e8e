"""An outcome's editable fields: labels, values of a new outcome, and validation."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.validation import ValidationError, optional_number, require_text

OUTCOME_FIELDS: dict[str, str] = {
    "name": "Name",
    "metric": "Metric",
    "baseline": "Baseline",
    "target": "Target",
    "unit": "Unit",
    "owner": "Owner",
    "description": "Description",
}
"""Editable outcome fields and their labels, in form order."""

NEW_OUTCOME: dict[str, Any] = {
    "name": "",
    "metric": "",
    "baseline": None,
    "target": None,
    "unit": "",
    "owner": "",
    "description": "",
}
"""Values of a field a new outcome was not given."""

_TEXT_LIMITS = {"name": 200, "metric": 200, "unit": 40, "owner": 120, "description": 10_000}


def validate_outcome(changes: dict[str, Any]) -> dict[str, Any]:
    """Check outcome fields; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = OUTCOME_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not an outcome field")
        if field in ("baseline", "target"):
            clean[field] = optional_number(label, value)
        else:
            clean[field] = require_text(
                label,
                value if value is not None else "",
                max_length=_TEXT_LIMITS[field],
                required=field == "name",
            )
    return clean
