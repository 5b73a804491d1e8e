"""Help > Keyboard Shortcuts: every action of the main window with a shortcut is listed, grouped by menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.shortcuts import action_text
from align_desktop.ui.shortcuts_dialog import ShortcutsDialog
from align_desktop.ui.views import VIEWS


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_workspace(sample_path)
    return window


def _dialog(qtbot: Any, window: MainWindow) -> ShortcutsDialog:
    dialog = window.shortcuts_dialog()
    qtbot.addWidget(dialog)
    return dialog


def _keys(action: QAction) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())


def test_every_action_with_a_shortcut_is_listed(qtbot: Any, window: MainWindow) -> None:
    listed = _dialog(qtbot, window).listed()
    actions = [action for action in window.findChildren(QAction) if action.shortcuts()]
    assert len(actions) >= 30
    for action in actions:
        assert any(
            name.endswith(action_text(action.text())) and keys == _keys(action) for _group, name, keys in listed
        ), f"{action.text()!r} ({_keys(action)}) is not listed"
    assert len(listed) == len(actions)


def test_the_views_built_later_are_listed_too(qtbot: Any, prompter: Any) -> None:
    fresh = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(fresh)
    groups = {group for group, _name, _keys in _dialog(qtbot, fresh).listed()}
    for spec in VIEWS:
        assert spec.name in fresh._built
    assert {"Outcomes view", "Capabilities view", "Risks view", "ROI view"} <= groups


def test_menu_actions_are_grouped_under_their_menu(qtbot: Any, window: MainWindow) -> None:
    listed = _dialog(qtbot, window).listed()
    menus = [action_text(action.text()) for action in window.menuBar().actions()]
    groups = list(dict.fromkeys(group for group, _name, _keys in listed))
    assert groups[: len(menus)] == menus
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.shortcuts():
                assert (action_text(menu.title()), action_text(action.text()), _keys(action)) in listed


def test_the_standard_shortcuts_are_there_on_every_platform(qtbot: Any, window: MainWindow) -> None:
    keys = {key for _group, _name, text in _dialog(qtbot, window).listed() for key in text.split(", ")}
    expected = ("Ctrl+N", "Ctrl+O", "Ctrl+W", "Ctrl+Q", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+F")
    native = {QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in expected}
    assert native <= keys


def test_help_menu_opens_the_dialog(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    entry = next(action for action in help_menu.actions() if action_text(action.text()) == "Keyboard Shortcuts")
    entry.trigger()
    assert len(shown) == 1
    assert shown[0].windowTitle() == "Keyboard Shortcuts"
    qtbot.addWidget(shown[0])
