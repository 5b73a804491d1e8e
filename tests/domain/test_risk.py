"""Risks in the domain: score, bands, appetite, review dates, field checks, acceptance and warnings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.risk import (
    BANDS,
    IMPACT_AREAS,
    NEW_RISK,
    RISK_CATEGORIES,
    RISK_FIELDS,
    RISK_STATUSES,
    TREATMENTS,
    above_appetite,
    band,
    check_acceptance,
    parse_date,
    review_overdue,
    score,
    validate_risk,
    warnings,
)
from align_desktop.domain.validation import ValidationError

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected"),
    [(1, 1, 1), (1, 5, 5), (5, 1, 5), (2, 3, 6), (3, 3, 9), (4, 4, 16), (3, 5, 15), (5, 5, 25)],
)
def test_score_is_likelihood_times_impact(likelihood: int, impact: int, expected: int) -> None:
    assert score(likelihood, impact) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "low"),
        (4, "low"),
        (5, "medium"),
        (9, "medium"),
        (10, "high"),
        (15, "high"),
        (16, "critical"),
        (25, "critical"),
    ],
)
def test_band_boundaries(value: int, expected: str) -> None:
    assert band(value) == expected


@pytest.mark.parametrize("value", [0, 26, -1])
def test_a_score_outside_1_to_25_has_no_band(value: int) -> None:
    with pytest.raises(ValueError, match=f"{value} is not a risk score"):
        band(value)


def test_every_product_of_two_ratings_has_a_band() -> None:
    seen = {band(score(likelihood, impact)) for likelihood in range(1, 6) for impact in range(1, 6)}
    assert seen == {name for name, _, _ in BANDS}


@given(st.integers(min_value=1, max_value=25), st.integers(min_value=1, max_value=25))
def test_bands_rise_with_the_score(first: int, second: int) -> None:
    order = [name for name, _, _ in BANDS]
    low, high = sorted((first, second))
    assert order.index(band(low)) <= order.index(band(high))


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=5), st.integers(1, 25))
def test_above_appetite_is_a_residual_strictly_over_it(likelihood: int, impact: int, appetite: int) -> None:
    assert above_appetite(score(likelihood, impact), appetite) == (likelihood * impact > appetite)


@pytest.mark.parametrize(
    ("residual", "appetite", "expected"), [(10, 9, True), (9, 9, False), (8, 9, False), (25, 24, True), (1, 1, False)]
)
def test_above_appetite(residual: int, appetite: int, expected: bool) -> None:
    assert above_appetite(residual, appetite) is expected


@pytest.mark.parametrize(
    ("review", "status", "expected"),
    [
        (date(2026, 9, 30), "open", True),
        (date(2026, 11, 25), "mitigating", True),
        (date(2026, 11, 25), "accepted", True),
        (TODAY, "open", False),
        (date(2026, 11, 27), "open", False),
        (None, "open", False),
        (date(2026, 9, 30), "closed", False),
    ],
)
def test_review_overdue(review: date | None, status: str, expected: bool) -> None:
    assert review_overdue(review, TODAY, status) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        (" 2027-02-28 ", date(2027, 2, 28)),
        ("2028-02-29", date(2028, 2, 29)),
        (date(2027, 1, 15), date(2027, 1, 15)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_date_reads_iso_dates_and_blanks(value: object, expected: date | None) -> None:
    assert parse_date("Next review", value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("31/12/2026", "'31/12/2026' is not a date; write it as YYYY-MM-DD"),
        ("2026-02-30", "'2026-02-30' is not a date in the calendar"),
        ("2027-13-01", "is not a date in the calendar"),
        ("tomorrow", "'tomorrow' is not a date"),
        ("2026-1-5", "write it as YYYY-MM-DD"),
        (20261231, "write it as YYYY-MM-DD"),
    ],
)
def test_parse_date_refuses_other_formats_naming_the_field(value: object, words: str) -> None:
    with pytest.raises(ValidationError, match=words) as caught:
        parse_date("Acceptance expires", value)
    assert caught.value.field == "Acceptance expires"


def test_a_new_risk_is_valid_once_titled_and_covers_every_field() -> None:
    assert set(NEW_RISK) == set(RISK_FIELDS)
    assert NEW_RISK["category"] in RISK_CATEGORIES
    assert NEW_RISK["impact_area"] in IMPACT_AREAS
    assert NEW_RISK["treatment"] in TREATMENTS
    assert NEW_RISK["status"] in RISK_STATUSES
    titled = NEW_RISK | {"title": "Bias in fraud scoring"}
    assert validate_risk(titled) == titled
    check_acceptance(titled)
    assert warnings(titled) == []
    with pytest.raises(ValidationError, match="Title: must not be empty"):
        validate_risk(NEW_RISK)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "  Drift in forecasting "}, {"title": "Drift in forecasting"}),
        ({"title": "t" * 200}, {"title": "t" * 200}),
        ({"description": None}, {"description": ""}),
        ({"owner": " Lars Eriksson "}, {"owner": "Lars Eriksson"}),
        ({"category": "MODEL RISK"}, {"category": "model risk"}),
        ({"category": " Data Bias "}, {"category": "data bias"}),
        ({"impact_area": "Legal/Compliance"}, {"impact_area": "legal/compliance"}),
        ({"treatment": "Accept"}, {"treatment": "accept"}),
        ({"status": "MITIGATING"}, {"status": "mitigating"}),
        ({"likelihood": 1}, {"likelihood": 1}),
        ({"impact": "5"}, {"impact": 5}),
        ({"residual_likelihood": 3.0}, {"residual_likelihood": 3}),
        ({"residual_impact": " 2 "}, {"residual_impact": 2}),
        ({"review_date": "2027-03-31"}, {"review_date": date(2027, 3, 31)}),
        ({"acceptance_expiry": ""}, {"acceptance_expiry": None}),
    ],
)
def test_valid_input_is_cleaned(changes: dict[str, Any], expected: dict[str, Any]) -> None:
    assert validate_risk(changes) == expected


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"likelihood": 0}, "Likelihood", "whole number from 1 to 5, not 0"),
        ({"impact": 6}, "Impact", "whole number from 1 to 5, not 6"),
        ({"residual_likelihood": -1}, "Residual likelihood", "from 1 to 5"),
        ({"residual_impact": "high"}, "Residual impact", "'high' is not a whole number"),
        ({"likelihood": 2.5}, "Likelihood", "from 1 to 5"),
        ({"impact": True}, "Impact", "from 1 to 5"),
        ({"category": "financial"}, "Category", "'financial' is not one of: model risk, data bias"),
        ({"impact_area": "margin"}, "Business impact area", "'margin' is not one of"),
        ({"treatment": "ignore"}, "Treatment", "'ignore' is not one of: mitigate, accept, transfer, avoid"),
        ({"status": "done"}, "Status", "'done' is not one of: open, mitigating, accepted, closed"),
        ({"title": ""}, "Title", "must not be empty"),
        ({"title": "t" * 201}, "Title", "201 characters long; at most 200"),
        ({"owner": "o" * 121}, "Owner", "at most 120"),
        ({"trigger": "x" * 2001}, "Trigger or leading indicator", "at most 2000"),
        ({"description": 42}, "Description", "must be text"),
        ({"review_date": "31/12/2026"}, "Next review", "write it as YYYY-MM-DD"),
        ({"acceptance_expiry": "2026-02-30"}, "Acceptance expires", "not a date in the calendar"),
        ({"score": 12}, "score", "is not a risk field"),
    ],
)
def test_bad_input_is_refused_naming_the_field(changes: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words) as caught:
        validate_risk(changes)
    assert caught.value.field == field


def _risk(**fields: Any) -> dict[str, Any]:
    return NEW_RISK | {"title": "Vendor lock-in"} | fields


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "accepted"},
        {"treatment": "accept"},
        {"status": "accepted", "treatment": "accept", "acceptance_rationale": "   "},
    ],
)
def test_an_accepted_risk_without_a_rationale_is_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="an accepted risk needs a rationale") as caught:
        check_acceptance(_risk(**fields))
    assert caught.value.field == "Acceptance rationale"


@pytest.mark.parametrize("fields", [{"status": "accepted"}, {"treatment": "accept"}, {}])
def test_a_rationale_makes_acceptance_valid(fields: dict[str, Any]) -> None:
    check_acceptance(_risk(acceptance_rationale="Switching costs more than the exposure", **fields))


def test_a_risk_that_is_not_accepted_needs_no_rationale() -> None:
    check_acceptance(_risk(status="mitigating", treatment="transfer"))


def test_a_residual_above_the_inherent_score_warns_but_is_allowed() -> None:
    risk = _risk(likelihood=2, impact=3, residual_likelihood=3, residual_impact=3)
    found = warnings(risk)
    assert len(found) == 1
    assert "residual score (9) is above the inherent score (6)" in found[0]
    check_acceptance(risk)


@pytest.mark.parametrize(("residual_likelihood", "residual_impact"), [(2, 3), (3, 2), (1, 1), (1, 5)])
def test_a_residual_equal_to_or_below_the_inherent_score_does_not_warn(
    residual_likelihood: int, residual_impact: int
) -> None:
    risk = _risk(likelihood=2, impact=3, residual_likelihood=residual_likelihood, residual_impact=residual_impact)
    assert warnings(risk) == []


_RATING = st.integers(min_value=1, max_value=5)


@given(_RATING, _RATING, _RATING, _RATING)
def test_warns_exactly_when_treatment_raises_the_score(
    likelihood: int, impact: int, residual_likelihood: int, residual_impact: int
) -> None:
    risk = _risk(
        likelihood=likelihood, impact=impact, residual_likelihood=residual_likelihood, residual_impact=residual_impact
    )
    assert bool(warnings(risk)) == (residual_likelihood * residual_impact > likelihood * impact)
