"""`align-desktop screenshot`'s presenter.png: the presenter layout of a session, rendered from a scratch copy.

The workspace is copied (SQLite's own consistent copy; a team workspace is downloaded) and the
copy opened, so the user's workspace is never changed. The session shown is the one running in
the workspace, else the latest planned one (started in the copy), else a sample session added to
the copy. The countdown runs on a
fixed clock: the first agenda item took a little over its time box and the second has a few
minutes left, so the picture shows each kind of agenda line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.store.backup import copy_workspace
from align_desktop.store.locations import Location, short_name

if TYPE_CHECKING:
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.open_workspace import OpenWorkspace

SAMPLE_PARTICIPANTS = ["Amira (product)", "Ben (ML engineering)", "Chen (data science)", "Dana (platform)"]
SAMPLE_AGENDA: list[tuple[int | None, object, object]] = [
    (None, "Walk the roadmap board", 20),
    (None, "Dot vote: next quarter's bets", 15),
    (None, "Capability gaps and top risks", 20),
    (None, "Decisions, actions, parking lot", 10),
]
FIRST_ITEM_TOOK_S = 21 * 60 + 40
SECOND_ITEM_RAN_S = 9 * 60 + 25


def present_copy(window: MainWindow, workspace: Location, scratch: Path) -> bool:
    """Open a copy of the workspace (a team workspace is downloaded into one) in `window` and show its
    session in the presenter layout, over the board.

    False when the copy could not be opened."""
    copy = scratch / f"presenter-{short_name(workspace)}.align"
    if isinstance(workspace, Path):
        copy_workspace(workspace, copy)
    else:
        from align_desktop.store.transfer import download

        download(workspace, copy, as_copy=False)
    now = [0.0]
    window.workshop.clock = lambda: now[0]
    if not window.open_workspace(copy):
        return False
    opened = window.workspace
    assert opened is not None
    running = opened.sessions.running()
    if running is None:
        opened.perform("Start session", lambda: opened.sessions.start(_session_to_start(opened)))
        if len(opened.sessions.running().agenda) > 1:  # type: ignore[union-attr]
            now[0] += FIRST_ITEM_TOOK_S
            window.workshop.next_action.trigger()
    else:
        window.workshop.presenting = True
    now[0] += SECOND_ITEM_RAN_S
    opened.undo_stack.clear()  # the copy's set-up is no edit of the user's
    window.show_view("board")
    return True


def _session_to_start(workspace: OpenWorkspace) -> str:
    """The latest planned session, or a sample one added to the copy."""
    planned = [session for session in workspace.sessions.sessions() if session.state == "planned"]
    if planned:
        return planned[0].key
    key, _ = workspace.sessions.create(
        {"title": "Quarterly roadmap review", "held_on": "2026-12-01"}, SAMPLE_PARTICIPANTS, SAMPLE_AGENDA
    )
    return key
