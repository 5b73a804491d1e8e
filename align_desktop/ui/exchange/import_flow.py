"""File > Import (or a workbook dropped on the window): check in the background, preview, apply as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow

from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import WORKBOOK_FILTER, Prompter
from align_desktop.ui.tasks import ImmediateRunner, Progress, TaskRunner

if TYPE_CHECKING:
    from align_desktop.exchange.importer import ImportPlan


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
        if not isinstance(target, Path):
            self._prompter.error(
                tr("Cannot import {0}").format(workbook.name),
                tr(
                    "Importing a workbook works on workspace files: each import is backed up first, and undone "
                    "from that backup. A team workspace has no such file; import into a workspace file instead."
                ),
            )
            return

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
        from align_desktop.store.imports import BACKUP_REASON, ImportService
        from align_desktop.ui.exchange.import_dialog import ImportPreviewDialog

        if self._workspace() is not opened:
            return  # the workspace was closed while the workbook was being checked
        if not ImportPreviewDialog(plan, self._window).exec():
            return
        backup = take_backup(opened.workspace.path, BACKUP_REASON)
        service = ImportService(opened.workspace)
        opened.perform(tr("Import {0}").format(plan.workbook.name), lambda: service.apply(plan.changes, backup))
        self._window.statusBar().showMessage(
            tr("Imported {0}: {1}. The workspace before it is kept in {2}.").format(
                plan.workbook.name, plan.summary, backup
            ),
            15000,
        )
