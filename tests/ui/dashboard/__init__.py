"""Helpers for the dashboard tests: the view shown over the realistic sample, charts drawn, clicks on them.

"Today" is fixed at 2026-11-26, the day the sample's README counts its overdue reviews on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, Qt

from align_desktop.ui.dashboard.view import DashboardView

TODAY = date(2026, 11, 26)


def show_dashboard(qtbot: Any, opened: Any, prompter: Any, *, charts: bool = True) -> DashboardView:
    """The dashboard at 1450 × 930 (its size in a 1600 × 1000 window), shown; with its charts drawn."""
    view = DashboardView(prompter, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1450, 930)
    view.set_workspace(opened)
    view.show()
    qtbot.waitExposed(view)
    if charts:
        qtbot.waitUntil(lambda: not view.charts.pending() and bool(view.charts.canvases))
    return view


def artist(view: DashboardView, chart: str, gid: str) -> Any:
    """The artist of `chart` whose gid is `gid`."""
    found = view.charts.figures[chart].findobj(lambda a: a.get_gid() == gid)
    assert found, f"no artist {gid!r} in {chart}"
    return found[0]


def click_artist(qtbot: Any, view: DashboardView, chart: str, gid: str) -> None:
    """A real mouse click (Qt event, then matplotlib's pick) in the middle of that artist."""
    qtbot.mouseClick(view.charts.canvases[chart], Qt.MouseButton.LeftButton, pos=artist_position(view, chart, gid))


def artist_position(view: DashboardView, chart: str, gid: str) -> QPoint:
    """Where on its canvas widget the middle of that artist is."""
    canvas = view.charts.canvases[chart]
    item = artist(view, chart, gid)
    if hasattr(item, "get_xydata"):  # a point: its data position
        x, y = item.axes.transData.transform(item.get_xydata()[0])
    else:
        box = item.get_window_extent(canvas.get_renderer())
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    ratio = canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round(canvas.height() - y / ratio))
