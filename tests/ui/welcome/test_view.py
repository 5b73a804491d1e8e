"""The welcome screen: the realistic sample a click away, a blank workspace, any sample, and recent workspaces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from align_desktop.store.samples import SampleInfo, list_samples
from align_desktop.ui.welcome.view import WelcomeView

SAMPLES = [SampleInfo("retail", "Online fashion and home retailer"), SampleInfo("stress", "Deterministic load test")]


@pytest.fixture
def welcome(qtbot: Any) -> WelcomeView:
    view = WelcomeView()
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def _button(view: WelcomeView, text: str) -> QPushButton:
    return next(button for button in view.findChildren(QPushButton) if button.text().startswith(text))


def test_the_realistic_sample_is_one_click_away(qtbot: Any, welcome: WelcomeView) -> None:
    welcome.show_choices(list_samples(), [])
    realistic = list_samples()[0].name
    assert realistic != "stress"
    assert welcome.try_sample_button.text() == f"Try the {realistic} sample…"
    assert welcome.try_sample_button.toolTip()
    with qtbot.waitSignal(welcome.sample_requested) as requested:
        qtbot.mouseClick(welcome.try_sample_button, Qt.MouseButton.LeftButton)
    assert requested.args == [realistic]


def test_a_blank_workspace_and_opening_one_are_offered(qtbot: Any, welcome: WelcomeView) -> None:
    welcome.show_choices(SAMPLES, [])
    with qtbot.waitSignal(welcome.new_requested):
        qtbot.mouseClick(_button(welcome, "New blank workspace"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(welcome.open_requested):
        qtbot.mouseClick(_button(welcome, "Open workspace"), Qt.MouseButton.LeftButton)


def test_every_sample_is_listed_whole_and_the_chosen_one_created(qtbot: Any, welcome: WelcomeView) -> None:
    welcome.show_choices(SAMPLES, [])
    samples = welcome._samples
    assert [samples.item(row).text().split("\n") for row in range(samples.count())] == [
        ["retail", "Online fashion and home retailer"],
        ["stress", "Deterministic load test"],
    ]
    assert samples.wordWrap()
    assert samples.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    samples.setCurrentRow(1)
    with qtbot.waitSignal(welcome.sample_requested) as requested:
        qtbot.mouseClick(_button(welcome, "Create from sample"), Qt.MouseButton.LeftButton)
    assert requested.args == ["stress"]


def test_recent_workspaces_open_and_missing_ones_are_marked(qtbot: Any, welcome: WelcomeView, tmp_path: Path) -> None:
    present, missing = tmp_path / "q3.align", tmp_path / "gone.align"
    present.write_bytes(b"")
    welcome.show_choices(SAMPLES, [present, missing])
    recent = welcome._recent
    assert recent.item(0).text() == f"q3.align\n{tmp_path}"
    assert recent.item(1).text().endswith("(missing)")
    assert recent.item(0).toolTip() == str(present)
    with qtbot.waitSignal(welcome.recent_requested) as requested:
        recent.itemActivated.emit(recent.item(0))
    assert requested.args == [present]


def test_without_recent_workspaces_a_note_says_where_they_will_appear(welcome: WelcomeView) -> None:
    welcome.show_choices(SAMPLES, [])
    note = welcome._recent.item(0)
    assert "appear here" in note.text()
    assert note.flags() == Qt.ItemFlag.NoItemFlags


def test_the_views_are_introduced_by_name(welcome: WelcomeView) -> None:
    said = " ".join(label.text() for label in welcome.findChildren(QLabel))
    for name in ("Dashboard", "Board", "Outcomes", "ROI", "Capabilities", "Matrix", "Risks"):
        assert f"<b>{name}</b>" in said
    assert "Help > Keyboard Shortcuts" in said
