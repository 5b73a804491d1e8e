"""The scrolling, zoomable view of the board scene, with keyboard navigation between cards."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from align_desktop.ui.board import style
from align_desktop.ui.board.card import CardItem
from align_desktop.ui.board.scene import BoardScene

ZOOM_STEP = 1.15
ZOOM_MIN = 0.4
ZOOM_MAX = 2.5


class BoardCanvas(QGraphicsView):
    """Arrow keys move the selection; Enter edits; Delete deletes (through the view's signals)."""

    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Roadmap board"))
        # cards move by mouse, not drag and drop: a file dragged over the board goes on to the window, which opens it
        self.setAcceptDrops(False)
        # a viewport of our own takes the view's refusal of drops (setupViewport); and Python knows it, so asking for
        # it never makes PySide6 look through every widget class for its type (15 ms at start-up, the first time)
        self.setViewport(QWidget())
        self.zoom = 1.0

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)
        self.fit_lanes()

    def card_width(self, lanes: int) -> float:
        """Card width at which `lanes` lanes fill the visible width at the current zoom."""
        return style.card_width_for(self.viewport().width() / self.zoom, lanes)

    def zoom_showing_every_lane(self) -> float:
        """The largest zoom at which every lane fits the width beside a vertical scroll bar, cards at their least."""
        width = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()
        return width / style.narrowest_board_width(max(1, len(self.board.lanes)))

    def fit_lanes(self) -> None:
        """Size the cards so that the lanes fill the visible width."""
        self.board.set_card_width(self.card_width(len(self.board.lanes)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_lanes()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """An open hand over a card says it can be dragged."""
        if event.buttons() == Qt.MouseButton.NoButton:
            over_card = isinstance(self.itemAt(event.position().toPoint()), CardItem)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if over_card else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.set_zoom(self.zoom * factor)
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        selected = self.board.selected_key()
        if plain and key in arrows:
            self.move_selection(*arrows[key])
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            self.edit_requested.emit(selected)
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
            self.delete_requested.emit(selected)
        else:
            super().keyPressEvent(event)

    def move_selection(self, columns: int, rows: int) -> None:
        """Select the neighbouring visible card: across lanes keeps the row where it can."""
        lanes = [lane.lane.id for lane in self.board.lanes]
        key = self.board.selected_key()
        if key is None:
            for lane_id in lanes:
                shown = self.board.visible_cards(lane_id)
                if shown:
                    self.board.select(shown[0].key)
                    return
            return
        card = self.board.cards[key]
        column = lanes.index(card.row.lane_id)
        row = self.board.visible_cards(card.row.lane_id).index(card)
        if rows:
            shown = self.board.visible_cards(card.row.lane_id)
            target = max(0, min(len(shown) - 1, row + rows))
            self.board.select(shown[target].key)
            return
        column += columns
        while 0 <= column < len(lanes):
            shown = self.board.visible_cards(lanes[column])
            if shown:
                self.board.select(shown[min(row, len(shown) - 1)].key)
                return
            column += columns
