"""Input refused before anything is stored, and the field-level checks that refuse it."""

from __future__ import annotations

import functools
import re


class ValidationError(ValueError):
    """Input refused before anything was stored; `field` names where, `message` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def require_text(field: str, value: object, *, max_length: int, required: bool = True) -> str:
    """Strip `value`; refuse a blank required text or one longer than `max_length`."""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    text = value.strip()
    if required and not text:
        raise ValidationError(field, "must not be empty")
    if len(text) > max_length:
        raise ValidationError(field, f"is {len(text)} characters long; at most {max_length} fit")
    return text


def require_int(field: str, value: object, *, low: int, high: int) -> int:
    """Accept an integer (or integral text) between `low` and `high` inclusive."""
    if isinstance(value, bool):
        raise ValidationError(field, f"must be a whole number from {low} to {high}")
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValidationError(field, f"'{value}' is not a whole number from {low} to {high}") from None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, f"must be a whole number from {low} to {high}, not {value!r}")
    return value


def optional_number(field: str, value: object) -> float | None:
    """Accept a number, numeric text or blank (None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "must be a number")
    if isinstance(value, str):
        return _parse_number(field, value)
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValidationError(field, "must be a finite number")
        return number
    raise ValidationError(field, "must be a number")


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def _parse_number(field: str, value: str) -> float:
    """Read `1234.5`, `250,000` and `1,234.5` (commas before groups of three digits are thousands,
    as the app shows numbers), or `2,1` and `0,25` (a decimal comma); refuse anything else."""
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(field, f"'{value}' is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(field, "must be a finite number")
    return number


def require_choice(field: str, value: object, choices: tuple[str, ...]) -> str:
    """Accept one of `choices`, ignoring case and surrounding spaces."""
    if isinstance(value, str):
        found = _folded(choices).get(value.strip().casefold())
        if found is not None:
            return found
    listed = ", ".join(choices)
    raise ValidationError(field, f"'{value}' is not one of: {listed}")


@functools.lru_cache(maxsize=64)
def _folded(choices: tuple[str, ...]) -> dict[str, str]:
    """Each choice by its case-folded spelling (the first, should two fold alike)."""
    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(choice.casefold(), choice)
    return folded
