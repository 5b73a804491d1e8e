"""Board cards show the base-scenario NPV once the initiative has a business case."""

from __future__ import annotations

import pytest

from align_desktop.reports.formatting import money_short
from align_desktop.ui.board.view import BoardView


def test_a_card_shows_npv_once_a_case_exists(board: BoardView) -> None:
    assert board.workspace is not None
    cases = board.workspace.business_cases
    service = board.workspace.initiatives
    board.workspace.perform("new", lambda: service.create({"title": "No case yet"})[1])
    card_key = next(key for key, card in board.scene.cards.items() if card.extras.npv is None)
    board.workspace.perform("benefit", lambda: cases.set_benefit(card_key, {"annual_benefit": 250_000}))
    board.workspace.perform("adoption", lambda: cases.set_adoption(card_key, {1: 0.25, 2: 0.75, 3: 1.0}))
    for category, amounts in [
        ("data engineering", {0: 120_000}),
        ("model training", dict.fromkeys((1, 2, 3), 30_000)),
        ("deployment", dict.fromkeys((1, 2, 3), 15_000)),
        ("monitoring", dict.fromkeys((1, 2, 3), 10_000)),
        ("incident response", dict.fromkeys((1, 2, 3), 5_000)),
    ]:
        board.workspace.perform(
            "cost", lambda c=category, a=amounts: cases.add_cost_line(card_key, {"category": c}, a)[1]
        )
    card = board.scene.cards[card_key]
    assert card.extras.npv == pytest.approx(130_394.44, abs=0.005)
    assert "NPV (base scenario): EUR 130,394" in card.tooltip()
    assert money_short(card.extras.npv, card.extras.currency) == "EUR 130k"
    while board.workspace.undo_stack.index() > 1:  # undo the case, keep the new initiative
        board.workspace.undo_stack.undo()
    assert board.scene.cards[card_key].extras.npv is None
