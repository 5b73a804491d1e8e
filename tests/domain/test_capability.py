"""Capability fields as typed: each bad value refused naming its field, good ones cleaned."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.capability import (
    CAPABILITY_CATEGORIES,
    CAPABILITY_FIELDS,
    CAPABILITY_STATUSES,
    NEW_CAPABILITY,
    validate_capability,
    validate_level,
)
from align_desktop.domain.validation import ValidationError


def test_a_new_capability_is_valid_once_named_and_uses_only_known_fields() -> None:
    assert set(NEW_CAPABILITY) == set(CAPABILITY_FIELDS)
    assert NEW_CAPABILITY["category"] in CAPABILITY_CATEGORIES
    assert NEW_CAPABILITY["status"] in CAPABILITY_STATUSES
    assert validate_capability(NEW_CAPABILITY | {"name": "Feature store"}) == NEW_CAPABILITY | {"name": "Feature store"}
    with pytest.raises(ValidationError, match="Name: must not be empty"):
        validate_capability(NEW_CAPABILITY)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": "  Feature store "}, {"name": "Feature store"}),
        ({"name": "x" * 120}, {"name": "x" * 120}),
        ({"description": None}, {"description": ""}),
        ({"owner": " ML Platform — Elena Petrova "}, {"owner": "ML Platform — Elena Petrova"}),
        ({"sla_target": "p99 < 50 ms, 99.9 %"}, {"sla_target": "p99 < 50 ms, 99.9 %"}),
        ({"category": "FEATURE STORE"}, {"category": "feature store"}),
        ({"category": " Model Serving "}, {"category": "model serving"}),
        ({"status": "Operational"}, {"status": "operational"}),
        ({"status": "RETIRING"}, {"status": "retiring"}),
        ({"annual_run_cost": "250,000"}, {"annual_run_cost": 250_000.0}),
        ({"annual_run_cost": 0}, {"annual_run_cost": 0.0}),
        ({"current_maturity": "4"}, {"current_maturity": 4}),
        ({"current_maturity": 1}, {"current_maturity": 1}),
        ({"target_maturity": 5.0}, {"target_maturity": 5}),
    ],
)
def test_valid_input_is_cleaned(changes: dict[str, Any], expected: dict[str, Any]) -> None:
    assert validate_capability(changes) == expected


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": ""}, "Name", "must not be empty"),
        ({"name": "   "}, "Name", "must not be empty"),
        ({"name": None}, "Name", "must not be empty"),
        ({"name": "x" * 121}, "Name", "121 characters long; at most 120"),
        ({"name": 42}, "Name", "must be text"),
        ({"owner": "o" * 121}, "Owner", "at most 120"),
        ({"sla_target": "s" * 201}, "SLA target", "at most 200"),
        ({"description": "d" * 10_001}, "Description", "at most 10000"),
        ({"category": "data lake"}, "Category", "'data lake' is not one of: data ingestion"),
        ({"category": None}, "Category", "is not one of"),
        ({"status": "live"}, "Status", "'live' is not one of: proposed, building, operational, retiring"),
        ({"current_maturity": 0}, "Current maturity", "from 1 to 5, not 0"),
        ({"current_maturity": 6}, "Current maturity", "from 1 to 5, not 6"),
        ({"target_maturity": -1}, "Target maturity", "from 1 to 5"),
        ({"target_maturity": "high"}, "Target maturity", "'high' is not a whole number"),
        ({"target_maturity": 2.5}, "Target maturity", "from 1 to 5"),
        ({"current_maturity": True}, "Current maturity", "whole number"),
        ({"current_maturity": None}, "Current maturity", "whole number"),
        ({"annual_run_cost": -1}, "Annual run cost", "0 or more"),
        ({"annual_run_cost": "-0,5"}, "Annual run cost", "0 or more"),
        ({"annual_run_cost": None}, "Annual run cost", "0 or more"),
        ({"annual_run_cost": "a lot"}, "Annual run cost", "'a lot' is not a number"),
        ({"annual_run_cost": float("inf")}, "Annual run cost", "finite"),
    ],
)
def test_bad_input_is_refused_naming_the_field(changes: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words) as caught:
        validate_capability(changes)
    assert caught.value.field == field


def test_an_unknown_field_is_refused_by_name() -> None:
    with pytest.raises(ValidationError, match="is not a capability field") as caught:
        validate_capability({"name": "Feature store", "maturity": 3})
    assert caught.value.field == "maturity"


def test_every_category_and_status_is_accepted_in_any_case() -> None:
    for category in CAPABILITY_CATEGORIES:
        assert validate_capability({"category": category.upper()}) == {"category": category}
    for status in CAPABILITY_STATUSES:
        assert validate_capability({"status": status.title()}) == {"status": status}


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, "3", " 5 ", 4.0])
def test_levels_one_to_five_are_accepted(level: object) -> None:
    assert validate_level("Required level", level) == int(str(level).strip().removesuffix(".0"))


@pytest.mark.parametrize("level", [0, 6, -3, "x", "", None, 3.5, True, [3]])
def test_levels_outside_one_to_five_are_refused(level: object) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_level("Required level", level)
    assert caught.value.field == "Required level"
    assert "1 to 5" in caught.value.message
