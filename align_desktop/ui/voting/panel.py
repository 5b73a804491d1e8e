"""The vote panel: the facilitator enters the room's dots, reveals the result and writes it into a score.

Large type for the projector. Pick a participant (a button, or keys 1–9), click an item to give
them a dot, right-click to take one back; each dot is one undo step (Ctrl+Z works here too).
Totals stay hidden until "Reveal"; then the ranked result replaces the tiles and "Write into
score…" stores it as one step. The panel follows the workspace: an undo elsewhere shows here,
and undoing the vote's creation closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.voting import VOTE_SCORES, VOTE_SUBJECTS, scores_from_dots
from align_desktop.store.changes import Revert
from align_desktop.store.errors import NotFound, WorkspaceError
from align_desktop.store.vote_rows import VoteBoard, VoteResult
from align_desktop.ui.emphasis import ERROR_COLOUR, strong_label
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.shortcuts import standard_keys
from align_desktop.ui.voting.participants import ParticipantBar
from align_desktop.ui.voting.results import ResultList
from align_desktop.ui.voting.tiles import TilesModel, TilesView

PANEL_STYLE = """
QWidget { font-size: 15pt; }
QLabel#heading { font-size: 24pt; font-weight: bold; }
QLabel#countdown { font-size: 20pt; font-weight: bold; }
QLabel#hint { font-size: 12pt; }
QTreeWidget { font-size: 17pt; }
QTreeWidget::item { padding: 6px 2px; }
"""
"""Type sizes read from the back of the room (a style sheet, so that every control of the panel follows)."""
COUNTDOWN_TICK_MS = 500
PANEL_SIZE = (1280, 800)
"""The panel's size, or less: it never reaches past the screen it opens on (a projector may be 1280×720)."""


def _fitting(parent: QWidget | None) -> QSize:
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() * 0.95
    return QSize(*PANEL_SIZE).boundedTo(room)


