"""Workspace settings and lane editing: each dialog's OK is one undo step; refusals keep it open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.readiness import ReadinessLevel
from align_desktop.ui.board.lanes_dialog import LanesDialog
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.dialogs import press_ok


@pytest.fixture
def window(qtbot: Any, prompter: Any, sample_path: Path) -> MainWindow:
    window = MainWindow(Preferences(user_settings()), prompter)
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(sample_path)
    return window


def test_raising_the_gate_recolours_the_cards_and_undo_restores(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready = [k for k, c in window.board.scene.cards.items() if c.level is ReadinessLevel.READY]
    assert ready
    press_ok(monkeypatch, SettingsDialog, lambda d: d.gate.setValue(4))
    window.edit_settings()
    assert all(window.board.scene.cards[k].level is not ReadinessLevel.READY for k in ready)
    assert window.workspace is not None
    window.workspace.undo_stack.undo()
    assert all(window.board.scene.cards[k].level is ReadinessLevel.READY for k in ready)


def test_a_bad_currency_is_refused_in_the_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = press_ok(monkeypatch, SettingsDialog, lambda d: d.currency.setText("E1"))
    window.edit_settings()
    assert "Currency" in seen[0].error_label.text()
    assert window.workspace is not None
    assert window.workspace.settings.get().currency == "EUR"


def test_renaming_and_adding_lanes_shows_on_the_board(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: LanesDialog) -> None:
        dialog.list.item(2).setText("2028")
        dialog._add()
        dialog.list.item(3).setText("Parked")

    press_ok(monkeypatch, LanesDialog, fill)
    window.board.edit_lanes()
    assert [lane.lane.name for lane in window.board.scene.lanes] == ["Now", "Next", "2028", "Parked"]
    assert window.workspace is not None
    window.workspace.undo_stack.undo()
    assert [lane.lane.name for lane in window.board.scene.lanes] == ["Now", "Next", "Later"]


def test_removing_a_lane_with_cards_is_refused_in_the_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: LanesDialog) -> None:
        dialog.list.setCurrentRow(0)
        dialog._remove()

    seen = press_ok(monkeypatch, LanesDialog, fill)
    window.board.edit_lanes()
    assert "Now" in seen[0].error_label.text()
    assert [lane.lane.name for lane in window.board.scene.lanes] == ["Now", "Next", "Later"]


def test_business_case_assumptions_are_edited_in_percent(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: SettingsDialog) -> None:
        dialog.discount_rate.setText("7.5 %")
        dialog.multipliers["pessimistic_benefit"].setValue(0.6)

    press_ok(monkeypatch, SettingsDialog, fill)
    window.edit_settings()
    assert window.workspace is not None
    settings = window.workspace.settings.get()
    assert (settings.discount_rate, settings.pessimistic_benefit) == (0.075, 0.6)


@pytest.mark.parametrize(("typed", "message"), [("abc", "not a number"), ("-100", "above −100 %")])
def test_a_bad_discount_rate_is_refused_at_the_field(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, typed: str, message: str
) -> None:
    seen = press_ok(monkeypatch, SettingsDialog, lambda d: d.discount_rate.setText(typed))
    window.edit_settings()
    assert "Discount rate" in seen[0].error_label.text()
    assert message in seen[0].error_label.text()
    assert window.workspace is not None
    assert window.workspace.settings.get().discount_rate == 0.10


@pytest.mark.parametrize("answer", [False, True])
def test_shortening_the_horizon_asks_what_it_drops(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, prompter: Any, answer: bool
) -> None:
    assert window.workspace is not None
    cases = window.workspace.business_cases
    key, _ = cases.add_cost_line("I-001", {"category": "monitoring"}, {3: 12_000})
    cut = window.workspace.settings.horizon_cut(2)  # the sample's own year-3 amounts and this one
    assert cut.amounts >= 1
    assert cut.total >= 12_000
    prompter.confirm_answers = [answer]
    seen = press_ok(monkeypatch, SettingsDialog, lambda d: d.horizon.setValue(2))
    window.edit_settings()
    assert f"{cut.amounts} cost amount(s) totalling EUR {cut.total:,.0f}" in prompter.confirmations[0]
    line = next(line for line in cases.case("I-001").cost_lines if line.key == key)
    assert window.workspace.settings.get().horizon == (2 if answer else 3)
    assert line.amounts[3] == (None if answer else 12_000)
    if not answer:
        assert "Horizon" in seen[0].error_label.text()
        return
    window.workspace.undo_stack.undo()
    line = next(line for line in cases.case("I-001").cost_lines if line.key == key)
    assert (window.workspace.settings.get().horizon, line.amounts[3]) == (3, 12_000)
