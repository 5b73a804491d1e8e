"""Business-case inputs as typed: each bad value refused naming its field; how a benefit's working is kept."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.business_case import (
    WORKING_FIELDS,
    apply_benefit,
    validate_adoption,
    validate_amounts,
    validate_benefit,
    validate_cost_line,
    validate_fill_amount,
)
from align_desktop.domain.validation import ValidationError

BLANK: dict[str, Any] = {
    "annual_benefit": 0.0,
    "benefit_baseline": None,
    "benefit_uplift": None,
    "benefit_value_per_unit": None,
    "benefit_unit": "",
}


class TestValidateBenefit:
    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"annual_benefit": 250_000}, {"annual_benefit": 250_000.0}),
            ({"annual_benefit": "1,200,000"}, {"annual_benefit": 1_200_000.0}),
            ({"annual_benefit": " 0 "}, {"annual_benefit": 0.0}),
            ({"benefit_uplift": "0,02"}, {"benefit_uplift": 0.02}),
            ({"benefit_baseline": None}, {"benefit_baseline": None}),
            ({"benefit_value_per_unit": ""}, {"benefit_value_per_unit": None}),
            ({"benefit_unit": " orders "}, {"benefit_unit": "orders"}),
            ({"benefit_unit": None}, {"benefit_unit": ""}),
        ],
    )
    def test_valid_input_is_cleaned(self, changes: dict[str, Any], expected: dict[str, Any]) -> None:
        assert validate_benefit(changes) == expected

    @pytest.mark.parametrize(
        ("changes", "field", "words"),
        [
            ({"annual_benefit": "lots"}, "Annual benefit at full adoption", "not a number"),
            ({"annual_benefit": -1}, "Annual benefit at full adoption", "negative"),
            ({"annual_benefit": "-0,5"}, "Annual benefit at full adoption", "negative"),
            ({"annual_benefit": None}, "Annual benefit at full adoption", "number"),
            ({"annual_benefit": ""}, "Annual benefit at full adoption", "number"),
            ({"annual_benefit": float("nan")}, "Annual benefit at full adoption", "finite"),
            ({"annual_benefit": float("inf")}, "Annual benefit at full adoption", "finite"),
            ({"annual_benefit": True}, "Annual benefit at full adoption", "number"),
            ({"benefit_baseline": "ten"}, "Baseline volume", "not a number"),
            ({"benefit_baseline": -100}, "Baseline volume", "negative"),
            ({"benefit_uplift": -0.02}, "Uplift", "negative"),
            ({"benefit_value_per_unit": [12]}, "Value per unit", "number"),
            ({"benefit_unit": "x" * 41}, "Unit", "at most 40"),
            ({"confidence": 80}, "confidence", "not a business-case field"),
        ],
    )
    def test_bad_input_is_refused_naming_the_field(self, changes: dict[str, Any], field: str, words: str) -> None:
        with pytest.raises(ValidationError, match=words) as caught:
            validate_benefit(changes)
        assert caught.value.field == field


class TestValidateAdoption:
    def test_shares_from_zero_to_one_and_blanks(self) -> None:
        assert validate_adoption({0: 0, 1: "0,25", 2: 0.75, 3: "1"}, horizon=3) == {0: 0.0, 1: 0.25, 2: 0.75, 3: 1.0}
        assert validate_adoption({2: None, 3: ""}, horizon=3) == {2: None, 3: None}

    @pytest.mark.parametrize(
        ("adoption", "field", "words"),
        [
            ({1: 1.5}, "Adoption year 1", "from 0 % to 100 %, not 150 %"),
            ({2: -0.1}, "Adoption year 2", "not -10 %"),
            ({1: 1.0000001}, "Adoption year 1", "100 %"),
            ({3: "full"}, "Adoption year 3", "not a number"),
            ({1: float("nan")}, "Adoption year 1", "finite"),
            ({4: 0.5}, "Adoption year 4", "outside the horizon"),
            ({-1: 0.5}, "Adoption year -1", "outside the horizon"),
        ],
    )
    def test_bad_adoption_is_refused_naming_the_year(self, adoption: dict[int, object], field: str, words: str) -> None:
        with pytest.raises(ValidationError, match=words) as caught:
            validate_adoption(adoption, horizon=3)
        assert caught.value.field == field

    def test_ten_year_horizon_accepts_year_ten(self) -> None:
        assert validate_adoption({10: 1}, horizon=10) == {10: 1.0}


class TestValidateAmounts:
    def test_numbers_not_below_zero_and_blanks(self) -> None:
        assert validate_amounts({0: "120,000.50", 1: 0, 2: None, 3: " "}, horizon=3) == {
            0: 120_000.5,
            1: 0.0,
            2: None,
            3: None,
        }

    @pytest.mark.parametrize(
        ("amounts", "field", "words"),
        [
            ({0: -1}, "Year 0", "negative"),
            ({2: "abc"}, "Year 2", "not a number"),
            ({1: "1,5,0"}, "Year 1", "not a number"),
            ({1: float("-inf")}, "Year 1", "finite"),
            ({4: 10}, "Year 4", "outside the horizon"),
            ({11: 10}, "Year 11", "outside the horizon"),
        ],
    )
    def test_bad_amounts_are_refused_naming_the_year(self, amounts: dict[int, object], field: str, words: str) -> None:
        with pytest.raises(ValidationError, match=words) as caught:
            validate_amounts(amounts, horizon=3)
        assert caught.value.field == field


class TestValidateFillAmount:
    def test_accepts_a_number_not_below_zero(self) -> None:
        assert validate_fill_amount("30,000.00") == 30_000.0
        assert validate_fill_amount(0) == 0.0

    @pytest.mark.parametrize(
        ("value", "words"),
        [
            (None, "give the amount"),
            ("", "give the amount"),
            ("  ", "give the amount"),
            ("x", "not a number"),
            (-5, "negative"),
        ],
    )
    def test_refuses_naming_the_amount(self, value: object, words: str) -> None:
        with pytest.raises(ValidationError, match=words) as caught:
            validate_fill_amount(value)
        assert caught.value.field == "Amount"


class TestValidateCostLine:
    def test_category_matches_ignoring_case_and_spaces(self) -> None:
        assert validate_cost_line({"category": " Model Training "}) == {"category": "model training"}
        assert validate_cost_line({"description": "  GPU hours ", "category": "OTHER"}) == {
            "description": "GPU hours",
            "category": "other",
        }
        assert validate_cost_line({"description": None}) == {"description": ""}

    @pytest.mark.parametrize(
        ("changes", "field", "words"),
        [
            ({"category": "hardware"}, "Category", "not one of"),
            ({"category": None}, "Category", "not one of"),
            ({"description": "x" * 201}, "Description", "at most 200"),
            ({"amount_0": 5}, "amount_0", "not a cost-line field"),
        ],
    )
    def test_bad_fields_are_refused(self, changes: dict[str, Any], field: str, words: str) -> None:
        with pytest.raises(ValidationError, match=words) as caught:
            validate_cost_line(changes)
        assert caught.value.field == field


class TestApplyBenefit:
    def test_a_complete_working_sets_the_benefit(self) -> None:
        working = {"benefit_baseline": 1_200_000.0, "benefit_uplift": 0.02, "benefit_value_per_unit": 12.0}
        result = apply_benefit(BLANK, working)
        # 1,200,000 × 0.02 × 12 = 288,000
        assert result["annual_benefit"] == pytest.approx(288_000)
        assert {f: result[f] for f in WORKING_FIELDS} == working

    def test_the_last_missing_part_completes_the_working(self) -> None:
        known = {"benefit_baseline": 1_200_000.0, "benefit_uplift": 0.02}
        partial = apply_benefit(BLANK | {"annual_benefit": 5.0}, known)
        assert partial["annual_benefit"] == 5.0, "an incomplete working leaves the benefit alone"
        complete = apply_benefit(partial, {"benefit_value_per_unit": 12.0})
        assert complete["annual_benefit"] == pytest.approx(288_000)
        changed = apply_benefit(complete, {"benefit_uplift": 0.03})
        assert changed["annual_benefit"] == pytest.approx(432_000)

    def test_typing_a_benefit_clears_the_working(self) -> None:
        worked = apply_benefit(
            BLANK, {"benefit_baseline": 1_200_000.0, "benefit_uplift": 0.02, "benefit_value_per_unit": 12.0}
        )
        typed = apply_benefit(worked | {"benefit_unit": "orders"}, {"annual_benefit": 300_000.0})
        assert typed["annual_benefit"] == 300_000.0
        assert all(typed[f] is None for f in WORKING_FIELDS)
        assert typed["benefit_unit"] == "orders", "the unit is a label, not part of the arithmetic"

    def test_clearing_a_part_keeps_the_last_benefit(self) -> None:
        worked = apply_benefit(
            BLANK, {"benefit_baseline": 1_200_000.0, "benefit_uplift": 0.02, "benefit_value_per_unit": 12.0}
        )
        cleared = apply_benefit(worked, {"benefit_uplift": None})
        assert cleared["annual_benefit"] == pytest.approx(288_000)
        assert cleared["benefit_uplift"] is None

    def test_inputs_are_not_modified(self) -> None:
        current = dict(BLANK)
        apply_benefit(current, {"annual_benefit": 1.0})
        assert current == BLANK
