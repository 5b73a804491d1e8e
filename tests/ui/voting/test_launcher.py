"""Starting a dot vote: Workshop > Dot Vote… and the views' "Dot vote…" buttons, which need a running session;
and the tiles' model as Qt's model tester checks it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.voting.new_vote import NewVoteDialog
from align_desktop.ui.voting.tiles import TilesModel
from tests.store.session_rows import add_session
from tests.ui.dialogs import press_ok


def opened(qtbot: QtBot, prompter: Any, path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workspace(path)
    return window


def menu_action(window: MainWindow, text: str) -> Any:
    return next(action for action in window.workshop_menu.actions() if action.text() == text)


def test_without_a_running_session_the_vote_says_where_to_start_one(
    qtbot: QtBot, prompter: Any, sample_path: Path
) -> None:
    window = opened(qtbot, prompter, sample_path)
    menu_action(window, "Dot &Vote…").trigger()
    assert prompter.informed[-1][0] == "No session is running"
    assert "Start the session in the Workshop view" in prompter.informed[-1][1]
    assert window.votes.panel is None


def test_the_board_button_starts_a_vote_on_initiatives_in_the_running_session(
    qtbot: QtBot, prompter: Any, sample_path: Path, monkeypatch: Any
) -> None:
    window = opened(qtbot, prompter, sample_path)
    assert window.workspace is not None
    add_session(window.workspace.workspace, "Q3 planning", ["Ana", "Ben"])
    shown = press_ok(monkeypatch, NewVoteDialog, lambda dialog: dialog.dots.setValue(5))
    button = next(b for b in window.board.findChildren(QPushButton) if b.text() == "Dot vote…")
    button.click()
    assert shown[0].subject.currentData() == "initiative"
    panel = window.votes.panel
    assert panel is not None and panel.isVisible()
    assert panel.board is not None
    assert (panel.board.vote.title, panel.board.vote.dots_per_participant) == ("What matters most?", 5)
    assert panel.subtitle.text() == "Initiatives · 5 dots each · session: Q3 planning"


def test_the_risk_register_and_the_matrix_start_votes_on_their_items(
    qtbot: QtBot, prompter: Any, sample_path: Path, monkeypatch: Any
) -> None:
    window = opened(qtbot, prompter, sample_path)
    assert window.workspace is not None
    add_session(window.workspace.workspace, "Q3 planning", ["Ana"])
    shown = press_ok(monkeypatch, NewVoteDialog, lambda dialog: None)
    for name, subject in (("risks", "risk"), ("matrix", "capability")):
        window.show_view(name)
        view = window.view(name)
        next(b for b in view.findChildren(QPushButton) if b.text() == "Dot vote…").click()
        assert shown[-1].subject.currentData() == subject
        assert window.votes.panel is not None and window.votes.panel.tiles_model.key_at(0)[0] == subject[0].upper()


def test_the_menu_opens_a_vote_of_the_session_or_a_new_one(
    qtbot: QtBot, prompter: Any, sample_path: Path, monkeypatch: Any
) -> None:
    window = opened(qtbot, prompter, sample_path)
    assert window.workspace is not None
    add_session(window.workspace.workspace, "Q3 planning", ["Ana"])
    first, _ = window.workspace.votes.create("W-001", "Top risks", "risk", 3)
    prompter.choice_answers.append(0)
    menu_action(window, "Dot &Vote…").trigger()
    assert window.votes.panel is not None and window.votes.panel.vote_id == first
    shown = press_ok(monkeypatch, NewVoteDialog, lambda dialog: dialog.title.setText("Platform bets"))
    prompter.choice_answers.append(1)
    menu_action(window, "Dot &Vote…").trigger()
    assert len(shown) == 1
    assert [vote.title for vote in window.workspace.votes.votes("W-001")] == ["Top risks", "Platform bets"]
    assert window.votes.panel.vote_id != first


def test_closing_the_workspace_closes_the_panel(qtbot: QtBot, prompter: Any, sample_path: Path) -> None:
    window = opened(qtbot, prompter, sample_path)
    assert window.workspace is not None
    add_session(window.workspace.workspace, "Q3 planning", ["Ana"])
    vote_id, _ = window.workspace.votes.create("W-001", "Top", "initiative", 3)
    panel = window.votes.open_panel(window.workspace, vote_id)
    with qtbot.waitSignal(panel.finished):
        window.close_workspace()


def test_the_tiles_model_passes_the_model_tester(qtmodeltester: Any, open_sample: Any) -> None:
    add_session(open_sample.workspace, "Q3 planning", ["Ana"])
    vote_id, _ = open_sample.votes.create("W-001", "Top", "initiative", 3)
    board = open_sample.votes.board(vote_id)
    model = TilesModel()
    model.set_items(board.items, {"I-002": 2}, "Ana")
    qtmodeltester.check(model)
    model.set_filter("forecast")
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < len(board.items)


def test_the_panel_shows_the_agenda_countdown_and_keeps_the_presenter_keys(
    qtbot: QtBot, prompter: Any, sample_path: Path
) -> None:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    assert window.open_workspace(sample_path)
    key, _ = window.workspace.sessions.create(  # type: ignore[union-attr]
        {"title": "Review", "held_on": "2026-11-26"}, ["Ana", "Ben"], [(None, "Dot vote", 15), (None, "Wrap up", 5)]
    )
    window.workshop.start_session(key)
    vote_id, _ = window.workspace.votes.create(key, "What matters most?", "initiative", 2)  # type: ignore[union-attr]
    panel = window.votes.open_panel(window.workspace, vote_id)  # type: ignore[arg-type]
    assert panel.countdown.isVisible()
    assert re.fullmatch(r"1\. Dot vote · 1[45]:[0-5]\d left", panel.countdown.text())  # the real clock runs
    window.workshop.next_action.trigger()  # as PgDown in the panel would
    qtbot.waitUntil(lambda: panel.countdown.text().startswith("2. Wrap up"))
    assert window.workshop.next_action in panel.actions()
    assert window.workshop.pause_action not in panel.actions()  # Space gives a dot there
