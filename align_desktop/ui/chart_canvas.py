"""A matplotlib figure on a Qt canvas, for a view's chart; matplotlib is imported when the first one is made.

Charts draw names as the workspace holds them, in DejaVu Sans and, for characters it lacks (Chinese,
Japanese, Korean…), a font of the machine that has them (`reports.fonts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def chart_canvas(layout: Any, minimum: tuple[int, int], name: str) -> tuple[Figure, Any]:
    """A white figure with `layout` (a matplotlib layout engine or its name), and its canvas (a QWidget at least
    `minimum` pixels wide and high, named `name` for screen readers)."""
    from matplotlib.backends import backend_qtagg
    from matplotlib.figure import Figure

    from align_desktop.reports.fonts import use_fallbacks

    use_fallbacks()
    figure = Figure(layout=layout, facecolor="white")
    make_canvas: Any = backend_qtagg.FigureCanvasQTAgg  # untyped in matplotlib
    canvas = make_canvas(figure)
    canvas.setMinimumSize(*minimum)
    canvas.setAccessibleName(name)
    return figure, canvas
