"""How labels stand out: the red of error messages, and bold coloured text set through the palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel

ERROR_COLOUR = "#c62828"
"""The red of a refused edit's message and of an invalid field's border."""


def strong_label(label: QLabel, colour: str) -> QLabel:
    """Make `label` bold in `colour` (a palette, not a style sheet, which is slower to show)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    label.setFont(bold(label.font()))
    return label


def bold(font: QFont) -> QFont:
    """A bold copy of `font`."""
    strong = QFont(font)
    strong.setBold(True)
    return strong
