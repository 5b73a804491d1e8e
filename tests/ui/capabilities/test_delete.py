"""Deleting capabilities: asked first, the needs counted, several at once as one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.ui.capabilities.naming import unused_name
from align_desktop.ui.capabilities.view import CapabilitiesView
from align_desktop.ui.open_workspace import OpenWorkspace

NAMES = ["Feature store", "Batch ingestion", "Model monitoring", "Model serving"]


@pytest.fixture
def opened(qapp: Any, workspace: Any) -> Iterator[OpenWorkspace]:
    ws = OpenWorkspace(workspace)
    yield ws
    ws.undo_stack.clear()


@pytest.fixture
def seeded(opened: OpenWorkspace) -> OpenWorkspace:
    """C-001 … C-004; C-001 needed by three initiatives, C-003 by one."""
    service = opened.capabilities
    for name in NAMES:
        service.create({"name": name, "current_maturity": 2, "target_maturity": 4})
    initiatives = InitiativeService(opened.workspace)
    keys = [initiatives.create({"title": title})[0] for title in ("Recommendations", "Demand forecast", "Fraud")]
    for key, level in zip(keys, (3, 4, 2), strict=True):
        service.set_need(key, "C-001", level)
    service.set_need(keys[2], "C-003", 3)
    return opened


@pytest.fixture
def view(qtbot: Any, prompter: Any, seeded: OpenWorkspace) -> CapabilitiesView:
    view = CapabilitiesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(seeded)
    view.resize(1400, 800)
    view.show()
    return view


def catalogue(opened: OpenWorkspace) -> dict[str, int]:
    """Key → reuse count of every stored capability."""
    return {row.key: row.reuse for row in opened.capabilities.catalogue()}


def needs(opened: OpenWorkspace) -> set[tuple[str, str, int]]:
    return {(need.initiative_key, need.capability_key, need.level) for need in opened.capabilities.matrix().needs}


def select(view: CapabilitiesView, *rows: int) -> None:
    model = view.table.selectionModel()
    view.table.selectRow(rows[0])
    selection = QItemSelection()
    for row in rows[1:]:
        selection.select(view.model.index(row, 0), view.model.index(row, view.model.columnCount() - 1))
    model.select(selection, QItemSelectionModel.SelectionFlag.Select)


def test_the_table_selects_several_rows(view: CapabilitiesView) -> None:
    select(view, 0, 2)
    assert [row.key for row in view.selected_rows()] == ["C-001", "C-003"]
    assert view.delete_button.isEnabled()


def test_deleting_one_unneeded_capability_asks_plainly(
    view: CapabilitiesView, seeded: OpenWorkspace, prompter: Any
) -> None:
    view.table.selectRow(1)
    prompter.confirm_answers.append(True)
    view.delete_button.click()
    assert prompter.confirmations == ["Delete C-002 Batch ingestion? You can undo this with Ctrl+Z."]
    assert "C-002" not in catalogue(seeded)
    assert seeded.undo_stack.text(0) == "Delete C-002"
    assert view.selected_key() == "C-003"


def test_deleting_a_needed_capability_says_how_many_initiatives_need_it(
    view: CapabilitiesView, seeded: OpenWorkspace, prompter: Any
) -> None:
    before = needs(seeded)
    prompter.confirm_answers.append(True)
    view.delete_button.click()  # C-001 is selected
    assert prompter.confirmations == [
        "C-001 Feature store is needed by 3 initiatives; deleting it removes those needs too. "
        "You can undo this with Ctrl+Z."
    ]
    assert "C-001" not in catalogue(seeded)
    assert needs(seeded) == {("I-003", "C-003", 3)}
    seeded.undo_stack.undo()
    assert needs(seeded) == before
    assert catalogue(seeded)["C-001"] == 3


def test_deleting_several_is_one_undo_step_that_restores_the_needs(
    view: CapabilitiesView, seeded: OpenWorkspace, prompter: Any
) -> None:
    before_needs, before = needs(seeded), catalogue(seeded)
    select(view, 0, 1, 2)
    prompter.confirm_answers.append(True)
    view.delete_button.click()
    question = prompter.confirmations[0]
    assert question.startswith(
        "Delete 3 capabilities: C-001 Feature store, C-002 Batch ingestion, C-003 Model monitoring?"
    )
    assert (
        "C-001 Feature store is needed by 3 initiatives; C-003 Model monitoring is needed by 1 initiative." in question
    )
    assert "removes those needs too" in question
    assert question.endswith("You can undo this with Ctrl+Z.")

    assert list(catalogue(seeded)) == ["C-004"]
    assert needs(seeded) == set()
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Delete 3 capabilities"
    assert [view.model.row_at(row).key for row in range(view.model.rowCount())] == ["C-004"]
    assert view.selected_key() == "C-004"

    seeded.undo_stack.undo()
    assert catalogue(seeded) == before
    assert needs(seeded) == before_needs
    assert view.model.rowCount() == 4
    assert seeded.capabilities.get("C-003").name == "Model monitoring"

    seeded.undo_stack.redo()
    assert list(catalogue(seeded)) == ["C-004"]
    seeded.undo_stack.undo()
    assert catalogue(seeded) == before
    assert needs(seeded) == before_needs


def test_the_delete_key_deletes_the_selection(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace, prompter: Any
) -> None:
    select(view, 1, 3)
    view.table.setFocus()
    prompter.confirm_answers.append(True)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert prompter.confirmations[0].startswith("Delete 2 capabilities: C-002 Batch ingestion, C-004 Model serving?")
    assert "needed" not in prompter.confirmations[0]
    assert list(catalogue(seeded)) == ["C-001", "C-003"]
    assert seeded.undo_stack.count() == 1


def test_cancelled_delete_keeps_everything(view: CapabilitiesView, seeded: OpenWorkspace, prompter: Any) -> None:
    select(view, 0, 1)
    prompter.confirm_answers.append(False)
    view.delete_button.click()
    assert len(catalogue(seeded)) == 4
    assert seeded.undo_stack.count() == 0
    assert [row.key for row in view.selected_rows()] == ["C-001", "C-002"]


def test_a_long_selection_is_named_in_part(view: CapabilitiesView) -> None:
    rows = [view.model.row_at(0)] * 10
    question = view.delete_question(rows)
    assert question.startswith("Delete 10 capabilities:")
    assert "and 2 more" in question


# the changes behind the view, at store level


def test_deleting_several_is_one_transaction_that_refuses_whole(workspace: Any) -> None:
    service = CapabilityService(workspace)
    for name in NAMES[:2]:
        service.create({"name": name})
    with pytest.raises(NotFound):
        service.delete("C-001", "C-002", "C-404")
    assert [row.key for row in service.catalogue()] == ["C-001", "C-002"]
    redo = service.delete("C-001", "C-002")()
    assert [row.key for row in service.catalogue()] == ["C-001", "C-002"]
    redo()
    assert service.catalogue() == []


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], "New capability"),
        (["Feature store"], "New capability"),
        (["new CAPABILITY"], "New capability 2"),
        (["New capability", "New capability 2", "New capability 4"], "New capability 3"),
    ],
)
def test_unused_name(names: list[str], expected: str) -> None:
    assert unused_name("New capability", names) == expected
