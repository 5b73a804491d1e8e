"""ROI charts drawn on a matplotlib `Figure`: cumulative cash flow by scenario, and the NPV tornado.

The same functions draw into the ROI view (a Qt canvas) and into images for the exports
(`render_png`, Agg backend). matplotlib is imported inside the functions only. The charts read
in black and white: scenarios differ by line style and marker, tornado sides by hatching.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align_desktop.domain.sensitivity import SWING, Sensitivity
from align_desktop.reports.formatting import MINUS, compact_money, money

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TITLE_SIZE = 13
LABEL_SIZE = 11
TICK_SIZE = 10

SCENARIO_STYLES: dict[str, dict[str, Any]] = {
    "pessimistic": {"color": "#c62828", "linestyle": "--", "marker": "s", "linewidth": 2.0},
    "base": {"color": "#1565c0", "linestyle": "-", "marker": "o", "linewidth": 2.8},
    "optimistic": {"color": "#2e7d32", "linestyle": ":", "marker": "^", "linewidth": 2.2},
}
"""How each scenario's line looks; unknown scenarios fall back to a grey dash-dot line."""
_OTHER_STYLE: dict[str, Any] = {"color": "#5f6b7a", "linestyle": "-.", "marker": "D", "linewidth": 2.0}
LOW_STYLE: dict[str, Any] = {"color": "#ef8f00", "hatch": "//", "edgecolor": "#7a4800"}
HIGH_STYLE: dict[str, Any] = {"color": "#1565c0", "edgecolor": "#0d3c75"}


def _money_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _position: compact_money(value)))


