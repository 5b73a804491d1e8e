"""The presenter layout on a projector's screen: beside the presenter panel, the ROI view's and the dashboard's
headline tiles read whole (no figure cut, none off the page, none over another) at 1280 × 720 and 1920 × 1080;
the normal layout of a wide window keeps its single row of tiles."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.workshop.presenter_shot import present_copy


def settle() -> None:
    for _ in range(3):  # resizes, then the layouts they request
        QApplication.processEvents()


def tiles_of(window: MainWindow, name: str) -> list[QWidget]:
    view: Any = window.view(name)
    if name == "roi":
        return list(view.headline.tiles.values())
    return [getattr(view.tiles, tile) for tile in ("value", "initiatives", "statuses", "gaps", "risks", "alerts")]


def shown_on(widget: QWidget, view: QWidget) -> QRect:
    """Where `widget` is, in the view's coordinates."""
    return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())


def assert_reads_whole(label: QLabel) -> None:
    """A one-line label is as wide as its text; a wrapped one as tall as its wrapped text."""
    room = label.contentsRect()
    if label.wordWrap():
        assert label.heightForWidth(label.width()) <= label.height(), label.text()
    else:
        assert label.fontMetrics().horizontalAdvance(label.text()) <= room.width(), label.text()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("name", ["roi", "dashboard"])
def test_headline_tiles_read_whole_beside_the_presenter_panel(
    window: MainWindow, sample_path: Path, tmp_path: Path, size: tuple[int, int], name: str
) -> None:
    assert present_copy(window, sample_path, tmp_path)
    window.resize(*size)
    window.show_view(name)
    settle()
    assert window.size().width() == size[0]
    view = window.view(name)
    page = view.findChild(QWidget, "dashboardPage") if name == "dashboard" else view
    assert page is not None
    visible = page.visibleRegion().boundingRect() if name == "dashboard" else view.rect()
    tiles = tiles_of(window, name)
    for tile in tiles:
        assert visible.contains(shown_on(tile, page)), tile.accessibleName()  # nothing off to the right
        for label in tile.findChildren(QLabel):
            if label.isVisibleTo(tile) and label.text():
                assert_reads_whole(label)
    for first, second in combinations(tiles, 2):
        assert not shown_on(first, page).intersects(shown_on(second, page))


def test_the_normal_layout_keeps_one_row_of_tiles(window: MainWindow) -> None:
    for name in ("roi", "dashboard"):
        window.show_view(name)
        settle()
        tops = {tile.geometry().top() for tile in tiles_of(window, name)}
        assert len(tops) == 1
