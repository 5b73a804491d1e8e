"""MarginLayout: every text of a chart ends up inside its figure, nothing overlaps the plot, legends sit
below it, labels beside points near the edges get room, and the title starts at the figure's edge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from align_desktop.reports import report_charts
from align_desktop.reports.chart_margins import EDGE, MarginLayout
from align_desktop.reports.charts import TITLE_SIZE

LONG = "Reduce the cost to serve an order across every warehouse and channel"
SIZES = [(3.7, 3.0), (4.8, 4.6), (7.0, 3.2)]
"""Inches at 100 dpi: a dashboard pane in a 1280 × 800 window, in a 1600 × 1000 one, a wide one."""


def outcomes(figure: Any) -> None:
    report_charts.value_by_outcome(figure, [LONG, "Grow", "Keep buyers"], [-4.2e8, 1.5e6, 9.9e9], "EUR")


def readiness(figure: Any) -> None:
    counts = {"readiness_data": [400, 390, 380, 420, 410], "readiness_monitoring": [0, 0, 2, 3, 1995]}
    report_charts.readiness_distribution(figure, counts, 2, legend_columns=3)


def maturity(figure: Any) -> None:
    points = [("RIGHT-OF-POINT-1", 5e6, 1), ("C-2", 1e6, 5), ("LEFT-OF-POINT-3", 0.0, 1), ("RIGHT-EDGE-4", 2e6, 5)]
    report_charts.value_vs_maturity(figure, points, "EUR", title="Capabilities: value unlocked vs maturity")


def heat(figure: Any) -> None:
    report_charts.risk_heat_map(figure, {(5, 5): 120, (1, 1): 3}, 9)


def cash(figure: Any) -> None:
    flows = {"pessimistic": [-5e8, 1e8, 2e8], "base": [-4e8, 3e8, 5e8], "optimistic": [-3e8, 4e8, 9e8]}
    report_charts.cumulative_cash_flow_portfolio(figure, flows, "EUR")


CHARTS: dict[str, Callable[[Any], None]] = {
    "outcomes": outcomes,
    "readiness": readiness,
    "maturity": maturity,
    "heat": heat,
    "cash": cash,
}


def laid_out(chart: Callable[[Any], None], size: tuple[float, float]) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=100, layout=MarginLayout())
    canvas = FigureCanvasAgg(figure)
    chart(figure)
    canvas.draw()
    return figure, canvas.get_renderer()


def inside(inner: Any, outer: Any, slack: float = 1.5) -> bool:
    return (
        inner.x0 >= outer.x0 - slack
        and inner.y0 >= outer.y0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y1 <= outer.y1 + slack
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", CHARTS)
def test_every_text_is_inside_the_figure(name: str, size: tuple[float, float]) -> None:
    figure, renderer = laid_out(CHARTS[name], size)
    axes = figure.axes[0]
    drawn = {"the chart with its title, labels and ticks": axes.get_tightbbox(renderer)}
    drawn |= {f"the label {text.get_text()!r}": text.get_window_extent(renderer) for text in axes.texts}
    drawn |= {f"legend {n}": legend.get_window_extent(renderer) for n, legend in enumerate(figure.legends)}
    outside = [what for what, box in drawn.items() if not inside(box, figure.bbox)]
    assert not outside, f"{name} at {size}: outside the figure: {outside}"


@pytest.mark.parametrize("name", CHARTS)
def test_tick_labels_and_axis_labels_stay_outside_the_plot(name: str) -> None:
    figure, renderer = laid_out(CHARTS[name], (4.8, 4.6))
    axes = figure.axes[0]
    plot = axes.get_window_extent(renderer)
    labels = [*axes.get_yticklabels(), axes.yaxis.label]
    for label in labels:
        if label.get_visible() and label.get_text():
            assert label.get_window_extent(renderer).x1 <= plot.x0 + 1, label.get_text()
    for label in [*axes.get_xticklabels(), axes.xaxis.label]:
        if label.get_visible() and label.get_text():
            assert label.get_window_extent(renderer).y1 <= plot.y0 + 1, label.get_text()


@pytest.mark.parametrize("name", ["readiness", "heat"])
def test_a_figure_legend_sits_below_the_axis_labels(name: str) -> None:
    figure, renderer = laid_out(CHARTS[name], (4.8, 4.6))
    axes = figure.axes[0]
    (legend,) = figure.legends
    assert legend.get_window_extent(renderer).y1 <= axes.xaxis.label.get_window_extent(renderer).y0 + 1


@pytest.mark.parametrize("size", SIZES)
def test_labels_beside_points_at_the_edges_get_room(size: tuple[float, float]) -> None:
    figure, renderer = laid_out(maturity, size)
    axes = figure.axes[0]
    keys = {text.get_text(): text.get_window_extent(renderer) for text in axes.texts}
    ticks = max(label.get_window_extent(renderer).x1 for label in axes.get_yticklabels() if label.get_text())
    assert keys["LEFT-OF-POINT-3"].x0 >= ticks  # clear of the tick labels: at the lowest level, on the right
    assert keys["RIGHT-EDGE-4"].x1 <= figure.bbox.x1
    assert keys["RIGHT-EDGE-4"].x1 > axes.get_window_extent(renderer).x1  # it needed the room beyond the axes


@pytest.mark.parametrize("name", CHARTS)
def test_the_title_starts_at_the_figure_edge(name: str) -> None:
    figure, renderer = laid_out(CHARTS[name], (4.8, 4.6))
    title = figure.axes[0]._left_title.get_window_extent(renderer)
    assert title.x0 == pytest.approx(EDGE / 72 * figure.dpi, abs=2)


def test_a_figure_with_several_axes_is_left_as_it_is() -> None:
    from matplotlib.figure import Figure

    figure = Figure(layout=MarginLayout())
    first, second = figure.subplots(1, 2)
    before = (first.get_position().bounds, second.get_position().bounds)
    MarginLayout().execute(figure)
    assert (first.get_position().bounds, second.get_position().bounds) == before


def test_a_title_too_wide_is_set_smaller_and_grows_back_when_there_is_room() -> None:
    figure, renderer = laid_out(maturity, (3.2, 2.4))
    title = figure.axes[0]._left_title
    assert title.get_fontsize() < TITLE_SIZE
    assert inside(title.get_window_extent(renderer), figure.bbox)
    figure.set_size_inches(7.0, 4.6)
    figure.canvas.draw()
    assert title.get_fontsize() == TITLE_SIZE
