"""How figures read on screen: money in the workspace currency, short forms for cards."""

from __future__ import annotations


def money(value: float, currency: str) -> str:
    """`EUR 130,394` — whole units, grouped, a proper minus sign."""
    sign = "−" if round(value) < 0 else ""
    return f"{sign}{currency} {abs(value):,.0f}"


def money_short(value: float, currency: str) -> str:
    """`EUR 130k`, `EUR 1.2m`, `−EUR 45k`: for board cards, where space is short."""
    magnitude = abs(value)
    if magnitude >= 999_500:
        text = f"{magnitude / 1_000_000:.1f}m"
    elif magnitude >= 1_000:
        text = f"{magnitude / 1_000:.0f}k"
    else:
        text = f"{magnitude:.0f}"
    sign = "−" if value < 0 and text != "0" else ""
    return f"{sign}{currency} {text}"
