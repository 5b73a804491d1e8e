"""Each target view's `apply_target` for the tiles' and alerts' targets: lanes, statuses, every card and one
card on the board; gaps and an initiative's shortfall in the matrix; risks above appetite and one risk in the
register; the portfolio in the ROI view. Views that are not shown yet read the workspace first."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.risk import above_appetite
from align_desktop.ui.board.view import BoardView
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.matrix.view import MatrixView
from align_desktop.ui.risks.filters import HeatCell
from align_desktop.ui.risks.view import RisksView
from align_desktop.ui.roi.view import RoiView
from tests.ui.dashboard import TODAY
from tests.ui.dashboard.test_click_through import shown_view, visible_cards


def board_keys(opened: Any, keep: Any) -> set[str]:
    rows = opened.initiatives.board()
    lanes = {lane.id: lane.name for lane in rows.lanes}
    return {row.key for row in rows.initiatives if keep(row, lanes[row.lane_id])}


def test_board_lane_status_and_everything(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    board = shown_view(qtbot, BoardView(prompter), open_sample)
    board.apply_target(Target(targets.LANE, "Next"))
    assert visible_cards(board) == board_keys(open_sample, lambda _row, lane: lane == "Next")
    assert board.count_label.text() == "10 of 28 shown"
    assert board.focus_chip.text().startswith("Lane: Next")
    board.apply_target(Target(targets.STATUS, "pilot"))  # replaces the lane, does not add to it
    assert visible_cards(board) == board_keys(open_sample, lambda row, _lane: row.status == "pilot")
    assert len(visible_cards(board)) == 4
    board.team_filter.setCurrentIndex(1)
    board.apply_target(Target(targets.ALL))
    assert len(visible_cards(board)) == 28
    assert board.team_filter.currentIndex() == 0
    assert not board.focus_chip.isVisible()


def test_the_board_keeps_a_status_focus_through_a_reload(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    board = shown_view(qtbot, BoardView(prompter), open_sample)
    board.apply_target(Target(targets.STATUS, "pilot"))
    pilots = visible_cards(board)
    lanes = board.rows.lanes if board.rows else []
    key = sorted(pilots)[0]
    open_sample.perform("Move", lambda: open_sample.initiatives.move(key, lanes[2].id, 0))
    assert visible_cards(board) == pilots  # moved, still a pilot, still shown
    board.clear_focus()
    assert len(visible_cards(board)) == 28


def test_board_selects_one_card_even_when_filters_hid_it(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    board = BoardView(prompter)  # built, given the workspace, never shown: applying reads it first
    qtbot.addWidget(board)
    board.set_workspace(open_sample)
    board.search.setText("no card matches this")
    board.apply_target(Target(targets.INITIATIVE, "I-007"))
    assert board.scene.selected_key() == "I-007"
    assert board.scene.cards["I-007"].isVisible()
    assert board.search.text() == ""


def test_matrix_gaps_and_an_initiatives_shortfall(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    matrix = shown_view(qtbot, MatrixView(prompter), open_sample)
    matrix.order.setCurrentIndex(matrix.order.findData("reuse"))
    matrix.apply_target(Target(targets.GAPS))
    assert matrix.order.currentData() == "weighted gap"
    grid, current = matrix.model.grid, matrix.table.currentIndex()
    assert current.column() == 0
    first = matrix.model.columns[0]
    assert grid.initiative_index[matrix.model.initiative_at(current.row()).key] == grid.blocked(first)[0]
    matrix.apply_target(Target(targets.INITIATIVE, "I-005"))  # the capability-gap alert's initiative
    current = matrix.table.currentIndex()
    i = grid.initiative_index["I-005"]
    assert matrix.model.initiative_at(current.row()).key == "I-005"
    assert grid.gap(i, matrix.model.columns[current.column()]) > 0


def test_risks_above_appetite_and_one_risk(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    risks = shown_view(qtbot, RisksView(prompter, today=lambda: TODAY), open_sample)
    risks.filters.set_cell(HeatCell(True, 1, 1))
    risks.apply_target(Target(targets.ABOVE_APPETITE))
    assert risks.filters.above.isChecked()
    assert risks.filters.cell is None
    shown = [risks.model.row_at(risks.model.index(row, 0)) for row in range(risks.model.rowCount())]
    assert sorted(risk.key for risk in shown) == ["R-001", "R-003", "R-005", "R-018"]
    assert all(above_appetite(risk.residual_score, 9) for risk in shown)
    risks.apply_target(Target(targets.RISK, "R-013"))  # an overdue review's alert
    assert not risks.filters.above.isChecked()
    assert risks.selected_key() == "R-013"


def test_roi_portfolio_and_an_unshown_view(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    roi = RoiView(prompter)
    qtbot.addWidget(roi)
    roi.set_workspace(open_sample)
    roi.apply_target(Target(targets.INITIATIVE, "I-025"))  # never shown: reads the workspace first
    assert roi.picked_key == "I-025"
    before = roi.picked_key
    roi.apply_target(Target(targets.PORTFOLIO))
    assert roi.picked_key == before


def test_target_texts() -> None:
    assert Target(targets.STATUS, "pilot").describe() == "Status: pilot"
    assert Target(targets.READINESS, ("readiness_data", 0)).describe() == "Data availability = 0"
    assert Target(targets.CELL, (4, 5)).describe() == "residual likelihood 4 × impact 5"
