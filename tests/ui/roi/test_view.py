"""The ROI view: the worked example's figures, the portfolio, the picker, charts and reloads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.roi.view import RoiView
from align_desktop.ui.roi.year_model import ADOPTION_ROW, CASH_FLOW_ROW
from tests.ui.roi import Roi, make_roi, type_text


@pytest.fixture
def roi(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> Iterator[Roi]:
    shown = make_roi(qtbot, workspace, prompter)
    yield shown
    shown.opened.undo_stack.clear()


def test_names_and_accessibility(roi: Roi) -> None:
    view = roi.view
    for widget in (view.picker, view.costs.table, view.editor.year_table, view.portfolio.table):
        assert widget.accessibleName()
        assert widget.toolTip() or widget is view.costs.table
    for edit in view.editor.edits.values():
        assert edit.accessibleName()
        assert edit.toolTip()
    for button in (view.costs.add_button, view.costs.remove_button, view.costs.fill_button):
        assert button.toolTip()


def test_the_worked_example_gives_the_normative_figures(roi: Roi) -> None:
    view = roi.view
    base = view.figures["base"]
    assert round(base.npv, 2) == 130_394.44
    assert round(base.risk_adjusted_npv, 2) == 50_473.33
    assert base.irr is not None and round(base.irr * 100, 2) == 47.26
    assert base.payback is not None and round(base.payback, 2) == 1.92
    assert base.roi is not None and round(base.roi * 100, 2) == 66.67
    shown = view.headline.texts()
    assert shown["npv"] == "EUR 130,394"
    assert shown["risk_adjusted_npv"] == "EUR 50,473"
    assert shown["irr"] == "47.26 %"
    assert shown["payback"] == "1.92 years"
    assert shown["roi"] == "66.67 %"
    assert view.headline.tiles["npv"].value.toolTip() == "EUR 130,394.44"
    assert "80 %" in view.headline.tiles["risk_adjusted_npv"].caption.text()
    years = view.editor.year_model
    assert [years.value(CASH_FLOW_ROW, t) for t in range(4)] == [-120_000, 2_500, 127_500, 190_000]
    assert [years.data(years.index(ADOPTION_ROW, t)) for t in range(4)] == ["", "25 %", "75 %", "100 %"]


def test_portfolio_ranks_and_picks(qtbot: Any, roi: Roi) -> None:
    view, keys = roi.view, roi.keys
    model = view.portfolio.model
    assert model.keys() == [keys["worked"], keys["churn"]]  # NPV, highest first; no case, no row
    assert "Portfolio NPV EUR" in view.portfolio.totals.text()
    header = view.portfolio.table.horizontalHeader()
    roi_column = 4
    header.setSortIndicator(roi_column, Qt.SortOrder.DescendingOrder)
    assert model.keys() == [keys["churn"], keys["worked"]]
    rect = view.portfolio.table.visualRect(model.index(0, 1))
    qtbot.mouseClick(view.portfolio.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.picked_key == keys["churn"]
    assert view.selected_key() == keys["churn"]  # what the decision log links an entry to
    assert view.picker.key() == keys["churn"]
    assert view.headline.texts()["npv"] == view.portfolio.model.data(model.index(0, 2)).join(["EUR ", ""])
    view.reload()
    assert view.picked_key == keys["churn"]
    current = view.portfolio.table.selectionModel().currentIndex()
    assert model.entry_at(current.row()).key == keys["churn"]  # still selected after the reset
    assert model.keys() == [keys["churn"], keys["worked"]]  # the ranking survives a reload
    assert model.sort_column == roi_column


def test_picker_lists_every_initiative_and_marks_cases(roi: Roi) -> None:
    view, keys = roi.view, roi.keys
    model = view.picker.list_model
    texts = [model.entry_at(row).text for row in range(model.rowCount())]
    assert len(texts) == 3
    assert texts[0] == f"{keys['worked']} · Basket recommender (worked example) — NPV EUR 130,394"
    assert texts[2].endswith("no business case yet")
    assert model.data(model.index(0), Qt.ItemDataRole.FontRole).bold()
    assert view.picker.pick(keys["search"])
    assert view.picked_key == keys["search"]
    assert view.portfolio.table.selectionModel().currentIndex().isValid() is False


def test_a_reload_after_one_edit_recomputes_only_that_case(
    qtbot: Any, roi: Roi, monkeypatch: pytest.MonkeyPatch
) -> None:
    from align_desktop.domain import portfolio

    evaluated: list[object] = []
    original = portfolio.evaluate_case

    def counting(case: Any, assumptions: Any, *, with_irr: bool = False) -> Any:
        if not with_irr:  # the calculator; the picked case is evaluated with IRR by the view
            evaluated.append(case)
        return original(case, assumptions, with_irr=with_irr)

    monkeypatch.setattr(portfolio, "evaluate_case", counting)
    type_text(qtbot, roi.view.editor.edit("annual_benefit"), "260000")
    assert len(evaluated) == 1


def test_charts_follow_the_picked_case(qtbot: Any, roi: Roi) -> None:
    view = roi.view
    view.charts.flush()
    assert view.charts.cash_figure is not None and view.charts.tornado_figure is not None
    cash_axes = view.charts.cash_figure.axes[0]
    assert {line.get_label() for line in cash_axes.lines} >= {"Pessimistic", "Base", "Optimistic", "Payback 1.92 years"}
    tornado_axes = view.charts.tornado_figure.axes[0]
    labels = [label.get_text() for label in tornado_axes.get_yticklabels()]
    positions = dict(zip(labels, tornado_axes.get_yticks(), strict=True))
    assert max(positions, key=lambda label: positions[label]) == "Benefit"  # the widest bar on top
    view.pick(roi.keys["search"])
    assert view.charts.cash_figure.texts  # a message instead of a chart


def test_shows_the_realistic_sample(qtbot: Any, open_sample: Any, prompter: Any) -> None:
    view = RoiView(prompter)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.set_workspace(open_sample)
    view.show()
    qtbot.waitExposed(view)
    assert view.picker.list_model.rowCount() == len(open_sample.initiatives.board().initiatives)
    assert view.picked_key is not None
    view.charts.flush()


def test_an_empty_workspace_shows_an_empty_view(qtbot: Any, workspace: Any, prompter: Any) -> None:
    opened = OpenWorkspace(workspace)
    view = RoiView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(opened)
    view.show()
    qtbot.waitExposed(view)
    assert view.picked_key is None
    assert view.headline.texts()["npv"] == "—"
    assert view.empty_state.isVisible()
    assert view.portfolio.model.rowCount() == 0
    assert "No business cases yet" in view.portfolio.totals.text()
    key, _ = opened.initiatives.create({"title": "First idea"})
    opened.changed.emit()
    assert view.picked_key == key
    assert not view.empty_state.isVisible()
    assert view.editor.isVisible()


def test_a_longer_horizon_adds_years(qtbot: Any, roi: Roi) -> None:
    view = roi.view
    roi.opened.perform("Horizon 5", lambda: roi.opened.settings.update({"horizon": 5}))
    assert view.editor.year_model.columnCount() == 6
    assert view.costs.model.columnCount() == 2 + 6 + 1
    assert view.picked_key == roi.keys["worked"]
    assert "Horizon 5 years" in view.editor.assumptions.text()
    assert view.figures["base"].flows.cash_flows[4:] == (0.0, 0.0)  # adoption was not set beyond year 3


def test_the_view_loads_matplotlib_only_when_shown(tmp_path: Any) -> None:
    import subprocess
    import sys

    script = """
import sys
from pathlib import Path
from align_desktop.store.workspace import Workspace
from align_desktop.ui.app import create_application
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.roi.view import RoiView

app = create_application()
view = RoiView(Prompter())
opened = OpenWorkspace(Workspace.create(Path(sys.argv[1]), "T"))
opened.initiatives.create({"title": "First idea"})  # with no initiative, the view shows its empty-state hint
view.set_workspace(opened)
print("built:", "matplotlib" in sys.modules)
view.show()
app.processEvents()
print("shown:", "matplotlib" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "lazy.align")],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert "built: False" in result.stdout
    assert "shown: True" in result.stdout