def _style_axes(axes: Axes, title: str, xlabel: str, ylabel: str) -> None:
    axes.set_title(title, fontsize=TITLE_SIZE, fontweight="bold", loc="left")
    axes.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    axes.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    axes.tick_params(labelsize=TICK_SIZE)
    axes.grid(True, color="#dde1e6", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def cumulative(cash_flows: Sequence[float]) -> list[float]:
    """Running totals of yearly cash flows."""
    total, result = 0.0, []
    for value in cash_flows:
        total += value
        result.append(total)
    return result


def cumulative_cash_flow(
    figure: Figure,
    flows_by_scenario: Mapping[str, Sequence[float]],
    currency: str,
    payback: float | None,
    *,
    title: str = "Cumulative cash flow",
) -> Axes:
    """One line per scenario of the running total of yearly cash flows (years 0 … H on x).

    `payback` (years, of the base scenario) is marked on the zero line; None marks nothing
    and says so in the title.
    """
    figure.clear()
    axes = figure.add_subplot()
    _style_axes(axes, title, "Year", f"Cumulative cash flow ({currency})")
    axes.axhline(0, color="#1f2933", linewidth=1.0, zorder=1)
    years = 0
    for name, flows in flows_by_scenario.items():
        style = SCENARIO_STYLES.get(name, _OTHER_STYLE)
        axes.plot(range(len(flows)), cumulative(flows), label=name.capitalize(), markersize=7, zorder=3, **style)
        years = max(years, len(flows))
    if payback is not None:
        axes.plot(
            [payback],
            [0],
            linestyle="none",
            marker="D",
            markersize=11,
            color="#1f2933",
            zorder=4,
            label=f"Payback {payback:.2f} years",
        )
    elif flows_by_scenario:
        axes.set_title("Payback: not within horizon", fontsize=LABEL_SIZE, loc="right", color="#5f6b7a")
    axes.set_xticks(range(max(years, 1)))
    axes.set_xlim(-0.2, max(years - 1, 1) + 0.2)
    _money_axis(axes.yaxis)
    if flows_by_scenario:
        axes.legend(fontsize=TICK_SIZE, loc="best", framealpha=0.92)
    return axes


def tornado(
    figure: Figure,
    bars: Sequence[Sensitivity],
    base_npv: float,
    currency: str,
    *,
    title: str = "NPV sensitivity",
) -> Axes:
    """NPV with each driver moved down and up by the swing; widest bar on top, base NPV line."""
    figure.clear()
    axes = figure.add_subplot()
    percent = f"{SWING * 100:.0f} %"
    _style_axes(axes, title, f"NPV ({currency})", "")
    axes.grid(True, axis="x", color="#dde1e6", linewidth=0.8)
    axes.grid(False, axis="y")
    count = len(bars)
    positions = [count - 1 - index for index in range(count)]  # the first (widest) bar on top
    lows = [bar.low - base_npv for bar in bars]
    highs = [bar.high - base_npv for bar in bars]
    axes.barh(positions, lows, left=base_npv, height=0.6, label=f"Driver {MINUS}{percent}", **LOW_STYLE)
    axes.barh(positions, highs, left=base_npv, height=0.6, label=f"Driver +{percent}", **HIGH_STYLE)
    axes.axvline(
        base_npv, color="#1f2933", linestyle="--", linewidth=1.4, label=f"Base NPV {money(base_npv, currency)}"
    )
    axes.set_yticks(positions, [bar.driver for bar in bars], fontsize=TICK_SIZE)
    for position, bar in zip(positions, bars, strict=True):
        for value in (bar.low, bar.high):
            right = value >= base_npv
            axes.annotate(
                compact_money(value),
                (value, position),
                xytext=(4 if right else -4, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                fontsize=TICK_SIZE - 1,
                color="#1f2933",
            )
    _money_axis(axes.xaxis)
    axes.margins(x=0.18)
    if count:
        axes.set_ylim(-0.7, count - 0.3)
        figure.legend(fontsize=TICK_SIZE - 1, loc="outside lower center", ncols=3, frameon=False)
    else:
        axes.text(0.5, 0.5, "No drivers to vary", ha="center", va="center", transform=axes.transAxes)
    return axes


UNLOCKED_STYLE: dict[str, Any] = {"color": "#1565c0", "edgecolor": "#0d3c75"}
BLOCKED_STYLE: dict[str, Any] = {"color": "#f4b6ae", "hatch": "///", "edgecolor": "#8e1c1c"}


def value_unlocked(
    figure: Figure,
    names: Sequence[str],
    values: Sequence[float],
    currency: str,
    *,
    blocked: Sequence[float] | None = None,
    title: str = "Value unlocked by capability",
) -> Axes:
    """One horizontal bar per capability of the value it unlocks, largest on top, labelled with the amount.

    `blocked` (optional, one per capability) overlays, hatched, the part of that value held up by a
    maturity gap. Capabilities of equal value keep the order given.
    """
    figure.clear()
    axes = figure.add_subplot()
    _style_axes(axes, title, f"Value unlocked ({currency}, risk-adjusted NPV)", "")
    axes.grid(False, axis="y")
    order = sorted(range(len(values)), key=lambda n: -values[n])
    count = len(order)
    positions = [count - 1 - rank for rank in range(count)]  # the first (largest) bar on top
    shown = [values[n] for n in order]
    axes.barh(positions, shown, height=0.62, label="Value unlocked", zorder=2, **UNLOCKED_STYLE)
    if blocked is not None:
        axes.barh(
            positions,
            [blocked[n] for n in order],
            height=0.62,
            label="of which blocked by a maturity gap",
            zorder=3,
            **BLOCKED_STYLE,
        )
    axes.set_yticks(positions, [names[n] for n in order], fontsize=TICK_SIZE)
    for position, value in zip(positions, shown, strict=True):
        axes.annotate(
            compact_money(value),
            (value, position),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=TICK_SIZE,
            fontweight="bold",
            color="#1f2933",
        )
    _money_axis(axes.xaxis)
    axes.set_xlim(0, (max(shown, default=0.0) or 1.0) * 1.2)  # room for the labels
    if count:
        axes.set_ylim(-0.7, count - 0.3)
        if blocked is not None:
            figure.legend(fontsize=TICK_SIZE - 1, loc="outside lower center", ncols=2, frameon=False)
    else:
        axes.set_yticks([])
        axes.text(0.5, 0.5, "No capability is needed yet", ha="center", va="center", transform=axes.transAxes)
    return axes


def message(figure: Figure, text: str) -> None:
    """A blank chart area that says why there is no chart (e.g. no business case yet)."""
    figure.clear()
    figure.text(0.5, 0.5, text, ha="center", va="center", fontsize=LABEL_SIZE, color="#5f6b7a", wrap=True)


def new_figure(size: tuple[float, float] = (8.0, 4.5), dpi: float = 100) -> Figure:
    """A figure on the Agg canvas (no GUI), laid out so that labels do not overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def render_png(
    draw: Callable[[Figure], object],
    path: Path | None = None,
    size: tuple[float, float] = (8.0, 4.5),
    dpi: float = 100,
) -> bytes:
    """Draw on a fresh Agg figure and return the PNG bytes (also written to `path` if given)."""
    figure = new_figure(size, dpi)
    draw(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    data = buffer.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data
