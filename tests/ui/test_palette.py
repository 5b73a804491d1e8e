"""The palette follows the system's colour scheme: dark when the desktop is dark, the platform's light one otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from align_desktop.ui.palette import apply_colour_scheme, dark_palette, follow_system_colour_scheme

_Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _light_again(qapp: Any) -> Iterator[None]:
    """Leave the application as the other tests expect it: the platform's palette."""
    light = qapp.palette().window().color()
    yield
    apply_colour_scheme(Qt.ColorScheme.Light)
    QApplication.processEvents()
    assert qapp.palette().window().color() == light


def _is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 100 and palette.windowText().color().lightness() > 180


def test_the_dark_palette_keeps_text_readable() -> None:
    palette = dark_palette()
    for background, text in (
        (_Role.Window, _Role.WindowText),
        (_Role.Base, _Role.Text),
        (_Role.Button, _Role.ButtonText),
    ):
        assert palette.color(text).lightness() - palette.color(background).lightness() > 120
    disabled = palette.color(QPalette.ColorGroup.Disabled, _Role.Text)
    assert palette.color(_Role.Base).lightness() < disabled.lightness() < palette.color(_Role.Text).lightness()


@pytest.mark.parametrize(
    ("scheme", "dark"),
    [(Qt.ColorScheme.Dark, True), (Qt.ColorScheme.Light, False), (Qt.ColorScheme.Unknown, False)],
)
def test_the_handler_sets_the_palette_for_each_scheme(
    qtbot: Any, qapp: Any, scheme: Qt.ColorScheme, dark: bool
) -> None:
    label = QLabel("Now")
    qtbot.addWidget(label)
    apply_colour_scheme(Qt.ColorScheme.Light if dark else Qt.ColorScheme.Dark)  # start from the other one
    apply_colour_scheme(scheme)
    QApplication.processEvents()
    assert _is_dark(qapp.palette()) is dark
    assert _is_dark(label.palette()) is dark


def test_a_change_of_scheme_is_followed(qapp: Any) -> None:
    hints = qapp.styleHints()
    follow_system_colour_scheme(qapp)
    try:
        assert not _is_dark(qapp.palette())  # the offscreen platform reports no scheme: light
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert _is_dark(qapp.palette())
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not _is_dark(qapp.palette())
    finally:
        hints.colorSchemeChanged.disconnect(apply_colour_scheme)
