"""`OpenWorkspace.perform`: one action, one undo step; refusals push nothing; failed replays say so."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store import backup
from align_desktop.store.backup import list_backups
from align_desktop.store.errors import WorkspaceError
from align_desktop.ui import open_workspace


def test_perform_pushes_one_step_and_announces_the_change(qtbot: Any, open_sample: Any) -> None:
    service = open_sample.initiatives
    with qtbot.waitSignals([open_sample.saved, open_sample.changed]):
        open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 12}))
    assert open_sample.undo_stack.count() == 1
    assert open_sample.undo_stack.undoText() == "Edit"
    with qtbot.waitSignal(open_sample.changed):
        open_sample.undo_stack.undo()
    assert service.get("I-001").confidence != 12
    open_sample.undo_stack.redo()
    assert service.get("I-001").confidence == 12


def test_a_refused_action_pushes_nothing(open_sample: Any) -> None:
    service = open_sample.initiatives
    with pytest.raises(ValidationError):
        open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 140}))
    assert open_sample.undo_stack.count() == 0


def test_an_undo_that_cannot_be_saved_is_reported_and_clears_history(qtbot: Any, open_sample: Any) -> None:
    def failing() -> Any:
        raise WorkspaceError("The disk is full.")

    open_sample.perform("Odd", lambda: failing)
    with qtbot.waitSignal(open_sample.failed) as blocker:
        open_sample.undo_stack.undo()
    assert "The disk is full." in blocker.args[0]
    qtbot.waitUntil(lambda: open_sample.undo_stack.count() == 0)


def test_editing_backs_up_once_the_interval_has_passed(
    qtbot: Any, open_sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = open_sample.initiatives
    open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 12}))
    assert list_backups(open_sample.workspace.path) == []  # the interval has not passed
    monkeypatch.setattr(open_workspace, "BACKUP_EVERY_S", 0)
    open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 13}))
    (backup,) = list_backups(open_sample.workspace.path)
    assert backup.reason == "every 30 minutes"
    with closing(sqlite3.connect(backup.path)) as copy:
        assert copy.execute("SELECT confidence FROM initiative WHERE key = 'I-001'").fetchone()[0] == 13


def test_a_failed_periodic_backup_is_reported_and_the_edit_kept(
    qtbot: Any, open_sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(path: Path, reason: str) -> Path:
        raise WorkspaceError(f"Could not back up {path}: no space left on device.")

    monkeypatch.setattr(open_workspace, "BACKUP_EVERY_S", 0)
    monkeypatch.setattr(backup, "take_backup", no_space)
    service = open_sample.initiatives
    with qtbot.waitSignal(open_sample.failed) as blocker:
        open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 14}))
    assert "no space left" in blocker.args[0] and "edits are saved" in blocker.args[0]
    assert service.get("I-001").confidence == 14
    assert open_sample.undo_stack.count() == 1
