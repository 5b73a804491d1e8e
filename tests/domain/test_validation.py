"""Field checks shared by every form and import: text limits, whole numbers, numbers, choices."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.validation import (
    ValidationError,
    optional_number,
    require_choice,
    require_int,
    require_text,
)


class TestRequireText:
    def test_strips_surrounding_space(self) -> None:
        assert require_text("Title", "  Churn model \n", max_length=50) == "Churn model"

    def test_blank_required_text_is_refused_naming_the_field(self) -> None:
        with pytest.raises(ValidationError, match="must not be empty") as caught:
            require_text("Title", "   ", max_length=50)
        assert caught.value.field == "Title"
        assert str(caught.value).startswith("Title: ")

    def test_blank_optional_text_is_accepted(self) -> None:
        assert require_text("Owner", "  ", max_length=50, required=False) == ""

    def test_limit_is_inclusive_and_counted_after_stripping(self) -> None:
        assert require_text("Title", " " + "x" * 10 + " ", max_length=10) == "x" * 10
        with pytest.raises(ValidationError, match="11 characters long; at most 10"):
            require_text("Title", "x" * 11, max_length=10)

    @pytest.mark.parametrize("value", [None, 12, 1.5, ["a"]])
    def test_non_text_is_refused(self, value: object) -> None:
        with pytest.raises(ValidationError, match="must be text"):
            require_text("Title", value, max_length=10)


class TestRequireInt:
    @pytest.mark.parametrize(("value", "expected"), [(0, 0), (4, 4), (" 3 ", 3), ("2", 2), (3.0, 3)])
    def test_accepts_whole_numbers_in_range(self, value: object, expected: int) -> None:
        result = require_int("Monitoring", value, low=0, high=4)
        assert result == expected
        assert type(result) is int

    @pytest.mark.parametrize("value", [-1, 5, "7", 2.5, "2.5", "two", "", None, True, False])
    def test_refuses_anything_else(self, value: object) -> None:
        with pytest.raises(ValidationError, match="whole number from 0 to 4") as caught:
            require_int("Monitoring", value, low=0, high=4)
        assert caught.value.field == "Monitoring"


class TestOptionalNumber:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2.1", 2.1),
            ("2,1", 2.1),
            ("-0,25", -0.25),
            ("1,234.5", 1234.5),
            ("1,234,567", 1234567.0),
            ("1 234,5", 1234.5),
            ("1\u00a0234.5", 1234.5),
            (" 42 ", 42.0),
            ("1e3", 1000.0),
        ],
    )
    def test_reads_numeric_text(self, text: str, expected: float) -> None:
        assert optional_number("Baseline", text) == pytest.approx(expected)

    @pytest.mark.parametrize("value", [None, "", "   "])
    def test_blank_is_none(self, value: object) -> None:
        assert optional_number("Baseline", value) is None

    @pytest.mark.parametrize(("text", "expected"), [("1,234", 1234.0), ("250,000", 250_000.0), ("-1,000", -1000.0)])
    def test_a_comma_before_three_digits_groups_thousands(self, text: str, expected: float) -> None:
        assert optional_number("Baseline", text) == expected

    @pytest.mark.parametrize("text", ["abc", "1.2.3", "1,2,3", "12,34.5", "nan", "inf", "-infinity"])
    def test_refuses_text_that_is_not_a_finite_number(self, text: str) -> None:
        with pytest.raises(ValidationError) as caught:
            optional_number("Baseline", text)
        assert caught.value.field == "Baseline"

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), True, [1], object()])
    def test_refuses_non_numbers_and_non_finite_floats(self, value: object) -> None:
        with pytest.raises(ValidationError):
            optional_number("Baseline", value)

    def test_ints_and_floats_pass_as_floats(self) -> None:
        assert optional_number("Target", 3) == 3.0
        assert isinstance(optional_number("Target", 3), float)
        assert optional_number("Target", -0.5) == -0.5

    @given(st.floats(allow_nan=False, allow_infinity=False, width=64))
    def test_repr_of_any_finite_float_reads_back(self, number: float) -> None:
        assert optional_number("Target", repr(number)) == number


class TestRequireChoice:
    CHOICES = ("idea", "anomaly detection", "live")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("idea", "idea"), ("IDEA", "idea"), ("  Anomaly Detection ", "anomaly detection"), ("Live", "live")],
    )
    def test_matches_ignoring_case_and_spaces(self, value: str, expected: str) -> None:
        assert require_choice("Status", value, self.CHOICES) == expected

    @pytest.mark.parametrize("value", ["ideas", "", None, 3, "anomaly-detection"])
    def test_refuses_others_listing_the_choices(self, value: object) -> None:
        with pytest.raises(ValidationError, match="is not one of: idea, anomaly detection, live"):
            require_choice("Status", value, self.CHOICES)
