"""Money as people read it: grouped whole units, and short forms for cards."""

from __future__ import annotations

import pytest

from align_desktop.ui.formatting import money, money_short


@pytest.mark.parametrize(
    ("value", "full", "short"),
    [
        (130_394.44, "EUR 130,394", "EUR 130k"),
        (-45_000, "−EUR 45,000", "−EUR 45k"),
        (1_234_567, "EUR 1,234,567", "EUR 1.2m"),
        (999_600, "EUR 999,600", "EUR 1.0m"),
        (999, "EUR 999", "EUR 999"),
        (-0.4, "EUR 0", "EUR 0"),
    ],
)
def test_money(value: float, full: str, short: str) -> None:
    assert money(value, "EUR") == full
    assert money_short(value, "EUR") == short
