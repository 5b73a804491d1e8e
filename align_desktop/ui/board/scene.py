"""The board's graphics scene: lays out lanes and cards, filters them, and turns drops into moves.

The scene never changes the workspace itself: a drop emits `move_requested(key, lane_id, index)`
with the index among all cards of the lane, and the view performs the move as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from align_desktop.domain.board_filter import BoardFilter, matches
from align_desktop.store.board_rows import BoardRows, InitiativeRow
from align_desktop.ui.board import style
from align_desktop.ui.board.card import CardExtras, CardItem
from align_desktop.ui.board.lane import LaneItem


class BoardScene(QGraphicsScene):
    """Lanes side by side, each with its cards stacked in board order."""

    move_requested = Signal(str, int, int)
    edit_requested = Signal(str)

    def __init__(self, parent: QObject) -> None:
        # a child of its view: Qt deletes the scene and its cards with the view, so no card can
        # outlive its Python object inside a live scene (the collector frees those in any order)
        super().__init__(parent)
        self.setBackgroundBrush(QColor("#f8f9fb"))
        self.lanes: list[LaneItem] = []
        self.cards: dict[str, CardItem] = {}
        self._columns: dict[int, list[CardItem]] = {}
        self._filter = BoardFilter()
        self.focus: Callable[[InitiativeRow], bool] | None = None
        """Shows only the cards it accepts, on top of the filter (the dashboard's click-through sets it)."""
        self.card_width: float = style.CARD_MIN_WIDTH
        self._drop_mark = QGraphicsLineItem()
        self._drop_mark.setPen(QPen(style.DROP_MARK, 4))
        self._drop_mark.setZValue(20)
        self._drop_mark.hide()
        self.addItem(self._drop_mark)

    # building

    def show_board(self, board: BoardRows, board_filter: BoardFilter, card_width: float) -> None:
        """Replace every lane and card with those of `board`, filtered, keeping the selection."""
        selected = self.selected_key()
        for item in [*self.lanes, *self.cards.values()]:
            self.removeItem(item)
        self.lanes = []
        self.cards = {}
        self._columns = {lane.id: [] for lane in board.lanes}
        self.card_width = card_width
        for lane in board.lanes:
            item = LaneItem(lane, self.card_width)
            self.addItem(item)
            self.lanes.append(item)
        gate = board.settings.readiness_gate
        currency = board.settings.currency
        for row in board.initiatives:
            extras = CardExtras(
                currency,
                board.npv.get(row.key),
                tuple(board.capability_gaps.get(row.key, ())),
                tuple(board.risks_above_appetite.get(row.key, ())),
            )
            card = CardItem(row, gate, self.card_width, extras)
            self.addItem(card)
            self.cards[row.key] = card
            self._columns[row.lane_id].append(card)
        self.apply_filter(board_filter)
        if selected in self.cards:
            self.select(selected)

    def set_card_width(self, width: float) -> None:
        """Widen or narrow every card (the view fits the lanes to its width)."""
        if width == self.card_width:
            return
        self.card_width = width
        for card in self.cards.values():
            card.set_width(width)
        self._layout()

    @property
    def _lane_step(self) -> float:
        return self.card_width + 2 * style.LANE_PADDING + style.LANE_GAP

    def apply_filter(self, board_filter: BoardFilter) -> None:
        """Show only the cards that pass `board_filter` (and `focus`), packed to the top of their lanes."""
        self._filter = board_filter
        empty = board_filter.is_empty
        focus = self.focus
        for card in self.cards.values():
            card.setVisible((empty or matches(card.facts, board_filter)) and (focus is None or focus(card.row)))
        self._layout()

    def _layout(self) -> None:
        tallest = 0
        for lane_item in self.lanes:
            shown = [c for c in self._columns[lane_item.lane.id] if c.isVisible()]
            tallest = max(tallest, len(shown))
        lane_height = style.LANE_HEADER + max(1, tallest) * (style.CARD_HEIGHT + style.CARD_GAP) + style.LANE_PADDING
        for column, lane_item in enumerate(self.lanes):
            lane_item.setPos(style.MARGIN + column * self._lane_step, style.MARGIN)
            cards = self._columns[lane_item.lane.id]
            shown = [c for c in cards if c.isVisible()]
            lane_item.set_geometry(self.card_width, lane_height, len(shown), len(cards))
            for row, card in enumerate(shown):
                card.setPos(self._slot(column, row))
        width = 2 * style.MARGIN + len(self.lanes) * self._lane_step - style.LANE_GAP
        self.setSceneRect(QRectF(0, 0, width, lane_height + 2 * style.MARGIN))

    def _slot(self, column: int, row: int) -> QPointF:
        return QPointF(
            style.MARGIN + column * self._lane_step + style.LANE_PADDING,
            style.MARGIN + style.LANE_HEADER + row * (style.CARD_HEIGHT + style.CARD_GAP),
        )

    # queries used by the view

    def visible_cards(self, lane_id: int) -> list[CardItem]:
        return [c for c in self._columns[lane_id] if c.isVisible()]

    def lane_size(self, lane_id: int) -> int:
        """Number of cards in a lane, shown or not."""
        return len(self._columns[lane_id])

    def selected_key(self) -> str | None:
        selected = [i for i in self.selectedItems() if isinstance(i, CardItem)]
        return selected[0].key if selected else None

    def select(self, key: str) -> None:
        self.clearSelection()
        card = self.cards[key]
        card.setSelected(True)
        card.setFocus()
        for view in self.views():
            view.ensureVisible(card, 24, 24)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802 - Qt override
        """Show the tooltip of the card under the pointer."""
        for item in self.items(event.scenePos()):
            if isinstance(item, CardItem):
                QToolTip.showText(event.screenPos(), item.tooltip())
                return
        QToolTip.hideText()

    # dragging

    def _drop_target(self, card: CardItem) -> tuple[int, int, int] | None:
        """(lane column, lane id, index among the lane's visible other cards) under the card."""
        if not self.lanes:
            return None
        centre = card.sceneBoundingRect().center()
        column = int((centre.x() - style.MARGIN + style.LANE_GAP / 2) // self._lane_step)
        column = max(0, min(column, len(self.lanes) - 1))
        lane_id = self.lanes[column].lane.id
        others = [c for c in self.visible_cards(lane_id) if c is not card]
        index = sum(1 for c in others if c.sceneBoundingRect().center().y() < centre.y())
        return column, lane_id, index

    def show_drop_target(self, card: CardItem) -> None:
        """Draw the insertion mark where `card` would land if dropped now."""
        target = self._drop_target(card)
        if target is None:
            return
        column, _, index = target
        slot = self._slot(column, index)
        y = slot.y() - style.CARD_GAP / 2
        self._drop_mark.setLine(slot.x(), y, slot.x() + self.card_width, y)
        self._drop_mark.show()

    def drop_card(self, card: CardItem) -> None:
        """Turn a finished drag into a move request, or put the card back if it did not move."""
        self._drop_mark.hide()
        target = self._drop_target(card)
        if target is None:
            return
        _, lane_id, visible_index = target
        others = [c for c in self.visible_cards(lane_id) if c is not card]
        if visible_index < len(others):
            index = others[visible_index].row.position
            if lane_id == card.row.lane_id and card.row.position < index:
                index -= 1
        else:
            index = others[-1].row.position + 1 if others else self.lane_size(lane_id)
            if lane_id == card.row.lane_id and others and card.row.position < index:
                index -= 1
        if lane_id == card.row.lane_id and index == card.row.position:
            self._layout()
            return
        self.move_requested.emit(card.key, lane_id, index)
