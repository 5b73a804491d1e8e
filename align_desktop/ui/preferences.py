"""Per-user preferences kept by QSettings: recent workspaces, window geometry, your name for the item history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def user_settings() -> QSettings:
    """The user's settings file (an INI file in the platform's configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "AlignDesktop", "Align Desktop")


class Preferences:
    """Recent files, most recent first, the main window's saved geometry and state, and your name."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_files(self) -> list[Path]:
        value = self._settings.value("recent/files", [])
        if isinstance(value, str):  # an INI file holding a single entry gives a plain string
            return [Path(value)]
        return [Path(p) for p in value] if isinstance(value, list) else []

    def add_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != path]
        self._settings.setValue("recent/files", [str(p) for p in [path, *files][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self._settings.setValue("recent/files", [str(p) for p in self.recent_files() if p != path])

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
