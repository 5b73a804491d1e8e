"""Dragging cards with the mouse through the board view, and the scene's drop arithmetic."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from align_desktop.ui.board.view import BoardView
from tests.ui.board.conftest import lane_keys


def _viewport_point(board: BoardView, scene_point: QPointF) -> QPoint:
    return board.canvas.mapFromScene(scene_point)


def _drag(board: BoardView, key: str, to_scene: QPointF) -> None:
    card = board.scene.cards[key]
    board.canvas.ensureVisible(card)
    start = _viewport_point(board, card.sceneBoundingRect().center())
    viewport = board.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    end = _viewport_point(board, to_scene)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_a_card_to_another_lane_moves_it_there(board: BoardView) -> None:
    before = lane_keys(board)
    key = before["Now"][1]
    target = board.scene.cards[before["Next"][0]].sceneBoundingRect()
    _drag(board, key, QPointF(target.center().x(), target.top() + 5))
    after = lane_keys(board)
    assert after["Next"][0] == key
    assert key not in after["Now"]
    assert after["Next"][1:] == before["Next"]
    assert board.workspace is not None
    assert board.workspace.undo_stack.count() == 1


def test_dragging_within_a_lane_reorders_it_and_undo_restores(board: BoardView) -> None:
    before = lane_keys(board)
    first = before["Now"][0]
    below_third = board.scene.cards[before["Now"][2]].sceneBoundingRect()
    _drag(board, first, QPointF(below_third.center().x(), below_third.bottom() + 2))
    after = lane_keys(board)
    assert after["Now"][:3] == [before["Now"][1], before["Now"][2], first]
    assert board.workspace is not None
    board.workspace.undo_stack.undo()
    assert lane_keys(board) == before
    board.workspace.undo_stack.redo()
    assert lane_keys(board) == after


def test_a_drop_in_place_changes_nothing(board: BoardView) -> None:
    before = lane_keys(board)
    card = board.scene.cards[before["Next"][3]]
    centre = card.sceneBoundingRect().center()
    _drag(board, card.key, centre + QPointF(3, 4))
    assert lane_keys(board) == before
    assert board.workspace is not None
    assert board.workspace.undo_stack.count() == 0
    assert card.pos() == board.scene._slot(1, 3)


def test_drop_under_a_filter_lands_next_to_the_visible_neighbour(board: BoardView) -> None:
    before = lane_keys(board)
    board.search.setText("forecast")
    shown_later = board.scene.visible_cards(board.scene.lanes[2].lane.id)
    moving = next(c for c in board.scene.visible_cards(board.scene.lanes[0].lane.id))
    anchor = shown_later[0]
    _drag(
        board,
        moving.key,
        QPointF(anchor.sceneBoundingRect().center().x(), anchor.sceneBoundingRect().top() + 4),
    )
    after = lane_keys(board)
    later = after["Later"]
    assert later.index(moving.key) + 1 == later.index(anchor.key)
    assert len(later) == len(before["Later"]) + 1


def test_scene_requests_the_move_the_drop_describes(qtbot: Any, board: BoardView) -> None:
    keys = lane_keys(board)["Now"]
    card = board.scene.cards[keys[0]]
    last = board.scene.cards[keys[-1]].sceneBoundingRect()
    card.setPos(last.left(), last.bottom() + 40)
    with qtbot.waitSignal(board.scene.move_requested) as blocker:
        board.scene.move_requested.disconnect(board.move_card)
        board.scene.drop_card(card)
    assert blocker.args == [keys[0], board.scene.lanes[0].lane.id, len(keys) - 1]
