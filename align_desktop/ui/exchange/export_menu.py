"""File > Export: write a workbook or the PDF report in the background, with progress, and say where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from align_desktop.exchange.exports import Progress, export
from align_desktop.store.locations import Location, short_name
from align_desktop.ui.prompts import PDF_FILTER, WORKBOOK_FILTER, Prompter, documents_folder
from align_desktop.ui.tasks import ImmediateRunner, TaskRunner


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportMenu", text)


EXPORT_LABELS: dict[str, tuple[str, str]] = {
    "finance": (tr("&Finance Workbook…"), tr("finance")),
    "executive": (tr("&Executive Workbook…"), tr("executive")),
    "workbook": (tr("&Full Workbook (for a Round Trip)…"), tr("workbook")),
    "report": (tr("&PDF Report…"), tr("report")),
}
"""Menu text and file-name suffix of each export."""


def _write(kind: str, source: Location, out: Path, progress: Progress) -> None:
    if kind == "report":
        from align_desktop.reports.pdf_report import export_report

        export_report(source, out, progress)
    else:
        export(kind, source, out, progress)


class ExportMenu(QObject):
    """The export actions of the main window, over whatever workspace it has open."""

    def __init__(
        self,
        window: QMainWindow,
        prompter: Prompter,
        runner: TaskRunner | ImmediateRunner,
        workspace_location: Callable[[], Location | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prompter = prompter
        self._runner = runner
        self._workspace_location = workspace_location
        """A callable giving where the open workspace is, a file or a team workspace (None when nothing is open)."""

    def actions(self) -> list[QAction]:
        result = []
        for kind, (text, _) in EXPORT_LABELS.items():
            action = QAction(text, self._window)
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
            result.append(action)
        return result

    def export(self, kind: str) -> None:
        source = self._workspace_location()
        if source is None:
            return
        if kind == "report":
            title, extension, file_filter = tr("Export the PDF report"), ".pdf", PDF_FILTER
        else:
            title, extension, file_filter = tr("Export to Excel"), ".xlsx", WORKBOOK_FILTER
        suggested = documents_folder() / f"{short_name(source)} {EXPORT_LABELS[kind][1]}{extension}"
        out = self._prompter.save_path(title, suggested, file_filter)
        if out is None:
            return
        self.write(out, lambda progress: _write(kind, source, out, progress))

    def write(self, out: Path, writer: Callable[[Progress], None]) -> None:
        """Run `writer` (which writes `out`) in the background with progress, then say where the file
        went, that it was cancelled, or why it failed. Workshop > Export Minutes… writes this way too."""
        cancelled: list[bool] = []

        def work(progress: Progress) -> None:
            def watched(done: int, total: int) -> bool:
                going = progress(done, total)
                if not going:
                    cancelled.append(True)
                return going

            writer(watched)

        def done(_result: object) -> None:
            status = self._window.statusBar()
            if cancelled or not out.exists():
                status.showMessage(tr("Export cancelled; nothing was written."), 8000)
            else:
                status.showMessage(tr("Exported to {0}").format(out), 12000)

        def failed(error: Exception) -> None:
            if cancelled:
                done(None)
                return
            self._prompter.error(tr("Export failed"), str(error))

        self._runner.run(self._window, tr("Writing {0}…").format(out.name), work, done, failed)
