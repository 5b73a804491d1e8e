"""Opening a workspace that another Align Desktop holds: read-only, a copy, or breaking its lock."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from align_desktop.store import lock
from align_desktop.store.backup import list_backups, take_backup
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.restore_dialog import RestoreDialog
from tests.store.test_rescue import damage_table
from tests.ui.dialogs import press_ok


@pytest.fixture
def window(qtbot: Any, prompter: Any) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def held(sample_path: Path) -> Path:
    """The sample, locked by Maria's laptop in the meeting room."""
    record = {"user": "maria", "host": "meeting-room-laptop", "pid": 4242, "since": "2026-11-26T09:15:00"}
    lock.lock_path(sample_path).write_text(json.dumps(record), encoding="utf-8")
    return sample_path


def test_read_only_is_visible_and_refuses_edits(window: MainWindow, prompter: Any, held: Path) -> None:
    prompter.choice_answers = [0]
    assert window.open_workspace(held)
    assert "maria@meeting-room-laptop since 2026-11-26 09:15" in prompter.choices[0]
    assert window.workspace is not None
    assert window.workspace.workspace.read_only
    assert "(read-only)" in window.windowTitle()
    service = window.workspace.initiatives
    key = next(iter(window.board.scene.cards))
    prompter.confirm_answers = [True]
    window.board.delete_card(key)
    assert "read-only" in prompter.errors[-1][1]
    assert service.get(key).key == key
    assert window.workspace.undo_stack.count() == 0


def test_a_copy_opens_for_editing(window: MainWindow, prompter: Any, held: Path, tmp_path: Path) -> None:
    copy = tmp_path / "my copy.align"
    prompter.choice_answers = [1]
    prompter.path_answers = [copy]
    assert window.open_workspace(held)
    assert window.workspace is not None
    assert window.workspace.workspace.path == copy.resolve()
    assert not window.workspace.workspace.read_only
    owner = lock.read_owner(held)
    assert owner is not None
    assert owner.user == "maria"


@pytest.mark.parametrize("confirmed", [True, False])
def test_breaking_the_lock_asks_first(window: MainWindow, prompter: Any, held: Path, confirmed: bool) -> None:
    prompter.choice_answers = [2]
    prompter.confirm_answers = [confirmed]
    assert window.open_workspace(held) is confirmed
    assert "meeting-room-laptop" in prompter.confirmations[0]
    owner = lock.read_owner(held)
    assert owner is not None
    assert (owner.user == "maria") is not confirmed


def test_cancel_opens_nothing(window: MainWindow, prompter: Any, held: Path) -> None:
    prompter.choice_answers = [None]
    assert not window.open_workspace(held)
    assert window.workspace is None


@pytest.fixture
def damaged(sample_path: Path) -> Path:
    """The sample with a backup taken, then its risk table's first page overwritten."""
    take_backup(sample_path, "before import", datetime(2026, 11, 26, 9, 0))
    damage_table(sample_path, "risk")
    return sample_path


def test_a_damaged_workspace_is_offered_a_rescue_into_a_new_file(
    window: MainWindow, prompter: Any, damaged: Path, tmp_path: Path
) -> None:
    prompter.choice_answers = [0]
    prompter.path_answers = [tmp_path / "rescued.align"]
    assert window.open_workspace(damaged)
    assert "is damaged" in prompter.choices[0] and "Rescuing copies everything" in prompter.choices[0]
    assert window.workspace is not None
    assert window.workspace.workspace.path == (tmp_path / "rescued.align").resolve()
    title, report = prompter.informed[-1]
    assert title == "Rescued" and "risk: 0 rows read" in report
    assert window.workspace.risks.register().risks == []
    assert window.board.scene.cards


def test_a_damaged_workspace_can_be_restored_from_a_backup(
    window: MainWindow, prompter: Any, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ok(monkeypatch, RestoreDialog, lambda dialog: None)
    prompter.choice_answers = [1]
    assert window.open_workspace(damaged)
    assert window.workspace is not None
    assert window.workspace.workspace.path == damaged.resolve()
    assert window.workspace.risks.register().risks
    assert {backup.reason for backup in list_backups(damaged)} == {"unreadable, before restore", "before import"}
