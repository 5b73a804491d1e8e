"""The presenter panel: in place of the view navigation while a session runs, on the left of whatever view is shown.

Large light type on near-black: the session, the current agenda item and its countdown (amber in
the last minute, red over time), the buttons for the presenter's keys, then the agenda itself,
which is the navigation now (click an item to make it current), and the views, still a click or
Ctrl+number away.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.countdown import LAST_MINUTE, ON_TIME, OVER_TIME, clock_text
from align_desktop.ui.views import VIEWS
from align_desktop.ui.workshop import style
from align_desktop.ui.workshop.agenda_clock import AgendaClock

TICK_MS = 250
_MARGIN = 16
_COUNTDOWN_PADDING = 10
_WIDEST_TIME = "+88:88"
_ITEM_PADDING = 18
"""Pixels around an agenda line's text (`style.PANEL_STYLE`: 8 above and below, 6 aside, a border)."""
_TEXT_INSET = 24
"""Pixels of a line's width its text cannot use: 6 aside each way, the current line's 6-pixel mark, and slack."""


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _countdown_font(width: int) -> QFont:
    """The countdown's type: as large as `style.COUNTDOWN_POINTS`, or smaller where the widest time needs it."""
    points = float(style.COUNTDOWN_POINTS)
    font = _font(points, bold=True)
    while points > style.TITLE_POINTS and QFontMetrics(font).horizontalAdvance(_WIDEST_TIME) > width:
        points -= 2
        font = _font(points, bold=True)
    return font


