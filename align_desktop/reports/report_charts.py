"""Portfolio charts shared by the dashboard (a Qt canvas) and the PDF report (Agg/PDF).

Each function clears the figure (or subfigure) it is given, draws one chart and returns its
Axes; matplotlib is imported inside the functions only. Every chart reads in black and white:
values are written on the bars, points and cells, readiness scores below the gate, losses and
cells above appetite are hatched, scenarios differ by line style and marker. With nothing to
draw, a chart says so.

Legends below a chart (`loc="outside lower center"`) need a figure whose layout makes room for
them: constrained layout (`charts.new_figure`, the PDF's pages) or `chart_margins.MarginLayout`
(the dashboard). Keep a layout's grid free of near-zero width or height ratios:
kiwisolver, which solves constrained layout, then now and then aborts the whole process
("The objective is unbounded"), which no `except` can catch.

Clickable artists carry `set_picker(True)` and a gid the dashboard reads from the pick event:
- value_by_outcome: the bar's gid is the outcome name
- readiness_distribution: each segment's gid is f"{field},{score}" (e.g. "readiness_data,1")
- value_vs_maturity: each point's gid is the capability key
- risk_heat_map: each cell's gid is f"{likelihood},{impact}" (residual)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from align_desktop.domain.risk import BANDS, SCALE_MAX, SCALE_MIN, above_appetite, band, score
from align_desktop.domain.roi import payback
from align_desktop.domain.vocabulary import READINESS_FIELDS, READINESS_LABELS, READINESS_MAX
from align_desktop.reports.charts import (
    LABEL_SIZE,
    TICK_SIZE,
    UNLOCKED_STYLE,
    _money_axis,
    _style_axes,
    cumulative_cash_flow,
)
from align_desktop.reports.formatting import compact_money

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

INK = "#1f2933"
MUTED = "#5f6b7a"
NEGATIVE_STYLE: dict[str, Any] = {"color": "#f4b6ae", "hatch": "///", "edgecolor": "#8e1c1c"}
"""Bars of negative value: hatched, so that they read as losses without colour."""

READINESS_COLOURS: tuple[str, ...] = ("#6b1111", "#e57373", "#fff3c4", "#90caf9", "#1565c0")
"""Score 0 … 4: dark red to light, then light blue to dark (adjacent scores step in greyscale too)."""
BELOW_GATE_HATCHES: tuple[str, ...] = ("xx", "///", "\\\\", "..", "++")
"""Hatching of a score below the gate, densest at 0; scores at or above the gate are plain."""


def readiness_style(score: int, gate: int) -> dict[str, Any]:
    """How the segment of one readiness score looks: hatched when below the gate."""
    below = score < gate
    return {
        "color": READINESS_COLOURS[score],
        "hatch": BELOW_GATE_HATCHES[score] if below else "",
        "edgecolor": "#ffffff" if score == 0 else INK,
    }


BAND_FILLS: dict[str, str] = {"low": "#e6f4e2", "medium": "#fadb85", "high": "#f7b57f", "critical": "#ec8f86"}
"""The risk register's band colours (grey 236, 216, 195, 173), so the maps agree."""
BAND_INITIALS: dict[str, str] = {"low": "L", "medium": "M", "high": "H", "critical": "C"}
APPETITE_EDGE = "#8e1c1c"

MAX_POINT_LABELS = 25
"""value_vs_maturity labels every point up to this many; beyond it, only the most valuable ones."""


def nothing_to_show(axes: Axes, text: str) -> Axes:
    """Leave the axes empty, without ticks, saying why."""
    axes.set_xticks([])
    axes.set_yticks([])
    axes.text(0.5, 0.5, text, ha="center", va="center", fontsize=LABEL_SIZE, color=MUTED, transform=axes.transAxes)
    return axes


def _start(figure: Figure | SubFigure, title: str, xlabel: str, ylabel: str = "") -> Axes:
    figure.clear()
    axes = figure.add_subplot()
    _style_axes(axes, title, xlabel, ylabel)
    return axes


def _label_bars(axes: Axes, positions: Sequence[float], values: Sequence[float]) -> None:
    """The amount beside each bar: past the end of a gain, right of the zero line for a loss."""
    for position, value in zip(positions, values, strict=True):
        axes.annotate(
            compact_money(value),
            (max(value, 0.0), position),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=TICK_SIZE,
            fontweight="bold",
            color=INK,
        )


