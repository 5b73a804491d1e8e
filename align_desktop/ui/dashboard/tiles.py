"""The headline tiles: large figures readable at the back of the room, each opening the view behind it.

A tile is a focusable frame: a click, Enter or Space activates it. Parts of a tile's detail line
can be links of their own (`lane:Now`, `status:pilot`), so one tile can lead to several filters.
A tile that reports a problem (a loss, a gap, a risk above appetite) says so with ⚠ and a red
edge, not with colour alone.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

TILE_STYLE = """
QFrame#tile { background: white; border: 1px solid #d5dbe3; border-left: 6px solid #1565c0; border-radius: 6px; }
QFrame#tile[warn="true"] { border-left-color: #c62828; }
QFrame#tile:focus { border-color: #1565c0; }
QFrame#tile:hover { background: #f3f7fc; }
QLabel#tileTitle { color: #3d4a5c; font-size: 11pt; font-weight: bold; }
QLabel#tileValue { color: #1f2933; font-size: 22pt; font-weight: bold; }
QLabel#tileValue[warn="true"] { color: #b71c1c; }
QLabel#tileSide { color: #3d4a5c; font-size: 12pt; }
QLabel#tileHeader { color: #5f6b7a; font-size: 10pt; }
QLabel#tileDetail { color: #3d4a5c; font-size: 11pt; }
QLabel#tileDetail[large="true"] { font-size: 13pt; }
"""
LINK_STYLE = "color: #0d47a1; text-decoration: none; font-weight: bold;"


def link(href: str, text: str) -> str:
    """A link inside a tile's detail line."""
    return f'<a href="{escape(href)}" style="{LINK_STYLE}">{escape(text)}</a>'


class Tile(QFrame):
    """One headline figure: a title, a large value and a detail line."""

    activated = Signal()
    link_activated = Signal(str)

    def __init__(self, title: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(title)
        self.title.setObjectName("tileTitle")
        self.value = QLabel()
        self.value.setObjectName("tileValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.detail = QLabel()
        self.detail.setObjectName("tileDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.linkActivated.connect(self.link_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch()

    def show_figure(
        self, value: str, detail: str, *, warn: bool = False, tip: str | None = None, large: bool | None = None
    ) -> None:
        """Show `value` large and `detail` (rich text, may hold links) under it; without a value the detail
        is larger, unless `large` says otherwise."""
        large = not value if large is None else large
        self.value.setText(f"⚠ {value}" if warn else value)
        self.value.setVisible(bool(value))
        self.detail.setText(detail)
        if self.detail.property("large") != large:
            self.detail.setProperty("large", large)
            self.detail.style().unpolish(self.detail)
            self.detail.style().polish(self.detail)
        for widget in (self, self.value):
            if widget.property("warn") != warn:
                widget.setProperty("warn", warn)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        plain = re.sub(r"<[^>]+>", " ", detail)
        self.setAccessibleName(f"{self.title.text()}: {self.value.text()} {plain}".strip())
        if tip is not None:
            self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class ScenarioTile(Tile):
    """A tile holding a small table: one row per figure, the base scenario large between the other two."""

    COLUMNS = ("pessimistic", "base", "optimistic")

    def __init__(self, title: str, tip: str, rows: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, tip, parent)
        self.value.hide()
        self.detail.hide()
        self.cells: dict[tuple[str, str], QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        for column, name in enumerate(self.COLUMNS, start=1):
            header = QLabel(name)
            header.setObjectName("tileHeader")
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignRight)
        for row, figure in enumerate(rows, start=1):
            label = QLabel(figure)
            label.setObjectName("tileDetail")
            grid.addWidget(label, row, 0)
            for column, name in enumerate(self.COLUMNS, start=1):
                cell = QLabel()
                cell.setObjectName("tileValue" if name == "base" else "tileSide")
                grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignRight)
                self.cells[figure, name] = cell
        grid.setColumnStretch(0, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, grid)

    def show_values(self, values: dict[str, dict[str, str]], warn: dict[str, bool], tip: str) -> None:
        """`values[figure][scenario]`: the texts to show; `warn[figure]`: its base value is a loss."""
        for (figure, name), cell in self.cells.items():
            text = values[figure][name]
            cell.setText(f"⚠ {text}" if name == "base" and warn[figure] else text)
            if name == "base" and cell.property("warn") != warn[figure]:
                cell.setProperty("warn", warn[figure])
                cell.style().unpolish(cell)
                cell.style().polish(cell)
        base = ", ".join(f"{figure} {texts['base']}" for figure, texts in values.items())
        self.setAccessibleName(f"{self.title.text()}: {base}")
        self.setToolTip(tip)
