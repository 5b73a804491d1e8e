"""Risks in business terms: vocabulary, scores and bands, appetite, review dates, and checks.

Score = likelihood × impact (each 1–5): 1–4 low, 5–9 medium, 10–15 high, 16–25 critical.
The inherent score is before treatment, the residual score after it. A risk is above appetite
when its residual score exceeds the workspace's risk appetite.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from align_desktop.domain.validation import ValidationError, require_choice, require_int, require_text

RISK_CATEGORIES: tuple[str, ...] = (
    "model risk",
    "data bias",
    "privacy",
    "security",
    "regulatory",
    "operational",
    "reputational",
)
IMPACT_AREAS: tuple[str, ...] = ("customer trust", "conversion", "retention", "revenue", "legal/compliance")
TREATMENTS: tuple[str, ...] = ("mitigate", "accept", "transfer", "avoid")
RISK_STATUSES: tuple[str, ...] = ("open", "mitigating", "accepted", "closed")

SCALE_MIN = 1
SCALE_MAX = 5
DEFAULT_RISK_APPETITE = 9
"""Highest acceptable residual score by default: the top of the medium band."""

BANDS: tuple[tuple[str, int, int], ...] = (
    ("low", 1, 4),
    ("medium", 5, 9),
    ("high", 10, 15),
    ("critical", 16, 25),
)

RISK_FIELDS: dict[str, str] = {
    "title": "Title",
    "description": "Description",
    "category": "Category",
    "impact_area": "Business impact area",
    "likelihood": "Likelihood",
    "impact": "Impact",
    "residual_likelihood": "Residual likelihood",
    "residual_impact": "Residual impact",
    "treatment": "Treatment",
    "mitigation_plan": "Mitigation plan",
    "trigger": "Trigger or leading indicator",
    "owner": "Owner",
    "status": "Status",
    "review_date": "Next review",
    "acceptance_rationale": "Acceptance rationale",
    "acceptance_expiry": "Acceptance expires",
}
"""Editable risk fields and their labels, in form order (links are set separately)."""

NEW_RISK: dict[str, Any] = {
    "title": "",
    "description": "",
    "category": "model risk",
    "impact_area": "customer trust",
    "likelihood": 3,
    "impact": 3,
    "residual_likelihood": 2,
    "residual_impact": 3,
    "treatment": "mitigate",
    "mitigation_plan": "",
    "trigger": "",
    "owner": "",
    "status": "open",
    "review_date": None,
    "acceptance_rationale": "",
    "acceptance_expiry": None,
}
"""Values of a field a new risk was not given."""

_CHOICES = {
    "category": RISK_CATEGORIES,
    "impact_area": IMPACT_AREAS,
    "treatment": TREATMENTS,
    "status": RISK_STATUSES,
}
_SCALES = ("likelihood", "impact", "residual_likelihood", "residual_impact")
_DATES = ("review_date", "acceptance_expiry")
_TEXT_LIMITS = {
    "title": 200,
    "description": 10_000,
    "mitigation_plan": 10_000,
    "trigger": 2_000,
    "owner": 120,
    "acceptance_rationale": 10_000,
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def score(likelihood: int, impact: int) -> int:
    return likelihood * impact


def band(value: int) -> str:
    """The band of a score: low, medium, high or critical."""
    for name, low, high in BANDS:
        if low <= value <= high:
            return name
    raise ValueError(f"{value} is not a risk score (1 to 25)")


def above_appetite(residual_score: int, appetite: int) -> bool:
    return residual_score > appetite


def review_overdue(review_date: date | None, today: date, status: str) -> bool:
    """A review date has passed for a risk that is not closed."""
    return review_date is not None and review_date < today and status != "closed"


def parse_date(label: str, value: object) -> date | None:
    """A date as `YYYY-MM-DD` (or a `date`); blank is None. Anything else is refused by name."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(label, f"'{value}' is not a date in the calendar") from None
    raise ValidationError(label, f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31")


def validate_risk(changes: dict[str, Any]) -> dict[str, Any]:
    """Check risk fields one by one; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = RISK_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not a risk field")
        if field in _TEXT_LIMITS:
            clean[field] = require_text(label, value or "", max_length=_TEXT_LIMITS[field], required=field == "title")
        elif field in _CHOICES:
            clean[field] = require_choice(label, value, _CHOICES[field])
        elif field in _SCALES:
            clean[field] = require_int(label, value, low=SCALE_MIN, high=SCALE_MAX)
        else:
            clean[field] = parse_date(label, value)
    return clean


def check_acceptance(risk: Mapping[str, Any]) -> None:
    """An accepted risk (status accepted or treatment accept) needs a written rationale."""
    accepted = risk["status"] == "accepted" or risk["treatment"] == "accept"
    if accepted and not str(risk["acceptance_rationale"]).strip():
        raise ValidationError(
            RISK_FIELDS["acceptance_rationale"], "an accepted risk needs a rationale: why the business can live with it"
        )


def warnings(risk: Mapping[str, Any]) -> list[str]:
    """Things worth a second look that are still allowed, such as a residual above the inherent score."""
    found = []
    inherent = score(risk["likelihood"], risk["impact"])
    residual = score(risk["residual_likelihood"], risk["residual_impact"])
    if residual > inherent:
        found.append(
            f"The residual score ({residual}) is above the inherent score ({inherent}): "
            "treatment usually lowers a risk. Check the ratings."
        )
    return found
