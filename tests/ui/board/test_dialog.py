"""The initiative dialog: editing through it, refusals shown in it, and the readiness gate."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.board.view import BoardView
from tests.ui.board.conftest import lane_keys
from tests.ui.dialogs import press_ok


def test_editing_a_card_stores_the_change_as_one_undo_step(board: BoardView, monkeypatch: pytest.MonkeyPatch) -> None:
    key = lane_keys(board)["Next"][0]
    assert board.workspace is not None
    old_title = board.workspace.initiatives.get(key).title
    press_ok(
        monkeypatch, InitiativeDialog, lambda d: (d.set_value("title", "Churn score v2"), d.set_value("confidence", 85))
    )
    board.edit_card(key)
    row = board.workspace.initiatives.get(key)
    assert (row.title, row.confidence) == ("Churn score v2", 85)
    assert board.scene.cards[key].row.title == "Churn score v2"
    assert board.workspace.undo_stack.count() == 1
    board.workspace.undo_stack.undo()
    assert board.workspace.initiatives.get(key).title == old_title


def test_a_blank_title_is_refused_in_the_dialog(board: BoardView, monkeypatch: pytest.MonkeyPatch) -> None:
    key = lane_keys(board)["Now"][2]
    seen = press_ok(monkeypatch, InitiativeDialog, lambda d: d.set_value("title", "   "))
    board.edit_card(key)
    dialog = seen[0]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert "Title" in dialog.error_label.text()
    assert board.workspace is not None
    assert board.workspace.initiatives.get(key).title.strip()
    assert board.workspace.undo_stack.count() == 0


def test_moving_past_the_gate_needs_a_reason_which_is_stored(
    board: BoardView, monkeypatch: pytest.MonkeyPatch, prompter: Any
) -> None:
    assert board.workspace is not None
    blocked = next(r for r in board.rows.initiatives if min(r.readiness.values()) < 2 and r.status == "pilot")
    prompter.text_answers = [""]
    seen = press_ok(monkeypatch, InitiativeDialog, lambda d: d.set_value("status", "scaling"))
    board.edit_card(blocked.key)
    assert seen[0].result() == QDialog.DialogCode.Rejected
    assert "reason" in seen[0].error_label.text()
    assert board.workspace.initiatives.get(blocked.key).status == "pilot"

    prompter.text_answers = ["Sponsor accepts the monitoring gap for the peak season"]
    board.edit_card(blocked.key)
    row = board.workspace.initiatives.get(blocked.key)
    assert row.status == "scaling"
    assert row.gate_override is not None
    assert row.gate_override.reason == "Sponsor accepts the monitoring gap for the peak season"
    assert "Gate overridden" in board.scene.cards[blocked.key].tooltip()
    board.workspace.undo_stack.undo()
    row = board.workspace.initiatives.get(blocked.key)
    assert (row.status, row.gate_override) == ("pilot", None)


def test_raising_the_scores_passes_the_gate_without_a_reason(
    board: BoardView, monkeypatch: pytest.MonkeyPatch, prompter: Any
) -> None:
    assert board.rows is not None
    blocked = next(r for r in board.rows.initiatives if min(r.readiness.values()) < 2 and r.status == "pilot")

    def fill(dialog: InitiativeDialog) -> None:
        for field in blocked.readiness:
            dialog.set_value(field, 3)
        dialog.set_value("status", "live")

    press_ok(monkeypatch, InitiativeDialog, fill)
    board.edit_card(blocked.key)
    assert board.workspace is not None
    row = board.workspace.initiatives.get(blocked.key)
    assert (row.status, row.gate_override) == ("live", None)
    assert prompter.text_answers == []


def test_new_initiative_lands_at_the_end_of_the_first_lane_selected(
    board: BoardView, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = lane_keys(board)

    def fill(dialog: InitiativeDialog) -> None:
        dialog.set_value("title", "Basket abandonment nudges")
        dialog.set_value("outcome_key", "O-001")
        dialog.set_value("decision_point", "personalisation")
        dialog.set_value("team", "CRM & Loyalty")

    press_ok(monkeypatch, InitiativeDialog, fill)
    board.new_card()
    after = lane_keys(board)
    new_key = after["Now"][-1]
    assert new_key not in before["Now"]
    assert board.scene.selected_key() == new_key
    assert board.workspace is not None
    row = board.workspace.initiatives.get(new_key)
    assert (row.title, row.outcome_key, row.team) == ("Basket abandonment nudges", "O-001", "CRM & Loyalty")
    board.workspace.undo_stack.undo()
    assert lane_keys(board) == before


def test_cancel_changes_nothing(board: BoardView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InitiativeDialog, "exec", lambda dialog: dialog.reject() or 0)
    before = lane_keys(board)
    board.new_card()
    assert lane_keys(board) == before
    assert board.workspace is not None
    assert board.workspace.undo_stack.count() == 0
