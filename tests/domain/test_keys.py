"""Item keys such as `I-001`: formatting, parsing, and an order that puts I-999 before I-1000."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.keys import format_key, key_sort_value, parse_key

prefixes = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@pytest.mark.parametrize(
    ("prefix", "number", "key"),
    [("I", 1, "I-001"), ("O", 42, "O-042"), ("I", 999, "I-999"), ("I", 1000, "I-1000")],
)
def test_format_key_pads_to_three_digits_and_then_grows(prefix: str, number: int, key: str) -> None:
    assert format_key(prefix, number) == key


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("I-001", ("I", 1)), ("i-007", ("I", 7)), ("  O-12 ", ("O", 12)), ("I-12345", ("I", 12345))],
)
def test_parse_key_reads_well_formed_keys(text: str, parsed: tuple[str, int]) -> None:
    assert parse_key(text) == parsed


@pytest.mark.parametrize(
    "text", ["", "I", "I-", "-001", "I001", "II-001", "I-00a", "I - 001", "I-1.5", "1-001", "I-\u0661\u0662"]
)
def test_parse_key_refuses_malformed_keys(text: str) -> None:
    assert parse_key(text) is None


@given(prefixes, st.integers(min_value=0, max_value=10**9))
def test_format_then_parse_round_trips(prefix: str, number: int) -> None:
    assert parse_key(format_key(prefix, number)) == (prefix, number)


@given(prefixes, st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_sort_value_orders_by_number_not_by_text(prefix: str, a: int, b: int) -> None:
    key_a, key_b = format_key(prefix, a), format_key(prefix, b)
    assert (key_sort_value(key_a) < key_sort_value(key_b)) == (a < b)


def test_sorting_keys_puts_999_before_1000() -> None:
    keys = ["I-1000", "I-010", "I-999", "I-002", "I-1001"]
    assert sorted(keys, key=key_sort_value) == ["I-002", "I-010", "I-999", "I-1000", "I-1001"]
    assert sorted(keys) != sorted(keys, key=key_sort_value)


def test_malformed_keys_sort_first_without_error() -> None:
    assert sorted(["I-002", "junk", "I-001"], key=key_sort_value) == ["junk", "I-001", "I-002"]
