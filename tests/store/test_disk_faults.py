"""A full disk or one that fails writes: an edit or a backup is refused with a clear message,
nothing is half-written, and once the disk is fine again the next edit saves."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from align_desktop.store.backup import backup_folder, list_backups, take_backup
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.workspace import Workspace
from tests.disk import write_errors
from tests.store.test_imports import dump


@pytest.fixture
def on_disk(small_disk: Any, sample_path: Path) -> Path:
    path = small_disk.path / sample_path.name
    shutil.copyfile(sample_path, path)
    return path


def test_an_edit_on_a_full_disk_is_refused_and_the_next_one_saves_once_there_is_room(
    small_disk: Any, on_disk: Path
) -> None:
    workspace = Workspace.open(on_disk)
    try:
        outcomes = OutcomeService(workspace)
        small_disk.fill()
        before = len(outcomes.list())
        created: list[str] = []
        with pytest.raises(WorkspaceError, match=r"could not be saved to .*: the disk is full; make room"):
            _create_until_refused(outcomes, created)
        assert len(outcomes.list()) == before + len(created)
        small_disk.free()
        outcomes.create({"name": "Saved once there was room"})
        assert len(outcomes.list()) == before + len(created) + 1
    finally:
        workspace.close()
    assert check_workspace(on_disk) == []


def _create_until_refused(outcomes: OutcomeService, created: list[str]) -> None:
    """Add outcomes until the journal needs room the disk has not got."""
    for number in range(1000):
        key, _ = outcomes.create({"name": f"Outcome {number}", "description": "x" * 10_000})
        created.append(key)


def test_an_edit_that_meets_an_io_error_is_refused_and_the_next_one_saves(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        outcomes = OutcomeService(workspace)
        before = len(outcomes.list())
        with write_errors(), pytest.raises(WorkspaceError, match=r"could not be saved to .*: the disk .*I/O error"):
            outcomes.create({"name": "While the disk failed", "description": "x" * 9000})
        assert len(outcomes.list()) == before
        outcomes.create({"name": "After it recovered"})
        assert len(outcomes.list()) == before + 1
    finally:
        workspace.close()
    assert check_workspace(sample_path) == []


def test_a_backup_on_a_full_disk_is_refused_and_leaves_no_partial_copy(small_disk: Any, on_disk: Path) -> None:
    take_backup(on_disk, "before import")
    before = dump(on_disk)
    small_disk.fill()
    with pytest.raises(WorkspaceError, match=r"Could not copy .*(full|space)"):
        take_backup(on_disk, "before import")
    assert [p.name for p in backup_folder(on_disk).iterdir()] == [list_backups(on_disk)[0].path.name]
    assert dump(on_disk) == before
