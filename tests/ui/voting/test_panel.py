"""The vote panel on the realistic sample: click adds a dot, right-click takes it back, keys pick the
participant, totals hidden until revealed, the result written into confidence and undone as one step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from align_desktop.store.changes import Revert
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.voting.panel import VotePanel
from align_desktop.ui.voting.tiles import DOTS_ROLE
from tests.store.session_rows import add_session


@pytest.fixture
def people(open_sample: OpenWorkspace) -> list[int]:
    """A running session with Ana, Ben and Cleo; their participant ids."""
    return add_session(open_sample.workspace, "Q3 planning", ["Ana", "Ben", "Cleo"])


def open_panel(qtbot: QtBot, workspace: OpenWorkspace, prompter: Any, subject: str = "initiative") -> VotePanel:
    vote_id, _ = workspace.votes.create("W-001", "What matters most?", subject, 2)
    panel = VotePanel(workspace, vote_id, prompter)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def row(panel: VotePanel, key: str) -> int:
    found = panel.tiles_model.row_of(key)
    assert found is not None
    return found


def tile_point(panel: VotePanel, key: str) -> QPoint:
    index = panel.tiles_model.index(row(panel, key))
    panel.tiles.scrollTo(index)
    return panel.tiles.visualRect(index).center()


def click(qtbot: QtBot, panel: VotePanel, key: str, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    qtbot.mouseClick(panel.tiles.viewport(), button, pos=tile_point(panel, key))


def shown_dots(panel: VotePanel, key: str) -> int:
    return int(panel.tiles_model.index(row(panel, key)).data(DOTS_ROLE))


def test_a_click_gives_the_picked_participant_a_dot(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    ana = people[0]
    assert panel.participants.current() == ana
    assert panel.participants.buttons[0].text() == "1  Ana · 2 dots left"
    click(qtbot, panel, "I-003")
    assert panel.board is not None and panel.board.dots == {(ana, "I-003"): 1}
    assert shown_dots(panel, "I-003") == 1
    assert panel.participants.buttons[0].text() == "1  Ana · 1 dot left"
    assert open_sample.undo_stack.count() == 1


def test_a_right_click_takes_a_dot_back(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    click(qtbot, panel, "I-003")
    click(qtbot, panel, "I-003")
    click(qtbot, panel, "I-003", Qt.MouseButton.RightButton)
    assert panel.board is not None and panel.board.dots == {(people[0], "I-003"): 1}
    click(qtbot, panel, "I-005", Qt.MouseButton.RightButton)
    assert panel.message.text() == "Dots: Ana has no dot on I-005."


def test_space_and_delete_work_on_the_tile_last_clicked(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    click(qtbot, panel, "I-004")
    qtbot.keyClick(panel.tiles, Qt.Key.Key_Space)
    assert shown_dots(panel, "I-004") == 2
    qtbot.keyClick(panel.tiles, Qt.Key.Key_Delete)
    assert panel.board is not None and panel.board.dots == {(people[0], "I-004"): 1}


def test_keys_pick_the_participant_and_a_spent_participant_is_told(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    panel.tiles.setFocus()
    qtbot.keyClick(panel.tiles, Qt.Key.Key_2)
    assert panel.participants.current() == people[1]
    click(qtbot, panel, "I-001")
    click(qtbot, panel, "I-002")
    click(qtbot, panel, "I-004")
    assert panel.message.text() == "Dots: Ben has no dots left (all 2 are placed)."
    assert panel.board is not None and panel.board.left(people[1]) == 0
    qtbot.keyClick(panel.tiles, Qt.Key.Key_1)
    assert panel.participants.current() == people[0]
    assert shown_dots(panel, "I-001") == 0  # Ana's dots, not Ben's
    qtbot.keyClick(panel.filter, Qt.Key.Key_3)
    assert panel.filter.text() == "3" and panel.participants.current() == people[0]


def test_totals_stay_hidden_until_revealed(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    click(qtbot, panel, "I-003")
    panel.participants.pick(people[1])
    click(qtbot, panel, "I-003")
    click(qtbot, panel, "I-007")
    assert panel.pages.currentWidget() is not panel.ranking
    assert panel.ranking.table.topLevelItemCount() == 0
    assert shown_dots(panel, "I-003") == 1  # Ben's one dot, not the two in all
    assert panel.status.text() == "Hidden until revealed\n3 of 6 dots placed"
    panel.reveal_button.click()
    assert panel.pages.currentWidget() is panel.ranking
    rows = [
        [panel.ranking.table.topLevelItem(row).text(column) for column in (0, 2, 3)]  # type: ignore[union-attr]
        for row in range(panel.ranking.table.topLevelItemCount())
    ]
    assert rows == [["1", "●●  2", "Ana 1, Ben 1"], ["2", "●  1", "Ben 1"]]
    assert panel.ranking.note.text() == "26 more items got no dot."  # the sample's 28 initiatives, 2 voted
    assert panel.participants.isHidden() and not panel.reveal_button.isEnabled()
    open_sample.undo_stack.undo()
    assert panel.pages.currentWidget() is not panel.ranking


def test_write_into_confidence_and_undo_it_in_one_step(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    before = open_sample.initiatives.get("I-003").confidence, open_sample.initiatives.get("I-007").confidence
    panel = open_panel(qtbot, open_sample, prompter)
    click(qtbot, panel, "I-003")
    click(qtbot, panel, "I-003")
    panel.participants.pick(people[1])
    click(qtbot, panel, "I-007")
    assert not panel.write_button.isEnabled()
    panel.reveal_button.click()
    assert panel.write_button.isEnabled()
    prompter.choice_answers.append(0)
    steps = open_sample.undo_stack.count()
    panel.write_button.click()
    assert "I-003 100, I-007 50" in prompter.choices[-1]
    assert open_sample.undo_stack.count() == steps + 1
    assert (open_sample.initiatives.get("I-003").confidence, open_sample.initiatives.get("I-007").confidence) == (
        100,
        50,
    )
    assert panel.status.text() == "Revealed\nwritten into Confidence %"
    undo = next(action for action in panel.actions() if QKeySequence("Ctrl+Z") in action.shortcuts())
    undo.trigger()
    assert (open_sample.initiatives.get("I-003").confidence, open_sample.initiatives.get("I-007").confidence) == before
    assert panel.status.text() == "Revealed"


def test_a_capability_vote_ranks_without_a_score_to_write(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter, "capability")
    assert panel.tiles_model.key_at(0) == "C-001"
    click(qtbot, panel, "C-002")
    panel.reveal_button.click()
    assert not panel.write_button.isEnabled()
    assert "writes no score" in panel.write_button.toolTip()


def test_undoing_the_vote_closes_its_panel(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    created: list[int] = []

    def create() -> Revert:
        vote_id, revert = open_sample.votes.create("W-001", "Top risks", "risk", 3)
        created.append(vote_id)
        return revert

    open_sample.perform("New dot vote", create)
    panel = VotePanel(open_sample, created[0], prompter)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.finished):
        open_sample.undo_stack.undo()
    assert not panel.isVisible()
    assert open_sample.votes.votes("W-001") == []


def test_the_panel_fits_a_small_projector_and_a_large_room_wraps(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any
) -> None:
    names = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lea"]
    add_session(open_sample.workspace, "Big room", names)
    panel = open_panel(qtbot, open_sample, prompter)
    room = QGuiApplication.primaryScreen().availableGeometry().size()
    assert panel.width() <= room.width() and panel.height() <= room.height()
    rows = {button.y() for button in panel.participants.buttons}
    assert len(rows) == 4  # twelve participants, three to a row
    assert panel.participants.width() <= panel.width()


def test_keys_reach_the_items_first_not_the_filter(
    qtbot: QtBot, open_sample: OpenWorkspace, prompter: Any, people: list[int]
) -> None:
    panel = open_panel(qtbot, open_sample, prompter)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.tiles.hasFocus())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert panel.participants.current() == people[1]
    assert panel.filter.text() == ""
