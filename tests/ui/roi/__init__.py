"""Helpers for the ROI view tests: a small portfolio with the DESIGN.md worked example, and typing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.roi.cost_model import FIRST_YEAR_COLUMN
from align_desktop.ui.roi.delegates import CellEdit
from align_desktop.ui.roi.view import RoiView

WORKED_EXAMPLE_COSTS = (
    ("data engineering", "Feature pipelines", {0: 120_000}),
    ("model training", "Training runs", {1: 30_000, 2: 30_000, 3: 30_000}),
    ("deployment", "Serving", {1: 15_000, 2: 15_000, 3: 15_000}),
    ("monitoring", "Drift monitoring", {1: 10_000, 2: 10_000, 3: 10_000}),
    ("incident response", "On-call", {1: 5_000, 2: 5_000, 3: 5_000}),
)
"""Cost lines of the worked example: one-off data engineering, then four recurring lines."""


def seed_portfolio(workspace: Any) -> dict[str, str]:
    """Three initiatives in an empty workspace (horizon 3, 10 %, EUR), created outside any undo history.

    `worked` has the worked example at 80 % confidence, `churn` a smaller case (NPV 100,120) with a higher ROI,
    `search` no business case.
    """
    initiatives = InitiativeService(workspace)
    cases = BusinessCaseService(workspace)
    worked, _ = initiatives.create({"title": "Basket recommender (worked example)", "confidence": 80})
    churn, _ = initiatives.create({"title": "Churn-risk score", "confidence": 60})
    search, _ = initiatives.create({"title": "Search ranking", "confidence": 50})
    cases.set_benefit(worked, {"annual_benefit": 250_000})
    cases.set_adoption(worked, {1: 0.25, 2: 0.75, 3: 1.0})
    for category, description, amounts in WORKED_EXAMPLE_COSTS:
        cases.add_cost_line(worked, {"category": category, "description": description}, dict(amounts))
    cases.set_benefit(churn, {"annual_benefit": 60_000})
    cases.set_adoption(churn, {1: 1.0, 2: 1.0, 3: 1.0})
    cases.add_cost_line(churn, {"category": "model training", "description": "Scoring"}, {0: 40_000, 1: 10_000})
    return {"worked": worked, "churn": churn, "search": search}


def type_text(qtbot: Any, edit: QLineEdit, text: str, *, finish: bool = True) -> None:
    """Replace the field's text by typing (each key a `textEdited`), then press Return if `finish`."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    if finish:
        qtbot.keyClick(edit, Qt.Key.Key_Return)


@dataclass
class Roi:
    """A shown ROI view over the seeded portfolio, with the worked example picked."""

    view: RoiView
    opened: OpenWorkspace
    cases: BusinessCaseService
    keys: dict[str, str]


def make_roi(qtbot: Any, workspace: Any, prompter: Any) -> Roi:
    keys = seed_portfolio(workspace)
    opened = OpenWorkspace(workspace)
    view = RoiView(prompter)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.set_workspace(opened)
    view.show()
    qtbot.waitExposed(view)
    view.pick(keys["worked"])
    return Roi(view, opened, BusinessCaseService(workspace), keys)


def cell_editor(table: QAbstractItemView, index: QModelIndex) -> CellEdit:
    """Open the cell's editor as a double-click would, and return it."""
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, CellEdit)
    return editor


def type_in_cell(qtbot: Any, table: QAbstractItemView, index: QModelIndex, text: str) -> CellEdit:
    """Open the cell's editor and type `text` over its content, without finishing."""
    editor = cell_editor(table, index)
    qtbot.keyClicks(editor, text)
    return editor


def finish_cell(qtbot: Any, editor: CellEdit, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Press Return (or Escape) in a cell editor; Qt commits and closes it from the event loop."""
    delegate = editor.parent().parent().itemDelegate()
    with qtbot.waitSignal(delegate.closed):
        qtbot.keyClick(editor, key)


def cost_index(view: RoiView, line_number: int, year: int) -> QModelIndex:
    return view.costs.model.index(line_number, FIRST_YEAR_COLUMN + year)
