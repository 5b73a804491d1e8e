"""The push preview (File > Push Changes to Team Workspace…): what it shows of a plan, the conflicts settled in it,
and the push of a downloaded copy back to its team workspace from the window."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QCheckBox, QMenu, QTreeWidgetItem

from align_desktop.domain.push import Action, FieldChange, ItemChange, PushPlan
from align_desktop.store import lock
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from align_desktop.store.transfer import download
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.palette import dark_palette
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.push_preview import (
    ACTION,
    FIELD,
    ITEM,
    MINE,
    RESOLUTION,
    THEIRS,
    WAS,
    PushPreviewDialog,
    shown,
    warning_colour,
)
from align_desktop.ui.tasks import TaskRunner
from tests.postgres import GUARDED, GUARDED_PASSWORD

T = TypeVar("T")
ORIGIN = "postgresql://maria@plan.example.org:5432/retail"
BENEFIT = ItemChange(
    "initiative I-007 Churn prediction",
    Action.CHANGE,
    (
        FieldChange("annual benefit", 250_000.0, 310_000.0, 275_000.0, conflict=True),
        FieldChange("confidence", 0.7, 0.7, 0.1 + 0.2, conflict=False),
    ),
    conflict="changed on the team workspace too",
)
ADDED = ItemChange(
    "initiative I-031 Forecast returns by store",
    Action.ADD,
    (FieldChange("title", None, None, "Forecast returns by store", conflict=False),),
    note="added as I-031: I-029 is taken on the team workspace",
)
DELETED = ItemChange(
    "initiative I-015 Dynamic pricing",
    Action.CHANGE,
    (FieldChange("status", "Proposed", None, "Approved", conflict=True),),
    conflict="deleted on the team workspace since you downloaded the copy; it stays deleted",
    can_use_mine=False,
)
COST = ItemChange(
    "cost line I-007 / deployment",
    Action.CHANGE,
    (FieldChange("year 1", 15_000, 18_000, 12_000, conflict=True),),
    conflict="changed on the team workspace too",
)
REMOVED = ItemChange("capability need I-012 → C-003", Action.REMOVE, ())


def _plan(*changes: ItemChange) -> PushPlan:
    return PushPlan(ORIGIN, datetime(2026, 11, 26, 9, 30), changes)


@pytest.fixture
def dialog(qtbot: Any) -> PushPreviewDialog:
    dialog = PushPreviewDialog(_plan(BENEFIT, ADDED, DELETED, COST, REMOVED))
    qtbot.addWidget(dialog)
    return dialog


def _top(dialog: PushPreviewDialog, index: int) -> QTreeWidgetItem:
    row = dialog.tree.topLevelItem(index)
    assert row is not None
    return row


def _children(row: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(row.childCount()) if (child := row.child(i)) is not None]


def _field_row(dialog: PushPreviewDialog, index: int, field: str) -> QTreeWidgetItem:
    return next(child for child in _children(_top(dialog, index)) if child.text(FIELD) == field)


def _check(dialog: PushPreviewDialog, index: int) -> QCheckBox | None:
    widget = dialog.tree.itemWidget(_top(dialog, index), RESOLUTION)
    assert widget is None or isinstance(widget, QCheckBox)
    return widget


def test_each_item_is_a_row_with_a_row_per_field_showing_the_three_values(dialog: PushPreviewDialog) -> None:
    assert dialog.tree.topLevelItemCount() == 5
    assert [(_top(dialog, i).text(ITEM), _top(dialog, i).text(ACTION)) for i in range(5)] == [
        ("initiative I-007 Churn prediction", "Change"),
        ("initiative I-031 Forecast returns by store", "Add"),
        ("initiative I-015 Dynamic pricing", "Change"),
        ("cost line I-007 / deployment", "Change"),
        ("capability need I-012 → C-003", "Remove"),
    ]
    benefit = _field_row(dialog, 0, "annual benefit")
    assert [benefit.text(column) for column in (WAS, THEIRS, MINE)] == ["250,000", "310,000", "275,000"]
    confidence = _field_row(dialog, 0, "confidence")
    assert [confidence.text(column) for column in (WAS, THEIRS, MINE)] == ["0.7", "0.7", "0.3"]
    title = _field_row(dialog, 1, "title")
    assert [title.text(column) for column in (WAS, THEIRS, MINE)] == ["—", "—", "Forecast returns by store"]
    assert _top(dialog, 4).childCount() == 0
    assert _top(dialog, 0).isExpanded()


def test_the_heading_counts_the_changes_and_conflicts_and_names_the_team_workspace(dialog: PushPreviewDialog) -> None:
    assert dialog.heading.text() == (
        f"5 changes to push to {ORIGIN}, 3 of them conflict with changes made on the team workspace "
        "since you downloaded the copy on 26 Nov 2026."
    )
    assert "1 change cannot be pushed" in dialog.explanation.text()
    assert "unless you tick Use mine" in dialog.explanation.text()


@pytest.mark.parametrize(
    ("changes", "start"),
    [
        ((ADDED,), "1 change to push to "),
        ((COST,), "1 change to push to "),
        ((ADDED, REMOVED), "2 changes to push to "),
        ((ADDED, COST), "2 changes to push to "),
    ],
)
def test_the_heading_is_one_sentence_for_any_count(qtbot: Any, changes: tuple[ItemChange, ...], start: str) -> None:
    dialog = PushPreviewDialog(_plan(*changes))
    qtbot.addWidget(dialog)
    conflicts = sum(bool(change.conflict) for change in changes)
    ending = {
        (1, 0): "; it does not conflict with changes made",
        (1, 1): "; it conflicts with changes made",
        (2, 0): "; none of them conflicts with changes made",
        (2, 1): ", 1 of them conflicts with changes made",
    }[len(changes), conflicts]
    assert dialog.heading.text().startswith(start + ORIGIN + ending)
    assert dialog.heading.text().endswith("since you downloaded the copy on 26 Nov 2026.")
    assert ("tick Use mine" in dialog.explanation.text()) == bool(conflicts)


def test_a_conflict_is_marked_with_its_reason_and_its_fields(dialog: PushPreviewDialog) -> None:
    warning = warning_colour(dialog.palette())
    item = _top(dialog, 0)
    assert not item.icon(ITEM).isNull()
    assert item.foreground(ITEM).color() == warning
    assert _children(item)[0].text(ITEM) == "Conflict: changed on the team workspace too"
    assert _children(item)[0].isFirstColumnSpanned()
    benefit = _field_row(dialog, 0, "annual benefit")
    assert benefit.text(RESOLUTION) == "Both changed it"
    assert not benefit.icon(FIELD).isNull()
    assert benefit.foreground(MINE).color() == warning
    confidence = _field_row(dialog, 0, "confidence")
    assert confidence.icon(FIELD).isNull()
    assert confidence.text(RESOLUTION) == ""
    assert confidence.foreground(MINE).color() != warning
    added = _top(dialog, 1)
    assert added.icon(ITEM).isNull()
    assert _children(added)[0].text(ITEM) == "added as I-031: I-029 is taken on the team workspace"


def test_the_warning_colour_reads_on_light_and_dark_palettes(dialog: PushPreviewDialog) -> None:
    light = warning_colour(dialog.palette())
    dark = warning_colour(dark_palette())
    base = dark_palette().color(dark_palette().ColorRole.Base)
    assert light != dark
    assert dark.lightness() - base.lightness() > 100
    assert QColor("white").lightness() - light.lightness() > 100


def test_use_mine_is_offered_for_each_conflict_it_can_settle_unticked(dialog: PushPreviewDialog) -> None:
    assert _check(dialog, 1) is None  # no conflict
    assert _check(dialog, 2) is None  # deleted by the team: it stays deleted
    assert _check(dialog, 4) is None
    first, second = _check(dialog, 0), _check(dialog, 3)
    assert first is not None and second is not None
    assert not first.isChecked() and not second.isChecked()
    assert dialog.use_mine() == frozenset()
    assert first.accessibleName() == "Use mine for initiative I-007 Churn prediction"
    assert first.toolTip()


def test_ticking_use_mine_chooses_the_item_and_shows_its_values_as_the_ones_kept(dialog: PushPreviewDialog) -> None:
    check = _check(dialog, 3)
    assert check is not None
    year = _field_row(dialog, 3, "year 1")
    assert year.font(THEIRS).bold() and not year.font(MINE).bold()
    check.setChecked(True)
    assert dialog.use_mine() == frozenset({3})
    assert year.font(MINE).bold() and not year.font(THEIRS).bold()
    check.setChecked(False)
    assert dialog.use_mine() == frozenset()
    assert year.font(THEIRS).bold()


def test_an_item_that_cannot_be_pushed_says_why(dialog: PushPreviewDialog) -> None:
    deleted = _top(dialog, 2)
    assert deleted.text(RESOLUTION) == "Not pushed"
    assert _children(deleted)[0].text(ITEM) == (
        "Deleted on the team workspace since you downloaded the copy; it stays deleted"
    )


def test_push_is_the_default_and_offered_when_something_can_be_pushed(dialog: PushPreviewDialog) -> None:
    assert dialog.push_button.isEnabled()
    assert dialog.push_button.isDefault()
    assert dialog.push_button.toolTip()
    assert dialog.tree.accessibleName() == "Changes to push"


@pytest.mark.parametrize("changes", [(), (DELETED,)], ids=["empty", "only not pushable"])
def test_push_is_disabled_when_there_is_nothing_to_push(qtbot: Any, changes: tuple[ItemChange, ...]) -> None:
    dialog = PushPreviewDialog(_plan(*changes))
    qtbot.addWidget(dialog)
    assert not dialog.push_button.isEnabled()
    if not changes:
        assert dialog.heading.text().startswith(f"Nothing to push to {ORIGIN}")


def test_yes_and_no_are_in_the_users_language() -> None:
    assert (shown(True), shown(False), shown(0.1 + 0.2)) == ("Yes", "No", "0.3")


# the flow, from the window, against a team workspace on a server


@pytest.fixture
def team(team_url: str) -> ServerAddress:
    """A team workspace holding the realistic sample, which the guarded role may edit too."""
    return ServerAddress.parse(team_url)


def _push_action(window: MainWindow) -> QAction:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return next(action for action in menu.actions() if action.text() == "Pus&h Changes to Team Workspace…")


def _answer_preview(
    monkeypatch: pytest.MonkeyPatch, use_mine: bool, meanwhile: Callable[[], None] | None = None
) -> list[PushPreviewDialog]:
    """Make the preview tick every "Use mine" box (or none), run `meanwhile`, and press Push (if enabled)."""
    shown: list[PushPreviewDialog] = []

    def press_push(dialog: PushPreviewDialog) -> int:
        shown.append(dialog)
        for check in dialog.findChildren(QCheckBox):
            check.setChecked(use_mine)
        if meanwhile is not None:
            meanwhile()
        return 1 if dialog.push_button.isEnabled() else 0

    monkeypatch.setattr(PushPreviewDialog, "exec", press_push)
    return shown


def _on_server(address: ServerAddress, change: Callable[[ServerWorkspace], T]) -> T:
    colleague = ServerWorkspace.open_on_server(address)
    try:
        return change(colleague)
    finally:
        colleague.close()


def _title(address: ServerAddress, key: str) -> str:
    return _on_server(address, lambda team: InitiativeService(team).get(key).title)


def _edited_copy(window: MainWindow, team: ServerAddress, tmp_path: Path) -> Path:
    """A copy of the team workspace where I-001 and I-002 were retitled, after I-001 was retitled on the server."""
    copy = tmp_path / "offline.align"
    download(team, copy)
    _on_server(team, lambda colleague: InitiativeService(colleague).update("I-001", {"title": "Theirs"}))
    assert window.open_workspace(copy)
    assert window._saved_label.text().startswith(f"Offline copy of {team.database} on {team.host}, downloaded ")
    assert _push_action(window).isEnabled()
    opened = window.workspace
    assert opened is not None
    opened.perform("Retitle", lambda: opened.initiatives.update("I-001", {"title": "Mine"}))
    opened.perform("Retitle", lambda: opened.initiatives.update("I-002", {"title": "Only mine"}))
    return copy


@pytest.mark.parametrize("use_mine", [False, True], ids=["keep theirs", "use mine"])
def test_a_copys_changes_are_pushed_with_the_conflict_settled_as_chosen(
    window: MainWindow,
    prompter: Any,
    team: ServerAddress,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    use_mine: bool,
) -> None:
    _edited_copy(window, team, tmp_path)
    shown = _answer_preview(monkeypatch, use_mine)
    prompter.confirm_answers.append(True)
    _push_action(window).trigger()
    assert prompter.errors == []
    (dialog,) = shown
    assert len(dialog.plan.changes) == 2
    assert len(dialog.plan.conflicts) == 1
    assert dialog.use_mine() == (frozenset(dialog.plan.conflicts) if use_mine else frozenset())
    assert _title(team, "I-001") == ("Mine" if use_mine else "Theirs")
    assert _title(team, "I-002") == "Only mine"
    said = f"Pushed 2 change(s) to {team}." if use_mine else f"Pushed 1 change(s) to {team}; 1 conflict(s) kept"
    assert prompter.confirmations[0].startswith(said)
    assert window.statusBar().currentMessage().startswith(said)
    assert window.workspace is not None and window.workspace.workspace.location == team


def test_a_pushed_copy_is_not_pushed_again(
    window: MainWindow, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _edited_copy(window, team, tmp_path)
    _answer_preview(monkeypatch, use_mine=True)
    prompter.confirm_answers.append(False)
    _push_action(window).trigger()
    assert window.workspace is not None and window.workspace.workspace.location == copy.resolve()
    assert not _push_action(window).isEnabled()
    assert "pushed back" in window._saved_label.text()
    window.team.push()
    assert prompter.informed[-1][0] == "Already pushed"
    assert f"pushed to {team} on " in prompter.informed[-1][1]
    assert prompter.errors == []


def test_a_file_that_was_not_downloaded_has_nothing_to_push(
    window: MainWindow, prompter: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_preview(monkeypatch, use_mine=False)
    assert window.open_workspace(sample_path)
    assert not _push_action(window).isEnabled()
    window.team.push()
    assert shown == []
    assert prompter.informed[0][0] == "Nothing to push"
    assert "was not downloaded from a team workspace" in prompter.informed[0][1]


def test_a_copy_open_read_only_is_pushed_from_where_it_is_edited(
    window: MainWindow, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "offline.align"
    download(team, copy)
    record = {"user": "maria", "host": "meeting-room-laptop", "pid": 4242, "since": "2026-11-26T09:15:00"}
    lock.lock_path(copy).write_text(json.dumps(record), encoding="utf-8")
    prompter.choice_answers.append(0)  # open it read-only
    assert window.open_workspace(copy)
    shown = _answer_preview(monkeypatch, use_mine=False)
    _push_action(window).trigger()
    assert shown == []
    assert prompter.informed[0][0] == "Not pushed"
    assert "open read-only" in prompter.informed[0][1]


def test_a_copy_without_changes_says_so_without_a_preview(
    window: MainWindow, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "offline.align"
    download(team, copy)
    shown = _answer_preview(monkeypatch, use_mine=False)
    assert window.open_workspace(copy)
    _push_action(window).trigger()
    assert shown == []
    assert prompter.informed[0][1] == f"Nothing to push: offline.align has no change that {team} does not already hold."


def test_the_action_is_off_on_a_team_workspace(window: MainWindow, team: ServerAddress) -> None:
    assert window.open_workspace(team)
    assert not _push_action(window).isEnabled()


def test_a_change_on_the_server_after_the_preview_pushes_nothing(
    window: MainWindow, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _edited_copy(window, team, tmp_path)

    def retitle_on_the_server() -> None:
        _on_server(team, lambda colleague: InitiativeService(colleague).update("I-002", {"title": "Late"}))

    _answer_preview(monkeypatch, use_mine=True, meanwhile=retitle_on_the_server)
    _push_action(window).trigger()
    assert prompter.errors[0][0] == "Not pushed"
    assert "changed since the preview" in prompter.errors[0][1]
    assert _title(team, "I-001") == "Theirs"
    assert prompter.confirmations == []
    assert window.workspace is not None and window.workspace.workspace.location == copy.resolve()


def test_the_password_the_server_asks_for_is_asked_and_used_for_the_preview_and_the_push(
    window: MainWindow, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guarded = ServerAddress.parse(team.url.replace("align@", f"{GUARDED}@"))
    copy = tmp_path / "offline.align"
    download(guarded.with_password(GUARDED_PASSWORD), copy)
    assert window.open_workspace(copy)
    opened = window.workspace
    assert opened is not None
    opened.perform("Retitle", lambda: opened.initiatives.update("I-002", {"title": "Only mine"}))
    _answer_preview(monkeypatch, use_mine=False)
    prompter.password_answers.append(GUARDED_PASSWORD)
    prompter.confirm_answers.append(False)
    _push_action(window).trigger()
    assert prompter.errors == []
    assert len(prompter.password_questions) == 1
    assert _title(team, "I-002") == "Only mine"


def test_the_preview_and_the_push_run_in_the_background(
    qtbot: Any, prompter: Any, team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(Preferences(user_settings()), prompter, TaskRunner())
    qtbot.addWidget(window)
    _edited_copy(window, team, tmp_path)
    opened = window.workspace
    assert opened is not None
    shown = _answer_preview(monkeypatch, use_mine=True)
    prompter.confirm_answers.append(False)
    _push_action(window).trigger()
    assert shown == []  # the preview waits for the comparison
    qtbot.waitUntil(lambda: bool(prompter.confirmations or prompter.errors), timeout=20_000)
    assert prompter.errors == []
    assert _title(team, "I-001") == "Mine"
    assert window.workspace is opened  # the copy stayed open, its undo history with it
    assert opened.undo_stack.canUndo()
    assert opened.initiatives.get("I-001").title == "Mine"
