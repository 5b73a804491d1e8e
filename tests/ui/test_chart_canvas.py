"""A view's chart canvas: a white figure on a named Qt canvas, drawing Chinese, Japanese or Korean names in a font
that has them (a missing glyph is a warning, which the test run turns into an error)."""

from __future__ import annotations

from typing import Any

from align_desktop.ui.chart_canvas import chart_canvas


def test_a_canvas_is_named_sized_and_draws_cjk_names(qtbot: Any) -> None:
    figure, canvas = chart_canvas("constrained", (320, 220), "Value unlocked chart")
    qtbot.addWidget(canvas)
    assert canvas.accessibleName() == "Value unlocked chart"
    assert (canvas.minimumWidth(), canvas.minimumHeight()) == (320, 220)
    axes = figure.add_subplot()
    axes.barh([0, 1], [3, 5], tick_label=["特征存储", "Feature store"])
    canvas.draw()
    assert figure.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
