"""Long work (exports, imports) off the GUI thread, with a progress dialog that can cancel it.

The work is a function of a `Progress` callback: it reports `(done, total)` and stops when the
callback returns False. Its result (or error) comes back on the GUI thread. Tests use
`ImmediateRunner`, which does the work at once in the calling thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class TaskRunner:
    """Runs work on a worker thread behind a modal progress dialog with a Cancel button."""

    def __init__(self) -> None:
        self._running: list[_Job] = []

    def run(self, parent: QWidget, label: str, work: Work, done: Done, failed: Failed) -> None:
        job = _Job(parent, label, work, done, failed, self._running.remove)
        self._running.append(job)
        job.start()

    def wait(self) -> None:
        """Block until every job has finished (used when the window closes)."""
        for job in list(self._running):
            job.worker_thread.wait()


class ImmediateRunner:
    """Runs work at once in the calling thread; `cancel_after` stops it after that many reports."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.cancel_after = cancel_after
        self.reports: list[tuple[int, int]] = []

    def run(self, parent: QWidget, label: str, work: Work, done: Done, failed: Failed) -> None:
        def progress(current: int, total: int) -> bool:
            self.reports.append((current, total))
            return self.cancel_after is None or len(self.reports) < self.cancel_after

        try:
            result = work(progress)
        except Exception as error:  # handed to `failed`, as the threaded runner does
            failed(error)
            return
        done(result)

    def wait(self) -> None:
        """Nothing is ever left running."""


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancelled: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancelled = cancelled

    def run(self) -> None:
        def progress(current: int, total: int) -> bool:
            self.progressed.emit(current, total)
            return not self._cancelled.is_set()

        try:
            result = self._work(progress)
        except Exception as error:  # delivered to the GUI thread, which shows it
            self.failed.emit(error)
            return
        self.finished.emit(result)


class _Job(QObject):
    """One run: the thread, its worker and the progress dialog, kept alive until it ends."""

    def __init__(
        self, parent: QWidget, label: str, work: Work, done: Done, failed: Failed, forget: Callable[[_Job], None]
    ) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(label, parent.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancelled.set)
        self.worker_thread = QThread(self)
        self.worker = _Worker(work, self.cancelled)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        # slots of this object (which lives in the GUI thread), so that Qt queues each report to the
        # GUI thread; a lambda would run in the worker's thread and touch widgets from there
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._done = done
        self._failed_with = failed
        self._forget = forget

    def start(self) -> None:
        self.worker_thread.start()

    def _progressed(self, current: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(current)

    def _finished(self, result: object) -> None:
        self._end()
        self._done(result)

    def _failed(self, error: Exception) -> None:
        self._end()
        self._failed_with(error)

    def _end(self) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.dialog.reset()
        self._forget(self)
