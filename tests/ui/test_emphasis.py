"""Labels that stand out: bold, in a colour set through the palette (no style sheet)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from align_desktop.ui.emphasis import ERROR_COLOUR, bold, strong_label


def test_a_strong_label_is_bold_in_its_colour_without_a_style_sheet(qapp: Any) -> None:
    label = strong_label(QLabel("C-003 not saved"), ERROR_COLOUR)
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_COLOUR
    assert label.font().bold()
    assert label.styleSheet() == ""


def test_bold_copies_the_font_and_leaves_the_original(qapp: Any) -> None:
    label = QLabel()
    strong = bold(label.font())
    assert strong.bold() and not label.font().bold()
    assert strong.pointSizeF() == label.font().pointSizeF()
