"""An edit against a version someone else has moved on from: who and when, both values, reapply or discard."""

from __future__ import annotations

from typing import Any

from align_desktop.ui.stale_edits import DISCARD, REAPPLY, perform_edit


def _version(open_sample: Any, key: str) -> int:
    return int(next(row for row in open_sample.initiatives.board().initiatives if row.key == key).version)


def _someone_else_sets(open_sample: Any, key: str, changes: dict[str, Any]) -> None:
    open_sample.workspace.author = "Maria"
    open_sample.initiatives.update(key, changes)
    open_sample.workspace.author = "Ben"


def test_an_edit_of_the_version_shown_is_saved_as_one_undo_step(open_sample: Any, prompter: Any) -> None:
    shown = _version(open_sample, "I-001")
    saved = perform_edit(
        open_sample,
        prompter,
        "Edit I-001",
        lambda version: open_sample.initiatives.update("I-001", {"confidence": 90}, expected_version=version),
        shown,
    )
    assert saved
    assert prompter.choices == []
    assert open_sample.undo_stack.count() == 1


def test_a_stale_edit_says_who_and_when_shows_both_values_and_can_be_reapplied(open_sample: Any, prompter: Any) -> None:
    shown = _version(open_sample, "I-001")
    _someone_else_sets(open_sample, "I-001", {"confidence": 40})
    prompter.choice_answers.append(REAPPLY)
    saved = perform_edit(
        open_sample,
        prompter,
        "Edit I-001",
        lambda version: open_sample.initiatives.update("I-001", {"confidence": 90}, expected_version=version),
        shown,
    )
    assert saved
    (question,) = prompter.choices
    assert question.startswith("Initiative I-001 was changed by Maria at ")
    assert "Confidence: now “40”; yours “90”" in question
    row = next(row for row in open_sample.initiatives.board().initiatives if row.key == "I-001")
    assert row.confidence == 90
    assert open_sample.undo_stack.count() == 1


def test_a_discarded_stale_edit_writes_nothing_and_reloads_the_views(open_sample: Any, prompter: Any) -> None:
    shown = _version(open_sample, "I-001")
    _someone_else_sets(open_sample, "I-001", {"confidence": 40})
    reloads: list[bool] = []
    open_sample.changed.connect(lambda: reloads.append(True))
    prompter.choice_answers.append(DISCARD)
    saved = perform_edit(
        open_sample,
        prompter,
        "Edit I-001",
        lambda version: open_sample.initiatives.update("I-001", {"confidence": 90}, expected_version=version),
        shown,
    )
    assert not saved
    assert reloads == [True]
    row = next(row for row in open_sample.initiatives.board().initiatives if row.key == "I-001")
    assert row.confidence == 40
    assert open_sample.undo_stack.count() == 0
