"""The matrix view: typing and clicking levels (one undo step each), headers and ranking after an edit,
ordering, grouping, the ranking's answers and its links into the matrix, and the lazily drawn chart."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from align_desktop.ui.matrix.delegate import LevelEditor
from align_desktop.ui.matrix.view import MatrixView
from tests.ui.matrix import A, B, C, Shown, X, Y, seed_small, show_view

HORIZONTAL = Qt.Orientation.Horizontal


@pytest.fixture
def shown(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> Iterator[Shown]:
    seed_small(workspace)
    result = show_view(qtbot, workspace, prompter)
    yield result
    result.opened.undo_stack.clear()


def index_of(view: MatrixView, initiative: str, capability: str) -> QModelIndex:
    model, grid = view.model, view.model.grid
    return model.index(
        model.row_of(grid.initiative_index[initiative]), model.column_of(grid.capability_index[capability])
    )


def stored(shown: Shown) -> dict[tuple[str, str], int]:
    return {(n.initiative_key, n.capability_key): n.level for n in shown.opened.capabilities.matrix().needs}


def type_key(qtbot: Any, view: MatrixView, index: QModelIndex, key: Qt.Key, text: str = "") -> None:
    view.table.setCurrentIndex(index)
    if text:
        qtbot.keyClicks(view.table, text)
    else:
        qtbot.keyClick(view.table, key)


def header(view: MatrixView, capability: str) -> str:
    return view.model.headerData(view.model.column_of(view.model.grid.capability_index[capability]), HORIZONTAL)


def test_names_and_accessibility(shown: Shown) -> None:
    view = shown.view
    for widget in (view.table, view.ranking.table, view.ranking.unblocks, view.order, view.grouping):
        assert widget.accessibleName()
        assert widget.toolTip()
    assert not view.empty_state.isVisible()


def test_the_selected_item_is_the_capability_of_the_current_cell(shown: Shown) -> None:
    view = shown.view
    view.table.setCurrentIndex(index_of(view, A, Y))
    assert view.selected_key() == Y  # what Ctrl+D, Ctrl+K and Ctrl+P link an entry to


def test_typing_a_level_sets_the_need_as_one_undo_step(qtbot: Any, shown: Shown) -> None:
    view, stack = shown.view, shown.opened.undo_stack
    index = index_of(view, A, Y)
    type_key(qtbot, view, index, Qt.Key.Key_3, "3")
    assert stored(shown)[A, Y] == 3
    assert stack.count() == 1
    assert stack.undoText() == "I-001 needs C-002 at level 3"
    assert view.model.data(index) == "3 ▲2"
    assert header(view, Y).endswith("reuse 3\nEUR 140k")  # Alpha's 100k joins Bravo's 40k
    assert view.model.grid.row_gaps[view.model.grid.initiative_index[A]] == 2
    ranking = view.ranking.model
    y_row = ranking.row_of(view.model.grid.capability_index[Y])
    assert ranking.data(ranking.index(y_row, 2)) == "200k"  # weighted gap 2 levels × 100k
    assert ranking.keys() == [Y, X]  # re-ranked at once
    stack.undo()
    assert (A, Y) not in stored(shown)
    assert view.model.data(index_of(view, A, Y)) is None
    assert header(view, Y).endswith("reuse 2\nEUR 40k")
    assert ranking.keys() == [X, Y]


def test_typing_the_same_level_or_on_a_title_row_changes_nothing(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    type_key(qtbot, view, index_of(view, A, X), Qt.Key.Key_3, "3")
    view.table.setCurrentIndex(view.model.index(0, 0))  # the "Now" title row
    qtbot.keyClicks(view.table, "4")
    assert shown.opened.undo_stack.count() == 0
    assert stored(shown) == {(A, X): 3, (B, Y): 1, (C, Y): 4}


@pytest.mark.parametrize(("key", "text"), [(Qt.Key.Key_Delete, ""), (Qt.Key.Key_Backspace, ""), (Qt.Key.Key_0, "0")])
def test_delete_backspace_and_zero_clear_a_cell(qtbot: Any, shown: Shown, key: Qt.Key, text: str) -> None:
    view = shown.view
    type_key(qtbot, view, index_of(view, C, Y), key, text)
    assert (C, Y) not in stored(shown)
    assert shown.opened.undo_stack.count() == 1
    assert header(view, Y).endswith("reuse 1\nEUR 40k")
    assert view.model.grid.row_gaps[view.model.grid.initiative_index[C]] == 0
    shown.opened.undo_stack.undo()
    assert stored(shown)[C, Y] == 4


def open_editor(qtbot: Any, view: MatrixView, index: QModelIndex) -> LevelEditor:
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = view.table.indexWidget(index)
    assert isinstance(editor, LevelEditor)
    qtbot.waitUntil(lambda: editor.view().isVisible())  # the list of levels opens by itself
    return editor


def test_clicking_a_cell_opens_the_levels_and_choosing_one_stores_it(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    index = index_of(view, B, X)
    editor = open_editor(qtbot, view, index)
    assert editor.currentIndex() == 0  # "not needed"
    assert [editor.itemData(n) for n in range(editor.count())] == [0, 1, 2, 3, 4, 5]
    editor.setCurrentIndex(4)
    editor.activated.emit(4)
    qtbot.waitUntil(lambda: view.table.indexWidget(index) is None)
    assert stored(shown)[B, X] == 4
    assert shown.opened.undo_stack.count() == 1
    assert view.model.data(index) == "4 ▲2"


def test_closing_the_list_without_choosing_changes_nothing(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    index = index_of(view, C, Y)
    editor = open_editor(qtbot, view, index)
    assert editor.currentIndex() == 4
    editor.hidePopup()
    qtbot.waitUntil(lambda: view.table.indexWidget(index) is None)
    assert shown.opened.undo_stack.count() == 0
    assert stored(shown)[C, Y] == 4


def test_choosing_not_needed_clears_the_cell(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    index = index_of(view, A, X)
    editor = open_editor(qtbot, view, index)
    editor.setCurrentIndex(0)
    editor.activated.emit(0)
    qtbot.waitUntil(lambda: view.table.indexWidget(index) is None)
    assert (A, X) not in stored(shown)
    assert shown.opened.undo_stack.count() == 1


def test_order_and_grouping_combos_keep_the_current_cell(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    view.table.setCurrentIndex(index_of(view, C, Y))
    view.order.setCurrentIndex(view.order.findData("reuse"))
    assert [view.model.capability_at(n).key for n in range(2)] == [Y, X]
    view.grouping.setCurrentIndex(view.grouping.findData("outcome"))
    assert view.model.headerData(0, Qt.Orientation.Vertical).startswith("Grow")
    assert view.table.currentIndex() == index_of(view, C, Y)
    assert view.table.horizontalHeader().current == 0


def test_edits_leave_columns_in_place_until_re_sorted(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    assert not view.resort.isEnabled()
    type_key(qtbot, view, index_of(view, A, Y), Qt.Key.Key_5, "5")  # Y now blocks Alpha by 4 levels: 400k
    assert [view.model.capability_at(n).key for n in range(2)] == [X, Y]  # not moved under the cursor
    assert view.resort.isEnabled()
    assert view.ranking.model.keys() == [Y, X]  # the ranking is the live answer
    shown.opened.undo_stack.undo()
    shown.opened.undo_stack.redo()  # reloads while shown keep the order too
    assert [view.model.capability_at(n).key for n in range(2)] == [X, Y]
    qtbot.mouseClick(view.resort, Qt.MouseButton.LeftButton)
    assert [view.model.capability_at(n).key for n in range(2)] == [Y, X]
    assert not view.resort.isEnabled()
    assert view.table.currentIndex() == index_of(view, A, Y)  # the cell followed its column


def test_ranking_answers_which_capability_first(shown: Shown) -> None:
    ranking = shown.view.ranking
    assert ranking.model.keys() == [X, Y]
    assert ranking.selected == shown.view.model.grid.capability_index[X]
    assert ranking.detail.text() == (
        "C-001 Feature store is at 2. Raising it to 3 unblocks 1 initiative worth EUR 100k:"
    )
    assert [ranking.unblocks.item(n).text() for n in range(ranking.unblocks.count())] == [
        "I-001 Alpha · needs 3 · EUR 100k"
    ]
    ranking.order.setCurrentIndex(ranking.order.findData("reuse"))
    assert ranking.model.keys() == [Y, X]


def test_picking_in_the_ranking_finds_the_column_and_the_cell(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    ranking = view.ranking
    y_row = ranking.model.row_of(view.model.grid.capability_index[Y])
    rect = ranking.table.visualRect(ranking.model.index(y_row, 1))
    qtbot.mouseClick(ranking.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = view.table.currentIndex()
    assert view.model.capability_at(current.column()).key == Y
    assert view.table.horizontalHeader().current == current.column()
    assert [ranking.unblocks.item(n).text() for n in range(ranking.unblocks.count())] == [
        "I-003 Charlie · needs 4 · EUR −30k"
    ]
    view.table.setCurrentIndex(index_of(view, A, X))
    ranking.select(view.model.grid.capability_index[Y])
    ranking.unblocks.itemClicked.emit(ranking.unblocks.item(0))
    assert view.table.currentIndex() == index_of(view, C, Y)


def test_picking_a_capability_with_no_current_cell_goes_to_what_it_blocks(shown: Shown) -> None:
    view = shown.view
    view.table.setCurrentIndex(QModelIndex())
    view.show_capability(view.model.grid.capability_index[Y])
    assert view.table.currentIndex() == index_of(view, C, Y)


def test_moving_in_the_matrix_selects_the_capability_in_the_ranking(shown: Shown) -> None:
    view = shown.view
    view.table.setCurrentIndex(index_of(view, B, Y))
    assert view.ranking.selected == view.model.grid.capability_index[Y]
    assert view.ranking.detail.text().startswith("C-002 Model serving is at 1. Raising it to 4 unblocks 1")


def test_a_refused_change_is_reported_and_the_view_reloads(qtbot: Any, shown: Shown, prompter: Any) -> None:
    view = shown.view
    shown.opened.initiatives.delete(B)  # behind the view's back: no signal
    type_key(qtbot, view, index_of(view, B, X), Qt.Key.Key_2, "2")
    assert prompter.errors and prompter.errors[0][0] == "Not saved"
    assert B not in view.model.grid.initiative_index
    assert shown.opened.undo_stack.count() == 0


def top_down(axes: Any) -> list[str]:
    """Bar names from the top bar down."""
    positions = dict(zip((label.get_text() for label in axes.get_yticklabels()), axes.get_yticks(), strict=True))
    return sorted(positions, key=lambda name: -positions[name])


def test_the_chart_is_drawn_when_shown_and_after_edits(qtbot: Any, shown: Shown) -> None:
    chart = shown.view.ranking.chart
    qtbot.waitUntil(lambda: chart.draw_count == 1)
    assert chart.figure is not None
    assert top_down(chart.figure.axes[0]) == ["C-001 Feature store", "C-002 Model serving"]
    type_key(qtbot, shown.view, index_of(shown.view, B, X), Qt.Key.Key_2, "2")
    assert chart.pending()  # debounced: typing stays quick
    assert chart.draw_count == 1
    chart.flush()
    assert chart.draw_count == 2
    axes = chart.figure.axes[0]
    assert top_down(axes) == ["C-001 Feature store", "C-002 Model serving"]
    assert [patch.get_width() for patch in axes.patches[:2]] == [140_000, 40_000]  # Bravo's 40k joined Feature store


def test_without_capabilities_the_view_says_what_to_do(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> None:
    shown = show_view(qtbot, workspace, prompter)
    assert shown.view.empty_state.isVisible()
    assert "No capabilities to map yet" in shown.view.empty_state.title.text()
    shown.view.set_workspace(None)
    assert shown.view.model.rowCount() == 0
    QApplication.processEvents()


def test_building_the_view_does_not_load_matplotlib() -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from align_desktop.ui.prompts import Prompter\n"
        "from align_desktop.ui.matrix.view import MatrixView\n"
        "view = MatrixView(Prompter()); print('matplotlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_arrow_keys_step_over_group_title_rows(qtbot: Any, shown: Shown) -> None:
    view = shown.view
    view.table.setCurrentIndex(index_of(view, C, X))  # the last row of "Now"
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex() == index_of(view, B, X)  # over the "Next" title row
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert view.table.currentIndex() == index_of(view, C, X)
    view.table.setCurrentIndex(index_of(view, A, X))
    qtbot.keyClick(view.table, Qt.Key.Key_Up)  # the "Now" title row is the first row: stay
    assert view.table.currentIndex() == index_of(view, A, X)
