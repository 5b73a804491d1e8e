"""The items of a vote as large tiles: click one to give the current participant a dot, right-click to take one back.

Each tile shows the item's key and title and the current participant's dots on it, never the
totals: those stay hidden until the vote is revealed. Space or Return gives a dot to the tile
with the keyboard focus, Delete or Backspace takes one back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from align_desktop.store.vote_rows import VoteItem

_Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole
DOTS_ROLE = Qt.ItemDataRole.UserRole + 1
TILE_WIDTH_LINES = 11
"""A tile's width in line heights of its font (about 300 pixels at the panel's 15 points: four across)."""
TILE_MARGIN = 6
TEXT_MARGIN = 10
DOT_COLOUR = QColor("#1565c0")
TILE_BORDER = QColor("#90a4ae")
VOTED_BACKGROUND = QColor("#e3f2fd")


class TilesModel(QAbstractListModel):
    """The items shown (all, or those matching the filter) and the current participant's dots on each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: tuple[VoteItem, ...] = ()
        self._shown: list[VoteItem] = []
        self._dots: dict[str, int] = {}
        self._filter = ""
        self.participant = ""
        """The name the tooltips offer the dots of."""

    def set_items(self, items: tuple[VoteItem, ...], dots: dict[str, int], participant: str) -> None:
        self.beginResetModel()
        self._items, self._dots, self.participant = items, dots, participant
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        words = self._filter.casefold().split()
        self._shown = [
            item for item in self._items if all(word in f"{item.key} {item.title}".casefold() for word in words)
        ]

    def key_at(self, row: int) -> str:
        return self._shown[row].key

    def row_of(self, key: str) -> int | None:
        """The row showing item `key`; None when the filter hides it."""
        return next((row for row, item in enumerate(self._shown) if item.key == key), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._shown[index.row()]
        dots = self._dots.get(item.key, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == KEY_ROLE:
            return item.key
        if role == DOTS_ROLE:
            return dots
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.key} {item.title}: {dots} of {self.participant}'s dots"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} {1}\nClick: give {2} a dot · right-click: take one back").format(
                item.key, item.title, self.participant
            )
        return None


class TileDelegate(QStyledItemDelegate):
    """Paints a tile: the key in bold, the title over two lines, the participant's dots along the bottom."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt API
        """Room for the key, two lines of title and a row of dots, in the tile's font."""
        line = QFontMetrics(option.font).lineSpacing()
        margins = 2 * (TILE_MARGIN + TEXT_MARGIN)
        return QSize(line * TILE_WIDTH_LINES + margins, line * 4 + 4 + margins)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRect(option.rect).adjusted(TILE_MARGIN, TILE_MARGIN, -TILE_MARGIN, -TILE_MARGIN)
        dots = int(index.data(DOTS_ROLE))
        palette: QPalette = option.palette
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.Highlight) if focused else TILE_BORDER, 3 if focused else 1)
        )
        painter.setBrush(VOTED_BACKGROUND if dots else palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, 8, 8)
        text = box.adjusted(TEXT_MARGIN, TEXT_MARGIN, -TEXT_MARGIN, -TEXT_MARGIN)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1f2933") if dots else palette.color(QPalette.ColorRole.Text))
        line = painter.fontMetrics().lineSpacing()
        painter.drawText(
            text.adjusted(0, 0, 0, -text.height() + line), Qt.AlignmentFlag.AlignLeft, index.data(KEY_ROLE)
        )
        painter.setFont(option.font)
        title = text.adjusted(0, line, 0, -line - 4)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, index.data())
        diameter = line - 4
        step = diameter + 6
        shown = dots if dots * step <= text.width() else 1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT_COLOUR)
        for number in range(shown):
            painter.drawEllipse(text.left() + number * step, text.bottom() - diameter, diameter, diameter)
        if shown < dots:
            painter.setPen(DOT_COLOUR)
            count = QRect(text.left() + step, text.bottom() - line, text.width() - step, line)
            painter.drawText(count, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"× {dots}")
        painter.restore()


class TilesView(QListView):
    """The tiles in rows that wrap with the width; emits which item gets or loses a dot."""

    dot_added = Signal(str)
    dot_removed = Signal(str)

    def __init__(self, model: TilesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TileDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setAccessibleName(self.tr("Items to vote on"))

    def tiles(self) -> TilesModel:
        model = self.model()
        assert isinstance(model, TilesModel)
        return model

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            super().mousePressEvent(event)
            return
        self.setCurrentIndex(index)
        key = self.tiles().key_at(index.row())
        if event.button() == Qt.MouseButton.LeftButton:
            self.dot_added.emit(key)
        elif event.button() == Qt.MouseButton.RightButton:
            self.dot_removed.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            event.ignore()  # the panel's: they pick the participant
            return
        index = self.currentIndex()
        if index.isValid() and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dot_added.emit(self.tiles().key_at(index.row()))
        elif index.isValid() and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.dot_removed.emit(self.tiles().key_at(index.row()))
        else:
            super().keyPressEvent(event)
