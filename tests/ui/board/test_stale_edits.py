"""An initiative edited in its dialog after someone else changed it: the user reapplies or discards the edit."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.board.view import BoardView
from align_desktop.ui.stale_edits import DISCARD, REAPPLY
from tests.ui.board.conftest import lane_keys
from tests.ui.dialogs import press_ok


@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_an_initiative_edit_someone_else_overtook_asks_first(
    board: BoardView, monkeypatch: pytest.MonkeyPatch, prompter: Any, answer: int
) -> None:
    opened = board.workspace
    assert opened is not None
    key = lane_keys(board)["Next"][0]

    def meanwhile(dialog: InitiativeDialog) -> None:
        opened.workspace.author = "Maria"
        opened.initiatives.update(key, {"title": "Churn score (Maria)"})  # the dialog still shows the old title
        opened.workspace.author = "Ben"
        dialog.set_value("title", "Churn score (Ben)")

    prompter.choice_answers.append(answer)
    seen = press_ok(monkeypatch, InitiativeDialog, meanwhile)
    board.edit_card(key)

    (question,) = prompter.choices
    assert question.startswith(f"Initiative {key} was changed by Maria at ")
    assert "Title: now “Churn score (Maria)”; yours “Churn score (Ben)”" in question
    kept = "Churn score (Ben)" if answer == REAPPLY else "Churn score (Maria)"
    assert opened.initiatives.get(key).title == kept
    assert board.scene.cards[key].row.title == kept
    assert seen[0].error_label.text() == ""
    assert opened.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        opened.undo_stack.undo()
        assert opened.initiatives.get(key).title == "Churn score (Maria)"


def test_a_gate_reason_asked_after_reapplying_is_saved_without_asking_again(
    board: BoardView, monkeypatch: pytest.MonkeyPatch, prompter: Any
) -> None:
    opened = board.workspace
    assert opened is not None and board.rows is not None
    blocked = next(r for r in board.rows.initiatives if min(r.readiness.values()) < 2 and r.status == "pilot")

    def meanwhile(dialog: InitiativeDialog) -> None:
        opened.workspace.author = "Maria"
        opened.initiatives.update(blocked.key, {"confidence": 35})
        opened.workspace.author = "Ben"
        dialog.set_value("status", "scaling")

    prompter.choice_answers.append(REAPPLY)
    prompter.text_answers.append("Sponsor accepts the monitoring gap")
    press_ok(monkeypatch, InitiativeDialog, meanwhile)
    board.edit_card(blocked.key)

    assert len(prompter.choices) == 1
    row = opened.initiatives.get(blocked.key)
    assert (row.status, row.confidence) == ("scaling", 35)
    assert row.gate_override is not None and row.gate_override.reason == "Sponsor accepts the monitoring gap"
