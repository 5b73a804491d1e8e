"""File > Restore from Backup: lists the backups, asks first, restores and reopens the workspace."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from align_desktop.store.backup import list_backups, take_backup
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.restore_dialog import RestoreDialog
from tests.ui.dialogs import press_ok


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    take_backup(sample_path, "before import", datetime(2026, 11, 26, 9, 30))
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(sample_path)
    assert window.workspace is not None
    window.workspace.perform("Edit", lambda: window.workspace.initiatives.update("I-001", {"confidence": 11}))
    return window


def test_the_dialog_lists_each_backup_with_date_reason_and_size(window: MainWindow, sample_path: Path) -> None:
    dialog = RestoreDialog(list_backups(sample_path), window)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, column).text() for column in range(2)] == ["2026-11-26 09:30:00", "before import"]
    assert dialog.table.item(0, 2).text().endswith("KB")
    assert dialog.chosen() == list_backups(sample_path)[0]


def test_without_backups_there_is_nothing_to_restore(qtbot: Any) -> None:
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.chosen() is None


def test_restoring_asks_then_reopens_the_backup(
    window: MainWindow, prompter: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ok(monkeypatch, RestoreDialog, lambda dialog: None)
    prompter.confirm_answers = [True]
    window.restore_backup()
    assert "2026-11-26 09:30" in prompter.confirmations[-1]
    assert window.workspace is not None
    assert window.workspace.initiatives.get("I-001").confidence != 11
    assert window.workspace.undo_stack.count() == 0
    reasons = [backup.reason for backup in list_backups(sample_path)]
    assert "before restore" in reasons
    assert "Restored the backup" in window.statusBar().currentMessage()


def test_declining_the_confirmation_changes_nothing(
    window: MainWindow, prompter: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ok(monkeypatch, RestoreDialog, lambda dialog: None)
    prompter.confirm_answers = [False]
    window.restore_backup()
    assert window.workspace is not None
    assert window.workspace.initiatives.get("I-001").confidence == 11
    assert window.workspace.undo_stack.count() == 1