def value_by_outcome(
    figure: Figure | SubFigure,
    outcomes: Sequence[str],
    values: Sequence[float],
    currency: str,
    *,
    title: str = "Value by outcome",
) -> Axes:
    """One horizontal bar per outcome of its value (risk-adjusted NPV), largest on top, amount written on it.

    Negative values are hatched. Each bar is pickable, gid = outcome name.
    """
    axes = _start(figure, title, f"Risk-adjusted NPV ({currency})")
    axes.grid(False, axis="y")
    if not outcomes:
        return nothing_to_show(axes, "No outcome carries value yet")
    order = sorted(range(len(values)), key=lambda n: -values[n])
    count = len(order)
    positions = [count - 1 - rank for rank in range(count)]
    shown = [values[n] for n in order]
    for position, n in zip(positions, order, strict=True):
        style = NEGATIVE_STYLE if values[n] < 0 else UNLOCKED_STYLE
        (bar,) = axes.barh([position], [values[n]], height=0.62, zorder=2, **style).patches
        bar.set_gid(outcomes[n])
        bar.set_picker(True)
    lines = 2 if count <= 8 else 1  # many bars: one line each, smaller
    size = TICK_SIZE if count <= 12 else max(6.5, TICK_SIZE - (count - 12) / 3)
    axes.set_yticks(positions, [_label(outcomes[n], lines=lines) for n in order], fontsize=size)
    _label_bars(axes, positions, shown)
    axes.axvline(0, color=INK, linewidth=0.8)
    _money_axis(axes.xaxis)
    low, high = min(0.0, *shown), max(0.0, *shown)
    span = (high - low) or 1.0
    axes.set_xlim(low - (span * 0.04 if low < 0 else 0), high + span * 0.25)
    axes.set_ylim(-0.7, count - 0.3)
    return axes


def readiness_distribution(
    figure: Figure | SubFigure,
    counts: Mapping[str, Sequence[int]],
    gate: int,
    *,
    title: str = "Readiness across initiatives",
    legend_columns: int = READINESS_MAX + 1,
) -> Axes:
    """For each readiness score, a stacked bar of how many initiatives score 0 … 4.

    Segments below the gate are hatched and each bar ends with "N below gate"; counts are
    written in the segments wide enough to hold them. Each segment is pickable, gid = "field,score".
    """
    axes = _start(figure, title, "Initiatives")
    axes.grid(False, axis="y")
    fields = [field for field in READINESS_FIELDS if field in counts]
    total = max((sum(counts[field]) for field in fields), default=0)
    if not total:
        return nothing_to_show(axes, "No initiative to score yet")
    positions = [len(fields) - 1 - index for index in range(len(fields))]
    for position, field in zip(positions, fields, strict=True):
        left = 0
        for value in range(READINESS_MAX + 1):
            number = counts[field][value] if value < len(counts[field]) else 0
            style = readiness_style(value, gate)
            label = f"{value}{' (below gate)' if value < gate else ''}" if position == positions[0] else None
            (bar,) = axes.barh(
                [position], [number], left=left, height=0.6, zorder=2, label=label, linewidth=0.6, **style
            ).patches
            bar.set_gid(f"{field},{value}")
            bar.set_picker(True)
            if number and number / total >= 0.045:
                axes.text(
                    left + number / 2,
                    position,
                    str(number),
                    ha="center",
                    va="center",
                    fontsize=TICK_SIZE - 1,
                    fontweight="bold",
                    color=INK,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                    zorder=4,
                )
            left += number
        below = sum(counts[field][:gate])
        axes.annotate(
            f"{below} below gate",
            (left, position),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=TICK_SIZE - 1,
            fontweight="bold" if below else "normal",
            color=INK,
        )
    axes.set_yticks(positions, [READINESS_LABELS[field] for field in fields], fontsize=TICK_SIZE)
    axes.set_xlim(0, total * 1.22)
    axes.set_ylim(-0.6, len(fields) - 0.4)
    figure.legend(
        title=f"Score (gate {gate})",
        fontsize=TICK_SIZE - 1,
        title_fontsize=TICK_SIZE - 1,
        loc="outside lower center",
        ncols=legend_columns,
        frameon=False,
    )
    return axes


def value_vs_maturity(
    figure: Figure | SubFigure,
    points: Sequence[tuple[str, float, int]],
    currency: str,
    *,
    title: str = "Capability value unlocked vs current maturity",
) -> Axes:
    """One point per capability: current maturity (1–5) across, value unlocked up; each labelled with its key.

    Points at the same maturity are spread a little so that they do not hide each other. Beyond
    MAX_POINT_LABELS points only the most valuable are labelled. Each point is pickable, gid = key.
    """
    axes = _start(figure, title, "Current maturity", f"Value unlocked ({currency})")
    if not points:
        return nothing_to_show(axes, "No capability is needed yet")
    ranked = sorted(range(len(points)), key=lambda n: -points[n][1])
    labelled = set(ranked[:MAX_POINT_LABELS])
    per_level: dict[int, int] = {}
    for n in ranked:
        key, value, maturity = points[n]
        slot = per_level.get(maturity, 0)
        per_level[maturity] = slot + 1
        offset = (0.0, -0.12, 0.12, -0.24, 0.24)[slot % 5]  # spread within ±0.24 of the level
        (point,) = axes.plot(
            [maturity + offset],
            [value],
            linestyle="none",
            marker="o",
            markersize=8,
            markerfacecolor=UNLOCKED_STYLE["color"],
            markeredgecolor="white" if value >= 0 else INK,
            zorder=3,
        )
        point.set_gid(key)
        point.set_picker(True)
        point.set_pickradius(6)
        if n in labelled:
            # neighbours at one level label on alternate sides; at the lowest level, where a label on the left
            # would cross the value axis, above and below instead
            left = slot % 2 == 1 and maturity > SCALE_MIN
            below = slot % 2 == 1 and maturity == SCALE_MIN
            axes.annotate(
                _plain(key),
                (maturity + offset, value),
                xytext=(-6 if left else 6, -3 if below else 3),
                textcoords="offset points",
                ha="right" if left else "left",
                va="top" if below else "baseline",
                fontsize=TICK_SIZE - 1,
                color=INK,
            )
    axes.set_xticks(range(SCALE_MIN, SCALE_MAX + 1))
    axes.set_xlim(SCALE_MIN - 0.5, SCALE_MAX + 0.5)
    values = [value for _, value, _ in points]
    low, high = min(0.0, *values), max(0.0, *values)
    margin = ((high - low) or 1.0) * 0.08
    axes.set_ylim(low - margin, high + margin)  # points at zero stay whole
    _money_axis(axes.yaxis)
    return axes


