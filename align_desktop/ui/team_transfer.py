"""File > Publish to Team Workspace… and File > Download a Copy…: moving a workspace between a file and a server.

Both run in the background with a progress dialog (publishing `stress` takes a few seconds). A
server that asks for a password gets it from the user, and the step is tried again with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow

from align_desktop.store.locations import short_name
from align_desktop.store.server import PasswordNeeded, ServerAddress
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.opening import ask_team_address
from align_desktop.ui.prompts import Prompter, documents_folder
from align_desktop.ui.tasks import ImmediateRunner, Progress, TaskRunner


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamTransfer", text)


class TeamTransfer(QObject):
    """Publishing the open workspace file to a server, and downloading the open team workspace into a file."""

    def __init__(
        self,
        window: QMainWindow,
        prompter: Prompter,
        runner: TaskRunner | ImmediateRunner,
        workspace: Callable[[], OpenWorkspace | None],
        open_location: Callable[[ServerAddress], bool],
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

    def _failed(self, error: Exception, title: str, again: Callable[[ServerAddress], None]) -> None:
        """Say why a step failed; when the server wants a password, ask for it and run the step `again`."""
        if isinstance(error, PasswordNeeded):
            question = tr("The password was refused. {0}") if error.refused else "{0}"
            password = self._prompter.ask_password(tr("Password"), question.format(error))
            if password is not None:
                again(error.address.with_password(password))
            return
        self._prompter.error(title, str(error))
