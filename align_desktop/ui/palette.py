"""Colours that follow the system: a dark palette while the desktop's colour scheme is dark, the light one otherwise.

Qt 6.5+ reports the desktop's scheme (`QStyleHints.colorScheme`) and announces changes
(`colorSchemeChanged`); `follow_system_colour_scheme` applies it at start and on every change.
Widgets that draw with palette roles follow on their own. Under the dark palette the style is wrapped so that
check boxes keep a visible outline (`indicator_style`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_DARK: dict[QPalette.ColorRole, str] = {
    _Role.Window: "#2b2d31",
    _Role.WindowText: "#e6e8eb",
    _Role.Base: "#1e1f22",
    _Role.AlternateBase: "#26282c",
    _Role.ToolTipBase: "#3a3d42",
    _Role.ToolTipText: "#f2f3f5",
    _Role.PlaceholderText: "#8b9099",
    _Role.Text: "#e6e8eb",
    _Role.Button: "#35373c",
    _Role.ButtonText: "#e6e8eb",
    _Role.BrightText: "#ff6b6b",
    _Role.Light: "#4a4d53",
    _Role.Midlight: "#3f4247",
    _Role.Mid: "#55585e",
    _Role.Dark: "#1a1b1e",
    _Role.Shadow: "#0d0e10",
    _Role.Highlight: "#3d7fc4",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#7fb4f0",
    _Role.LinkVisited: "#b39ddb",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    _Role.WindowText: "#7c8088",
    _Role.Text: "#7c8088",
    _Role.ButtonText: "#7c8088",
    _Role.Highlight: "#4a4d53",
    _Role.HighlightedText: "#a0a4ab",
}


def dark_palette() -> QPalette:
    """A dark palette for every colour group, with greyed text where disabled."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


OUTLINED = "outlinedIndicatorsOver"
"""The application's property naming the style that the one outlining check boxes under the dark palette wraps
(`indicator_style`), while it is installed: asking the application for its style would cost start-up 6–10 ms."""


def apply_colour_scheme(scheme: Qt.ColorScheme) -> None:
    """Dark palette for a dark scheme, with check boxes outlined to show on it; the platform's own (light)
    palette and style for light or unknown."""
    app = QApplication.instance()
    wrapped = app.property(OUTLINED) if app is not None else None
    if scheme == Qt.ColorScheme.Dark:
        if not wrapped and app is not None:
            from align_desktop.ui.indicator_style import OutlinedIndicators

            name = QApplication.style().name()
            QApplication.setStyle(OutlinedIndicators(name))
            app.setProperty(OUTLINED, name)
        QApplication.setPalette(dark_palette())
    else:
        if wrapped and app is not None:
            QApplication.setStyle(str(wrapped))
            app.setProperty(OUTLINED, None)
        QApplication.setPalette(QPalette())  # no role set: Qt falls back to the platform's palette


def follow_system_colour_scheme(app: QGuiApplication) -> None:
    """Apply the desktop's colour scheme now and whenever the user changes it."""
    hints = app.styleHints()
    apply_colour_scheme(hints.colorScheme())
    hints.colorSchemeChanged.connect(apply_colour_scheme)