class VotePanel(QDialog):
    """One vote of the running session, entered and revealed on the projector."""

    def __init__(
        self, workspace: OpenWorkspace, vote_id: int, prompter: Prompter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._workspace = workspace
        self._prompter = prompter
        self.vote_id = vote_id
        self.board: VoteBoard | None = None
        self.vote_result: VoteResult | None = None
        self.setStyleSheet(PANEL_STYLE)
        self.resize(_fitting(parent))

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel()
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown.setToolTip(self.tr("The agenda item's time left: the presenter's countdown, shown here too"))
        self.countdown.hide()
        self._countdown_text: Callable[[], str | None] = lambda: None
        self._ticker = QTimer(self)
        self._ticker.setInterval(COUNTDOWN_TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.participants = ParticipantBar()
        self.participants.picked.connect(lambda _id: self._show_tiles())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter items: key or words of the title"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter items"))
        self.filter.setToolTip(self.tr("Show only the items whose key or title contains every word typed"))
        self.tiles_model = TilesModel(self)
        self.filter.textChanged.connect(self.tiles_model.set_filter)
        self.tiles = TilesView(self.tiles_model)
        self.tiles.dot_added.connect(self.add_dot)
        self.tiles.dot_removed.connect(self.remove_dot)
        self.ranking = ResultList()
        self.message = QLabel()
        self.message.setWordWrap(True)
        strong_label(self.message, ERROR_COLOUR)
        self.message.setAccessibleName(self.tr("Message"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._entering = QWidget()
        entering = QVBoxLayout(self._entering)
        entering.setContentsMargins(0, 0, 0, 0)
        entering.addWidget(self.filter)
        entering.addWidget(self.tiles, 1)
        entering.addWidget(self.hint)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._entering)
        self.pages.addWidget(self.ranking)

        self.reveal_button = QPushButton(self.tr("&Reveal"))
        self.reveal_button.setToolTip(self.tr("Show the totals and the ranking; the dots are final from then on"))
        self.reveal_button.clicked.connect(self.reveal)
        self.write_button = QPushButton(self.tr("&Write into Score…"))
        self.write_button.clicked.connect(self.write_into_score)
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("Close the panel; the vote and its dots are kept with the session"))
        close.clicked.connect(self.close)
        self._build_layout(close)
        self._following = True
        workspace.changed.connect(self.reload)
        workspace.destroyed.connect(self._workspace_closed)
        self.reload()

    def _build_layout(self, close: QPushButton) -> None:
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        status = QVBoxLayout()
        status.addWidget(self.countdown)
        status.addWidget(self.status)
        top.addLayout(status)
        buttons = QHBoxLayout()
        for action, name in ((self._undo_action(), self.tr("Undo")), (self._redo_action(), self.tr("Redo"))):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(name)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top)
        layout.addWidget(self.participants)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _undo_action(self) -> QAction:
        action = self._workspace.undo_stack.createUndoAction(self, self.tr("Undo"))
        action.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.addAction(action)
        return action

    def _redo_action(self) -> QAction:
        action = self._workspace.undo_stack.createRedoAction(self, self.tr("Redo"))
        action.setShortcuts(standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.addAction(action)
        return action

    def follow_countdown(self, text: Callable[[], str | None]) -> None:
        """Show `text()` (the running agenda item's countdown, None when no session runs) and keep it current."""
        self._countdown_text = text
        self._tick()
        self._ticker.start()

    def _tick(self) -> None:
        text = self._countdown_text()
        self.countdown.setVisible(text is not None)
        self.countdown.setText(text or "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The items take the keys first: 1–9 pick a participant rather than type into the filter."""
        super().showEvent(event)
        self.tiles.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Keys 1–9 pick the participant (they reach here unless the filter field takes them as text)."""
        number = event.key() - Qt.Key.Key_0
        if 1 <= number <= 9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.participants.pick_number(number)
            return
        super().keyPressEvent(event)

    # showing

    def reload(self) -> None:
        """Read the vote again; close when it is gone (its creation undone)."""
        if not self._following:
            return
        try:
            self.board = self._workspace.votes.board(self.vote_id)
            self.vote_result = self._workspace.votes.results(self.vote_id) if self.board.vote.revealed else None
        except NotFound:
            self.close()
            return
        vote = self.board.vote
        self.setWindowTitle(self.tr("Dot vote — {0}").format(vote.title))
        self.heading.setText(vote.title)
        self.subtitle.setText(
            self.tr("{0} · {1} dots each · session: {2}").format(
                self.tr(VOTE_SUBJECTS[vote.subject]), vote.dots_per_participant, vote.session_title
            )
        )
        self.participants.show_board(self.board)
        self.participants.setVisible(not vote.revealed)
        self.reveal_button.setEnabled(not vote.revealed)
        self._show_tiles()
        if self.vote_result is not None:
            self.ranking.show_result(self.vote_result)
            self.pages.setCurrentWidget(self.ranking)
        else:
            self.pages.setCurrentWidget(self._entering)
        self.status.setText(self._status_text())
        self._show_write_button()

    def _show_tiles(self) -> None:
        if self.board is None:
            return
        current = self.participants.current()
        name = next((p.name for p in self.board.participants if p.id == current), "")
        dots = {key: count for (person, key), count in self.board.dots.items() if person == current}
        focused = self.tiles.currentIndex()
        key = self.tiles_model.key_at(focused.row()) if focused.isValid() else None
        self.tiles_model.set_items(self.board.items, dots, name)
        row = None if key is None else self.tiles_model.row_of(key)
        if row is not None:  # the tile clicked keeps the keyboard's place (Space adds the next dot there)
            self.tiles.setCurrentIndex(self.tiles_model.index(row))
        self.hint.setText(
            self.tr(
                "Click an item to give {0} a dot; right-click takes one back (or Space and Delete). "
                "Keys 1–9 pick the participant. Totals stay hidden until you reveal them."
            ).format(name or self.tr("the participant"))
        )

    def _status_text(self) -> str:
        assert self.board is not None
        vote = self.board.vote
        if not vote.revealed:
            placed = sum(person.placed for person in self.board.participants)
            possible = vote.dots_per_participant * len(self.board.participants)
            return self.tr("Hidden until revealed\n{0} of {1} dots placed").format(placed, possible)
        for target in VOTE_SCORES[vote.subject]:
            if target.field == vote.written_to:
                return self.tr("Revealed\nwritten into {0}").format(self.tr(target.label))
        return self.tr("Revealed")

    def _show_write_button(self) -> None:
        assert self.board is not None
        targets = VOTE_SCORES[self.board.vote.subject]
        self.write_button.setEnabled(bool(targets) and self.vote_result is not None and bool(self.vote_result.ranking))
        if not targets:
            self.write_button.setToolTip(
                self.tr(
                    "A vote on {0} ranks them but writes no score: maturity and risk ratings are assessed "
                    "on their own scales, not voted"
                ).format(self.tr(VOTE_SUBJECTS[self.board.vote.subject]).lower())
            )
        else:
            self.write_button.setToolTip(
                self.tr("Write the ranking into {0} of the voted items, as one undo step (after Reveal)").format(
                    " or ".join(self.tr(target.label) for target in targets)
                )
            )

    # actions

    def _perform(self, text: str, action: Callable[[], Revert]) -> bool:
        """One undo step; a refusal is said under the tiles, a store error in a message."""
        try:
            self._workspace.perform(text, action)
        except ValidationError as error:
            self.message.setText(f"{error.field}: {error.message}.")
            return False
        except (WorkspaceError, LookupError) as error:
            self._prompter.error(self.tr("Not saved"), str(error))
            self.reload()
            return False
        self.message.clear()
        return True

    def add_dot(self, key: str) -> None:
        participant = self.participants.current()
        if participant is None:
            self.message.setText(self.tr("The session has no participants: add them in the Workshop view."))
            return
        votes = self._workspace.votes
        self._perform(self.tr("Dot on {0}").format(key), lambda: votes.add_dot(self.vote_id, participant, key))

    def remove_dot(self, key: str) -> None:
        participant = self.participants.current()
        if participant is None:
            return
        votes = self._workspace.votes
        self._perform(
            self.tr("Take back a dot on {0}").format(key), lambda: votes.remove_dot(self.vote_id, participant, key)
        )

    def reveal(self) -> None:
        votes = self._workspace.votes
        self._perform(self.tr("Reveal the vote"), lambda: votes.reveal(self.vote_id))

    def write_into_score(self) -> None:
        """Ask which score (saying how dots become its values), then write it as one step."""
        if self.board is None or self.vote_result is None:
            return
        targets = VOTE_SCORES[self.board.vote.subject]
        dots = {item.key: item.dots for item in self.vote_result.ranking}
        lines = []
        for target in targets:
            preview = list(scores_from_dots(dots, target).items())
            shown = ", ".join(f"{key} {score}" for key, score in preview[:5]) + (", …" if len(preview) > 5 else "")
            lines.append(self.tr("{0}: {1}").format(self.tr(target.label), shown))
        message = self.tr(
            "The item with the most dots gets the top of the score and every other voted item its share in "
            "proportion to its dots (rounded); items without a dot keep their score. One undo step.\n\n{0}"
        ).format("\n".join(lines))
        choice = self._prompter.choose(self.tr("Write into score"), message, [self.tr(t.label) for t in targets])
        if choice is None:
            return
        target = targets[choice]
        votes = self._workspace.votes
        self._perform(
            self.tr("Write vote into {0}").format(self.tr(target.label)),
            lambda: votes.write_scores(self.vote_id, target.field),
        )

    def _workspace_closed(self) -> None:
        self._following = False
        self.close()

    def done(self, result: int) -> None:
        """Closed (the button, Escape, the window's close): stop following the workspace."""
        if self._following:
            self._following = False
            self._workspace.changed.disconnect(self.reload)
        super().done(result)