class PresenterPanel(QFrame):
    """Countdown, presenter buttons, agenda and views, refreshed a few times a second while shown."""

    item_chosen = Signal(int)
    """The agenda item (its index) the facilitator clicked."""
    view_requested = Signal(str)

    def __init__(self, actions: list[QAction], end_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterPanel")
        self.setStyleSheet(style.PANEL_STYLE)
        self.setFixedWidth(style.PANEL_WIDTH)
        self.clock: AgendaClock | None = None
        self.session = QLabel()
        self.session.setObjectName("quiet")
        self.session.setFont(_font(style.SMALL_POINTS))
        self.session.setWordWrap(True)
        self.item_title = QLabel()
        self.item_title.setFont(_font(style.TITLE_POINTS, bold=True))
        self.item_title.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setFont(_countdown_font(style.PANEL_WIDTH - 2 * _MARGIN - 2 * _COUNTDOWN_PADDING))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setAccessibleName(self.tr("Time left"))
        self.countdown.setMinimumHeight(self.countdown.fontMetrics().height() + 16)
        self.state = QLabel()
        self.state.setFont(_font(style.SMALL_POINTS, bold=True))
        self.state.setWordWrap(True)

        buttons = QGridLayout()
        buttons.setSpacing(6)
        for number, action in enumerate(actions):
            buttons.addWidget(self._button(action, style.SMALL_POINTS), number // 2, number % 2)

        self.agenda = QListWidget()
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setToolTip(self.tr("Click an item to make it the current one"))
        self.agenda.setFont(_font(style.AGENDA_POINTS))
        self.agenda.setWordWrap(True)
        self.agenda.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped titles follow the panel's width
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.itemClicked.connect(lambda item: self.item_chosen.emit(self.agenda.row(item)))

        views = QGridLayout()
        views.setSpacing(4)
        for number, spec in enumerate(VIEWS):
            button = QToolButton()
            button.setObjectName("views")
            button.setText(spec.title)
            button.setToolTip(
                self.tr("Show the {0} view (Ctrl+{1}); the countdown stays").format(spec.title, number + 1)
            )
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, name=spec.name: self.view_requested.emit(name))
            views.addWidget(button, number // 3, number % 3)
        views_title = QLabel(self.tr("Views"))
        views_title.setObjectName("quiet")
        end = QHBoxLayout()
        end.addWidget(self._button(end_action, style.SMALL_POINTS))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN, 14, _MARGIN, 14)
        layout.setSpacing(8)
        layout.addWidget(self.session)
        layout.addWidget(self.item_title)
        layout.addWidget(self.countdown)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(views_title)
        layout.addLayout(views)
        layout.addLayout(end)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)

    def _button(self, action: QAction, points: float) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFont(_font(points, bold=True))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(action.text().replace("&", ""))
        return button

    def show_clock(self, clock: AgendaClock | None) -> None:
        """Present `clock` (None: stop), refreshing while shown."""
        self.clock = clock
        self.fill_agenda()
        self.refresh()
        if clock is None:
            self.timer.stop()
        else:
            self.timer.start()

    def fill_agenda(self) -> None:
        self.agenda.clear()
        if self.clock is None:
            return
        for number in range(len(self.clock.items)):
            self.agenda.addItem(QListWidgetItem(self._agenda_text(self.clock, number)))
        self.refresh()

    def refresh(self) -> None:
        """Show the countdown as it stands now, and each agenda item's time."""
        clock = self.clock
        if clock is None or clock.current is None or clock.countdown is None:
            self.session.setText(clock.session_title if clock else "")
            self.item_title.setText(self.tr("No agenda items"))
            self.countdown.setText("")
            self.state.setText(self.tr("Add agenda items in the session editor (Workshop view)."))
            return
        now = clock.now()
        countdown = clock.countdown
        self.session.setText(f"{clock.session_key} · {clock.session_title}")
        self.item_title.setText(
            self.tr("{0} of {1}: {2}").format(clock.index + 1, len(clock.items), clock.current.title)
        )
        left = countdown.remaining(now)
        state = countdown.state(now)
        self.countdown.setText(clock_text(left))
        foreground, background = style.COUNTDOWN_COLOURS[state]
        if not countdown.running and state == ON_TIME:
            foreground = style.PAUSED_TEXT
        self.countdown.setStyleSheet(
            f"color: {foreground}; background: {background}; border-radius: 10px; padding: 4px {_COUNTDOWN_PADDING}px;"
        )
        self.countdown.setProperty("state", state)
        self.state.setText(self._state_text(clock, state))
        width = self.agenda.viewport().width() - _ITEM_PADDING
        for number in range(min(self.agenda.count(), len(clock.items))):
            item = self.agenda.item(number)
            text = self._agenda_text(clock, number)
            if item.text() != text or item.sizeHint().width() != width:
                item.setText(text)
                item.setSizeHint(self._item_size(text, width))
                done = number != clock.index and clock.items[number].spent_seconds > 0
                item.setForeground(QColor(style.DONE if done else style.TEXT))
        if self.agenda.currentRow() != clock.index:
            self.agenda.setCurrentRow(clock.index)

    def _item_size(self, text: str, width: int) -> QSize:
        """Room for `text` wrapped at `width` (a title may take a line more as it gains a mark or a time)."""
        text_width = width - _TEXT_INSET
        bounds = self.agenda.fontMetrics().boundingRect(QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + _ITEM_PADDING)

    def _state_text(self, clock: AgendaClock, state: str) -> str:
        countdown = clock.countdown
        assert countdown is not None and clock.current is not None
        parts = [self.tr("Time box {0} min").format(clock.current.time_box_minutes)]
        if countdown.extra_seconds:
            parts.append(self.tr("+{0} min added").format(countdown.extra_seconds // 60))
        if state == LAST_MINUTE:
            parts.append(self.tr("last minute"))
        elif state == OVER_TIME:
            parts.append(self.tr("over time"))
        if not countdown.running:
            parts.append(self.tr("paused — Space resumes"))
        return " · ".join(parts)

    def _agenda_text(self, clock: AgendaClock, number: int) -> str:
        item = clock.items[number]
        spent = clock.spent_seconds(number)
        head = f"{number + 1}. {item.title}"
        if number == clock.index:
            return f"▶ {head}\n    {self.tr('{0} min · now').format(item.time_box_minutes)}"
        if spent:
            return f"✓ {head}\n    {self.tr('{0} min · took {1}').format(item.time_box_minutes, clock_text(spent))}"
        return f"   {head}\n    {self.tr('{0} min').format(item.time_box_minutes)}"
