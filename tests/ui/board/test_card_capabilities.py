"""Board cards warn when a capability they need is below the required maturity."""

from __future__ import annotations

from align_desktop.ui.board.view import BoardView


def test_a_card_warns_of_a_capability_gap_until_it_is_closed(board: BoardView) -> None:
    assert board.workspace is not None
    workspace = board.workspace
    capabilities = workspace.capabilities
    key = next(key for key, card in board.scene.cards.items() if not card.extras.capability_gaps)
    workspace.perform(
        "new",
        lambda: capabilities.create({"name": "Streaming features", "current_maturity": 2, "target_maturity": 4})[1],
    )
    capability = next(c.key for c in capabilities.catalogue() if c.name == "Streaming features")
    workspace.perform("need", lambda: capabilities.set_need(key, capability, 4))
    card = board.scene.cards[key]
    assert card.extras.capability_gaps == (f"{capability} Streaming features: needs level 4, is at 2",)
    assert "Capabilities below the required maturity" in card.tooltip()
    assert f"{capability} Streaming features: needs level 4, is at 2" in card.tooltip()
    workspace.perform("mature", lambda: capabilities.update(capability, {"current_maturity": 4}))
    assert board.scene.cards[key].extras.capability_gaps == ()
    workspace.undo_stack.undo()
    assert len(board.scene.cards[key].extras.capability_gaps) == 1
