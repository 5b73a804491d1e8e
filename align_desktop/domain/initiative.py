"""An initiative's editable fields: labels, defaults for a new card, and validation."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.validation import ValidationError, require_choice, require_int, require_text
from align_desktop.domain.vocabulary import (
    DECISION_POINTS,
    READINESS_FIELDS,
    READINESS_LABELS,
    READINESS_MAX,
    READINESS_MIN,
    STATUSES,
)

INITIATIVE_FIELDS: dict[str, str] = {
    "title": "Title",
    "description": "Description",
    "outcome_key": "Outcome",
    "decision_point": "ML decision point",
    "status": "Status",
    "team": "Team",
    "owner": "Owner",
    **READINESS_LABELS,
    "success_criteria": "Success criteria",
    "acceptable_failure_modes": "Acceptable failure modes",
    "assumptions": "Assumptions",
    "confidence": "Confidence %",
}
"""Editable initiative fields and their labels, in form order (lane and position move cards)."""

NEW_INITIATIVE: dict[str, Any] = {
    "title": "",
    "description": "",
    "outcome_key": None,
    "decision_point": "other",
    "status": "idea",
    "team": "",
    "owner": "",
    **dict.fromkeys(READINESS_FIELDS, 0),
    "success_criteria": "",
    "acceptable_failure_modes": "",
    "assumptions": "",
    "confidence": 50,
}
"""Values of a field a new initiative was not given."""

_SHORT_TEXT = {"title": 200, "team": 120, "owner": 120}
_LONG_TEXT = ("description", "success_criteria", "acceptable_failure_modes", "assumptions")


def validate_initiative(changes: dict[str, Any]) -> dict[str, Any]:
    """Check initiative fields; return them cleaned. Raises `ValidationError` naming the field.

    Whether an outcome key exists is for the store to check.
    """
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = INITIATIVE_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not an initiative field")
        if field in _SHORT_TEXT:
            clean[field] = require_text(label, value or "", max_length=_SHORT_TEXT[field], required=field == "title")
        elif field in _LONG_TEXT:
            clean[field] = require_text(label, value or "", max_length=10_000, required=False)
        elif field == "outcome_key":
            clean[field] = value.strip().upper() if isinstance(value, str) and value.strip() else None
        elif field == "decision_point":
            clean[field] = require_choice(label, value, DECISION_POINTS)
        elif field == "status":
            clean[field] = require_choice(label, value, STATUSES)
        elif field == "confidence":
            clean[field] = require_int(label, value, low=0, high=100)
        else:
            clean[field] = require_int(label, value, low=READINESS_MIN, high=READINESS_MAX)
    return clean
