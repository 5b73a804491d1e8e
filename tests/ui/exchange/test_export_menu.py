"""File > Export: a workbook or the PDF report, written off the GUI thread's way, with progress; cancellable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.tasks import ImmediateRunner


def _window(qtbot: Any, prompter: Any, sample_path: Path, runner: ImmediateRunner) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter, runner)
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(sample_path)
    return window


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    return _window(qtbot, prompter, sample_path, ImmediateRunner())


@pytest.mark.parametrize(
    ("kind", "extension", "magic"),
    [
        ("finance", ".xlsx", b"PK"),
        ("executive", ".xlsx", b"PK"),
        ("workbook", ".xlsx", b"PK"),
        ("report", ".pdf", b"%PDF"),
    ],
)
def test_each_export_writes_its_file(
    window: MainWindow, prompter: Any, tmp_path: Path, kind: str, extension: str, magic: bytes
) -> None:
    out = tmp_path / f"{kind}{extension}"
    prompter.path_answers = [out]
    window.exports.export(kind)
    assert out.read_bytes().startswith(magic)
    assert str(out) in window.statusBar().currentMessage()
    assert prompter.errors == []


def test_a_cancelled_export_writes_nothing(qtbot: Any, prompter: Any, sample_path: Path, tmp_path: Path) -> None:
    window = _window(qtbot, prompter, sample_path, ImmediateRunner(cancel_after=1))
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "cancelled.xlsx"
    prompter.path_answers = [out]
    window.exports.export("workbook")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_choosing_no_file_does_nothing(window: MainWindow, prompter: Any) -> None:
    prompter.path_answers = [None]
    window.exports.export("finance")
    assert window.statusBar().currentMessage() == ""
