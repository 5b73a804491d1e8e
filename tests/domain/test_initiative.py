"""Validation of an initiative's editable fields, before anything reaches the store."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.initiative import INITIATIVE_FIELDS, NEW_INITIATIVE, validate_initiative
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import DECISION_POINTS, READINESS_FIELDS, STATUSES


def test_defaults_of_a_new_initiative_validate_except_the_blank_title() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_initiative(dict(NEW_INITIATIVE))
    assert caught.value.field == "Title"
    clean = validate_initiative(NEW_INITIATIVE | {"title": "Churn model"})
    assert clean == NEW_INITIATIVE | {"title": "Churn model"}


def test_every_editable_field_has_a_default_and_a_label() -> None:
    assert set(NEW_INITIATIVE) == set(INITIATIVE_FIELDS)
    assert set(READINESS_FIELDS) <= set(INITIATIVE_FIELDS)


def test_cleans_text_choices_and_numbers() -> None:
    clean = validate_initiative(
        {
            "title": "  Demand forecast  ",
            "status": " Pilot ",
            "decision_point": "FORECASTING",
            "readiness_data": "3",
            "confidence": 80.0,
            "outcome_key": " o-002 ",
            "team": None,
        }
    )
    assert clean == {
        "title": "Demand forecast",
        "status": "pilot",
        "decision_point": "forecasting",
        "readiness_data": 3,
        "confidence": 80,
        "outcome_key": "O-002",
        "team": "",
    }


def test_validates_only_the_fields_given() -> None:
    assert validate_initiative({"owner": "Ana"}) == {"owner": "Ana"}


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_a_blank_outcome_means_none(blank: object) -> None:
    assert validate_initiative({"outcome_key": blank}) == {"outcome_key": None}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "Title"),
        ({"title": "x" * 201}, "Title"),
        ({"team": "t" * 121}, "Team"),
        ({"owner": "o" * 121}, "Owner"),
        ({"description": "d" * 10_001}, "Description"),
        ({"status": "done"}, "Status"),
        ({"decision_point": "magic"}, "ML decision point"),
        ({"readiness_data": 5}, "Data availability"),
        ({"readiness_model_risk": -1}, "Model risk"),
        ({"readiness_monitoring": "high"}, "Monitoring"),
        ({"readiness_compliance": 2.5}, "Compliance"),
        ({"confidence": 101}, "Confidence %"),
        ({"lane_id": 1}, "lane_id"),
        ({"key": "I-001"}, "key"),
    ],
)
def test_refuses_bad_values_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_initiative(changes)
    assert caught.value.field == field


def test_limits_are_inclusive() -> None:
    clean = validate_initiative({"title": "x" * 200, "team": "t" * 120, "assumptions": "a" * 10_000, "confidence": 0})
    assert len(clean["title"]) == 200
    assert len(clean["assumptions"]) == 10_000
    assert clean["confidence"] == 0


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_accepted(status: str) -> None:
    assert validate_initiative({"status": status.upper()}) == {"status": status}


@pytest.mark.parametrize("decision", DECISION_POINTS)
def test_every_decision_point_is_accepted(decision: str) -> None:
    assert validate_initiative({"decision_point": decision.title()}) == {"decision_point": decision}
