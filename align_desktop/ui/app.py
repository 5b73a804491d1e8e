"""Start the GUI: the Qt application (its names, icon and colours), the main window, and the workspace given on the
command line."""

from __future__ import annotations

import sys
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from align_desktop import __version__
from align_desktop.ui.palette import follow_system_colour_scheme

if TYPE_CHECKING:
    from align_desktop.store.locations import Location
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.preferences import Preferences


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


def open_main_window(preferences: Preferences, path: Location | None) -> MainWindow:
    """The main window, shown, on the workspace at `path` (a file or a team workspace) if given.

    The workspace opens before the window shows, so that its first paint is the board rather than
    a welcome screen about to be replaced (the welcome screen is then never built).
    """
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.prompts import Prompter

    window = MainWindow(preferences, Prompter())
    if path is not None:
        window.open_workspace(path)
    window.show()
    return window


def run_app(path: Location | None) -> int:
    """Show the main window (on `path` if given) and run until it closes."""
    from align_desktop.ui.preferences import Preferences, user_settings

    app = create_application()
    _window = open_main_window(Preferences(user_settings()), path)  # held until the event loop ends
    return app.exec()
