"""The alerts list: every alert of the workspace with its kind, what is wrong and what to do.

A list view over a plain model of `Alert`s with a painting delegate, so thousands of alerts (the
`stress` sample raises 2,700) cost only the rows on screen. Rows have one height: the message is
wrapped to two lines and elided, the whole of it is in the tooltip. Double-click, Enter or the
Open button opens the item in its view; the kind filter narrows the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.alerts import Alert, AlertKind

_Index = QModelIndex | QPersistentModelIndex
ALERT_ROLE = Qt.ItemDataRole.UserRole

BADGES: dict[AlertKind, tuple[str, str]] = {
    AlertKind.READINESS: ("#f0c36d", "#1f2933"),
    AlertKind.CAPABILITY_GAP: ("#f4b6ae", "#1f2933"),
    AlertKind.RISK_ABOVE_APPETITE: ("#c62828", "#ffffff"),
    AlertKind.REVIEW_OVERDUE: ("#ef8f00", "#1f2933"),
    AlertKind.CASE_MISSING: ("#9ccbe8", "#1f2933"),
    AlertKind.NEGATIVE_NPV: ("#8e1c1c", "#ffffff"),
}
"""Badge fill and ink per kind; the badge names the kind, so the colour only helps."""
VIEW_NAMES = {"board": "Board", "roi": "ROI", "matrix": "Matrix", "risks": "Risks"}
PAD = 8


class AlertsModel(QAbstractListModel):
    """The alerts shown, in the workspace's order (initiatives in board order, then risks)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Alert] = []
        self._shown: list[Alert] = []
        self._kind: AlertKind | None = None

    def set_alerts(self, alerts: list[Alert]) -> None:
        self._all = alerts
        self._refilter()

    def set_kind(self, kind: AlertKind | None) -> None:
        if kind != self._kind:
            self._kind = kind
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        kind = self._kind
        self._shown = self._all if kind is None else [alert for alert in self._all if alert.kind == kind]
        self.endResetModel()

    def alert_at(self, row: int) -> Alert:
        return self._shown[row]

    def alerts(self) -> list[Alert]:
        """The alerts the list shows now."""
        return list(self._shown)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        alert = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{alert.kind.value}: {alert.message} What to do: {alert.action}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = VIEW_NAMES.get(alert.view, alert.view)
            return f"{alert.message}\n\nWhat to do: {alert.action}\n\nDouble-click to open it in the {where} view."
        if role == ALERT_ROLE:
            return alert
        return None


def two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """`text` wrapped at spaces into at most two lines of `width` pixels, the second elided."""
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first and words:  # one word wider than the line
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    rest = " ".join(words)
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]


class AlertDelegate(QStyledItemDelegate):
    """Paints an alert: kind badge, message (two lines), and "→ what to do" under it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.font = QFont()
        self.font.setPointSizeF(11)
        self.badge_font = QFont(self.font)
        self.badge_font.setPointSizeF(9)
        self.badge_font.setBold(True)
        self.action_font = QFont(self.font)
        self.action_font.setPointSizeF(10.5)
        self.action_font.setItalic(True)
        self._metrics = QFontMetrics(self.font)
        self._badge_metrics = QFontMetrics(self.badge_font)
        self._action_metrics = QFontMetrics(self.action_font)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt API
        height = (
            2 * PAD
            + self._badge_metrics.height()
            + 6
            + 2 * self._metrics.lineSpacing()
            + 2
            + self._action_metrics.lineSpacing()
        )
        return QSize(300, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        alert: Alert = index.data(ALERT_ROLE)
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        painter.save()
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor("#dbe8f7") if selected else palette.base())
        painter.setPen(QColor("#d5dbe3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        left, top, width = rect.left() + PAD, rect.top() + PAD, rect.width() - 2 * PAD
        fill, ink = BADGES.get(alert.kind, ("#d5dbe3", "#1f2933"))
        label = alert.kind.value.upper()
        badge = QRect(left, top, self._badge_metrics.horizontalAdvance(label) + 12, self._badge_metrics.height() + 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#1f2933"))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(self.badge_font)
        painter.setPen(QColor(ink))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QColor("#5f6b7a"))
        where = f"opens in {VIEW_NAMES.get(alert.view, alert.view)}"
        painter.drawText(
            QRect(badge.right() + 8, top, width - badge.width() - 8, badge.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            where,
        )
        y = badge.bottom() + 6
        painter.setFont(self.font)
        painter.setPen(QColor("#1f2933"))
        for line in two_lines(alert.message, self._metrics, width):
            painter.drawText(left, y + self._metrics.ascent(), line)
            y += self._metrics.lineSpacing()
        y = max(y, badge.bottom() + 6 + 2 * self._metrics.lineSpacing()) + 2
        painter.setFont(self.action_font)
        painter.setPen(QColor("#33475b"))
        action = self._action_metrics.elidedText(f"→ {alert.action}", Qt.TextElideMode.ElideRight, width)
        painter.drawText(left, y + self._action_metrics.ascent(), action)
        painter.restore()


class AlertList(QListView):
    """The list itself: Enter opens the current alert as a double-click does."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class AlertsPanel(QFrame):
    """Title with the count, a kind filter, the list and an Open button; emits `opened(alert)`."""

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPane")
        self.setStyleSheet("QFrame#alertsPane { background: white; border: 1px solid #d5dbe3; }")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1f2933;")
        self.model = AlertsModel(self)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Show alerts of kind"))
        self.kind.setToolTip(self.tr("Show only alerts of one kind"))
        self.kind.currentIndexChanged.connect(lambda _row: self.model.set_kind(self.chosen_kind()))
        self.list = AlertList()
        self.list.setModel(self.model)
        self.list.setItemDelegate(AlertDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Alerts"))
        self.list.doubleClicked.connect(self.open_index)
        self.list.open_requested.connect(self.open_index)
        self.list.selectionModel().currentChanged.connect(lambda *_args: self._update_button())
        self.open_button = QPushButton(self.tr("Open the item"))
        self.open_button.setToolTip(self.tr("Open the selected alert's initiative or risk in its view (Enter)"))
        self.open_button.clicked.connect(lambda: self.open_index(self.list.currentIndex()))
        self.empty = QLabel(self.tr("No alerts: the plan keeps to the readiness gate, the platform and the appetite."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #2e7d32; font-size: 12pt;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.kind)
        bottom = QHBoxLayout()
        hint = QLabel(self.tr("Double-click an alert to open it."))
        hint.setStyleSheet("color: #5f6b7a;")
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self._update_button()

    def show_alerts(self, alerts: list[Alert], per_kind: dict[AlertKind, int]) -> None:
        self.title.setText(self.tr("Alerts ({0})").format(len(alerts)) if alerts else self.tr("Alerts"))
        chosen = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds ({0})").format(len(alerts)), None)
        for kind in AlertKind:
            if per_kind.get(kind):
                self.kind.addItem(f"{kind.value.capitalize()} ({per_kind[kind]})", kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(False)
        self.model.set_kind(self.chosen_kind())
        self.model.set_alerts(alerts)
        self.empty.setVisible(not alerts)
        self.list.setVisible(bool(alerts))
        self.kind.setVisible(bool(alerts))
        self._update_button()

    def chosen_kind(self) -> AlertKind | None:
        value = self.kind.currentData()
        return AlertKind(value) if value else None

    def open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.alert_at(index.row()))

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def _update_button(self) -> None:
        self.open_button.setEnabled(self.list.currentIndex().isValid())
