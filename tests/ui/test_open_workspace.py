"""`OpenWorkspace.perform`: one action, one undo step; refusals push nothing; failed replays say so."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import WorkspaceError


def test_perform_pushes_one_step_and_announces_the_change(qtbot: Any, open_sample: Any) -> None:
    service = open_sample.initiatives
    with qtbot.waitSignals([open_sample.saved, open_sample.changed]):
        open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 12}))
    assert open_sample.undo_stack.count() == 1
    assert open_sample.undo_stack.undoText() == "Edit"
    with qtbot.waitSignal(open_sample.changed):
        open_sample.undo_stack.undo()
    assert service.get("I-001").confidence != 12
    open_sample.undo_stack.redo()
    assert service.get("I-001").confidence == 12


def test_a_refused_action_pushes_nothing(open_sample: Any) -> None:
    service = open_sample.initiatives
    with pytest.raises(ValidationError):
        open_sample.perform("Edit", lambda: service.update("I-001", {"confidence": 140}))
    assert open_sample.undo_stack.count() == 0


def test_an_undo_that_cannot_be_saved_is_reported_and_clears_history(qtbot: Any, open_sample: Any) -> None:
    def failing() -> Any:
        raise WorkspaceError("The disk is full.")

    open_sample.perform("Odd", lambda: failing)
    with qtbot.waitSignal(open_sample.failed) as blocker:
        open_sample.undo_stack.undo()
    assert "The disk is full." in blocker.args[0]
    qtbot.waitUntil(lambda: open_sample.undo_stack.count() == 0)
