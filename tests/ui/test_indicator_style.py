"""Under the dark palette, check boxes keep an outline that shows on a table's background and on the window's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.ui.palette import OUTLINED, apply_colour_scheme

VISIBLE = 40
"""The least difference in lightness (0–255) between a box's outline and what is around it that we call visible:
Fusion's own outline differs by under 25 on the dark palette."""


@pytest.fixture
def dark(qapp: Any) -> Iterator[str]:
    """The dark scheme applied; the name of the style in use before it."""
    before = qapp.style().name()
    apply_colour_scheme(Qt.ColorScheme.Dark)
    yield before
    apply_colour_scheme(Qt.ColorScheme.Light)


def _contrast(image: QImage, area: QRect, background: QColor) -> int:
    return max(
        abs(image.pixelColor(x, y).lightness() - background.lightness())
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


def test_check_boxes_show_on_a_list_and_on_the_window_under_the_dark_palette(qtbot: Any, dark: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    listing = QListWidget()
    item = QListWidgetItem("Threatens I-004")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    listing.addItem(item)
    box = QCheckBox("Use mine")
    layout.addWidget(listing)
    layout.addWidget(box)
    window.resize(300, 200)
    window.show()
    QApplication.processEvents()
    image = window.grab().toImage()

    row = listing.visualItemRect(item)
    at = listing.viewport().mapTo(window, row.topLeft())
    base = listing.palette().color(QPalette.ColorRole.Base)
    assert _contrast(image, QRect(at.x(), at.y(), row.height(), row.height()), base) >= VISIBLE

    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    indicator.translate(box.mapTo(window, indicator.topLeft()) - indicator.topLeft())
    assert _contrast(image, indicator, box.palette().color(QPalette.ColorRole.Window)) >= VISIBLE


def test_the_light_scheme_brings_back_the_plain_style(qapp: Any, dark: str) -> None:
    from align_desktop.ui.indicator_style import OutlinedIndicators

    assert isinstance(qapp.style(), OutlinedIndicators)
    assert qapp.property(OUTLINED) == dark
    apply_colour_scheme(Qt.ColorScheme.Dark)  # again: wrapped once, not twice
    assert not isinstance(qapp.style().baseStyle(), OutlinedIndicators)
    apply_colour_scheme(Qt.ColorScheme.Light)
    assert not isinstance(qapp.style(), OutlinedIndicators)
    assert qapp.property(OUTLINED) is None
    assert qapp.style().name() == dark
