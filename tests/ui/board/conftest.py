"""Fixtures for the board: a shown board view over a private copy of the realistic sample."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.ui.board.view import BoardView


@pytest.fixture
def board(qtbot: Any, open_sample: Any, prompter: Any) -> BoardView:
    view = BoardView(prompter)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.set_workspace(open_sample)
    view.show()
    qtbot.waitExposed(view)
    return view


def lane_keys(view: BoardView) -> dict[str, list[str]]:
    """Keys per lane name, in board order, as the store holds them."""
    assert view.workspace is not None
    rows = view.workspace.initiatives.board()
    names = {lane.id: lane.name for lane in rows.lanes}
    result: dict[str, list[str]] = {lane.name: [] for lane in rows.lanes}
    for row in rows.initiatives:
        result[names[row.lane_id]].append(row.key)
    return result
