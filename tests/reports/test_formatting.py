"""Money as people read it: grouped whole units, and short forms for cards and chart axes."""

from __future__ import annotations

import pytest

from align_desktop.reports.formatting import compact_money, money, money_short


@pytest.mark.parametrize(
    ("value", "full", "short"),
    [
        (130_394.44, "EUR 130,394", "EUR 130k"),
        (-45_000, "EUR \u221245,000", "EUR \u221245k"),
        (1_234_567, "EUR 1,234,567", "EUR 1.23M"),
        (999_600, "EUR 999,600", "EUR 1M"),
        (999, "EUR 999", "EUR 999"),
        (-0.4, "EUR 0", "EUR 0"),
    ],
)
def test_money(value: float, full: str, short: str) -> None:
    assert money(value, "EUR") == full
    assert money_short(value, "EUR") == short


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (950, "950"),
        (1_500, "1.5k"),
        (130_394.44, "130k"),
        (999_999, "1M"),
        (2_063_088, "2.06M"),
        (15_400_000, "15.4M"),
        (1.2e9, "1.2bn"),
        (-120_000, "−120k"),
        (-0.4, "0"),
    ],
)
def test_compact_money(value: float, text: str) -> None:
    assert compact_money(value) == text


def test_money_examples() -> None:
    assert money(130_394.44, "EUR") == "EUR 130,394"
    assert money(-43_329.2, "EUR") == "EUR −43,329"
    assert money(-0.2, "EUR") == "EUR 0"
