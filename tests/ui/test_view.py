"""WorkspaceView.perform_change: one action, one undo step; a refusal goes beside its field or into a message,
a store error is shown and the view reloads."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import WorkspaceError
from align_desktop.ui.view import WorkspaceView


class CountingView(WorkspaceView):
    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1


def shown(qtbot: Any, opened: Any) -> CountingView:
    view = CountingView()
    qtbot.addWidget(view)
    view.set_workspace(opened)
    view.show()
    return view


def rename(opened: Any, name: str) -> Any:
    return lambda: opened.outcomes.update("O-001", {"name": name})


def test_a_stored_change_is_one_undo_step(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = shown(qtbot, open_sample)
    steps = open_sample.undo_stack.count()
    assert view.perform_change(prompter, "Rename", rename(open_sample, "Grow basket size"))
    assert open_sample.undo_stack.count() == steps + 1
    assert not prompter.errors


def test_invalid_input_goes_to_the_field_when_there_is_one(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = shown(qtbot, open_sample)
    steps = open_sample.undo_stack.count()
    beside: list[ValidationError] = []
    assert not view.perform_change(prompter, "Rename", rename(open_sample, ""), beside.append)
    assert [error.field for error in beside] == ["Name"]
    assert not prompter.errors
    assert open_sample.undo_stack.count() == steps


def test_invalid_input_without_a_field_is_named_in_a_message(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = shown(qtbot, open_sample)
    assert not view.perform_change(prompter, "Rename", rename(open_sample, ""))
    ((title, message),) = prompter.errors
    assert title == "Not done: Rename"
    assert message == "Name: must not be empty."


def test_a_store_error_is_shown_and_the_view_reloads(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = shown(qtbot, open_sample)
    before = view.refreshes

    def fails() -> Any:
        raise WorkspaceError("The disk is full; make room on it and try again.")

    assert not view.perform_change(prompter, "Rename", fails)
    assert prompter.errors == [("Not saved", "The disk is full; make room on it and try again.")]
    assert view.refreshes == before + 1
