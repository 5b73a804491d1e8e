"""The empty-state hint: what a view is for and what to do first, shown in place of a view with nothing to show.

A blank workspace opens on views with nothing in them. Rather than empty tables and charts, each
such view shows an `EmptyState` in the product's vocabulary, with a button for the first step;
`EmptyStateStack` swaps between the view's content and its hint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

_CARD_STYLE = (
    "QFrame#emptyStateCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }"
)
_CARD_MAX_WIDTH = 720


class EmptyState(QWidget):
    """A centred card: a title, what the view is for, what to do first, and a button for that first step."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label(scale=1.6, bold=True)
        self.purpose = _label(scale=1.1)
        self.first_step = _label(scale=1.1, bold=True)
        self.button = QPushButton()
        self.button.setDefault(True)
        button_font = QFont(self.button.font())
        button_font.setPointSizeF(button_font.pointSizeF() * 1.1)
        self.button.setFont(button_font)
        self.button.setMinimumSize(
            self.button.fontMetrics().averageCharWidth() * 22, self.button.fontMetrics().height() * 2
        )
        self.button.clicked.connect(self.action_clicked)

        card = QFrame()
        card.setObjectName("emptyStateCard")
        card.setStyleSheet(_CARD_STYLE)
        card.setMaximumWidth(_CARD_MAX_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 28, 36, 28)
        inner.setSpacing(14)
        inner.addWidget(self.title)
        inner.addWidget(self.purpose)
        inner.addWidget(self.first_step)
        button_row = QHBoxLayout()
        button_row.addStretch()
        button_row.addWidget(self.button)
        button_row.addStretch()
        inner.addLayout(button_row)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)

    def show_message(self, title: str, purpose: str, first_step: str, action: str | None = None) -> None:
        """Say what the view is for and what to do first; `action` labels the button (none without it)."""
        self.title.setText(title)
        self.purpose.setText(purpose)
        self.first_step.setText(first_step)
        self.button.setText(action or "")
        self.button.setVisible(action is not None)


class EmptyStateStack(QStackedWidget):
    """A view's content, or its empty-state hint in its place."""

    def __init__(self, content: QWidget, hint: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.hint = hint
        self.addWidget(content)
        self.addWidget(hint)

    def show_hint(self, shown: bool) -> None:
        """Show the hint (the view has nothing to show) or the content."""
        self.setCurrentWidget(self.hint if shown else self.content)


def _label(scale: float, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label
