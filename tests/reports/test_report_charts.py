"""The portfolio charts shared by the dashboard and the PDF: what each draws, the gids the dashboard
picks by, empty data, and marks that survive printing in black and white."""

from __future__ import annotations

import itertools
from typing import Any, ClassVar

import pytest

from align_desktop.domain.vocabulary import READINESS_FIELDS, READINESS_LABELS
from align_desktop.reports import report_charts
from align_desktop.reports.charts import new_figure


def drawn(figure: Any) -> None:
    """Render, as the dashboard and the PDF do; layout or mathtext errors surface here."""
    figure.canvas.draw()


def texts(axes: Any) -> list[str]:
    return [text.get_text() for text in axes.texts]


def picked_gid(figure: Any, artist: Any) -> str | None:
    """Click the middle of `artist` and return the gid the pick event carries, as the dashboard will."""
    from matplotlib.backend_bases import MouseEvent

    drawn(figure)
    bounds = artist.get_window_extent()
    x, y = (bounds.x0 + bounds.x1) / 2, (bounds.y0 + bounds.y1) / 2
    found: list[str | None] = []
    connection = figure.canvas.mpl_connect("pick_event", lambda event: found.append(event.artist.get_gid()))
    figure.pick(MouseEvent("button_press_event", figure.canvas, x, y, button=1))
    figure.canvas.mpl_disconnect(connection)
    return found[0] if found else None


