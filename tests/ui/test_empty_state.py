"""Empty-state hints: every view but the dashboard says what it is for and what to do first while it has nothing
to show, hides the hint once it has, and its button takes the first step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from align_desktop.store.workspace import Workspace
from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.views import VIEWS
from tests.ui.dialogs import press_ok

HINTED = [spec.name for spec in VIEWS if spec.name != "dashboard"]
VOCABULARY = {
    "board": ("initiative", "outcome", "lane", "readiness"),
    "outcomes": ("outcome", "metric", "baseline", "target"),
    "roi": ("business case", "NPV", "IRR", "payback"),
    "capabilities": ("capability", "maturity", "SLA", "run cost"),
    "matrix": ("capabilit", "initiative", "maturity", "gap"),
    "risks": ("risk", "likelihood", "impact", "value at risk"),
    "workshop": ("session", "participants", "agenda", "decisions"),
    "changes": ("snapshot", "compare", "board", "NPV"),
}
WITH_PLANNING_CONTENT = [name for name in HINTED if name not in ("workshop", "changes")]
"""Views whose content is the plan itself; the workshop's is sessions and What Changed's is snapshots
(their own tests show the hint going once the first is made)."""


@pytest.fixture
def window(qtbot: Any, prompter: Any) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def blank(window: MainWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "blank.align"
    Workspace.create(path).close()
    assert window.open_workspace(path)
    return window


def _hint(window: MainWindow, name: str) -> EmptyState:
    hint = getattr(window.view(name), "empty_state", None)
    assert isinstance(hint, EmptyState), f"the {name} view has no empty state"
    return hint


def test_the_widget_shows_its_message_and_a_button_only_with_an_action(qtbot: Any) -> None:
    hint = EmptyState()
    qtbot.addWidget(hint)
    hint.show_message("Nothing yet", "What this is for.", "Do this first.", "Do it")
    hint.show()
    assert (hint.title.text(), hint.purpose.text(), hint.first_step.text()) == (
        "Nothing yet",
        "What this is for.",
        "Do this first.",
    )
    assert hint.button.isVisible()
    assert hint.button.text() == "Do it"
    with qtbot.waitSignal(hint.action_clicked):
        qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    hint.show_message("Nothing yet", "What this is for.", "Do this first elsewhere.")
    assert not hint.button.isVisible()


def test_the_stack_shows_the_hint_or_the_content(qtbot: Any) -> None:
    content, hint = QLabel("the table"), EmptyState()
    stack = EmptyStateStack(content, hint)
    qtbot.addWidget(stack)
    stack.show()
    assert content.isVisible() and not hint.isVisible()
    stack.show_hint(True)
    assert hint.isVisible() and not content.isVisible()
    stack.show_hint(False)
    assert content.isVisible() and not hint.isVisible()


@pytest.mark.parametrize("name", HINTED)
def test_a_blank_workspace_shows_each_view_s_hint_in_its_vocabulary(blank: MainWindow, name: str) -> None:
    blank.show_view(name)
    hint = _hint(blank, name)
    assert hint.isVisible()
    said = f"{hint.title.text()} {hint.purpose.text()} {hint.first_step.text()}"
    for term in VOCABULARY[name]:
        assert term.lower() in said.lower(), f"the {name} hint never says {term!r}"
    assert hint.first_step.text()
    assert hint.button.isVisible() and hint.button.text()


@pytest.mark.parametrize("name", WITH_PLANNING_CONTENT)
def test_a_workspace_with_content_shows_no_hint(window: MainWindow, sample_path: Path, name: str) -> None:
    window.open_workspace(sample_path)
    window.show_view(name)
    assert not _hint(window, name).isVisible()


@pytest.mark.parametrize(("name", "created"), [("outcomes", "O-001"), ("capabilities", "C-001"), ("risks", "R-001")])
def test_the_button_adds_the_first_item_and_undo_brings_the_hint_back(
    qtbot: Any, blank: MainWindow, name: str, created: str
) -> None:
    blank.show_view(name)
    hint = _hint(blank, name)
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    view: Any = blank.view(name)
    assert not hint.isVisible()
    assert view.selected_key() == created
    assert blank.workspace is not None
    blank.workspace.undo_stack.undo()
    assert hint.isVisible()


def test_the_board_s_button_adds_the_first_initiative(
    qtbot: Any, blank: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ok(monkeypatch, InitiativeDialog, lambda dialog: dialog.set_value("title", "Next-best offer"))
    hint = _hint(blank, "board")
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert list(blank.board.scene.cards) == ["I-001"]
    assert blank.board.canvas.isVisible()


@pytest.mark.parametrize(("name", "first_step"), [("roi", "board"), ("matrix", "capabilities")])
def test_a_first_step_in_another_view_opens_that_view(
    qtbot: Any, blank: MainWindow, name: str, first_step: str
) -> None:
    blank.show_view(name)
    qtbot.mouseClick(_hint(blank, name).button, Qt.MouseButton.LeftButton)
    assert blank.current_view() is blank.view(first_step)


def test_the_matrix_asks_for_initiatives_once_capabilities_exist(qtbot: Any, blank: MainWindow) -> None:
    assert blank.workspace is not None
    workspace = blank.workspace
    workspace.perform("New", lambda: workspace.capabilities.create({"name": "Feature store"})[1])
    blank.show_view("matrix")
    hint = _hint(blank, "matrix")
    assert "board" in hint.first_step.text()
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert blank.current_view() is blank.board
    workspace.perform("New", lambda: workspace.initiatives.create({"title": "Next-best offer"})[1])
    blank.show_view("matrix")
    assert not hint.isVisible()
