"""Item keys such as `I-001`: formatting and parsing. Keys are assigned by the store, never reused."""

from __future__ import annotations

import re

INITIATIVE_PREFIX = "I"
OUTCOME_PREFIX = "O"
COST_LINE_PREFIX = "L"
CAPABILITY_PREFIX = "C"
RISK_PREFIX = "R"
SESSION_PREFIX = "W"
DECISION_PREFIX = "D"
ACTION_PREFIX = "A"
PARKING_PREFIX = "P"

_KEY = re.compile(r"^([A-Z])-([0-9]+)$")


def format_key(prefix: str, number: int) -> str:
    """`format_key("I", 7)` is `I-007`; numbers beyond 999 simply grow (`I-1000`)."""
    return f"{prefix}-{number:03d}"


def parse_key(key: str) -> tuple[str, int] | None:
    """Split `I-007` into `("I", 7)`; None when `key` is not a well-formed key."""
    match = _KEY.match(key.strip().upper())
    if match is None:
        return None
    return match.group(1), int(match.group(2))


def key_sort_value(key: str) -> tuple[str, int, str]:
    """A sort key that orders `I-999` before `I-1000` (cheap: tables sort thousands of keys)."""
    prefix, dash, number = key.partition("-")
    if dash and len(prefix) == 1 and prefix.isupper() and number.isascii() and number.isdigit():
        return (prefix, int(number), key)
    return ("", 0, key)
