"""The "History" list on the initiative, capability and risk forms: each item's recorded changes, newest first,
with when, who and the session; it follows edits made while the form shows, and wraps a long entry whole."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from align_desktop.store.audit import HistoryEntry
from align_desktop.ui.board.dialog import InitiativeDialog
from align_desktop.ui.capabilities.view import CapabilitiesView
from align_desktop.ui.history_list import INSET, HistoryList
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.risks.view import RisksView
from tests.store.session_rows import add_session
from tests.ui.board.conftest import board

__all__ = ["board"]


def lines(history: HistoryList) -> list[str]:
    return [history.entries.item(row).text() for row in range(history.entries.count())]


def shown(qtbot: QtBot, view: Any, workspace: OpenWorkspace) -> Any:
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.set_workspace(workspace)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_risk_form_lists_rating_changes_with_who_and_the_session(
    qtbot: QtBot, prompter: Any, open_sample: OpenWorkspace
) -> None:
    view = shown(qtbot, RisksView(prompter), open_sample)
    assert view.select_key("R-001")
    assert lines(view.form.history) == ["No change recorded yet."]
    add_session(open_sample.workspace, "Q3 planning", ["Ana"])
    open_sample.workspace.author = "Dana"
    open_sample.perform("Rate", lambda: open_sample.risks.update("R-001", {"residual_likelihood": 1}))
    (line,) = lines(view.form.history)
    change, context = line.split("\n")
    assert change.startswith("Residual likelihood  ") and change.endswith(" → 1")
    assert context.endswith(" · Dana · session: Q3 planning")
    assert view.form.history.heading.text() == "History (1 change)"


def test_the_capability_form_lists_maturity_changes_newest_first(
    qtbot: QtBot, prompter: Any, open_sample: OpenWorkspace
) -> None:
    view = shown(qtbot, CapabilitiesView(prompter), open_sample)
    assert view.select_key("C-003")  # the sample's feature store: maturity 2, target 4
    open_sample.perform("Raise", lambda: open_sample.capabilities.update("C-003", {"current_maturity": 3}))
    open_sample.perform("Retarget", lambda: open_sample.capabilities.update("C-003", {"target_maturity": 5}))
    first, second = (line.split("\n")[0] for line in lines(view.form.history))
    assert (first, second) == ("Target maturity  4 → 5", "Current maturity  2 → 3")


def test_the_initiative_form_shows_its_history_and_a_new_one_none(
    board: Any, open_sample: OpenWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sample.perform("Confidence", lambda: open_sample.initiatives.update("I-001", {"confidence": 91}))
    dialogs: list[InitiativeDialog] = []
    monkeypatch.setattr(InitiativeDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    board.edit_card("I-001")
    assert lines(dialogs[0].history)[0].split("\n")[0].endswith(" → 91 %")
    assert not dialogs[0].history.isHidden()
    board.new_card()
    assert dialogs[1].history.isHidden()


def test_entries_read_in_the_products_words(qtbot: QtBot) -> None:
    history = HistoryList()
    qtbot.addWidget(history)
    when = datetime(2026, 11, 26, 8, 15, tzinfo=UTC)
    history.show_entries(
        [
            HistoryEntry("removed", when, "Dana", None, "Business case", "annual benefit 1,000", None),
            HistoryEntry("added", when, "Dana", None, "Cost line L-004 (GPU hours)", None, None),
            HistoryEntry("changed", when, "", None, "Adoption year 1", None, "25 %"),
        ]
    )
    local = f"{when.astimezone():%Y-%m-%d %H:%M}"
    assert lines(history) == [
        f"Business case  removed (annual benefit 1,000)\n{local} · Dana",
        f"Cost line L-004 (GPU hours)  added\n{local} · Dana",
        f"Adoption year 1  — → 25 %\n{local} · unknown",
    ]
    assert history.heading.text() == "History (3 changes)"


LONG_FIELD = "Cost line L-004 (GPU hours for the nightly retraining of every recommendation model in the catalogue)"
LONG_SESSION = "Quarterly roadmap review with product, platform and the data-science leads of every region"


def long_entries(count: int) -> list[HistoryEntry]:
    when = datetime(2026, 11, 26, 8, 15, tzinfo=UTC)
    return [
        HistoryEntry("changed", when, "Dana Okonkwo-Fitzgerald", LONG_SESSION, LONG_FIELD, "35,000", str(number))
        for number in range(count)
    ]


def assert_whole(history: HistoryList) -> None:
    """Each entry's text is whole (no "…") and its row is as tall as its two parts wrapped at the list's width."""
    view = history.entries
    QApplication.processEvents()  # the list lays its rows out anew after a resize
    width = view.viewport().width() - 2 * INSET
    bold = QFont(view.font())
    bold.setBold(True)
    for row in range(view.count()):
        item = view.item(row)
        change, context = item.text().split("\n")
        assert "…" not in item.text()
        needed = sum(
            QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()
            for text, font in ((change, bold), (context, view.font()))
        )
        rect = view.visualItemRect(item)
        assert QFontMetrics(bold).horizontalAdvance(change) > width  # it would not fit on one line
        assert rect.height() >= needed
        assert rect.width() <= view.viewport().width()


def test_a_long_entry_wraps_whole_and_rewraps_when_the_list_narrows(qtbot: QtBot) -> None:
    history = HistoryList()
    qtbot.addWidget(history)
    history.resize(420, 300)
    history.show()
    qtbot.waitExposed(history)
    history.show_entries(long_entries(3))
    assert history.entries.item(0).text() == f"{LONG_FIELD}  35,000 → 0\n{lines(history)[0].split(chr(10))[1]}"
    assert_whole(history)
    history.resize(200, 300)
    assert_whole(history)


@pytest.mark.parametrize("view_class", [CapabilitiesView, RisksView])
def test_the_capability_and_risk_forms_show_long_entries_whole_within_a_small_screen(
    qtbot: QtBot, prompter: Any, open_sample: OpenWorkspace, view_class: Any
) -> None:
    view = shown(qtbot, view_class(prompter), open_sample)
    view.resize(1280 - 180, 720 - 60)  # a 1280 × 720 screen less the navigation, menus and status bar
    assert view.select_key("C-003" if view_class is CapabilitiesView else "R-001")
    before = view.minimumSizeHint().height()
    view.form.history.show_entries(long_entries(30))
    assert_whole(view.form.history)
    assert view.minimumSizeHint().height() == before <= 720 - 60  # the list scrolls; the form grows no taller
