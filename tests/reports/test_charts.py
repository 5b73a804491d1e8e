"""ROI charts: what they draw, in which order, readable without colour; matplotlib loaded only to draw."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from align_desktop.domain.roi import DEFAULT_SCENARIOS, BusinessCase, CostLine, evaluate
from align_desktop.domain.sensitivity import Sensitivity, sensitivities
from align_desktop.reports import charts

WORKED = BusinessCase(
    annual_benefit=250_000,
    adoption=(0.0, 0.25, 0.75, 1.0),
    cost_lines=(
        CostLine("data engineering", (120_000, 0, 0, 0)),
        CostLine("model training", (0, 30_000, 30_000, 30_000)),
        CostLine("deployment", (0, 15_000, 15_000, 15_000)),
        CostLine("monitoring", (0, 10_000, 10_000, 10_000)),
        CostLine("incident response", (0, 5_000, 5_000, 5_000)),
    ),
    confidence=0.8,
)


def scenario_flows(case: BusinessCase = WORKED) -> dict[str, tuple[float, ...]]:
    return {name: evaluate(case, 3, 0.1, scenario).flows.cash_flows for name, scenario in DEFAULT_SCENARIOS.items()}


def test_importing_the_charts_module_does_not_load_matplotlib() -> None:
    code = "import sys, align_desktop.reports.charts; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_cumulative_cash_flow_has_a_line_per_scenario_the_zero_line_and_the_payback_point() -> None:
    figure = charts.new_figure()
    axes = charts.cumulative_cash_flow(figure, scenario_flows(), "EUR", 1.9216)
    labels = [line.get_label() for line in axes.lines]
    assert labels[1:] == ["Pessimistic", "Base", "Optimistic", "Payback 1.92 years"]
    assert list(axes.lines[0].get_ydata()) == [0, 0]  # the zero line
    base = axes.lines[2]
    assert list(base.get_ydata()) == [-120_000, -117_500, 10_000, 200_000]
    assert list(base.get_xdata()) == [0, 1, 2, 3]
    styles = {(line.get_linestyle(), line.get_marker()) for line in axes.lines[1:4]}
    assert len(styles) == 3  # told apart without colour
    assert axes.get_xlabel() == "Year"
    assert "EUR" in axes.get_ylabel()
    assert [text.get_text() for text in axes.get_legend().get_texts()] == labels[1:]
    figure.canvas.draw()
    assert axes.yaxis.get_major_formatter()(-120_000, 0) == "−120k"


def test_cumulative_cash_flow_without_payback_says_so() -> None:
    flows = {"base": (-100.0, 10.0, 10.0)}
    axes = charts.cumulative_cash_flow(charts.new_figure(), flows, "USD", None)
    assert [line.get_label() for line in axes.lines][1:] == ["Base"]
    assert "not within horizon" in axes.get_title(loc="right")


def test_tornado_puts_the_widest_bar_on_top_around_the_base_npv() -> None:
    bars = sensitivities(WORKED, 3, 0.1)
    base_npv = evaluate(WORKED, 3, 0.1).npv
    figure = charts.new_figure()
    axes = charts.tornado(figure, bars, base_npv, "EUR")
    assert len(axes.patches) == 2 * len(bars)  # a −20 % and a +20 % bar per driver
    labels = [label.get_text() for label in axes.get_yticklabels()]
    positions = dict(zip(labels, axes.get_yticks(), strict=True))
    top_down = sorted(positions, key=lambda driver: -positions[driver])
    assert top_down == [bar.driver for bar in bars]
    assert top_down[0] == "Benefit"
    widths = [bar.width for bar in bars]
    assert widths == sorted(widths, reverse=True)
    for patch in axes.patches:
        assert patch.get_x() == pytest.approx(base_npv)  # every bar starts at the base NPV
    assert {patch.get_hatch() for patch in axes.patches} == {"//", None}  # the two sides differ by hatching
    assert any(line.get_label().startswith("Base NPV EUR 130,394") for line in axes.lines)
    figure.canvas.draw()


def test_tornado_with_no_drivers_says_so() -> None:
    axes = charts.tornado(charts.new_figure(), [], 0.0, "EUR")
    assert not axes.patches
    assert axes.texts[0].get_text() == "No drivers to vary"


def test_tornado_draws_given_bars_in_their_order() -> None:
    bars = [Sensitivity("Wide", 0.0, 100.0), Sensitivity("Narrow", 40.0, 60.0)]
    axes = charts.tornado(charts.new_figure(), bars, 50.0, "EUR")
    positions = dict(zip([label.get_text() for label in axes.get_yticklabels()], axes.get_yticks(), strict=True))
    assert positions["Wide"] > positions["Narrow"]


def test_render_png_writes_an_image(tmp_path: Path) -> None:
    path = tmp_path / "cash.png"
    data = charts.render_png(lambda figure: charts.cumulative_cash_flow(figure, scenario_flows(), "EUR", 1.92), path)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert path.read_bytes() == data
    message = charts.render_png(lambda figure: charts.message(figure, "No business case yet"), size=(4, 3))
    assert message.startswith(b"\x89PNG")
