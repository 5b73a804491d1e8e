"""Board cards mark initiatives threatened by an open risk above the workspace's risk appetite."""

from __future__ import annotations

from align_desktop.ui.board.view import BoardView


def test_a_card_marks_a_risk_above_appetite(board: BoardView) -> None:
    assert board.workspace is not None
    workspace = board.workspace
    key = next(key for key, card in board.scene.cards.items() if not card.extras.risks_above_appetite)
    risks = workspace.risks
    created: list[str] = []

    def create() -> object:
        risk, revert = risks.create(
            {"title": "Drift after the promotion calendar changed", "residual_likelihood": 4, "residual_impact": 4}
        )
        created.append(risk)
        return revert

    workspace.perform("risk", create)
    workspace.perform("link", lambda: risks.set_links(created[0], [key], []))
    card = board.scene.cards[key]
    line = f"{created[0]} Drift after the promotion calendar changed: residual 16 above appetite 9"
    assert line in card.extras.risks_above_appetite
    assert card.extras.marks[-1][0] == f"⚑ {len(card.extras.risks_above_appetite)}"
    assert "Risks above appetite" in card.tooltip()
    workspace.perform("appetite", lambda: workspace.settings.update({"risk_appetite": 16}))
    assert line not in board.scene.cards[key].extras.risks_above_appetite
    workspace.undo_stack.undo()
    workspace.perform("close", lambda: risks.update(created[0], {"status": "closed"}))
    assert line not in board.scene.cards[key].extras.risks_above_appetite
