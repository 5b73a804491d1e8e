"""File > Publish to Team Workspace…, Download a Copy… and Push Changes to Team Workspace…: moving a workspace
between a file and a server.

Each runs in the background with a progress dialog (publishing `stress` takes a few seconds). A
server that asks for a password gets it from the user, and the step is tried again with it. Pushing
a downloaded copy back is previewed first (`PushPreviewDialog`), where the user settles conflicts.
The copy stays open: it is read here (its connection belongs to this thread), the comparison and
the push run on the server in the background, and the copy is marked pushed here afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.locations import short_name
from align_desktop.store.server import PasswordNeeded, ServerAddress
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.opening import ask_team_address
from align_desktop.ui.prompts import Prompter, documents_folder
from align_desktop.ui.tasks import ImmediateRunner, Progress, TaskRunner

if TYPE_CHECKING:
    from align_desktop.domain.push import PushPlan, PushResult
    from align_desktop.store.locations import Location
    from align_desktop.store.push import CopyState


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamTransfer", text)


class TeamTransfer(QObject):
    """Publishing the open workspace file to a server, downloading the open team workspace into a file, and
    pushing a downloaded copy's changes back."""

    copy_pushed = Signal()
    """The open copy was pushed and marked so: the window says so."""

    def __init__(
        self,
        window: QMainWindow,
        prompter: Prompter,
        runner: TaskRunner | ImmediateRunner,
        workspace: Callable[[], OpenWorkspace | None],
        open_location: Callable[[Location], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prompter = prompter
        self._runner = runner
        self._workspace = workspace
        self._open_location = open_location

    def publish(self) -> None:
        """Ask for an empty database's address and copy the open workspace file there; then open it."""
        opened = self._workspace()
        if opened is None or not isinstance(opened.workspace.location, Path):
            return
        source = opened.workspace.location
        address = ask_team_address(
            self._prompter,
            tr("Publish to team workspace"),
            tr(
                "Copy this workspace to an empty database on a PostgreSQL server, where the team can edit it "
                "together. The database's address, postgresql://user@server:port/database:"
            ),
        )
        if address is not None:
            self._publish(source, address)

    def _publish(self, source: Path, address: ServerAddress) -> None:
        from align_desktop.store.transfer import publish

        def work(_progress: Progress) -> None:
            publish(source, address)

        def done(_result: object) -> None:
            if self._open_location(address):
                self._window.statusBar().showMessage(
                    tr("Published {0} as the team workspace {1}, now open; the file is unchanged.").format(
                        source.name, address
                    ),
                    15000,
                )

        self._runner.run(
            self._window,
            tr("Publishing {0}…").format(source.name),
            work,
            done,
            lambda error: self._failed(error, tr("Not published"), lambda typed: self._publish(source, typed)),
        )

    def download(self) -> None:
        """Ask where, and copy the open team workspace into a new workspace file there (for an offline workshop)."""
        opened = self._workspace()
        if opened is None or not isinstance(opened.workspace.location, ServerAddress):
            return
        address = opened.workspace.location
        target = self._prompter.save_path(
            tr("Download a copy of the team workspace"), documents_folder() / f"{short_name(address)}.align"
        )
        if target is not None:
            self._download(address, target)

    def _download(self, address: ServerAddress, target: Path) -> None:
        from align_desktop.store.transfer import download

        def work(_progress: Progress) -> None:
            download(address, target)

        def done(_result: object) -> None:
            self._window.statusBar().showMessage(
                tr("Downloaded a copy into {0}: File > Open works on it offline.").format(target), 15000
            )

        self._runner.run(
            self._window,
            tr("Downloading {0}…").format(address.database),
            work,
            done,
            lambda error: self._failed(error, tr("Not downloaded"), lambda typed: self._download(typed, target)),
        )

    def push(self) -> None:
        """Preview what the open copy would change on the team workspace it was downloaded from; push it if the
        user agrees."""
        from align_desktop.store.team_origin import origin_of

        opened = self._workspace()
        if opened is None or not isinstance(opened.workspace.location, Path):
            return
        origin = origin_of(opened.workspace)
        if origin is None:
            self._prompter.inform(
                tr("Nothing to push"),
                tr(
                    "This workspace was not downloaded from a team workspace, so it has nowhere to push to. "
                    "File > Download a Copy… on a team workspace makes a copy whose changes can be pushed back."
                ),
            )
        elif origin.pushed_at is not None:
            self._prompter.inform(
                tr("Already pushed"),
                tr(
                    "This copy's changes were pushed to {0} on {1:%Y-%m-%d %H:%M}; a copy is pushed once. "
                    "Download a new copy to work offline again."
                ).format(origin.address, origin.pushed_at.replace(tzinfo=UTC).astimezone()),
            )
        elif opened.workspace.read_only:
            self._prompter.inform(
                tr("Not pushed"),
                tr(
                    "This copy is open read-only, as another Align Desktop is editing it; pushing marks the copy "
                    "as pushed, so push it from there."
                ),
            )
        else:
            self._preview(opened, origin.address)

    def _preview(self, opened: OpenWorkspace, address: ServerAddress) -> None:
        """Read the copy, compare it with the team workspace in the background, then show what pushing would do."""
        from align_desktop.store.push import plan_from

        state = self._read_copy(opened, address)
        if state is None:
            return

        def work(_progress: Progress) -> PushPlan:
            return plan_from(state, address)

        self._runner.run(
            self._window,
            tr("Comparing {0} with {1}…").format(opened.workspace.path.name, address.database),
            work,
            lambda plan: self._confirm(opened, address, plan),
            lambda error: self._failed(error, tr("Not pushed"), lambda typed: self._preview(opened, typed)),
        )

    def _read_copy(self, opened: OpenWorkspace, address: ServerAddress) -> CopyState | None:
        """What the push needs of the copy, read here (the copy's connection belongs to this thread); None, after
        saying why, when it cannot be pushed."""
        from align_desktop.store.push import read_copy

        try:
            return read_copy(opened.workspace, address)
        except WorkspaceError as error:
            self._prompter.error(tr("Not pushed"), str(error))
            return None

    def _confirm(self, opened: OpenWorkspace, address: ServerAddress, plan: PushPlan) -> None:
        from align_desktop.ui.push_preview import PushPreviewDialog

        if self._workspace() is not opened:
            return  # the copy was closed while it was being compared
        if plan.empty:
            self._prompter.inform(
                tr("Nothing to push"),
                tr("Nothing to push: {0} has no change that {1} does not already hold.").format(
                    opened.workspace.path.name, plan.origin
                ),
            )
            return
        dialog = PushPreviewDialog(plan, self._window)
        if dialog.exec():
            self._push(opened, address, plan, dialog.use_mine())
        dialog.deleteLater()

    def _push(self, opened: OpenWorkspace, address: ServerAddress, plan: PushPlan, use_mine: frozenset[int]) -> None:
        """Push in the background, then mark the copy pushed and say how it went. The copy is read again first: the
        push compares once more, and refuses if the copy or the team workspace changed since the preview."""
        from align_desktop.store.push import push_from

        state = self._read_copy(opened, address)
        if state is None:
            return
        author = opened.workspace.author  # the team workspace records the push under the name the window uses

        def work(_progress: Progress) -> PushResult:
            return push_from(state, address, plan, use_mine, author)

        self._runner.run(
            self._window,
            tr("Pushing to {0}…").format(address.database),
            work,
            lambda result: self._pushed(opened, address, plan, result),
            lambda error: self._prompter.error(tr("Not pushed"), str(error)),
        )

    def _pushed(self, opened: OpenWorkspace, address: ServerAddress, plan: PushPlan, result: PushResult) -> None:
        """Mark the copy pushed, say what the push did, and open the team workspace if the user wants to."""
        from align_desktop.store.push import mark_pushed

        if result.kept_theirs == 0:
            said = tr("Pushed {0} change(s) to {1}.").format(result.pushed, plan.origin)
        else:
            said = tr("Pushed {0} change(s) to {1}; {2} conflict(s) kept the team's values.").format(
                result.pushed, plan.origin, result.kept_theirs
            )
        try:
            mark_pushed(opened.workspace)
        except WorkspaceError as error:  # the team workspace knows the copy as pushed all the same
            self._prompter.error(tr("Pushed"), f"{said} {error}")
        self.copy_pushed.emit()
        self._window.statusBar().showMessage(said, 15000)
        if self._prompter.confirm(
            tr("Pushed"),
            tr("{0} Open the team workspace now? The copy stays as it is, marked as pushed.").format(said),
            tr("Open Team Workspace"),
        ):
            self._open_location(address)

    def _failed(self, error: Exception, title: str, again: Callable[[ServerAddress], None]) -> None:
        """Say why a step failed; when the server wants a password, ask for it and run the step `again`."""
        if isinstance(error, PasswordNeeded):
            question = tr("The password was refused. {0}") if error.refused else "{0}"
            password = self._prompter.ask_password(tr("Password"), question.format(error))
            if password is not None:
                again(error.address.with_password(password))
            return
        self._prompter.error(title, str(error))
