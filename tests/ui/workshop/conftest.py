"""Fixtures for workshop mode: the main window over the realistic sample, on a clock the test moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings

AGENDA = [(None, "Walk the board", 20), (None, "Dot vote", 15), (None, "Decisions and actions", 10)]


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path, clock: FakeClock) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.workshop.clock = clock
    window.open_workspace(sample_path)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def plan(window: MainWindow, title: str = "Q3 roadmap workshop") -> str:
    """A planned session with three participants and three agenda items (20, 15 and 10 minutes)."""
    assert window.workspace is not None
    key, _ = window.workspace.sessions.create(
        {"title": title, "held_on": "2026-12-01"}, ["Ann", "Ben", "Chidi"], AGENDA
    )
    window.workspace.changed.emit()
    return key


def press(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as the facilitator would."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)
