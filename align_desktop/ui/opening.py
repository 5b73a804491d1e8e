"""Opening a workspace from the window: what to do when it is refused, damaged or in use elsewhere,
and connecting to a team workspace, asking for the password when the server wants one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from align_desktop.store.errors import WorkspaceDamaged, WorkspaceError
from align_desktop.store.lock import WorkspaceInUse, this_host
from align_desktop.store.server import PasswordNeeded, ServerAddress
from align_desktop.store.workspace import Workspace
from align_desktop.ui.prompts import Prompter


def tr(text: str) -> str:
    return QCoreApplication.translate("Opening", text)


READ_ONLY, COPY, BREAK = 0, 1, 2
RESCUE, RESTORE = 0, 1


def open_workspace(path: Path, prompter: Prompter) -> Workspace | None:
    """Open `path` for editing; when another Align Desktop holds it, offer read-only, a copy or breaking
    the lock; when it is damaged, offer a rescue into a new file or a backup. Every refusal is said in
    a dialog; None when nothing was opened."""
    try:
        return Workspace.open(path)
    except WorkspaceInUse as in_use:
        return _in_use(path, in_use, prompter)
    except WorkspaceDamaged as damaged:
        return _damaged(path, damaged, prompter)
    except WorkspaceError as error:
        prompter.error(tr("Cannot open the workspace"), str(error))
        return None


def ask_team_address(prompter: Prompter, title: str, question: str) -> ServerAddress | None:
    """A team workspace's address the user types; None when they cancel or it is malformed (which is said)."""
    text = prompter.ask_line(title, question, "postgresql://")
    if not text or not text.strip():
        return None
    try:
        return ServerAddress.parse(text)
    except WorkspaceError as error:
        prompter.error(tr("Not a team workspace address"), str(error))
        return None


def open_team_workspace(address: ServerAddress, prompter: Prompter) -> Workspace | None:
    """Connect to the team workspace at `address`, asking for the password while the server wants one
    (it is kept in memory for this session only); None when the user gives up or it is refused."""
    from align_desktop.store.server_workspace import ServerWorkspace

    while True:
        try:
            return ServerWorkspace.open_on_server(address)
        except PasswordNeeded as needed:
            question = tr("The password was refused. {0}") if needed.refused else "{0}"
            password = prompter.ask_password(tr("Password"), question.format(needed))
            if password is None:
                return None
            address = address.with_password(password)
        except WorkspaceError as error:
            prompter.error(tr("Cannot open the team workspace"), str(error))
            return None


def _in_use(path: Path, in_use: WorkspaceInUse, prompter: Prompter) -> Workspace | None:
    from align_desktop.store.backup import copy_workspace

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
            here = tr(" (this computer)") if owner is not None and owner.host == this_host() else ""
            question = tr(
                "Break the lock only if Align Desktop is no longer running on {0}{1} with this workspace. "
                "If it still is, both would write to it and one's changes would be lost."
            ).format(where, here)
            if prompter.confirm(tr("Break the lock"), question, tr("Break the lock")):
                return Workspace.open(path, break_lock=True)
    except WorkspaceError as error:
        prompter.error(tr("Cannot open the workspace"), str(error))
    return None


def _damaged(path: Path, damaged: WorkspaceDamaged, prompter: Prompter) -> Workspace | None:
    from align_desktop.store.backup import list_backups, restore
    from align_desktop.ui.restore_dialog import RestoreDialog

    backups = list_backups(path)
    explanation = tr(
        "Rescuing copies everything that can still be read into a new workspace and says what was lost; "
        "the damaged file stays as it is."
    )
    choices = [tr("Rescue into a New File…")]
    if backups:
        explanation += " " + tr("Restoring a backup replaces the damaged file, which is kept beside the backups.")
        choices.append(tr("Restore a Backup…"))
    choice = prompter.choose(tr("Workspace damaged"), f"{damaged}\n\n{explanation}", choices)
    try:
        if choice == RESCUE:
            return _rescue(path, prompter)
        if choice == RESTORE:
            dialog = RestoreDialog(backups)
            if not dialog.exec() or (chosen := dialog.chosen()) is None:
                return None
            restore(path, chosen.path)
            return Workspace.open(path)
    except WorkspaceError as error:
        prompter.error(tr("Cannot open the workspace"), str(error))
    return None


def _rescue(path: Path, prompter: Prompter) -> Workspace | None:
    from align_desktop.store.rescue import rescue

    target = prompter.save_path(tr("Rescue into a new file"), path.with_name(f"{path.stem} rescued.align"))
    if target is None:
        return None
    notes = rescue(path, target)
    workspace = Workspace.open(target)
    lost = "\n".join(f"• {note}" for note in notes) if notes else tr("Nothing was lost.")
    prompter.inform(
        tr("Rescued"), tr("What could be read of {0} is now in {1}.\n\n{2}").format(path.name, target, lost)
    )
    return workspace
