"""Keyboard use of the board: arrows move the selection, Alt+arrows move the card, Enter edits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from align_desktop.ui.board.view import BoardView
from tests.ui.board.conftest import lane_keys


def test_arrow_keys_walk_the_board(board: BoardView) -> None:
    keys = lane_keys(board)
    board.canvas.setFocus()
    QTest.keyClick(board.canvas, Qt.Key.Key_Down)
    assert board.scene.selected_key() == keys["Now"][0]
    QTest.keyClick(board.canvas, Qt.Key.Key_Down)
    assert board.scene.selected_key() == keys["Now"][1]
    QTest.keyClick(board.canvas, Qt.Key.Key_Right)
    assert board.scene.selected_key() == keys["Next"][1]
    QTest.keyClick(board.canvas, Qt.Key.Key_Up)
    assert board.scene.selected_key() == keys["Next"][0]
    QTest.keyClick(board.canvas, Qt.Key.Key_Up)
    assert board.scene.selected_key() == keys["Next"][0]
    QTest.keyClick(board.canvas, Qt.Key.Key_Left)
    assert board.scene.selected_key() == keys["Now"][0]


@pytest.mark.parametrize(("columns", "rows"), [(1, 0), (0, 1), (0, -1), (-1, 0)])
def test_nudging_moves_the_selected_card_and_keeps_it_selected(board: BoardView, columns: int, rows: int) -> None:
    keys = lane_keys(board)
    key = keys["Next"][2]
    board.scene.select(key)
    board.nudge(columns, rows)
    after = lane_keys(board)
    lanes = ["Now", "Next", "Later"]
    lane = lanes[1 + columns]
    index = 2 + rows
    assert after[lane][index] == key
    assert board.scene.selected_key() == key
    assert sorted(k for ks in after.values() for k in ks) == sorted(k for ks in keys.values() for k in ks)


def test_enter_opens_the_edit_dialog(board: BoardView, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(board, "edit_card", opened.append)
    board.canvas.edit_requested.disconnect()
    board.canvas.edit_requested.connect(board.edit_card)
    key = lane_keys(board)["Later"][0]
    board.scene.select(key)
    QTest.keyClick(board.canvas, Qt.Key.Key_Return)
    assert opened == [key]


def test_delete_key_asks_then_deletes_and_undo_restores(board: BoardView, prompter: Any) -> None:
    before = lane_keys(board)
    key = before["Later"][1]
    board.scene.select(key)
    prompter.confirm_answers = [False, True]
    QTest.keyClick(board.canvas, Qt.Key.Key_Delete)
    assert lane_keys(board) == before
    QTest.keyClick(board.canvas, Qt.Key.Key_Delete)
    assert key not in lane_keys(board)["Later"]
    assert key in prompter.confirmations[-1]
    assert board.workspace is not None
    board.workspace.undo_stack.undo()
    assert lane_keys(board) == before
