"""How the ROI view writes figures: money in the workspace currency, percentages, payback, inputs.

Display texts group thousands (`EUR 130,394`); texts put into fields for editing do not
(`130394.44`), because a single group such as `250,000` is refused as ambiguous on input.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from align_desktop.reports.formatting import MINUS, money

__all__ = [
    "MINUS",
    "amount",
    "editable",
    "money",
    "money_exact",
    "payback",
    "percent",
    "same",
    "share",
    "share_editable",
    "tr",
    "uplift",
]


def tr(text: str) -> str:
    return QCoreApplication.translate("RoiFormat", text)


def money_exact(value: float, currency: str) -> str:
    """`EUR 130,394.44`: to the cent, for tooltips and checks."""
    text = f"{abs(value):,.2f}"
    sign = MINUS if value < 0 and text != "0.00" else ""
    return f"{currency} {sign}{text}"


def amount(value: float | None) -> str:
    """A table cell amount: `30,000`, `1,234.5`, blank for None, a true minus sign."""
    if value is None:
        return ""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    return (MINUS + text) if value < 0 and text != "0" else text


def editable(value: float | None) -> str:
    """A number as typed into a field: `250000`, `12.5`, blank for None; never grouped."""
    if value is None:
        return ""
    value = float(value)  # SQLite hands back whole numbers as int
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def percent(fraction: float | None, *, missing: str | None = None) -> str:
    """`47.26 %` for 0.4726…; `missing` (by default `n/a`) for None."""
    if fraction is None:
        return tr("n/a") if missing is None else missing
    text = f"{abs(fraction) * 100:,.2f}"
    sign = MINUS if fraction < 0 and text != "0.00" else ""
    return f"{sign}{text} %"


def share(fraction: float | None) -> str:
    """An adoption share or uplift for display: `25 %`, `2.5 %`, blank for None."""
    if fraction is None:
        return ""
    return f"{share_editable(fraction)} %"


def share_editable(fraction: float | None) -> str:
    """A share as typed, in percent: `25`, `2.5`; blank for None."""
    if fraction is None:
        return ""
    return editable(round(fraction * 100, 6))


def uplift(fraction: float) -> str:
    """An uplift in a working, with at least one decimal: `2.0 %`, `2.25 %`."""
    text = share_editable(fraction)
    return f"{text if '.' in text else text + '.0'} %"


def payback(years: float | None) -> str:
    """`1.92 years`, `0.00 years`, or `not within horizon`."""
    if years is None:
        return tr("not within horizon")
    return tr("{0} years").format(f"{years:.2f}")


def same(first: object, second: object) -> bool:
    """Equal, allowing for the rounding of a number shown and typed back (25 % → 0.25)."""
    if isinstance(first, float | int) and isinstance(second, float | int):
        return math.isclose(first, second, rel_tol=1e-9, abs_tol=1e-12)
    return first == second
