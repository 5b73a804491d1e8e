"""The window on a full disk: an edit is refused in a dialog that says the disk is full, nothing
changes, and the same edit goes through once there is room; an export says so too."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.tasks import ImmediateRunner


def test_a_full_disk_refuses_the_edit_and_the_window_carries_on(
    qtbot: Any, prompter: Any, small_disk: Any, sample_path: Path
) -> None:
    on_disk = small_disk.path / sample_path.name
    shutil.copyfile(sample_path, on_disk)
    window = MainWindow(Preferences(user_settings()), prompter, ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    assert window.open_workspace(on_disk)
    assert window.workspace is not None
    key = next(iter(window.board.scene.cards))
    window.workspace.initiatives.get(key)  # a read, before the disk fills
    small_disk.fill()

    prompter.confirm_answers = [True]
    window.board.delete_card(key)
    assert "the disk is full" in prompter.errors[-1][1]
    assert key in window.board.scene.cards
    assert window.workspace.undo_stack.count() == 0

    prompter.path_answers = [small_disk.path / "finance.xlsx"]
    window.exports.export("finance")
    assert "finance.xlsx cannot be written: the disk is full" in prompter.errors[-1][1]

    small_disk.free()
    prompter.confirm_answers = [True]
    window.board.delete_card(key)
    assert key not in window.board.scene.cards
    assert window.workspace.undo_stack.count() == 1
    window.close_workspace()
