"""`align-desktop screenshot`: render the first-run screens and every view of a workspace to PNG files, no display.

The welcome screen comes first and the Help > Keyboard Shortcuts dialog last, so that what a new
user meets can be reviewed with the views; before it, presenter.png shows the presenter layout of
a workshop session (`ui/workshop/presenter_shot.py`, on a copy of the workspace).

The window is shown on Qt's offscreen platform at a fixed size, so screenshots are comparable
from run to run; the user's recent files and window geometry are neither read nor changed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

SCREENSHOT_SIZE = (1600, 1000)
SETTLE_MS = 400


def render_views(workspace_path: Location, outdir: Path) -> list[Path]:
    """Write OUTDIR/<view>.png for the welcome screen and every view, then shortcuts.png; return the files.

    `workspace_path` is a workspace file or a team workspace's address."""
    if isinstance(workspace_path, Path):
        from align_desktop.store.schema import inspect_file

        inspect_file(workspace_path, for_writing=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings

    from align_desktop.ui.app import create_application
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.preferences import Preferences
    from align_desktop.ui.prompts import Prompter
    from align_desktop.ui.views import VIEWS
    from align_desktop.ui.workshop.presenter_shot import present_copy

    outdir.mkdir(parents=True, exist_ok=True)
    create_application()
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Preferences(settings), Prompter())
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        written.append(_grab(window, outdir / "welcome.png"))
        if not window.open_workspace(workspace_path):
            window.close()
            raise RuntimeError(f"{workspace_path} could not be opened")
        for spec in VIEWS:
            window.show_view(spec.name)
            _settle()
            written.append(_grab(window, outdir / f"{spec.name}.png"))
        if present_copy(window, workspace_path, Path(scratch)):  # a copy: the user's workspace is left alone
            _settle()
            written.append(_grab(window, outdir / "presenter.png"))
        shortcuts = window.shortcuts_dialog()
        shortcuts.show()
        written.append(_grab(shortcuts, outdir / "shortcuts.png"))
        shortcuts.close()
        window.close()
    return written


def _settle() -> None:
    """Let a freshly shown view finish what it defers (charts are drawn just after showing)."""
    from PySide6.QtTest import QTest

    QTest.qWait(SETTLE_MS)


def _grab(window: object, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    QApplication.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"Could not write {path}")
    return path
