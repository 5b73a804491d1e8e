"""The dashboard view: tiles show the domain's figures, the alerts list shows every alert, tiles and alerts ask
for the view behind them, the count reaches the navigation, and matplotlib waits until the view is shown."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from PySide6.QtCore import QPoint, Qt

from align_desktop.domain.alerts import AlertKind
from align_desktop.reports.formatting import compact_money
from align_desktop.store.dashboard import DashboardService
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.figures import work_out
from align_desktop.ui.dashboard.targets import Target, target_for_alert
from tests.ui.dashboard import TODAY, show_dashboard


def test_tiles_show_the_headline_figures(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = show_dashboard(qtbot, open_sample, prompter, charts=False)
    headline = work_out(DashboardService(open_sample.workspace).read(TODAY)).headline
    tiles = view.tiles
    for (figure, scenario), cell in tiles.value.cells.items():
        totals = headline.scenarios[scenario]
        value = totals.npv if figure == "NPV" else totals.risk_adjusted_npv
        assert cell.text().removeprefix("⚠ ") == compact_money(value)
    assert tiles.value.title.text() == "Portfolio value (EUR)"
    assert tiles.initiatives.value.text() == "28"
    assert "Now\u00a09" in tiles.initiatives.detail.text()
    assert "pilot\u00a04" in tiles.statuses.detail.text()
    assert tiles.gaps.value.text() == f"⚠ {headline.shortfalls}"
    assert tiles.risks.value.text() == "⚠ 4"
    assert "of 20 open risks · appetite 9" in tiles.risks.detail.text()
    assert tiles.alerts.value.text() == "⚠ 19"
    assert view.title.text() == "Northwind Outfitters — ML roadmap 2027"
    for tile in (tiles.value, tiles.initiatives, tiles.statuses, tiles.gaps, tiles.risks, tiles.alerts):
        assert tile.accessibleName()
        assert tile.toolTip()


def test_the_alerts_list_shows_every_alert(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = show_dashboard(qtbot, open_sample, prompter, charts=False)
    alerts = DashboardService(open_sample.workspace).read(TODAY).alerts
    model = view.alerts.model
    assert model.alerts() == alerts
    assert model.rowCount() == 19
    for row, alert in enumerate(alerts):
        text = model.data(model.index(row))
        assert alert.message in text and alert.action in text and alert.kind.value in text
    assert view.alerts.title.text() == "Alerts (19)"
    view.alerts.kind.setCurrentIndex(view.alerts.kind.findData(AlertKind.NEGATIVE_NPV.value))
    assert [alert.key for alert in model.alerts()] == ["I-022", "I-024", "I-025", "I-028"]
    assert view.alerts.kind.itemText(0) == "All kinds (19)"
    view.alerts.kind.setCurrentIndex(0)
    assert model.rowCount() == 19
    view.alerts.list.grab()  # paints every visible row through the delegate


def test_an_alert_opens_its_item(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = show_dashboard(qtbot, open_sample, prompter, charts=False)
    alerts = view.alerts.model.alerts()
    index = view.alerts.model.index(0)
    rect = view.alerts.list.visualRect(index)
    viewport = view.alerts.list.viewport()
    with qtbot.waitSignal(view.open_view) as opened:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a double-click begins
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["board", Target(targets.INITIATIVE, "I-005")]
    risk = next(n for n, alert in enumerate(alerts) if alert.view == "risks")
    view.alerts.list.setCurrentIndex(view.alerts.model.index(risk))
    with qtbot.waitSignal(view.open_view) as opened:
        qtbot.keyClick(view.alerts.list, Qt.Key.Key_Return)
    assert opened.args == ["risks", Target(targets.RISK, "R-001")]
    negative = next(n for n, alert in enumerate(alerts) if alert.kind == AlertKind.NEGATIVE_NPV)
    view.alerts.list.setCurrentIndex(view.alerts.model.index(negative))
    assert view.alerts.open_button.isEnabled()
    with qtbot.waitSignal(view.open_view) as opened:
        view.alerts.open_button.click()
    assert opened.args == ["roi", Target(targets.INITIATIVE, "I-022")]
    assert [target_for_alert(a)[0] for a in alerts if a.kind == AlertKind.CAPABILITY_GAP] == ["matrix"] * 4


def test_tiles_open_the_views_behind_them(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = show_dashboard(qtbot, open_sample, prompter, charts=False)
    tiles = view.tiles
    expected = (
        (tiles.value, "roi", Target(targets.PORTFOLIO)),
        (tiles.initiatives, "board", Target(targets.ALL)),
        (tiles.gaps, "matrix", Target(targets.GAPS)),
        (tiles.risks, "risks", Target(targets.ABOVE_APPETITE)),
    )
    for tile, name, target in expected:
        with qtbot.waitSignal(view.open_view) as opened:
            qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        assert opened.args == [name, target]
    tiles.gaps.setFocus()
    with qtbot.waitSignal(view.open_view) as opened:
        qtbot.keyClick(tiles.gaps, Qt.Key.Key_Space)
    assert opened.args == ["matrix", Target(targets.GAPS)]
    with qtbot.waitSignal(view.open_view) as opened:
        tiles.initiatives.detail.linkActivated.emit("lane:Next")
    assert opened.args == ["board", Target(targets.LANE, "Next")]
    with qtbot.waitSignal(view.open_view) as opened:
        tiles.statuses.detail.linkActivated.emit("status:pilot")
    assert opened.args == ["board", Target(targets.STATUS, "pilot")]
    with qtbot.assertNotEmitted(view.open_view):
        qtbot.mouseClick(tiles.alerts, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert view.focusWidget() is view.alerts.list
    assert view.alerts.list.currentIndex().row() == 0


def test_the_alert_count_follows_the_workspace(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = show_dashboard(qtbot, open_sample, prompter, charts=False)
    lanes = open_sample.initiatives.board().lanes
    with qtbot.waitSignal(view.alerts_counted) as counted:
        open_sample.perform("Move", lambda: open_sample.initiatives.move("I-005", lanes[1].id, 0))
    assert counted.args == [17]
    assert view.alerts.title.text() == "Alerts (17)"
    assert view.tiles.alerts.value.text() == "⚠ 17"


def test_an_empty_workspace_says_there_is_nothing_to_do(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> None:
    from align_desktop.ui.open_workspace import OpenWorkspace

    view = show_dashboard(qtbot, OpenWorkspace(workspace), prompter)
    assert view.alerts.empty.isVisible()
    assert not view.alerts.list.isVisible()
    assert view.tiles.alerts.value.text() == "0"
    assert view.charts.draw_count == 5
    view.grab()


def test_the_charts_are_drawn_once_and_again_only_where_inputs_changed(
    qtbot: Any, open_sample: Any, prompter: Any
) -> None:
    view = show_dashboard(qtbot, open_sample, prompter)
    assert view.charts.draw_count == 5
    view.reload()
    view.charts.flush()
    assert view.charts.draw_count == 5  # nothing changed
    service = open_sample.risks
    open_sample.perform("Rate", lambda: service.update("R-001", {"residual_likelihood": 1, "residual_impact": 1}))
    qtbot.waitUntil(lambda: not view.charts.pending())
    assert view.charts.draw_count == 6  # the heat map only


def test_matplotlib_loads_only_when_the_dashboard_is_shown(sample_path: Any) -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from align_desktop.store.workspace import Workspace\n"
        "from align_desktop.ui.open_workspace import OpenWorkspace\n"
        "from align_desktop.ui.prompts import Prompter\n"
        "from align_desktop.ui.dashboard.view import DashboardView\n"
        "view = DashboardView(Prompter()); view.set_workspace(OpenWorkspace(Workspace.open(Path(sys.argv[1]))))\n"
        "print('matplotlib' in sys.modules)\n"
        "view.show(); app.processEvents(); print('matplotlib' in sys.modules, view.charts.pending())\n"
        "from PySide6.QtTest import QTest\n"
        "while view.charts.pending(): QTest.qWait(20)\n"
        "print('matplotlib' in sys.modules, view.charts.draw_count)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(sample_path)], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:3] == ["False", "False True", "True 5"]


def test_the_collector_is_held_off_from_the_read_until_the_charts_are_rendered(
    qtbot: Any, open_sample: Any, prompter: Any
) -> None:
    view = show_dashboard(qtbot, open_sample, prompter)
    assert not view.collector.held
    service = open_sample.risks
    open_sample.perform("Rate", lambda: service.update("R-001", {"residual_likelihood": 2, "residual_impact": 2}))
    assert view.charts.pending() and view.collector.held
    qtbot.waitUntil(lambda: not view.charts.pending())
    assert not view.collector.held
