"""What the user is typing but has not stored yet, and how a field's text becomes a value.

The ROI view recomputes the picked case from its stored row overlaid with a `Draft` while the
user types; a value is stored only when its field's editing finishes. `parse` reads a field's
text with the same checks the store applies, so a refusal names the field before anything is
stored. Shares are typed in percent (`25` or `25 %`) and kept as fractions (0.25).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from align_desktop.domain.business_case import (
    BENEFIT_FIELDS,
    WORKING_FIELDS,
    apply_benefit,
    validate_adoption,
    validate_amounts,
    validate_benefit,
    validate_cost_line,
)
from align_desktop.domain.initiative import validate_initiative
from align_desktop.domain.roi import BusinessCase, CostLine
from align_desktop.domain.validation import ValidationError, optional_number
from align_desktop.store.case_rows import BusinessCaseRow, CostLineRow
from align_desktop.ui.roi.format import same

BENEFIT = "benefit"
CONFIDENCE = "confidence"
ADOPTION = "adoption"
AMOUNT = "amount"
CATEGORY = "category"
DESCRIPTION = "description"


@dataclass(frozen=True)
class Field:
    """One editable value of a case: a benefit field, the confidence, a year's adoption, a cost cell."""

    kind: str
    name: str = ""
    """The benefit field (`annual_benefit`, …) or the cost line's key."""
    year: int = 0


def line_label(line: CostLineRow) -> str:
    """How a message names a cost line: its description, else its category, and its key."""
    return f"{line.description or line.category.capitalize()} ({line.key})"


def find_line(row: BusinessCaseRow, key: str) -> CostLineRow | None:
    return next((line for line in row.cost_lines if line.key == key), None)


def stored(row: BusinessCaseRow, field: Field) -> Any:
    """The value of `field` as stored (None for a cost line that is gone)."""
    if field.kind == BENEFIT:
        return getattr(row, field.name)
    if field.kind == CONFIDENCE:
        return row.confidence
    if field.kind == ADOPTION:
        return row.adoption[field.year]
    line = find_line(row, field.name)
    if line is None:
        return None
    if field.kind == AMOUNT:
        return line.amounts[field.year]
    return getattr(line, field.kind)


def _share(label: str, text: str) -> float | None:
    value = optional_number(label, text.strip().removesuffix("%"))
    return None if value is None else value / 100


def parse(row: BusinessCaseRow, field: Field, text: str, horizon: int) -> Any:
    """The value `text` means for `field`, or a `ValidationError` that names the field."""
    if field.kind == BENEFIT:
        if field.name != "benefit_uplift":
            return validate_benefit({field.name: text})[field.name]
        uplift = _share(BENEFIT_FIELDS["benefit_uplift"], text)
        if uplift is not None and uplift < 0:
            raise ValidationError(BENEFIT_FIELDS["benefit_uplift"], f"must not be negative ({uplift * 100:g} %)")
        return uplift
    if field.kind == CONFIDENCE:
        return validate_initiative({"confidence": text.strip().removesuffix("%").strip()})["confidence"]
    if field.kind == ADOPTION:
        label = f"Adoption year {field.year}"
        return validate_adoption({field.year: _share(label, text)}, horizon)[field.year]
    line = find_line(row, field.name)
    where = line_label(line) if line is not None else field.name
    try:
        if field.kind == AMOUNT:
            return validate_amounts({field.year: text}, horizon)[field.year]
        return validate_cost_line({field.kind: text})[field.kind]
    except ValidationError as error:
        raise ValidationError(f"{where}, {error.field}", error.message) from None


class Draft:
    """Values typed into fields whose editing has not finished, laid over the stored case."""

    def __init__(self) -> None:
        self.values: dict[Field, Any] = {}

    def put(self, field: Field, value: Any) -> None:
        self.values[field] = value

    def drop(self, field: Field) -> None:
        self.values.pop(field, None)

    def clear(self) -> None:
        self.values.clear()

    def benefit(self, row: BusinessCaseRow) -> dict[str, Any]:
        """The benefit fields with what is being typed, the working applied as the store would."""
        current = {name: getattr(row, name) for name in BENEFIT_FIELDS}
        typed = {
            field.name: value
            for field, value in self.values.items()
            if field.kind == BENEFIT and not same(value, current[field.name])
        }
        return apply_benefit(current, typed) if typed else current

    def confidence(self, row: BusinessCaseRow) -> int:
        return int(self.values.get(Field(CONFIDENCE), row.confidence))

    def adoption(self, row: BusinessCaseRow, horizon: int) -> list[float | None]:
        return [self.values.get(Field(ADOPTION, year=t), row.adoption[t]) for t in range(horizon + 1)]

    def amounts(self, line: CostLineRow, horizon: int) -> list[float | None]:
        return [self.values.get(Field(AMOUNT, line.key, t), line.amounts[t]) for t in range(horizon + 1)]

    def case(self, row: BusinessCaseRow, horizon: int) -> BusinessCase:
        """The business case to compute: the stored row with the typed values in place."""
        if not self.values:
            return row.case(horizon)
        categories = {f.name: v for f, v in self.values.items() if f.kind == CATEGORY}
        return BusinessCase(
            annual_benefit=self.benefit(row)["annual_benefit"] or 0.0,
            adoption=tuple(share or 0.0 for share in self.adoption(row, horizon)),
            cost_lines=tuple(
                CostLine(categories.get(line.key, line.category), tuple(a or 0.0 for a in self.amounts(line, horizon)))
                for line in row.cost_lines
            ),
            confidence=self.confidence(row) / 100,
        )


def has_working(values: dict[str, Any]) -> bool:
    """Whether the benefit is explained by a complete working."""
    return all(values[name] is not None for name in WORKING_FIELDS)