def risk_heat_map(
    figure: Figure | SubFigure,
    counts: Mapping[tuple[int, int], int],
    appetite: int,
    *,
    title: str = "Residual risk heat map",
) -> Axes:
    """5 × 5 grid of residual likelihood (up) by impact (across) with the number of risks in each cell.

    Cells are shaded by band (lighter to darker in greyscale too) and name the band by its initial;
    cells above the appetite are hatched with a heavy outline. Each cell is pickable, gid = "likelihood,impact".
    """
    from matplotlib.patches import Patch, Rectangle

    axes = _start(figure, title, "Impact", "Likelihood")
    axes.grid(False)
    axes.set_aspect("equal")
    for likelihood in range(SCALE_MIN, SCALE_MAX + 1):
        for impact in range(SCALE_MIN, SCALE_MAX + 1):
            value = score(likelihood, impact)
            over = above_appetite(value, appetite)
            cell = Rectangle(
                (impact - 0.5, likelihood - 0.5),
                1,
                1,
                facecolor=BAND_FILLS[band(value)],
                edgecolor=APPETITE_EDGE if over else "white",
                hatch="//" if over else None,
                linewidth=2.2 if over else 1.5,
                zorder=2.5 if over else 2,
            )
            cell.set_gid(f"{likelihood},{impact}")
            cell.set_picker(True)
            axes.add_patch(cell)
            number = counts.get((likelihood, impact), 0)
            axes.text(
                impact + 0.42,
                likelihood + 0.4,
                f"{BAND_INITIALS[band(value)]}{value}",
                ha="right",
                va="top",
                fontsize=TICK_SIZE - 3,
                color=INK,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
                zorder=3,
            )
            if number:
                axes.text(
                    impact,
                    likelihood - 0.05,
                    str(number),
                    ha="center",
                    va="center",
                    fontsize=LABEL_SIZE + 1,
                    fontweight="bold",
                    color=INK,
                    bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": INK, "linewidth": 0.8},
                    zorder=4,
                )
    ticks = range(SCALE_MIN, SCALE_MAX + 1)
    axes.set_xticks(ticks)
    axes.set_yticks(ticks)
    axes.set_xlim(SCALE_MIN - 0.5, SCALE_MAX + 0.5)
    axes.set_ylim(SCALE_MIN - 0.5, SCALE_MAX + 0.5)
    for side in ("left", "bottom"):
        axes.spines[side].set_visible(False)
    handles = [
        Patch(facecolor=BAND_FILLS[name], edgecolor=MUTED, label=f"{BAND_INITIALS[name]} {name} {low}–{high}")
        for name, low, high in BANDS
    ]
    handles.append(Patch(facecolor="white", edgecolor=APPETITE_EDGE, hatch="//", label=f"above appetite ({appetite})"))
    figure.legend(handles=handles, fontsize=TICK_SIZE - 2, loc="outside lower center", ncols=2, frameon=False)
    if not sum(counts.values()):
        axes.text(
            0.5,
            0.5,
            "No open risk",
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            color=INK,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": MUTED, "alpha": 0.95},
            transform=axes.transAxes,
            zorder=5,
        )
    return axes


def cumulative_cash_flow_portfolio(
    figure: Figure | SubFigure,
    flows_by_scenario: Mapping[str, Sequence[float]],
    currency: str,
    *,
    title: str = "Portfolio cumulative cash flow",
) -> Axes:
    """The portfolio's running cash flow per scenario (reports.charts' line styles), payback of the base marked."""
    if not flows_by_scenario or not any(flows_by_scenario.values()):
        axes = _start(figure, title, "Year")
        return nothing_to_show(axes, "No business case yet")
    base = flows_by_scenario.get("base")
    years = payback(base) if base else None
    return cumulative_cash_flow(figure, flows_by_scenario, currency, years, title=title)  # type: ignore[arg-type]


def _plain(text: str) -> str:
    """User text as matplotlib shows it literally (a `$` would otherwise start mathtext)."""
    return text.replace("$", r"\$")


def _label(text: str, width: int = 26, lines: int = 2) -> str:
    """A category label wrapped onto at most `lines` lines of about `width` characters."""
    import textwrap

    width = width if lines > 1 else width + 8
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1 :]), width, placeholder="…")]
    return _plain("\n".join(wrapped))
