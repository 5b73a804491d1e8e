"""Start the GUI: the Qt application (its names, icon and colours), the main window, and the workspace given on the
command line."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from align_desktop import __version__
from align_desktop.ui.palette import follow_system_colour_scheme


def create_application() -> QApplication:
    """The process's QApplication, created once with the app's names, following the system's colour scheme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("AlignDesktop")
    app.setApplicationName("Align Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("align-desktop")
    app.setWindowIcon(app_icon())
    follow_system_colour_scheme(app)
    return app


def app_icon() -> QIcon:
    """The application's icon, read from the installed package: Qt's SVG icon engine draws it at whatever
    size a screen asks for (high-DPI included), when first asked."""
    return QIcon(str(resources.files("align_desktop.resources").joinpath("align-desktop.svg")))


def run_app(path: Path | None) -> int:
    """Show the main window (on `path` if given) and run until it closes."""
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.preferences import Preferences, user_settings
    from align_desktop.ui.prompts import Prompter

    app = create_application()
    window = MainWindow(Preferences(user_settings()), Prompter())
    window.show()
    if path is not None:
        window.open_workspace(path)
    return app.exec()
