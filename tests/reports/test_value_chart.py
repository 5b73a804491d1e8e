"""The value-unlocked chart: one bar per capability, largest on top, labelled, blocked part hatched."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.reports import charts


def top_down(axes: Any) -> list[str]:
    positions = dict(zip((label.get_text() for label in axes.get_yticklabels()), axes.get_yticks(), strict=True))
    return sorted(positions, key=lambda name: -positions[name])


def test_one_bar_per_capability_largest_on_top_with_its_amount() -> None:
    names = ["C-001 Ingestion", "C-002 Feature store", "C-003 Serving", "C-004 Registry"]
    values = [1_200_000.0, 3_260_000.0, 0.0, 3_260_000.0]
    figure = charts.new_figure()
    axes = charts.value_unlocked(figure, names, values, "EUR")
    assert len(axes.patches) == 4
    # largest first; equal values keep the order given
    assert top_down(axes) == ["C-002 Feature store", "C-004 Registry", "C-001 Ingestion", "C-003 Serving"]
    bars = sorted(axes.patches, key=lambda patch: -patch.get_y())
    assert [bar.get_width() for bar in bars] == [3_260_000, 3_260_000, 1_200_000, 0]
    assert all(bar.get_x() == 0 for bar in bars)  # horizontal bars from zero
    labels = [text.get_text() for text in axes.texts]
    assert labels == ["3.26M", "3.26M", "1.2M", "0"]
    assert "EUR" in axes.get_xlabel()
    assert axes.get_title(loc="left") == "Value unlocked by capability"
    figure.canvas.draw()
    assert axes.xaxis.get_major_formatter()(2_000_000, 0) == "2M"
    assert axes.get_xlim()[1] > 3_260_000  # room for the labels


def test_the_blocked_part_is_hatched_over_its_bar_and_explained() -> None:
    figure = charts.new_figure()
    axes = charts.value_unlocked(
        figure, ["A", "B"], [100_000.0, 400_000.0], "USD", blocked=[100_000.0, 50_000.0], title="Top capabilities"
    )
    assert len(axes.patches) == 4
    solid, hatched = axes.patches[:2], axes.patches[2:]
    assert [patch.get_hatch() for patch in solid] == [None, None]
    assert {patch.get_hatch() for patch in hatched} == {"///"}  # told apart without colour
    assert [patch.get_width() for patch in hatched] == [50_000, 100_000]  # B (top) then A
    assert [patch.get_y() for patch in hatched] == [patch.get_y() for patch in solid]
    legend = figure.legends[0]
    assert [text.get_text() for text in legend.get_texts()] == ["Value unlocked", "of which blocked by a maturity gap"]
    assert axes.get_title(loc="left") == "Top capabilities"


def test_no_capabilities_says_so() -> None:
    figure = charts.new_figure()
    axes = charts.value_unlocked(figure, [], [], "EUR")
    assert not axes.patches
    assert [text.get_text() for text in axes.texts] == ["No capability is needed yet"]


@pytest.mark.parametrize("blocked", [None, [1.0, 0.0]])
def test_renders_to_png(blocked: list[float] | None) -> None:
    data = charts.render_png(
        lambda figure: charts.value_unlocked(figure, ["A", "B"], [2.0, 1.0], "EUR", blocked=blocked)
    )
    assert data.startswith(b"\x89PNG")
