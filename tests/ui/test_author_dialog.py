"""Workshop > Your Name…: the name the item history records, kept per user and applied to every workspace
opened, and at once to the open one; blank means the OS user name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from align_desktop.store.lock import current_user
from align_desktop.ui.author_dialog import AuthorDialog
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from tests.ui.dialogs import press_ok


def window_on(qtbot: QtBot, prompter: Any, path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    assert window.open_workspace(path)
    return window


def test_the_name_applies_now_and_to_workspaces_opened_later(
    qtbot: QtBot, prompter: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, prompter, sample_path)
    assert window.workspace is not None and window.workspace.workspace.author == current_user()
    shown = press_ok(monkeypatch, AuthorDialog, lambda dialog: dialog.name.setText("  Dana Facilitator "))
    next(a for a in window.workshop_menu.actions() if a.text().startswith("Your &Name")).trigger()
    assert shown[0].name.placeholderText() == current_user()
    assert window.workspace.workspace.author == "Dana Facilitator"
    window.workspace.perform("Confidence", lambda: window.workspace.initiatives.update("I-001", {"confidence": 77}))
    assert window.workspace.audit.history("I-001")[0].who == "Dana Facilitator"
    window.close_workspace()
    assert Preferences(user_settings()).author_name() == "Dana Facilitator"
    assert window.open_workspace(sample_path)
    assert window.workspace is not None and window.workspace.workspace.author == "Dana Facilitator"


def test_a_blank_name_goes_back_to_the_os_user(
    qtbot: QtBot, prompter: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Preferences(user_settings()).set_author_name("Dana")
    window = window_on(qtbot, prompter, sample_path)
    assert window.workspace is not None and window.workspace.workspace.author == "Dana"
    press_ok(monkeypatch, AuthorDialog, lambda dialog: dialog.name.clear())
    window.edit_author_name()
    assert window.workspace.workspace.author == current_user()
    assert Preferences(user_settings()).author_name() == ""
