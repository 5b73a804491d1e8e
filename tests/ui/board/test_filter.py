"""Filtering the board by text, outcome, team and decision point."""

from __future__ import annotations

from align_desktop.ui.board.view import BoardView


def _shown(board: BoardView) -> set[str]:
    return {key for key, card in board.scene.cards.items() if card.isVisible()}


def test_typing_filters_cards_and_counts_them(board: BoardView) -> None:
    board.search.setText("forecast")
    shown = _shown(board)
    assert board.rows is not None
    expected = {
        r.key
        for r in board.rows.initiatives
        if "forecast" in f"{r.title} {r.description} {r.decision_point} {r.outcome_name}".casefold()
    }
    assert shown == expected
    assert 0 < len(shown) < len(board.scene.cards)
    assert board.count_label.text() == f"{len(shown)} of {len(board.scene.cards)} shown"
    board.search.clear()
    assert len(_shown(board)) == len(board.scene.cards)


def test_shown_cards_pack_to_the_top_of_their_lanes(board: BoardView) -> None:
    board.search.setText("forecast")
    for column, lane in enumerate(board.scene.lanes):
        for row, card in enumerate(board.scene.visible_cards(lane.lane.id)):
            assert card.pos() == board.scene._slot(column, row)


def test_outcome_team_and_decision_filters_combine(board: BoardView) -> None:
    assert board.rows is not None
    some = board.rows.initiatives[0]
    board.outcome_filter.setCurrentIndex(board.outcome_filter.findData(some.outcome_key))
    assert _shown(board) == {r.key for r in board.rows.initiatives if r.outcome_key == some.outcome_key}
    board.team_filter.setCurrentIndex(board.team_filter.findData(some.team))
    board.decision_filter.setCurrentIndex(board.decision_filter.findData(some.decision_point))
    assert _shown(board) == {
        r.key
        for r in board.rows.initiatives
        if (r.outcome_key, r.team, r.decision_point) == (some.outcome_key, some.team, some.decision_point)
    }


def test_filter_survives_a_change_to_the_workspace(board: BoardView) -> None:
    board.search.setText("fraud")
    before = _shown(board)
    key = sorted(before)[0]
    assert board.workspace is not None
    service = board.workspace.initiatives
    board.workspace.perform("edit", lambda: service.update(key, {"confidence": 11}))
    assert _shown(board) == before
    assert board.search.text() == "fraud"
