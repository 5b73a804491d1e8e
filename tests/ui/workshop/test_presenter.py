"""The presenter layout: starting a session shows it; the countdown is paused, extended and advanced by key."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget

from align_desktop.domain.countdown import LAST_MINUTE, ON_TIME, OVER_TIME
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.risks.view import RisksView
from align_desktop.ui.workshop import style
from align_desktop.ui.workshop.controls import CHECKPOINT_EVERY_MS
from tests.ui.workshop.conftest import FakeClock, plan, press


def _shown(window: MainWindow) -> tuple[str, str]:
    panel = window.workshop.panel
    assert panel is not None
    panel.refresh()
    return panel.item_title.text(), panel.countdown.text()


def _navigation(window: MainWindow) -> QListWidget:
    return next(widget for widget in window.findChildren(QListWidget) if widget.accessibleName() == "Views")


def _spent(window: MainWindow, key: str) -> list[int]:
    assert window.workspace is not None
    return [item.spent_seconds for item in window.workspace.sessions.get(key).agenda]


def test_starting_a_session_puts_the_window_in_the_presenter_layout(window: MainWindow, clock: FakeClock) -> None:
    key = plan(window)
    assert not window.workshop.presenting and window.workshop.start_action.isEnabled()
    window.workshop.start_action.trigger()
    assert window.workshop.presenting
    panel = window.workshop.panel
    assert panel is not None and panel.isVisible()
    assert not _navigation(window).isVisible()
    assert _shown(window) == ("1 of 3: Walk the board", "20:00")
    assert [panel.agenda.item(n).text().split("\n")[0].strip() for n in range(3)] == [
        "▶ 1. Walk the board",
        "2. Dot vote",
        "3. Decisions and actions",
    ]
    assert window.workspace is not None and window.workspace.sessions.running().key == key  # type: ignore[union-attr]


def test_space_pauses_and_resumes_plus_adds_a_minute(window: MainWindow, clock: FakeClock) -> None:
    plan(window)
    window.workshop.start_action.trigger()
    clock.advance(65)
    assert _shown(window)[1] == "18:55"
    press(window, Qt.Key.Key_Space)
    clock.advance(600)
    assert _shown(window)[1] == "18:55"
    assert "paused" in window.workshop.panel.state.text()  # type: ignore[union-attr]
    assert f"color: {style.PAUSED_TEXT}" in window.workshop.panel.countdown.styleSheet()  # type: ignore[union-attr]
    assert window.workshop.pause_action.iconText() == "Resume"
    press(window, Qt.Key.Key_Space)
    clock.advance(5)
    assert _shown(window)[1] == "18:50"
    assert style.PAUSED_TEXT not in window.workshop.panel.countdown.styleSheet()  # type: ignore[union-attr]
    press(window, Qt.Key.Key_Plus)
    assert _shown(window)[1] == "19:50"
    assert "+1 min added" in window.workshop.panel.state.text()  # type: ignore[union-attr]


def test_the_countdown_turns_to_the_warning_colour_in_the_last_minute_and_over_time(
    window: MainWindow, clock: FakeClock
) -> None:
    plan(window)
    window.workshop.start_action.trigger()
    panel = window.workshop.panel
    assert panel is not None
    _shown(window)
    assert panel.countdown.property("state") == ON_TIME
    clock.advance(19 * 60 + 1)
    assert _shown(window)[1] == "0:59"
    assert panel.countdown.property("state") == LAST_MINUTE and "#ffc107" in panel.countdown.styleSheet()
    clock.advance(90)
    assert _shown(window)[1] == "+0:31"
    assert panel.countdown.property("state") == OVER_TIME and "#d32f2f" in panel.countdown.styleSheet()
    assert "over time" in panel.state.text()


def test_moving_through_the_agenda_by_key_stores_the_time_each_item_took(window: MainWindow, clock: FakeClock) -> None:
    key = plan(window)
    window.workshop.start_action.trigger()
    clock.advance(125)
    press(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _shown(window) == ("2 of 3: Dot vote", "15:00")
    assert _spent(window, key) == [125, 0, 0]
    clock.advance(60)
    press(window, Qt.Key.Key_PageDown)
    assert _shown(window)[0] == "3 of 3: Decisions and actions"
    press(window, Qt.Key.Key_PageDown)  # the last item stays
    assert _shown(window)[0] == "3 of 3: Decisions and actions"
    press(window, Qt.Key.Key_PageUp)
    assert _shown(window) == ("2 of 3: Dot vote", "14:00")  # continues where it stopped
    press(window, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert _shown(window) == ("1 of 3: Walk the board", "17:55")
    assert _spent(window, key) == [125, 60, 0]
    window.workshop.panel.item_chosen.emit(2)  # type: ignore[union-attr]  # a click on the agenda
    assert _shown(window)[0] == "3 of 3: Decisions and actions"
    assert window.workspace is not None and window.workspace.undo_stack.count() == 1  # the start only


def test_the_other_views_stay_reachable_and_the_countdown_stays_visible(window: MainWindow, clock: FakeClock) -> None:
    plan(window)
    window.workshop.start_action.trigger()
    panel = window.workshop.panel
    assert panel is not None
    panel.view_requested.emit("risks")
    assert window.current_view() is window.view("risks") and panel.isVisible()
    press(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # View > Matrix
    assert window.current_view() is window.view("matrix") and panel.isVisible()
    window.show_view("board")
    assert window.board.canvas.zoom >= 1.2


def test_leaving_the_presenter_layout_restores_the_normal_one(window: MainWindow, clock: FakeClock) -> None:
    plan(window)
    window.board.canvas.set_zoom(0.8)
    window.workshop.start_action.trigger()
    navigation = _navigation(window)
    press(window, Qt.Key.Key_F5)
    assert not window.workshop.presenting and navigation.isVisible()
    assert window.board.canvas.zoom == 0.8
    assert not window.workshop.pause_action.isEnabled()
    press(window, Qt.Key.Key_F5)
    assert window.workshop.presenting and not navigation.isVisible()
    assert window.width() == 1600
    press(window, Qt.Key.Key_Escape)
    assert not window.workshop.presenting and navigation.isVisible()
    assert not window.workshop.leave_action.isEnabled()  # Esc is free again outside the layout


def test_ending_stores_the_time_taken_and_leaves_the_presenter_layout_undo_resumes(
    window: MainWindow, clock: FakeClock, prompter: Any
) -> None:
    key = plan(window)
    window.workshop.start_action.trigger()
    clock.advance(300)
    press(window, Qt.Key.Key_PageDown)
    clock.advance(40)
    prompter.confirm_answers.append(True)
    window.workshop.end_action.trigger()
    assert window.workspace is not None
    assert window.workspace.sessions.get(key).state == "ended"
    assert _spent(window, key) == [300, 40, 0]
    assert not window.workshop.presenting and not window.workshop.end_action.isEnabled()
    window.workspace.undo_stack.undo()
    assert window.workspace.sessions.get(key).state == "running"
    assert window.workshop.presenting
    window.workspace.undo_stack.undo()  # undo the start
    assert window.workspace.sessions.get(key).state == "planned" and not window.workshop.presenting


def test_only_one_session_runs_at_a_time(window: MainWindow, prompter: Any) -> None:
    plan(window, "First")
    second = plan(window, "Second")
    prompter.choice_answers.append(0)
    window.workshop.start_action.trigger()
    assert not window.workshop.start_action.isEnabled()
    window.workshop.start_session(second)
    assert prompter.errors and "still running" in prompter.errors[-1][1]


def test_closing_the_workspace_leaves_the_presenter_layout(window: MainWindow) -> None:
    plan(window)
    window.workshop.start_action.trigger()
    window.close_workspace()
    assert not window.workshop.presenting
    assert not window.workshop.record_actions["decision"].isEnabled()


def test_a_workspace_reopened_mid_session_resumes_on_the_item_the_room_was_on(
    window: MainWindow, clock: FakeClock, sample_path: Path
) -> None:
    key = plan(window)
    window.workshop.start_action.trigger()
    clock.advance(300)
    press(window, Qt.Key.Key_PageDown)
    clock.advance(200)
    press(window, Qt.Key.Key_PageUp)  # back to the board: the dot vote has time, the board is current
    clock.advance(30)
    window.workshop.checkpoint()  # what the half-minute timer does
    assert _spent(window, key) == [330, 200, 0]
    clock.advance(15)
    window.close_workspace()  # closing stores the running item's time too
    assert _spent_in_file(sample_path, key) == [345, 200, 0]

    window.open_workspace(sample_path)
    assert window.workshop.agenda_clock is not None and window.workshop.agenda_clock.index == 0
    assert "F5 presents it" in window.statusBar().currentMessage()
    window.workshop.presenter_action.trigger()
    assert _shown(window) == ("1 of 3: Walk the board", "14:15")  # 20 minutes less 345 seconds


def test_a_pause_stores_the_running_items_time_and_the_checkpoint_runs_every_half_minute(
    window: MainWindow, clock: FakeClock, prompter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = plan(window)
    assert not window.workshop._checkpoint_timer.isActive()
    window.workshop.start_action.trigger()
    assert window.workshop._checkpoint_timer.isActive()
    assert window.workshop._checkpoint_timer.interval() == CHECKPOINT_EVERY_MS == 30_000
    clock.advance(42)
    press(window, Qt.Key.Key_Space)
    assert _spent(window, key) == [42, 0, 0]
    assert window.workspace is not None
    sessions = window.workspace.sessions
    writes: list[tuple[Any, ...]] = []
    record = sessions.record_spent
    monkeypatch.setattr(sessions, "record_spent", lambda *args: writes.append(args) or record(*args))
    clock.advance(60)
    window.workshop.checkpoint()  # paused: the time has not moved, nothing is written
    assert writes == []
    press(window, Qt.Key.Key_Space)
    clock.advance(8)
    window.workshop.checkpoint()
    assert len(writes) == 1 and _spent(window, key) == [50, 0, 0]
    prompter.confirm_answers.append(True)
    window.workshop.end_action.trigger()
    assert not window.workshop._checkpoint_timer.isActive()


def _spent_in_file(path: Path, key: str) -> list[int]:
    with closing(sqlite3.connect(path)) as db:
        return [
            seconds
            for (seconds,) in db.execute(
                "SELECT a.spent_seconds FROM agenda_item a JOIN workshop_session s ON s.id = a.session_id"
                " WHERE s.key = ? ORDER BY a.position",
                (key,),
            )
        ]


def test_escape_during_a_drag_on_the_heat_map_abandons_the_drag_and_keeps_presenting(
    window: MainWindow, qtbot: Any
) -> None:
    plan(window)
    window.workshop.start_action.trigger()
    window.show_view("risks")
    heatmap = cast(RisksView, window.view("risks")).maps.residual
    qtbot.waitExposed(heatmap)
    chip = next(rect for key in ("R-001", "R-002", "R-003") if (rect := heatmap.chip_rect(key)) is not None)
    heatmap.setFocus()
    QTest.mousePress(heatmap, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, chip.center())
    QTest.mouseMove(heatmap, heatmap.cell_rect(1, 1).center())
    assert heatmap.drop_target is not None
    press(window, Qt.Key.Key_Escape)
    assert heatmap.drop_target is None
    assert window.workshop.presenting
    press(window, Qt.Key.Key_Escape)  # with no drag, Escape leaves the presenter layout
    assert not window.workshop.presenting


@pytest.mark.parametrize(("size", "zoom"), [((1280, 720), None), ((1920, 1080), 1.2)])
def test_presenting_shows_every_lane_of_the_board(
    window: MainWindow, size: tuple[int, int], zoom: float | None
) -> None:
    window.resize(*size)
    QApplication.processEvents()
    plan(window)
    window.workshop.start_action.trigger()
    QApplication.processEvents()
    canvas = window.board.canvas
    assert not canvas.horizontalScrollBar().isVisible()  # Now, Next and Later all on screen
    assert canvas.zoom >= 0.9
    if zoom is not None:
        assert canvas.zoom == zoom
