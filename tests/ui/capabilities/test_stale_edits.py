"""A capability edited in its cell or form after someone else changed it: the user reapplies or discards the edit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from align_desktop.ui.capabilities import model as columns
from align_desktop.ui.capabilities.view import CapabilitiesView
from align_desktop.ui.stale_edits import DISCARD, REAPPLY


def _type_owner(qtbot: Any, view: CapabilitiesView, key: str, where: str, text: str) -> None:
    """Type the owner in the table cell or in the form, and press Return."""
    if where == "cell":
        row = view.model.index_of_key(key)
        assert row is not None
        index = view.model.index(row, columns.OWNER)
        view.table.setCurrentIndex(index)
        view.table.edit(index)
        edit = view.table.indexWidget(index)
    else:
        edit = view.form.edits["owner"]
        edit.selectAll()
    assert isinstance(edit, QLineEdit)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()  # a cell's delegate commits and closes in a queued call


@pytest.mark.parametrize("where", ["cell", "form"])
@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_an_edit_of_a_capability_someone_else_changed_asks_first(
    qtbot: Any, open_sample: Any, prompter: Any, answer: int, where: str
) -> None:
    view = CapabilitiesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(open_sample)
    view.resize(1400, 800)
    view.show()
    key = view.selected_key()
    assert key is not None
    open_sample.workspace.author = "Maria"
    open_sample.capabilities.update(key, {"owner": "Data Platform (Maria)"})  # the view does not reload
    open_sample.workspace.author = "Ben"
    prompter.choice_answers.append(answer)

    _type_owner(qtbot, view, key, where, "ML Platform (Ben)")

    (question,) = prompter.choices
    assert question.startswith(f"Capability {key} was changed by Maria at ")
    assert "Owner: now “Data Platform (Maria)”; yours “ML Platform (Ben)”" in question
    kept = "ML Platform (Ben)" if answer == REAPPLY else "Data Platform (Maria)"
    assert open_sample.capabilities.get(key).owner == kept
    assert view.form.edits["owner"].text() == kept
    assert prompter.errors == []
    assert open_sample.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        open_sample.undo_stack.undo()
        assert open_sample.capabilities.get(key).owner == "Data Platform (Maria)"
