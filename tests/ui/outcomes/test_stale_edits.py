"""An outcome edited in the form after someone else changed it: the user reapplies or discards the edit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.ui.outcomes.view import OutcomesView
from align_desktop.ui.stale_edits import DISCARD, REAPPLY


@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_a_form_edit_of_an_outcome_someone_else_changed_asks_first(
    qtbot: Any, open_sample: Any, prompter: Any, answer: int
) -> None:
    view = OutcomesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(open_sample)
    view.show()
    key = view.selected_key()
    assert key is not None
    open_sample.workspace.author = "Maria"
    open_sample.outcomes.update(key, {"name": "Grow repeat purchases"})  # the view does not reload
    open_sample.workspace.author = "Ben"
    prompter.choice_answers.append(answer)

    name = view.form.edits["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Grow basket size")
    qtbot.keyClick(name, Qt.Key.Key_Return)

    (question,) = prompter.choices
    assert question.startswith(f"Outcome {key} was changed by Maria at ")
    assert "Name: now “Grow repeat purchases”; yours “Grow basket size”" in question
    kept = "Grow basket size" if answer == REAPPLY else "Grow repeat purchases"
    assert next(row for row in open_sample.outcomes.list() if row.key == key).name == kept
    assert name.text() == kept
    assert prompter.errors == []
    assert open_sample.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        open_sample.undo_stack.undo()  # undo puts back what the edit replaced: the colleague's name
        assert name.text() == "Grow repeat purchases"
