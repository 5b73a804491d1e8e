"""What the outcomes, capabilities and risks views share (`ItemRegisterView`): edits as one named undo step
against the version shown, and the selection kept by key through reloads."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.ui.capabilities.view import CapabilitiesView
from align_desktop.ui.item_register import ItemRegisterView
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.outcomes.view import OutcomesView
from align_desktop.ui.risks.view import RisksView

VIEWS = {"outcomes": OutcomesView, "capabilities": CapabilitiesView, "risks": RisksView}
TITLE_FIELD = {"outcomes": "name", "capabilities": "name", "risks": "title"}


@pytest.fixture(params=list(VIEWS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def view(qtbot: Any, prompter: Any, open_sample: OpenWorkspace, kind: str) -> ItemRegisterView:
    view = VIEWS[kind](prompter)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_workspace(open_sample)
    return view


def _owner(view: ItemRegisterView, key: str) -> str:
    number = view.model.index_of_key(key)
    assert number is not None
    return str(view.model.row_at(number).owner)


def test_a_form_edit_is_one_undo_step_named_for_the_item_and_field(
    view: ItemRegisterView, open_sample: OpenWorkspace
) -> None:
    key = view.model.row_at(2).key
    assert view.select_key(key)
    before = _owner(view, key)
    view.form.field_edited.emit("owner", "Zoë Ndlovu")
    assert _owner(view, key) == "Zoë Ndlovu"
    assert open_sample.undo_stack.count() == 1
    assert open_sample.undo_stack.undoText() == f"Edit {key} Owner"
    open_sample.undo_stack.undo()
    assert _owner(view, key) == before
    assert view.selected_key() == key


def test_a_refused_form_edit_stores_nothing_and_keeps_no_undo_step(
    view: ItemRegisterView, open_sample: OpenWorkspace, prompter: Any, kind: str
) -> None:
    key = view.model.row_at(0).key
    assert view.select_key(key)
    title = getattr(view.form.row, TITLE_FIELD[kind])
    view.form.field_edited.emit(TITLE_FIELD[kind], "   ")
    assert getattr(view.form.row, TITLE_FIELD[kind]) == title
    assert open_sample.undo_stack.count() == 0
    assert not prompter.errors  # the form says it beside the field, not in a message box
    assert view.selected_key() == key


def test_the_selected_item_stays_selected_by_key_when_another_one_is_deleted(
    view: ItemRegisterView, open_sample: OpenWorkspace, kind: str
) -> None:
    first, third = view.model.row_at(0).key, view.model.row_at(2).key
    assert view.select_key(third)
    service = {"outcomes": open_sample.outcomes, "capabilities": open_sample.capabilities, "risks": open_sample.risks}
    deletable = first if kind != "outcomes" else open_sample.outcomes.create({"name": "Spare"})[0]
    open_sample.perform("Delete", lambda: service[kind].delete(deletable))
    assert view.model.index_of_key(deletable) is None
    assert view.selected_key() == third
    assert view.form.row.key == third
