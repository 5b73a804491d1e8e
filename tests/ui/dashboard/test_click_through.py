"""Clicking a chart element asks for the view behind it, and that view's `apply_target` filters or selects it:
a real mouse click on the canvas, matplotlib's pick, the dashboard's `open_view`, then the target view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from align_desktop.ui.board.view import BoardView
from align_desktop.ui.dashboard import charts, targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.dashboard.view import DashboardView
from align_desktop.ui.matrix.view import MatrixView
from align_desktop.ui.risks.filters import HeatCell
from align_desktop.ui.risks.view import RisksView
from align_desktop.ui.roi.view import RoiView
from tests.ui.dashboard import TODAY, artist_position, click_artist, show_dashboard

CONVERSION = "Convert more visits into orders"


@pytest.fixture
def dashboard(qtbot: Any, open_sample: Any, prompter: Any) -> DashboardView:
    return show_dashboard(qtbot, open_sample, prompter)


def shown_view(qtbot: Any, view: Any, opened: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(1450, 930)
    view.set_workspace(opened)
    view.show()
    qtbot.waitExposed(view)
    return view


def visible_cards(board: BoardView) -> set[str]:
    return {key for key, card in board.scene.cards.items() if card.isVisible()}


def test_an_outcome_bar_opens_the_board_with_only_that_outcomes_cards(
    qtbot: Any, dashboard: DashboardView, open_sample: Any, prompter: Any
) -> None:
    with qtbot.waitSignal(dashboard.open_view) as opened:
        click_artist(qtbot, dashboard, charts.OUTCOMES, CONVERSION)
    assert opened.args == ["board", Target(targets.OUTCOME, CONVERSION)]
    board = shown_view(qtbot, BoardView(prompter), open_sample)
    board.search.setText("forecast")  # whatever was filtered before is cleared
    board.apply_target(opened.args[1])
    rows = open_sample.initiatives.board()
    expected = {row.key for row in rows.initiatives if row.outcome_name == CONVERSION}
    assert len(expected) >= 3
    assert visible_cards(board) == expected
    key = next(outcome.key for outcome in rows.outcomes if outcome.name == CONVERSION)
    assert board.outcome_filter.currentData() == key  # the board's own filter says so
    assert board.search.text() == ""
    assert board.count_label.text() == f"{len(expected)} of 28 shown"


def test_a_readiness_segment_opens_the_board_with_only_those_scores(
    qtbot: Any, dashboard: DashboardView, open_sample: Any, prompter: Any
) -> None:
    with qtbot.waitSignal(dashboard.open_view) as opened:
        click_artist(qtbot, dashboard, charts.READINESS, "readiness_monitoring,1")
    assert opened.args == ["board", Target(targets.READINESS, ("readiness_monitoring", 1))]
    board = shown_view(qtbot, BoardView(prompter), open_sample)
    board.apply_target(opened.args[1])
    expected = {row.key for row in open_sample.initiatives.board().initiatives if row.readiness_monitoring == 1}
    assert len(expected) == 16  # the chart's segment
    assert visible_cards(board) == expected
    assert board.focus_chip.isVisible()
    assert board.focus_chip.text().startswith("Monitoring = 1")
    board.focus_chip.click()
    assert len(visible_cards(board)) == 28
    assert not board.focus_chip.isVisible()


def test_a_capability_point_opens_the_matrix_at_that_capability(
    qtbot: Any, dashboard: DashboardView, open_sample: Any, prompter: Any
) -> None:
    with qtbot.waitSignal(dashboard.open_view) as opened:
        click_artist(qtbot, dashboard, charts.MATURITY, "C-008")
    assert opened.args == ["matrix", Target(targets.CAPABILITY, "C-008")]
    matrix = shown_view(qtbot, MatrixView(prompter), open_sample)
    matrix.apply_target(opened.args[1])
    current = matrix.table.currentIndex()
    assert current.isValid()
    assert matrix.model.capability_at(current.column()).key == "C-008"
    assert matrix.model.initiative_at(current.row()) is not None


def test_a_heat_map_cell_opens_the_register_filtered_to_that_residual_cell(
    qtbot: Any, dashboard: DashboardView, open_sample: Any, prompter: Any
) -> None:
    with qtbot.waitSignal(dashboard.open_view) as opened:
        click_artist(qtbot, dashboard, charts.HEAT, "3,3")
    assert opened.args == ["risks", Target(targets.CELL, (3, 3))]
    risks = shown_view(qtbot, RisksView(prompter, today=lambda: TODAY), open_sample)
    risks.filters.text.setText("fraud")
    risks.apply_target(opened.args[1])
    assert risks.filters.cell == HeatCell(True, 3, 3)
    assert risks.filters.text.text() == ""
    assert risks.filters.chip.isVisible()
    shown = [risks.model.row_at(risks.model.index(row, 0)) for row in range(risks.model.rowCount())]
    assert len(shown) == 4  # the number in the cell
    assert all((risk.residual_likelihood, risk.residual_impact) == (3, 3) for risk in shown)


def test_the_pointer_says_what_can_be_clicked(qtbot: Any, dashboard: DashboardView) -> None:
    canvas = dashboard.charts.canvases[charts.HEAT]
    qtbot.mouseMove(canvas, artist_position(dashboard, charts.HEAT, "2,4"))
    assert canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(canvas, QPoint(3, 3))
    assert canvas.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_the_cash_flow_chart_opens_the_roi_view(qtbot: Any, dashboard: DashboardView) -> None:
    canvas = dashboard.charts.canvases[charts.CASH]
    box = dashboard.charts.figures[charts.CASH].axes[0].get_window_extent()
    middle = QPoint(round((box.x0 + box.x1) / 2), round(canvas.height() - (box.y0 + box.y1) / 2))
    with qtbot.waitSignal(dashboard.open_view) as opened:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert opened.args == ["roi", Target(targets.PORTFOLIO)]


def test_an_alert_opens_the_roi_view_at_its_initiative(
    qtbot: Any, dashboard: DashboardView, open_sample: Any, prompter: Any
) -> None:
    model = dashboard.alerts.model
    row = next(n for n, alert in enumerate(model.alerts()) if alert.view == "roi")
    dashboard.alerts.list.setCurrentIndex(model.index(row))
    with qtbot.waitSignal(dashboard.open_view) as opened:
        dashboard.alerts.open_button.click()
    assert opened.args == ["roi", Target(targets.INITIATIVE, "I-022")]
    roi = shown_view(qtbot, RoiView(prompter), open_sample)
    assert roi.picked_key != "I-022"  # it opens on the most valuable case
    roi.apply_target(opened.args[1])
    assert roi.picked_key == "I-022"
    assert roi.picker.key() == "I-022"


def test_clicks_on_what_stands_for_no_single_item_lead_nowhere(dashboard: DashboardView) -> None:
    assert dashboard.target_of(charts.OUTCOMES, "3 other outcomes") is None
    assert dashboard.target_of(charts.HEAT, "") is None
    assert dashboard.target_of(charts.READINESS, "readiness_data") is None
