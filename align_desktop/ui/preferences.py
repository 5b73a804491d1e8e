"""Per-user preferences kept by QSettings: recent workspaces, window geometry, your name for the item history."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.locations import Location, parse_location

MAX_RECENT = 10


def user_settings() -> QSettings:
    """The user's settings file (an INI file in the platform's configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "AlignDesktop", "Align Desktop")


class Preferences:
    """Recent files, most recent first, the main window's saved geometry and state, and your name."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_files(self) -> list[Location]:
        """Recent workspaces: files, and team workspaces by their address (never with a password)."""
        value = self._settings.value("recent/files", [])
        if isinstance(value, str):  # an INI file holding a single entry gives a plain string
            value = [value]
        found = []
        for text in value if isinstance(value, list) else []:
            try:
                found.append(parse_location(str(text)))
            except WorkspaceError:
                continue  # an address edited by hand into something unreadable: not offered
        return found

    def add_recent(self, location: Location) -> None:
        files = [p for p in self.recent_files() if p != location]
        self._settings.setValue("recent/files", [str(p) for p in [location, *files][:MAX_RECENT]])

    def remove_recent(self, location: Location) -> None:
        self._settings.setValue("recent/files", [str(p) for p in self.recent_files() if p != location])

    def author_name(self) -> str:
        """Your name for the item history; blank for the OS user name."""
        value = self._settings.value("history/author", "")
        return value.strip() if isinstance(value, str) else ""

    def set_author_name(self, name: str) -> None:
        self._settings.setValue("history/author", name.strip())

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        self._settings.sync()
