"""A business case edited in the ROI view after someone else changed it: the user reapplies or discards the edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from align_desktop.ui.stale_edits import DISCARD, REAPPLY
from tests.ui.roi import Roi, cost_index, finish_cell, make_roi, type_in_cell, type_text


@pytest.fixture
def roi(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> Iterator[Roi]:
    shown = make_roi(qtbot, workspace, prompter)
    yield shown
    shown.opened.undo_stack.clear()


def _benefit(roi: Roi) -> float:
    return roi.cases.case(roi.keys["worked"]).annual_benefit


def _confidence(roi: Roi) -> float:
    return roi.opened.initiatives.get(roi.keys["worked"]).confidence


def _amount(roi: Roi) -> float | None:
    return roi.cases.case(roi.keys["worked"]).cost_lines[1].amounts[1]


EDITS: dict[str, tuple[Callable[[Roi], object], Callable[[Roi], Any], object, str, Any, str]] = {
    # what Maria changes, how to read it, her value and the message's line, Ben's value as typed and as stored
    "benefit": (
        lambda roi: roi.cases.set_benefit(roi.keys["worked"], {"annual_benefit": 300_000}),
        _benefit,
        300_000,
        "Annual benefit: now “300000.0”; yours “280000.0”",
        280_000,
        "280000",
    ),
    "confidence": (
        lambda roi: roi.opened.initiatives.update(roi.keys["worked"], {"confidence": 70}),
        _confidence,
        70,
        "Confidence: now “70”; yours “90”",
        90,
        "90",
    ),
    "cost cell": (
        lambda roi: roi.cases.update_cost_line(
            roi.cases.case(roi.keys["worked"]).cost_lines[1].key, amounts={1: 35_000}
        ),
        _amount,
        35_000,
        "Amount 1: now “35000.0”; yours “40000.0”",
        40_000,
        "40000",
    ),
}


@pytest.mark.parametrize("what", list(EDITS))
@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_an_edit_of_a_case_someone_else_changed_asks_first(
    qtbot: Any, roi: Roi, prompter: Any, answer: int, what: str
) -> None:
    change, read, theirs, line, mine, typed = EDITS[what]
    view = roi.view
    roi.opened.workspace.author = "Maria"
    change(roi)  # the view does not reload
    roi.opened.workspace.author = "Ben"
    prompter.choice_answers.append(answer)

    if what == "cost cell":
        finish_cell(qtbot, type_in_cell(qtbot, view.costs.table, cost_index(view, 1, 1), typed))
    else:
        type_text(qtbot, view.editor.edit(what if what == "confidence" else "annual_benefit"), typed)

    (question,) = prompter.choices
    assert " was changed by Maria at " in question
    assert line in question
    assert read(roi) == (mine if answer == REAPPLY else theirs)
    assert prompter.errors == []
    assert roi.opened.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        roi.opened.undo_stack.undo()
        assert read(roi) == theirs


def test_the_next_edit_after_a_saved_one_is_made_against_the_version_saved(qtbot: Any, roi: Roi, prompter: Any) -> None:
    view = roi.view
    for typed in ("260000", "270000", "280000"):
        type_text(qtbot, view.editor.edit("annual_benefit"), typed)
    for typed in ("31000", "32000"):
        finish_cell(qtbot, type_in_cell(qtbot, view.costs.table, cost_index(view, 1, 1), typed))
    assert prompter.choices == []
    assert (_benefit(roi), _amount(roi)) == (280_000, 32_000)
    assert roi.opened.undo_stack.count() == 5