def luminance(colour: str) -> float:
    from matplotlib.colors import to_rgb

    red, green, blue = to_rgb(colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue


class TestValueByOutcome:
    OUTCOMES: ClassVar[list[str]] = ["Retention", "Conversion", "Fraud losses", "Margin"]
    VALUES: ClassVar[list[float]] = [250_000.0, 1_120_000.0, -340_000.0, 76_400.0]

    def test_one_labelled_bar_per_outcome_largest_on_top(self) -> None:
        figure = new_figure()
        axes = report_charts.value_by_outcome(figure, self.OUTCOMES, self.VALUES, "EUR")
        drawn(figure)
        assert len(axes.patches) == 4
        top_down = sorted(axes.patches, key=lambda bar: -bar.get_y())
        assert [bar.get_gid() for bar in top_down] == ["Conversion", "Retention", "Margin", "Fraud losses"]
        assert [bar.get_width() for bar in top_down] == [1_120_000, 250_000, 76_400, -340_000]
        assert texts(axes) == ["1.12M", "250k", "76.4k", "\u2212340k"]
        assert "EUR" in axes.get_xlabel()

    def test_bars_are_pickable_by_outcome_name(self) -> None:
        figure = new_figure()
        axes = report_charts.value_by_outcome(figure, self.OUTCOMES, self.VALUES, "EUR")
        assert all(bar.get_picker() for bar in axes.patches)
        fraud = next(bar for bar in axes.patches if bar.get_gid() == "Fraud losses")
        assert picked_gid(figure, fraud) == "Fraud losses"

    def test_a_loss_is_hatched_not_only_coloured(self) -> None:
        figure = new_figure()
        axes = report_charts.value_by_outcome(figure, self.OUTCOMES, self.VALUES, "EUR")
        hatches = {bar.get_gid(): bar.get_hatch() for bar in axes.patches}
        assert hatches["Fraud losses"]
        assert not hatches["Conversion"]

    def test_user_text_with_dollar_signs_is_shown_as_typed(self) -> None:
        figure = new_figure()
        axes = report_charts.value_by_outcome(figure, ["Save $2M on $ spend"], [10.0], "USD")
        drawn(figure)  # mathtext would fail or eat the dollars
        assert axes.patches[0].get_gid() == "Save $2M on $ spend"

    def test_many_outcomes_still_draw(self) -> None:
        names = [f"Outcome with a fairly long name number {n}" for n in range(20)]
        figure = new_figure()
        axes = report_charts.value_by_outcome(figure, names, [float(n * 1000) for n in range(20)], "EUR")
        drawn(figure)
        assert len(axes.patches) == 20


class TestReadinessDistribution:
    COUNTS: ClassVar[dict[str, tuple[int, ...]]] = {
        "readiness_data": (1, 2, 5, 3, 1),
        "readiness_model_risk": (0, 3, 4, 4, 1),
        "readiness_monitoring": (4, 4, 2, 1, 1),
        "readiness_compliance": (0, 0, 3, 6, 3),
    }

    def test_a_stacked_bar_per_score_with_a_segment_per_level(self) -> None:
        figure = new_figure()
        axes = report_charts.readiness_distribution(figure, self.COUNTS, gate=2)
        drawn(figure)
        assert len(axes.patches) == 4 * 5
        gids = {bar.get_gid(): bar.get_width() for bar in axes.patches}
        assert gids["readiness_monitoring,0"] == 4
        assert gids["readiness_compliance,3"] == 6
        assert set(gids) == {f"{field},{score}" for field in READINESS_FIELDS for score in range(5)}
        ticks = zip(axes.get_yticks(), (label.get_text() for label in axes.get_yticklabels()), strict=True)
        top_down = [label for _, label in sorted(ticks, reverse=True)]
        assert top_down == [READINESS_LABELS[field] for field in READINESS_FIELDS]

    def test_the_gate_is_marked_in_words_and_by_hatching(self) -> None:
        figure = new_figure()
        axes = report_charts.readiness_distribution(figure, self.COUNTS, gate=2)
        assert {"3 below gate", "8 below gate", "0 below gate"} <= set(texts(axes))
        for bar in axes.patches:
            score = int(bar.get_gid().split(",")[1])
            assert bool(bar.get_hatch()) == (score < 2), bar.get_gid()
        legend = figure.legends[0]
        assert legend.get_title().get_text() == "Score (gate 2)"
        assert "0 (below gate)" in [text.get_text() for text in legend.get_texts()]

    def test_segments_are_pickable(self) -> None:
        figure = new_figure()
        axes = report_charts.readiness_distribution(figure, self.COUNTS, gate=2)
        segment = next(bar for bar in axes.patches if bar.get_gid() == "readiness_compliance,3")
        assert picked_gid(figure, segment) == "readiness_compliance,3"

    @pytest.mark.parametrize("gate", [0, 1, 2, 3, 4])
    def test_levels_differ_without_colour(self, gate: int) -> None:
        styles = [report_charts.readiness_style(score, gate) for score in range(5)]
        for low in range(5):
            for high in range(low + 1, 5):
                same_hatch = styles[low]["hatch"] == styles[high]["hatch"]
                grey_step = abs(luminance(styles[low]["color"]) - luminance(styles[high]["color"]))
                assert not same_hatch or grey_step > 0.15, (low, high)

    def test_the_gate_moves_the_hatching(self) -> None:
        figure = new_figure()
        axes = report_charts.readiness_distribution(figure, self.COUNTS, gate=3)
        hatched = {bar.get_gid() for bar in axes.patches if bar.get_hatch()}
        assert hatched == {f"{field},{score}" for field in READINESS_FIELDS for score in range(3)}


class TestValueVsMaturity:
    POINTS: ClassVar[list[tuple[str, float, int]]] = [
        ("C-001", 4_697_299.0, 4),
        ("C-003", 3_258_734.0, 2),
        ("C-008", 4_520_563.0, 2),
        ("C-014", 0.0, 3),
    ]

    def test_a_labelled_point_per_capability_at_its_maturity(self) -> None:
        figure = new_figure()
        axes = report_charts.value_vs_maturity(figure, self.POINTS, "EUR")
        drawn(figure)
        points = {line.get_gid(): line for line in axes.lines}
        assert set(points) == {"C-001", "C-003", "C-008", "C-014"}
        assert points["C-001"].get_ydata()[0] == 4_697_299
        assert round(points["C-001"].get_xdata()[0]) == 4
        # two at maturity 2 are spread apart, each within a quarter level of it
        xs = [points[key].get_xdata()[0] for key in ("C-003", "C-008")]
        assert xs[0] != xs[1]
        assert all(abs(x - 2) <= 0.25 for x in xs)
        assert sorted(texts(axes)) == ["C-001", "C-003", "C-008", "C-014"]
        assert "EUR" in axes.get_ylabel()

    def test_points_are_pickable_by_capability_key(self) -> None:
        figure = new_figure()
        axes = report_charts.value_vs_maturity(figure, self.POINTS, "EUR")
        assert all(line.get_picker() for line in axes.lines)
        point = next(line for line in axes.lines if line.get_gid() == "C-003")
        assert picked_gid(figure, point) == "C-003"

    def test_only_the_most_valuable_are_labelled_when_crowded(self) -> None:
        points = [(f"C-{n:03d}", float(n), 1 + n % 5) for n in range(60)]
        figure = new_figure()
        axes = report_charts.value_vs_maturity(figure, points, "EUR")
        assert len(axes.lines) == 60
        labels = texts(axes)
        assert len(labels) == report_charts.MAX_POINT_LABELS
        assert "C-059" in labels
        assert "C-000" not in labels


class TestRiskHeatMap:
    COUNTS: ClassVar[dict[tuple[int, int], int]] = {(3, 4): 2, (1, 1): 5, (5, 5): 1, (2, 3): 3}

    def test_twenty_five_cells_with_the_number_of_risks_in_each(self) -> None:
        figure = new_figure((6, 6))
        axes = report_charts.risk_heat_map(figure, self.COUNTS, appetite=9)
        drawn(figure)
        cells = {patch.get_gid(): patch for patch in axes.patches}
        assert set(cells) == {f"{likelihood},{impact}" for likelihood in range(1, 6) for impact in range(1, 6)}
        # every cell names its band and score; occupied cells also say how many risks
        assert "C25" in texts(axes)
        assert "L1" in texts(axes)
        assert sorted(t for t in texts(axes) if t.isdigit()) == ["1", "2", "3", "5"]

    def test_cells_above_appetite_are_hatched_and_outlined(self) -> None:
        figure = new_figure((6, 6))
        axes = report_charts.risk_heat_map(figure, self.COUNTS, appetite=9)
        for patch in axes.patches:
            likelihood, impact = map(int, patch.get_gid().split(","))
            assert bool(patch.get_hatch()) == (likelihood * impact > 9), patch.get_gid()
        labels = [text.get_text() for text in figure.legends[0].get_texts()]
        assert "above appetite (9)" in labels

    def test_bands_step_in_greyscale(self) -> None:
        greys = [luminance(report_charts.BAND_FILLS[name]) for name in ("low", "medium", "high", "critical")]
        assert all(lighter - darker > 0.05 for lighter, darker in itertools.pairwise(greys))

    def test_cells_are_pickable_as_likelihood_and_impact(self) -> None:
        figure = new_figure((6, 6))
        axes = report_charts.risk_heat_map(figure, self.COUNTS, appetite=9)
        assert all(patch.get_picker() for patch in axes.patches)
        cell = next(patch for patch in axes.patches if patch.get_gid() == "3,4")
        assert picked_gid(figure, cell) == "3,4"


class TestPortfolioCashFlow:
    FLOWS: ClassVar[dict[str, tuple[float, ...]]] = {
        "pessimistic": (-300_000.0, 100_000.0, 200_000.0, 300_000.0),
        "base": (-200_000.0, 150_000.0, 300_000.0, 400_000.0),
        "optimistic": (-180_000.0, 200_000.0, 400_000.0, 500_000.0),
    }

    def test_three_scenarios_by_line_style_and_marker_and_the_payback(self) -> None:
        figure = new_figure()
        axes = report_charts.cumulative_cash_flow_portfolio(figure, self.FLOWS, "EUR")
        drawn(figure)
        scenarios = [line for line in axes.lines if line.get_label() in ("Pessimistic", "Base", "Optimistic")]
        assert len(scenarios) == 3
        assert len({line.get_linestyle() for line in scenarios}) == 3
        assert len({line.get_marker() for line in scenarios}) == 3
        assert list(scenarios[1].get_ydata()) == [-200_000, -50_000, 250_000, 650_000]
        legend = [text.get_text() for text in axes.get_legend().get_texts()]
        assert legend[:3] == ["Pessimistic", "Base", "Optimistic"]
        assert "Payback 1.17 years" in legend

    def test_no_payback_within_the_horizon_is_said(self) -> None:
        figure = new_figure()
        flows = dict.fromkeys(self.FLOWS, (-100.0, 10.0))
        axes = report_charts.cumulative_cash_flow_portfolio(figure, flows, "EUR")
        assert not [line for line in axes.lines if line.get_label().startswith("Payback")]
        assert "not within horizon" in axes.get_title("right")


EMPTY = {
    "value_by_outcome": lambda figure: report_charts.value_by_outcome(figure, [], [], "EUR"),
    "readiness_distribution": lambda figure: report_charts.readiness_distribution(figure, {}, 2),
    "readiness_all_zero": lambda figure: report_charts.readiness_distribution(
        figure, dict.fromkeys(READINESS_FIELDS, (0, 0, 0, 0, 0)), 2
    ),
    "value_vs_maturity": lambda figure: report_charts.value_vs_maturity(figure, [], "EUR"),
    "cumulative_cash_flow_portfolio": lambda figure: report_charts.cumulative_cash_flow_portfolio(figure, {}, "EUR"),
}


@pytest.mark.parametrize("chart", sorted(EMPTY))
def test_empty_data_says_there_is_nothing_to_show(chart: str) -> None:
    figure = new_figure()
    axes = EMPTY[chart](figure)
    drawn(figure)
    assert axes.patches == [] or all(patch.get_width() == 0 for patch in axes.patches)
    assert len(axes.texts) == 1
    assert axes.texts[0].get_text().startswith("No ")


def test_an_empty_heat_map_still_shows_the_grid_and_says_so() -> None:
    figure = new_figure((6, 6))
    axes = report_charts.risk_heat_map(figure, {}, appetite=9)
    drawn(figure)
    assert len(axes.patches) == 25
    assert "No open risk" in texts(axes)


def test_charts_draw_into_part_of_a_page() -> None:
    """The PDF draws each chart into a subfigure of an A4 page."""
    figure = new_figure((11.69, 8.27))
    left, right = figure.subfigures(1, 2)
    report_charts.value_by_outcome(left, ["Conversion"], [1.0], "EUR")
    report_charts.risk_heat_map(right, {(1, 1): 1}, appetite=9)
    drawn(figure)
    assert len(left.axes) == 1
    assert len(right.axes) == 1
