"""Every control of the main window has an accessible name, and those that are not self-explanatory a tooltip.

The walk covers the welcome screen and every view (built, over the realistic sample): buttons,
combo boxes, line edits, spin boxes and item views, leaving out the parts Qt builds inside them
(a combo box's popup list, a line edit's clear button, a table's corner button).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.views import VIEWS

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
_COMPOSITE = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.open_workspace(sample_path)
    for spec in VIEWS:
        window.show_view(spec.name)
    return window


def _controls(window: MainWindow) -> Iterator[QWidget]:
    for widget in window.findChildren(QWidget):
        if isinstance(widget, CONTROLS) and not _inside_qt_part(widget):
            yield widget


def _inside_qt_part(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _buddies(window: MainWindow) -> set[QWidget]:
    """The controls a label names (a label's buddy, or the widget that buddy passes its focus to)."""
    named = set()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        while buddy is not None:
            named.add(buddy)
            buddy = buddy.focusProxy()
    return named


def _describe(widget: QWidget) -> str:
    """The control's kind and name, and the view it is in (the nearest window title: a view's name)."""
    view = widget.parentWidget()
    while view is not None and not view.windowTitle():
        view = view.parentWidget()
    return f"{type(widget).__name__} {widget.accessibleName()!r} in {view.windowTitle() if view else 'no view'}"


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in text)


def test_the_walk_finds_the_controls(window: MainWindow) -> None:
    kinds = {type(widget) for widget in _controls(window)}
    assert {QComboBox, QLineEdit} <= kinds
    assert sum(1 for _ in _controls(window)) > 80


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    buddies = _buddies(window)
    unnamed = [
        _describe(widget)
        for widget in _controls(window)
        if not widget.accessibleName()
        and widget not in buddies
        and not (isinstance(widget, QAbstractButton) and _has_words(widget.text()))
    ]
    assert unnamed == []


def test_buttons_without_words_have_a_tooltip_and_a_name(window: MainWindow) -> None:
    bare = [
        _describe(widget)
        for widget in _controls(window)
        if isinstance(widget, QAbstractButton)
        and not _has_words(widget.text())
        and not (widget.toolTip() and widget.accessibleName())
    ]
    assert bare == []


def test_filters_and_pickers_have_a_tooltip(window: MainWindow) -> None:
    """A line edit or combo box without a label beside it (a filter, a picker) says what it does on hover."""
    buddies = _buddies(window)
    silent = [
        _describe(widget)
        for widget in _controls(window)
        if isinstance(widget, (QLineEdit, QComboBox)) and widget not in buddies and not widget.toolTip()
    ]
    assert silent == []
