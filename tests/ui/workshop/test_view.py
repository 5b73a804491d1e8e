"""The Workshop view: plan, edit and delete sessions, start and end them, and keep their log; each one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.workshop.entry_dialog import LogEntryDialog
from align_desktop.ui.workshop.session_dialog import SessionDialog
from align_desktop.ui.workshop.view import WorkshopView
from tests.ui.dialogs import press_ok
from tests.ui.workshop.conftest import plan


@pytest.fixture
def view(window: MainWindow) -> WorkshopView:
    window.show_view("workshop")
    shown = window.view("workshop")
    assert isinstance(shown, WorkshopView)
    return shown


def _agenda(view: WorkshopView) -> list[list[str]]:
    return [
        [view.agenda.item(row, column).text() for column in range(4)]  # type: ignore[union-attr]
        for row in range(view.agenda.rowCount())
    ]


def test_a_session_is_planned_in_the_session_editor(
    view: WorkshopView, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert view.pages.currentWidget() is view.pages.hint

    def fill(dialog: SessionDialog) -> None:
        dialog.title.setText("Q3 roadmap workshop")
        dialog.held_on.setDate(QDate(2026, 12, 1))
        dialog.participants.setPlainText("Ann\nBen\n\nChidi")
        for title, minutes in (("Walk the board", 20), ("Dot vote", 15)):
            dialog._add()
            dialog.agenda.item(dialog.agenda.rowCount() - 1, 0).setText(title)  # type: ignore[union-attr]
            dialog.agenda.item(dialog.agenda.rowCount() - 1, 1).setData(Qt.ItemDataRole.EditRole, minutes)  # type: ignore[union-attr]
        dialog.agenda.setCurrentCell(1, 0)
        dialog._shift(-1)

    press_ok(monkeypatch, SessionDialog, fill)
    window.workshop.new_action.trigger()
    assert view.pages.currentWidget() is view.pages.content
    assert view.selected_session_key() == "W-001"
    assert view.heading.text() == "W-001 · Q3 roadmap workshop"
    assert "Participants: Ann, Ben, Chidi" in view.details.text()
    assert _agenda(view) == [["1", "Dot vote", "15 min", ""], ["2", "Walk the board", "20 min", ""]]
    assert window.workspace is not None and window.workspace.undo_stack.undoText() == "New session"


def test_a_refused_time_box_is_named_and_the_editor_stays_open(
    view: WorkshopView, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(window)
    messages: list[str] = []

    def fill(dialog: SessionDialog) -> None:
        dialog.agenda.item(0, 1).setData(Qt.ItemDataRole.EditRole, 0)  # type: ignore[union-attr]
        dialog.accept()
        messages.append(dialog.error_label.text())
        dialog.agenda.item(0, 1).setData(Qt.ItemDataRole.EditRole, 25)  # type: ignore[union-attr]
        dialog.participants.setPlainText("Ann\nann")
        dialog.accept()
        messages.append(dialog.error_label.text())
        dialog.participants.setPlainText("Ann\nBen")

    press_ok(monkeypatch, SessionDialog, fill)
    view.edit_session()
    assert messages == [
        "Time box: 'Walk the board' must be a whole number from 1 to 600, not 0 minutes",
        "Participants: 'ann' appears twice; each participant is listed once",
    ]
    assert _agenda(view)[0][2] == "25 min"
    assert "Participants: Ann, Ben" in view.details.text()


def test_deleting_a_session_asks_and_undo_brings_it_back(view: WorkshopView, window: MainWindow, prompter: Any) -> None:
    plan(window)
    prompter.confirm_answers.append(True)
    view.delete_session()
    assert view.rows == [] and view.pages.currentWidget() is view.pages.hint
    assert "Delete W-001 'Q3 roadmap workshop'" in prompter.confirmations[0]
    assert window.workspace is not None
    window.workspace.undo_stack.undo()
    assert view.selected_session_key() == "W-001"


def test_start_and_end_from_the_view(view: WorkshopView, window: MainWindow, prompter: Any, clock: Any) -> None:
    plan(window)
    assert view.start_button.isEnabled() and not view.end_button.isEnabled()
    view.start_button.click()
    assert window.workshop.presenting
    assert "Running since" in view.details.text() and "● running" in view.sessions.item(0).text()
    window.workshop.presenting = False
    view.present_button.click()
    assert window.workshop.presenting
    clock.advance(90)
    prompter.confirm_answers.append(True)
    view.end_button.click()
    assert not window.workshop.presenting
    assert _agenda(view)[0][3] == "1:30"
    assert view.details.text().startswith("Held ")


def test_the_log_of_a_session_is_kept_in_the_view(
    view: WorkshopView, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(window)

    def fill(dialog: LogEntryDialog) -> None:
        dialog.text.setText("Check the GDPR basis for churn scoring")
        dialog.owner.setText("Chidi")
        dialog.links.setText("i-10 r-1")

    press_ok(monkeypatch, LogEntryDialog, fill)
    view.log.record_buttons[1].click()  # Record action… (the session need not be running)
    log = view.log
    assert log.table.rowCount() == 1
    row = [log.table.item(0, column).text() for column in range(7)]  # type: ignore[union-attr]
    assert row[:6] == ["A-001", "Action", "Check the GDPR basis for churn scoring", "Chidi", "", ""]
    assert row[6].startswith("I-010 Churn-risk score for loyalty members, R-001 ")
    log.table.selectRow(0)
    log.done_button.click()
    assert log.table.item(0, 5).text() == "✓"  # type: ignore[union-attr]
    assert log.done_button.text() == "Mark not done"

    def edit(dialog: LogEntryDialog) -> None:
        assert dialog.done_box.isChecked()
        dialog.due_on.setText("2027-02-01")

    press_ok(monkeypatch, LogEntryDialog, edit)
    log.edit_button.click()
    assert log.table.item(0, 4).text() == "2027-02-01"  # type: ignore[union-attr]
    log.delete_button.click()
    assert log.table.rowCount() == 0
    assert window.workspace is not None
    window.workspace.undo_stack.undo()
    assert log.table.rowCount() == 1


def test_a_live_initiative_takes_a_retrospective_on_its_form(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.workspace
    assert workspace is not None and workspace.initiatives.get("I-002").status == "live"

    def write(dialog: InitiativeDialog) -> None:
        panel = dialog.workshop.retrospective
        assert not panel.isHidden()
        panel.what_worked.setPlainText("Labelled fraud data was ready")
        panel.what_failed.setPlainText("Alert thresholds were tuned late")
        panel.save_button.click()
        assert panel.status.text().startswith("Written by ")

    press_ok(monkeypatch, InitiativeDialog, write)
    window.board.edit_card("I-002")
    written = workspace.retrospectives.get("I-002")
    assert written is not None and written.what_failed == "Alert thresholds were tuned late"
    assert workspace.undo_stack.undoText() == "Retrospective of I-002"
    workspace.undo_stack.undo()
    assert workspace.retrospectives.get("I-002") is None
    not_live = press_ok(monkeypatch, InitiativeDialog, lambda dialog: None)
    window.board.edit_card("I-005")
    assert not_live[0].workshop.retrospective.isHidden()
