"""Opening a workspace from the window: what to do when it is refused or in use elsewhere."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from align_desktop.store.backup import copy_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.lock import WorkspaceInUse
from align_desktop.store.workspace import Workspace
from align_desktop.ui.prompts import Prompter


def tr(text: str) -> str:
    return QCoreApplication.translate("Opening", text)


READ_ONLY, COPY, BREAK = 0, 1, 2


def open_workspace(path: Path, prompter: Prompter) -> Workspace | None:
    """Open `path` for editing; when another Align Desktop holds it, offer read-only, a copy or breaking
    the lock. Every refusal is said in a dialog; None when nothing was opened."""
    try:
        return Workspace.open(path)
    except WorkspaceInUse as in_use:
        return _in_use(path, in_use, prompter)
    except WorkspaceError as error:
        prompter.error(tr("Cannot open the workspace"), str(error))
        return None


def _in_use(path: Path, in_use: WorkspaceInUse, prompter: Prompter) -> Workspace | None:
    choice = prompter.choose(
        tr("Workspace in use"),
        str(in_use),
        [tr("Open read-only"), tr("Open a copy"), tr("Break the lock…")],
    )
    try:
        if choice == READ_ONLY:
            return Workspace.open(path, read_only=True)
        if choice == COPY:
            target = prompter.save_path(tr("Save a copy as"), path.with_name(f"{path.stem} copy.align"))
            if target is None:
                return None
            copy_workspace(path, target)
            return Workspace.open(target)
        if choice == BREAK:
            owner = in_use.owner
            where = owner.host if owner is not None else tr("the other computer")
            here = tr(" (this computer)") if owner is not None and owner.host == socket.gethostname() else ""
            question = tr(
                "Break the lock only if Align Desktop is no longer running on {0}{1} with this workspace. "
                "If it still is, both would write to it and one's changes would be lost."
            ).format(where, here)
            if prompter.confirm(tr("Break the lock"), question, tr("Break the lock")):
                return Workspace.open(path, break_lock=True)
    except WorkspaceError as error:
        prompter.error(tr("Cannot open the workspace"), str(error))
    return None
