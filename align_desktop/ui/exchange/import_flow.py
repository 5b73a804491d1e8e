"""File > Import (or a workbook dropped on the window): check in the background, preview, apply as one undo step.

A workspace file is backed up beside itself first. A team workspace is backed up by downloading it,
in the background, into the app's data folder (`team backups/<host>-<port>-<database>/` under Qt's
`AppDataLocation`), then the import is applied; its undo puts that backup back only if nobody changed
the team workspace since (`store.team_imports`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QMainWindow

from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import WORKBOOK_FILTER, Prompter
from align_desktop.ui.tasks import ImmediateRunner, Progress, TaskRunner

if TYPE_CHECKING:
    from align_desktop.exchange.importer import ImportPlan
    from align_desktop.store.server import ServerAddress


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportFlow", text)


class ImportFlow(QObject):
    """Imports into whatever workspace the window has open."""

    def __init__(
        self,
        window: QMainWindow,
        prompter: Prompter,
        runner: TaskRunner | ImmediateRunner,
        workspace: Callable[[], OpenWorkspace | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prompter = prompter
        self._runner = runner
        self._workspace = workspace

    def choose_and_import(self) -> None:
        workbook = self._prompter.open_path(tr("Import a workbook"), WORKBOOK_FILTER)
        if workbook is not None:
            self.import_workbook(workbook)

    def import_workbook(self, workbook: Path) -> None:
        """Check `workbook` against the open workspace off the GUI thread, then show the preview."""
        opened = self._workspace()
        if opened is None:
            return
        target = opened.workspace.location

        def work(_progress: Progress) -> ImportPlan:
            from align_desktop.exchange.importer import plan_import  # the exchange loads when first used

            return plan_import(target, workbook)

        self._runner.run(
            self._window,
            tr("Checking {0}…").format(workbook.name),
            work,
            lambda plan: self._preview(opened, plan),
            lambda error: self._prompter.error(tr("Cannot import {0}").format(workbook.name), str(error)),
        )

    def _preview(self, opened: OpenWorkspace, plan: ImportPlan) -> None:
        from align_desktop.store.backup import take_backup
        from align_desktop.store.imports import BACKUP_REASON
        from align_desktop.ui.exchange.import_dialog import ImportPreviewDialog

        if self._workspace() is not opened:
            return  # the workspace was closed while the workbook was being checked
        if not ImportPreviewDialog(plan, self._window).exec():
            return
        location = opened.workspace.location
        if isinstance(location, Path):
            self._apply(opened, plan, take_backup(opened.workspace.path, BACKUP_REASON))
        else:
            self._back_up_team_workspace(opened, plan, location)

    def _back_up_team_workspace(self, opened: OpenWorkspace, plan: ImportPlan, address: ServerAddress) -> None:
        """Download the team workspace into its backup off the GUI thread, then apply (unless cancelled)."""
        data_folder = app_data_folder()

        def work(progress: Progress) -> Path | None:
            from align_desktop.store.team_imports import take_team_backup

            backup = take_team_backup(address, data_folder)
            return backup if progress(1, 1) else None  # Cancel while backing up: nothing is imported

        def backed_up(backup: Path | None) -> None:
            if backup is not None and self._workspace() is opened:
                self._apply(opened, plan, backup)

        self._runner.run(
            self._window,
            tr("Backing up {0} before the import…").format(address.database),
            work,
            backed_up,
            lambda error: self._prompter.error(tr("Not imported"), str(error)),
        )

    def _apply(self, opened: OpenWorkspace, plan: ImportPlan, backup: Path) -> None:
        from align_desktop.domain.readiness import GateBlocked
        from align_desktop.store.errors import NotFound, WorkspaceError
        from align_desktop.store.imports import ImportService

        service = ImportService(opened.workspace)
        try:
            opened.perform(tr("Import {0}").format(plan.workbook.name), lambda: service.apply(plan.changes, backup))
        except NotFound as error:  # nothing was imported
            self._prompter.error(
                tr("Not imported"),
                tr(
                    "{0} any more: it was deleted after the preview was made. Import the workbook again to see what "
                    "it changes now."
                ).format(error),
            )
            return
        except (WorkspaceError, ValueError, LookupError, GateBlocked) as error:  # nothing was imported
            self._prompter.error(tr("Not imported"), str(error))
            return
        self._window.statusBar().showMessage(
            tr("Imported {0}: {1}. The workspace before it is kept in {2}.").format(
                plan.workbook.name, plan.summary, backup
            ),
            15000,
        )


def app_data_folder() -> Path:
    """The app's per-user data folder (Qt's `AppDataLocation`), under which team workspaces' backups go."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
