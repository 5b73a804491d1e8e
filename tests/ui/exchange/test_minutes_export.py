"""Workshop > Export Minutes…: the running or a chosen session's minutes, PDF or workbook by suffix,
written in the background like the other exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.store.sessions import SessionService
from align_desktop.store.workspace import Workspace
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.tasks import ImmediateRunner
from tests import mock_session as mock
from tests.reports.test_pdf_report import page_texts


def held(path: Path, *, another: bool = False) -> None:
    """The mock session W-001 on the workspace at `path`; with `another`, W-002 (dated earlier) running after it."""
    workspace = Workspace.open(path)
    try:
        mock.run_mock_session(workspace)
        if another:
            sessions = SessionService(workspace)
            key, _ = sessions.create({"title": "Follow-up", "held_on": "2026-11-01"}, ["Priya Shah"], [])
            sessions.start(key)
    finally:
        workspace.close()


def window_on(qtbot: Any, prompter: Any, path: Path, runner: ImmediateRunner | None = None) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter, runner or ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(path)
    return window


def minutes_action(window: MainWindow) -> Any:
    return next(action for action in window.workshop_menu.actions() if action.text() == "Expor&t Minutes…")


def test_the_only_session_is_exported_without_asking(
    qtbot: Any, prompter: Any, sample_path: Path, tmp_path: Path
) -> None:
    held(sample_path)
    window = window_on(qtbot, prompter, sample_path)
    out = tmp_path / "minutes.pdf"
    prompter.path_answers = [out]
    minutes_action(window).trigger()
    assert "Minutes: Q1 roadmap review" in " ".join(page_texts(out))
    assert str(out) in window.statusBar().currentMessage()
    assert (prompter.choices, prompter.errors) == ([], [])


def test_the_running_session_is_offered_first_and_the_suffix_picks_a_workbook(
    qtbot: Any, prompter: Any, sample_path: Path, tmp_path: Path
) -> None:
    held(sample_path, another=True)
    window = window_on(qtbot, prompter, sample_path)
    out = tmp_path / "minutes.xlsx"
    prompter.choice_answers = [1]
    prompter.path_answers = [out]
    window.export_minutes()
    assert prompter.choices == ["The minutes of which session?"]
    assert openpyxl.load_workbook(out)["Session"]["B3"].value == mock.TITLE  # the second offered: W-001


def test_without_sessions_it_says_how_to_plan_one(qtbot: Any, prompter: Any, sample_path: Path) -> None:
    window = window_on(qtbot, prompter, sample_path)
    window.export_minutes()
    assert prompter.errors == [
        (
            "No minutes to export",
            "Minutes are written of a workshop session: plan one first with Workshop > New Session…",
        )
    ]


@pytest.mark.parametrize("name", ["minutes.docx", None])
def test_another_suffix_or_no_file_writes_nothing(
    qtbot: Any, prompter: Any, sample_path: Path, tmp_path: Path, name: str | None
) -> None:
    held(sample_path)
    window = window_on(qtbot, prompter, sample_path)
    folder = tmp_path / "out"
    folder.mkdir()
    prompter.path_answers = [None if name is None else folder / name]
    window.export_minutes()
    assert [title for title, _ in prompter.errors] == ([] if name is None else ["Export failed"])
    assert list(folder.iterdir()) == []


def test_a_cancelled_export_writes_nothing(qtbot: Any, prompter: Any, sample_path: Path, tmp_path: Path) -> None:
    held(sample_path)
    window = window_on(qtbot, prompter, sample_path, ImmediateRunner(cancel_after=1))
    folder = tmp_path / "out"
    folder.mkdir()
    prompter.path_answers = [folder / "minutes.pdf"]
    window.export_minutes()
    assert list(folder.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()
