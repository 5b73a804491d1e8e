"""Ctrl+D, Ctrl+K and Ctrl+P record in the running session, linked to the selected item; each is one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.workshop.entry_dialog import LogEntryDialog
from tests.ui.dialogs import press_ok
from tests.ui.workshop.conftest import plan, press


@pytest.fixture
def running(window: MainWindow) -> str:
    key = plan(window)
    window.workshop.start_action.trigger()
    return key


def _fill(text: str, **fields: str) -> Any:
    def fill(dialog: LogEntryDialog) -> None:
        dialog.text.setText(text)
        for name, value in fields.items():
            getattr(dialog, name).setText(value)

    return fill


def test_ctrl_d_records_a_decision_linked_to_the_selected_card(
    window: MainWindow, running: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_view("board")
    window.board.scene.select("I-002")
    window.board.canvas.setFocus()
    shown = press_ok(monkeypatch, LogEntryDialog, _fill("Fraud scoring goes to all markets in Q1"))
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1 and shown[0].links.text() == "I-002"
    assert "I-002 — Real-time payment fraud scoring" in shown[0].links_preview.text()
    workspace = window.workspace
    assert workspace is not None
    (entry,) = workspace.log.about("I-002")
    assert (entry.key, entry.kind, entry.session_key, entry.text) == (
        "D-001",
        "decision",
        running,
        "Fraud scoring goes to all markets in Q1",
    )
    assert workspace.undo_stack.undoText() == "Record decision"
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.log.about("I-002") == []
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [e.key for e in workspace.log.about("I-002")] == ["D-001"]


def test_the_decision_shows_on_the_initiative_form(
    window: MainWindow, running: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.workspace
    assert workspace is not None
    workspace.perform("Record", lambda: workspace.log.record("decision", {"text": "Ship it"}, ["I-002"])[1])
    forms = press_ok(monkeypatch, InitiativeDialog, lambda dialog: None)
    window.board.edit_card("I-002")
    log = forms[0].workshop.log
    assert log.heading.text() == "Decisions and actions (1)"
    assert log.entries.item(0).text().startswith("D-001 Decision: Ship it\nW-001 Q3 roadmap workshop")


def test_ctrl_k_records_an_action_only_with_an_owner(
    window: MainWindow, running: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_view("capabilities")
    capabilities = window.view("capabilities")
    assert capabilities.select_key("C-002")  # type: ignore[attr-defined]
    attempts: list[str] = []

    def fill(dialog: LogEntryDialog) -> None:
        dialog.text.setText("Size the GPU budget")
        dialog.due_on.setText("2027-01-15")
        dialog.accept()  # no owner: refused, the dialog stays open and says why
        attempts.append(dialog.error_label.text())
        dialog.owner.setText("Ben")

    shown = press_ok(monkeypatch, LogEntryDialog, fill)
    press(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert shown[0].links.text() == "C-002"
    assert attempts == ["Owner: an action needs an owner: who will do it"]
    assert window.workspace is not None
    (entry,) = window.workspace.log.about("C-002")
    assert (entry.key, entry.owner, entry.due_on.isoformat() if entry.due_on else "") == ("A-001", "Ben", "2027-01-15")
    capabilities.reload()  # type: ignore[attr-defined]
    assert capabilities.form.log.heading.text() == "Decisions and actions (1)"  # type: ignore[attr-defined]


def test_ctrl_p_parks_an_item_linked_to_the_selected_risk(
    window: MainWindow, running: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_view("risks")
    risks = window.view("risks")
    risks.select_key("R-003")  # type: ignore[attr-defined]
    press_ok(monkeypatch, LogEntryDialog, _fill("Who owns the bias review budget?"))
    press(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is not None
    (entry,) = window.workspace.log.about("R-003")
    assert (entry.key, entry.kind) == ("P-001", "parking")
    assert risks.form.log.entries.item(0).text().startswith("P-001 Parking lot: Who owns")  # type: ignore[attr-defined]


def test_without_a_running_session_the_keys_say_how_to_start_one(
    window: MainWindow, prompter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = press_ok(monkeypatch, LogEntryDialog, _fill("Anything"))
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert shown == []
    assert prompter.errors == [
        (
            "No session is running",
            "Decisions, actions and parking-lot items are recorded during a session: "
            "start one with Workshop > Start Session.",
        )
    ]


def test_the_workshop_keys_are_listed_in_help_keyboard_shortcuts(window: MainWindow) -> None:
    from align_desktop.ui.shortcuts import collect_shortcuts

    groups = {group.title: {s.action: s.keys for s in group.shortcuts} for group in collect_shortcuts(window)}
    workshop = groups["Workshop"]
    assert workshop["Record Decision…"] == "Ctrl+D"
    assert workshop["Record Action…"] == "Ctrl+K"
    assert workshop["Record Parking-Lot Item…"] == "Ctrl+P"
    assert workshop["Pause / Resume Countdown"] == "Space"
    assert workshop["Add a Minute"] == "+"
    assert workshop["Next Agenda Item"] == "Ctrl+Right, PgDown"
    assert workshop["Previous Agenda Item"] == "Ctrl+Left, PgUp"
    assert workshop["Presenter Layout"] == "F5"
    every_key = [key for group in groups.values() for keys in group.values() for key in keys.split(", ")]
    assert len(every_key) == len(set(every_key)), "a key is bound twice"
