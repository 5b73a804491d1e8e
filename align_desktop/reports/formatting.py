"""How money reads in the app, the charts and the reports: grouped whole units, and short forms."""

from __future__ import annotations

MINUS = "\u2212"
"""A true minus sign, which lines up with figures (the hyphen does not)."""


def money(value: float, currency: str) -> str:
    """`EUR 130,394`, `EUR −120,000`: whole units with thousands separators."""
    text = f"{abs(value):,.0f}"
    sign = MINUS if value < 0 and text != "0" else ""
    return f"{currency} {sign}{text}"


def compact_money(value: float) -> str:
    """Short text for an amount, three significant digits at most: 1.2bn, 2.06M, 130k, 9.5k, 950.

    A true minus sign when negative.
    """
    size = abs(value)
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k"), (1.0, "")):
        if size >= scale * 0.9995 or scale == 1.0:  # 999,999 is 1M, not 1000k
            scaled = size / scale
            decimals = 0 if scaled >= 100 or scale == 1.0 else 1 if scaled >= 10 else 2
            text = f"{scaled:.{decimals}f}"
            text = (text.rstrip("0").rstrip(".") if "." in text else text) + suffix
            break
    return MINUS + text if value < 0 and text != "0" else text


def money_short(value: float, currency: str) -> str:
    """`EUR 130k`, `EUR −1.2M`: for board cards, where space is short."""
    return f"{currency} {compact_money(value)}"
