"""The task runner: work on a worker thread, its result or error reported back on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget

from align_desktop.ui.tasks import Progress, TaskRunner


def _window(qtbot: Any) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_result_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    worked_in: list[threading.Thread] = []
    reported: list[tuple[object, threading.Thread]] = []

    def work(progress: Progress) -> int:
        worked_in.append(threading.current_thread())
        progress(1, 1)
        return 42

    window, runner = _window(qtbot), TaskRunner()  # as the main window keeps its runner, and the runner its jobs
    runner.run(window, "Working", work, lambda result: reported.append((result, threading.current_thread())), print)
    qtbot.waitUntil(lambda: bool(reported))
    assert reported == [(42, threading.main_thread())]
    assert worked_in != [threading.main_thread()]


def test_an_error_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    reported: list[tuple[str, threading.Thread]] = []

    def work(progress: Progress) -> None:
        raise OSError("the disk is full")

    window, runner = _window(qtbot), TaskRunner()
    runner.run(window, "Working", work, print, lambda error: reported.append((str(error), threading.current_thread())))
    qtbot.waitUntil(lambda: bool(reported))
    assert reported == [("the disk is full", threading.main_thread())]
