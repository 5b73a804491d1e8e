"""A risk edited in its cell, its form or on a heat map after someone else changed it: the user reapplies or
discards the edit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from align_desktop.ui.risks import display
from align_desktop.ui.risks.view import RisksView
from align_desktop.ui.stale_edits import DISCARD, REAPPLY


@pytest.fixture
def view(qtbot: Any, open_sample: Any, prompter: Any) -> RisksView:
    shown = RisksView(prompter)
    qtbot.addWidget(shown)
    shown.set_workspace(open_sample)
    shown.resize(1450, 930)
    shown.show()
    return shown


def _someone_else_changes(open_sample: Any, key: str, changes: dict[str, Any]) -> None:
    open_sample.workspace.author = "Maria"
    open_sample.risks.update(key, changes)  # the view does not reload
    open_sample.workspace.author = "Ben"


@pytest.mark.parametrize("where", ["cell", "form"])
@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_a_field_edit_of_a_risk_someone_else_changed_asks_first(
    qtbot: Any, view: RisksView, open_sample: Any, prompter: Any, answer: int, where: str
) -> None:
    key = view.selected_key()
    assert key is not None
    _someone_else_changes(open_sample, key, {"owner": "Maria Rossi"})
    prompter.choice_answers.append(answer)

    if where == "cell":
        row = view.model.index_of_key(key)
        assert row is not None
        index = view.model.index(row, display.OWNER)
        view.table.setCurrentIndex(index)
        view.table.edit(index)
        edit = view.table.indexWidget(index)
    else:
        edit = view.form.edits["owner"]
        edit.selectAll()
    assert isinstance(edit, QLineEdit)
    qtbot.keyClicks(edit, "Ben Okafor")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()  # a cell's delegate commits and closes in a queued call

    (question,) = prompter.choices
    assert question.startswith(f"Risk {key} was changed by Maria at ")
    assert "Owner: now “Maria Rossi”; yours “Ben Okafor”" in question
    kept = "Ben Okafor" if answer == REAPPLY else "Maria Rossi"
    assert open_sample.risks.get(key).owner == kept
    assert view.form.edits["owner"].text() == kept
    assert prompter.errors == []
    assert open_sample.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        open_sample.undo_stack.undo()
        assert open_sample.risks.get(key).owner == "Maria Rossi"


@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_a_risk_dragged_on_the_map_after_someone_else_rated_it_asks_first(
    view: RisksView, open_sample: Any, prompter: Any, answer: int
) -> None:
    key = view.selected_key()
    assert key is not None
    _someone_else_changes(open_sample, key, {"residual_likelihood": 2, "residual_impact": 2})
    prompter.choice_answers.append(answer)

    view.residual_risk_dropped(key, 1, 3)

    (question,) = prompter.choices
    assert question.startswith(f"Risk {key} was changed by Maria at ")
    assert "Residual likelihood: now “2”; yours “1”" in question
    assert "Residual impact: now “2”; yours “3”" in question
    row = open_sample.risks.get(key)
    expected = (1, 3) if answer == REAPPLY else (2, 2)
    assert (row.residual_likelihood, row.residual_impact) == expected
    assert open_sample.undo_stack.count() == (1 if answer == REAPPLY else 0)


def test_ticking_a_link_keeps_the_links_someone_else_made_meanwhile(view: RisksView, open_sample: Any) -> None:
    key = view.selected_key()
    assert key is not None
    row = open_sample.risks.get(key)
    board = [initiative.key for initiative in open_sample.initiatives.board().initiatives]
    theirs, mine = [k for k in board if k not in row.initiative_keys][:2]
    open_sample.risks.set_links(key, [*row.initiative_keys, theirs], list(row.capability_keys))  # no reload
    assert theirs not in view.form.row.initiative_keys

    view.form.links.linked_only.setChecked(False)
    model = view.form.links.model
    at = next(
        r for r in range(model.rowCount()) if model.data(model.index(r), Qt.ItemDataRole.DisplayRole).startswith(mine)
    )
    assert model.setData(model.index(at), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert set(open_sample.risks.get(key).initiative_keys) == {*row.initiative_keys, theirs, mine}


def test_a_link_ticked_then_cleared_again_is_gone(view: RisksView, open_sample: Any) -> None:
    key = view.selected_key()
    assert key is not None
    before = open_sample.risks.get(key).initiative_keys
    view.form.links.linked_only.setChecked(False)
    model = view.form.links.model
    new = next(k for k in (i.key for i in open_sample.initiatives.board().initiatives) if k not in before)
    at = next(
        r for r in range(model.rowCount()) if model.data(model.index(r), Qt.ItemDataRole.DisplayRole).startswith(new)
    )
    assert model.setData(model.index(at), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert new in open_sample.risks.get(key).initiative_keys
    assert model.setData(model.index(at), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert open_sample.risks.get(key).initiative_keys == before
