"""Log entries and sessions edited in the Workshop view after someone else changed them: the user reapplies or
discards the edit."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.stale_edits import DISCARD, REAPPLY
from align_desktop.ui.workshop.entry_dialog import LogEntryDialog
from align_desktop.ui.workshop.session_dialog import SessionDialog
from align_desktop.ui.workshop.view import WorkshopView
from tests.ui.dialogs import press_ok
from tests.ui.workshop.conftest import plan


@pytest.fixture
def view(window: MainWindow) -> WorkshopView:
    window.show_view("workshop")
    shown = window.view("workshop")
    assert isinstance(shown, WorkshopView)
    return shown


@pytest.fixture
def opened(window: MainWindow) -> Any:
    assert window.workspace is not None
    return window.workspace


def _as_maria(opened: Any, change: Any) -> None:
    """Someone else's change, which the view does not see (it does not reload)."""
    opened.workspace.author = "Maria"
    change()
    opened.workspace.author = "Ben"


def _action(window: MainWindow, opened: Any) -> str:
    """An action recorded in a planned session, shown in the view's log."""
    session = plan(window)
    key, _ = opened.log.record("action", {"text": "Size the GPU budget", "owner": "Ann"}, (), session)
    opened.changed.emit()
    return key


def _entry(opened: Any, key: str) -> Any:
    return next(entry for entry in opened.log.session_log("W-001") if entry.key == key)


@pytest.mark.parametrize("answer", [REAPPLY, DISCARD])
def test_a_log_entry_edited_after_someone_else_changed_it_asks_first(
    view: WorkshopView, window: MainWindow, opened: Any, prompter: Any, monkeypatch: pytest.MonkeyPatch, answer: int
) -> None:
    key = _action(window, opened)
    _as_maria(opened, lambda: opened.log.update(key, {"text": "Size the GPU budget for Q3"}))
    prompter.choice_answers.append(answer)
    press_ok(monkeypatch, LogEntryDialog, lambda dialog: dialog.text.setText("Size the GPU and storage budget"))

    view.edit_entry(key)

    (question,) = prompter.choices
    assert question.startswith(f"Log entry {key} was changed by Maria at ")
    assert "Text: now “Size the GPU budget for Q3”; yours “Size the GPU and storage budget”" in question
    kept = "Size the GPU and storage budget" if answer == REAPPLY else "Size the GPU budget for Q3"
    assert _entry(opened, key).text == kept
    assert view.log.entries[0].text == kept
    assert opened.undo_stack.count() == (1 if answer == REAPPLY else 0)
    if answer == REAPPLY:
        opened.undo_stack.undo()
        assert _entry(opened, key).text == "Size the GPU budget for Q3"


def test_reapplying_a_log_entry_edit_writes_only_what_the_user_changed(
    view: WorkshopView, window: MainWindow, opened: Any, prompter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _action(window, opened)
    _as_maria(opened, lambda: opened.log.update(key, {"owner": "Chidi"}))
    prompter.choice_answers.append(REAPPLY)
    press_ok(monkeypatch, LogEntryDialog, lambda dialog: dialog.text.setText("Size the GPU and storage budget"))

    view.edit_entry(key)

    (question,) = prompter.choices
    assert "Text: now “Size the GPU budget”; yours “Size the GPU and storage budget”" in question
    assert "Owner" not in question
    entry = _entry(opened, key)
    assert (entry.text, entry.owner) == ("Size the GPU and storage budget", "Chidi")


def test_a_log_entry_dialog_closed_without_a_change_saves_nothing(
    view: WorkshopView, window: MainWindow, opened: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _action(window, opened)
    version, steps = _entry(opened, key).version, opened.undo_stack.count()
    press_ok(monkeypatch, LogEntryDialog, lambda dialog: None)

    view.edit_entry(key)

    assert _entry(opened, key).version == version
    assert opened.undo_stack.count() == steps


def test_marking_done_an_action_someone_else_changed_asks_first(
    view: WorkshopView, window: MainWindow, opened: Any, prompter: Any
) -> None:
    key = _action(window, opened)
    _as_maria(opened, lambda: opened.log.update(key, {"owner": "Chidi"}))
    prompter.choice_answers.append(REAPPLY)

    view.mark_done(key, True)

    (question,) = prompter.choices
    assert question.startswith(f"Log entry {key} was changed by Maria at ")
    assert "Done: now “False”; yours “True”" in question
    entry = _entry(opened, key)
    assert (entry.done, entry.owner) == (True, "Chidi")


def test_a_session_edited_after_someone_else_changed_it_can_be_discarded(
    view: WorkshopView, window: MainWindow, opened: Any, prompter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = plan(window)
    _as_maria(opened, lambda: opened.sessions.update(session, {"title": "Q3 roadmap review"}, ["Ann", "Ben"], []))
    prompter.choice_answers.append(DISCARD)
    press_ok(monkeypatch, SessionDialog, lambda dialog: dialog.title.setText("Q3 planning day"))

    view.edit_session()

    (question,) = prompter.choices
    assert question.startswith(f"Session {session} was changed by Maria at ")
    assert "Title: now “Q3 roadmap review”; yours “Q3 planning day”" in question
    assert opened.sessions.get(session).title == "Q3 roadmap review"
    assert view.heading.text() == f"{session} · Q3 roadmap review"
    assert opened.undo_stack.count() == 0
