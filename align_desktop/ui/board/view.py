"""The board view: filter bar above the board canvas, and the board's actions; with no initiative yet, an
empty-state hint in their place.

Every action goes through `OpenWorkspace.perform`, so each is one transaction and one undo step. The dialog's
edit is made against the version of the initiative it was filled from (`stale_edits`); moving a card is not
checked: it changes where the card sits, none of the fields the user read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.board_filter import BoardFilter
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import DECISION_POINTS
from align_desktop.store.board_rows import BoardRows
from align_desktop.store.changes import Revert
from align_desktop.store.errors import WorkspaceError
from align_desktop.ui.board.canvas import ZOOM_STEP, BoardCanvas
from align_desktop.ui.board.scene import BoardScene
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.stale_edits import perform_edit
from align_desktop.ui.view import WorkspaceView

_ALL = None
_CHIP_STYLE = (
    "QPushButton { background: #e3f2fd; color: #0d47a1; border: 1px solid #64b5f6; border-radius: 11px;"
    " padding: 3px 12px; font-weight: bold; }"
    " QPushButton:hover { background: #bbdefb; }"
)


class BoardView(WorkspaceView):
    """Lanes of initiative cards, filterable, rearranged by drag or keyboard."""

    vote_requested = Signal(str)
    """Start a dot vote on the initiatives ("Dot vote…"); the main window opens it."""

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self.rows: BoardRows | None = None
        self.scene = BoardScene(self)
        self.scene.move_requested.connect(self.move_card)
        self.scene.edit_requested.connect(self.edit_card)
        self.canvas = BoardCanvas(self.scene)
        self.canvas.edit_requested.connect(self.edit_card)
        self.canvas.delete_requested.connect(self.delete_card)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter cards: key, title, team, owner…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter cards"))
        self.search.setToolTip(
            self.tr(
                "Show cards whose key, title, outcome, team, owner, decision point, status or description "
                "contains every word typed (Ctrl+F)"
            )
        )
        self.search.textChanged.connect(self._filter_changed)
        self.outcome_filter = self._filter_combo(
            self.tr("All outcomes"),
            self.tr("Outcome filter"),
            self.tr("Show only the initiatives tied to this outcome"),
        )
        self.team_filter = self._filter_combo(
            self.tr("All teams"), self.tr("Team filter"), self.tr("Show only this team's initiatives")
        )
        self.decision_filter = self._filter_combo(
            self.tr("All decision points"),
            self.tr("Decision point filter"),
            self.tr("Show only the initiatives at this ML decision point"),
        )
        for choice in DECISION_POINTS:
            self.decision_filter.addItem(choice, choice)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(120)
        self.focus_chip = QPushButton()
        self.focus_chip.setStyleSheet(_CHIP_STYLE)
        self.focus_chip.setToolTip(self.tr("Showing the initiatives picked on the dashboard; click to show them all"))
        self.focus_chip.setAccessibleName(self.tr("Show every initiative"))
        self.focus_chip.clicked.connect(self.clear_focus)
        self.focus_chip.hide()
        vote_button = QPushButton(self.tr("Dot vote…"))
        vote_button.setToolTip(self.tr("Let the room vote on the initiatives with dots, in the running session"))
        vote_button.clicked.connect(lambda: self.vote_requested.emit("initiative"))
        new_button = QPushButton(self.tr("New initiative"))
        new_button.setToolTip(self.tr("Add an initiative to the first lane (Ctrl+I)"))
        new_button.clicked.connect(self.new_card)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.outcome_filter)
        bar.addWidget(self.team_filter)
        bar.addWidget(self.decision_filter)
        bar.addWidget(self.count_label)
        bar.addWidget(self.focus_chip)
        bar.addStretch()
        bar.addWidget(new_button)
        self.hint = QLabel(
            self.tr(
                "Drag cards between lanes to re-plan. Double-click or Enter edits a card; "
                "arrow keys move the selection, Alt+arrows move the card. "
                "The coloured edge shows readiness against the gate."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b7a;")
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 8, 8, 4)
        body_layout.addLayout(bar)
        body_layout.addWidget(self.canvas, 1)
        footer = QHBoxLayout()  # beside the hint, which wraps: the board keeps its narrowest width
        footer.addWidget(self.hint, 1)
        footer.addWidget(vote_button)
        body_layout.addLayout(footer)
        self.empty_state = EmptyState()
        self.empty_state.show_message(
            self.tr("No initiatives on the board yet"),
            self.tr(
                "The board is the roadmap. Each card is an initiative: a product feature where ML adds value, "
                "tied to a business outcome and to an ML decision point such as personalisation or forecasting. "
                "Cards sit in lanes (Now, Next, Later) and show their readiness: data availability, model risk, "
                "monitoring and compliance, each scored 0–4 against the readiness gate. Rearrange them live while "
                "the room argues; every move is saved at once."
            ),
            self.tr(
                "Add the first initiative; it goes to the first lane. Add outcomes first (View > Outcomes) "
                "to tie it to one, or tie it later."
            ),
            self.tr("New initiative"),
        )
        self.empty_state.action_clicked.connect(self.new_card)
        self.pages = EmptyStateStack(body, self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _filter_combo(self, everything: str, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, _ALL)
        combo.setMaximumWidth(240)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(len(everything))
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(self._filter_changed)
        return combo

    # showing

    def refresh(self) -> None:
        assert self.workspace is not None
        self.rows = self.workspace.initiatives.board()
        self.pages.show_hint(not self.rows.initiatives)
        self._fill_choices()
        width = self.canvas.card_width(len(self.rows.lanes))
        self.scene.show_board(self.rows, self.current_filter(), width)
        self._count_shown()

    def _fill_choices(self) -> None:
        assert self.rows is not None
        outcomes = [(f"{o.key} · {o.name}", o.key) for o in self.rows.outcomes]
        teams = sorted({r.team for r in self.rows.initiatives if r.team})
        _refill(self.outcome_filter, outcomes)
        _refill(self.team_filter, [(t, t) for t in teams])

    def current_filter(self) -> BoardFilter:
        return BoardFilter(
            text=self.search.text(),
            outcome_key=self.outcome_filter.currentData(),
            team=self.team_filter.currentData(),
            decision_point=self.decision_filter.currentData(),
        )

    def _filter_changed(self) -> None:
        self.scene.apply_filter(self.current_filter())
        self._count_shown()

    def _count_shown(self) -> None:
        total = len(self.scene.cards)
        shown = sum(1 for c in self.scene.cards.values() if c.isVisible())
        self.count_label.setText(
            self.tr("{0} initiatives").format(total)
            if shown == total
            else self.tr("{0} of {1} shown").format(shown, total)
        )

    def focus_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # the dashboard's click-through

    def apply_target(self, target: Target) -> None:
        """Show what a dashboard element stands for, other filters cleared: every card, one outcome's (by the
        outcome filter when the name is one outcome's), one lane's, status's or readiness score's, or one card
        selected."""
        if self._stale and self.workspace is not None:
            self.reload()
        if self.rows is None:
            return
        self._clear_filters()
        if target.kind == targets.INITIATIVE and target.value in self.scene.cards:
            self.scene.select(str(target.value))
            return
        if target.kind == targets.OUTCOME:
            keys = [outcome.key for outcome in self.rows.outcomes if outcome.name == target.value]
            if len(keys) == 1:
                self.outcome_filter.setCurrentIndex(self.outcome_filter.findData(keys[0]))
                return
        focus = targets.board_focus(target, {lane.name: lane.id for lane in self.rows.lanes})
        if focus is not None:
            self.scene.focus = focus
            self.focus_chip.setText(f"{target.describe()}  ✕")
            self.focus_chip.show()
            self._filter_changed()

    def clear_focus(self) -> None:
        """Show every card the filters let through again."""
        self.scene.focus = None
        self.focus_chip.hide()
        self._filter_changed()

    def _clear_filters(self) -> None:
        for widget in (self.search, self.outcome_filter, self.team_filter, self.decision_filter):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.outcome_filter, self.team_filter, self.decision_filter):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.outcome_filter, self.team_filter, self.decision_filter):
            widget.blockSignals(False)
        self.clear_focus()

    # actions

    def card_actions(self, parent: QObject) -> list[QAction]:
        """Board menu actions: new, edit, delete and keyboard moves of the selected card."""
        specs: list[tuple[str, Any, QKeySequence]] = [
            (self.tr("&New Initiative…"), self.new_card, QKeySequence("Ctrl+I")),
            (
                self.tr("&Edit Initiative…"),
                lambda: self._with_selected(self.edit_card),
                QKeySequence("Ctrl+E"),
            ),
            (
                self.tr("&Delete Initiative"),
                lambda: self._with_selected(self.delete_card),
                QKeySequence("Ctrl+Del"),
            ),
            (self.tr("Move Card &Left"), lambda: self.nudge(-1, 0), QKeySequence("Alt+Left")),
            (self.tr("Move Card &Right"), lambda: self.nudge(1, 0), QKeySequence("Alt+Right")),
            (self.tr("Move Card &Up"), lambda: self.nudge(0, -1), QKeySequence("Alt+Up")),
            (self.tr("Move Card &Down"), lambda: self.nudge(0, 1), QKeySequence("Alt+Down")),
        ]
        return [_action(parent, text, slot, keys) for text, slot, keys in specs]

    def zoom_actions(self, parent: QObject) -> list[QAction]:
        """View menu actions that zoom the board, for a projector at the back of the room."""
        return [
            _action(
                parent,
                self.tr("Zoom &In"),
                lambda: self.canvas.set_zoom(self.canvas.zoom * ZOOM_STEP),
                QKeySequence.StandardKey.ZoomIn,
            ),
            _action(
                parent,
                self.tr("Zoom &Out"),
                lambda: self.canvas.set_zoom(self.canvas.zoom / ZOOM_STEP),
                QKeySequence.StandardKey.ZoomOut,
            ),
            _action(parent, self.tr("&Actual Size"), lambda: self.canvas.set_zoom(1.0), QKeySequence("Ctrl+0")),
        ]

    def selected_key(self) -> str | None:
        """The selected card's initiative (what Ctrl+D, Ctrl+K and Ctrl+P link a log entry to)."""
        return self.scene.selected_key()

    def _with_selected(self, act: Any) -> None:
        key = self.scene.selected_key()
        if key is not None:
            act(key)

    def _perform(self, text: str, action: Any) -> bool:
        """Run one undoable action; say why if the store refuses it."""
        assert self.workspace is not None
        try:
            self.workspace.perform(text, action)
        except (ValidationError, WorkspaceError, LookupError) as error:
            self._prompter.error(self.tr("Not changed"), str(error))
            return False
        return True

    def move_card(self, key: str, lane_id: int, index: int) -> None:
        assert self.workspace is not None and self.rows is not None
        lane = next(lane.name for lane in self.rows.lanes if lane.id == lane_id)
        service = self.workspace.initiatives
        if not self._perform(self.tr("Move {0} to {1}").format(key, lane), lambda: service.move(key, lane_id, index)):
            self.reload()
        self.scene.select(key)

    def nudge(self, columns: int, rows: int) -> None:
        """Move the selected card one lane across or one place up or down (Alt+arrows)."""
        key = self.scene.selected_key()
        if key is None or self.rows is None:
            return
        card = self.scene.cards[key]
        lanes = [lane.id for lane in self.rows.lanes]
        column = lanes.index(card.row.lane_id) + columns
        if not 0 <= column < len(lanes):
            return
        if columns:
            row = self.scene.visible_cards(card.row.lane_id).index(card)
            target = self.scene.visible_cards(lanes[column])
            if row < len(target):
                index = target[row].row.position
            else:
                index = self.scene.lane_size(lanes[column])
            self.move_card(key, lanes[column], index)
            return
        shown = self.scene.visible_cards(card.row.lane_id)
        row = shown.index(card) + rows
        if 0 <= row < len(shown):
            self.move_card(key, card.row.lane_id, shown[row].row.position)

    def new_card(self) -> None:
        assert self.workspace is not None and self.rows is not None
        service = self.workspace.initiatives
        lane_id = self.rows.lanes[0].id
        created: list[str] = []

        def submit(fields: dict[str, Any], reason: str) -> None:
            def create() -> Any:
                key, revert = service.create(fields, lane_id, reason)
                created.append(key)
                return revert

            assert self.workspace is not None
            self.workspace.perform(self.tr("New initiative"), create)

        if self._dialog(None, submit) and created:
            self.scene.select(created[0])

    def edit_card(self, key: str) -> None:
        """Edit initiative `key` in the dialog, against the version the dialog was filled from."""
        assert self.workspace is not None
        workspace, service = self.workspace, self.workspace.initiatives
        row = service.get(key)
        version: int | None = row.version

        def submit(changes: dict[str, Any], reason: str) -> None:
            def edit(expected: int | None) -> Revert:
                nonlocal version
                version = expected  # a gate refusal asks for a reason, then resubmits against the version agreed to
                return service.update(key, changes, reason, expected_version=expected)

            perform_edit(workspace, self._prompter, self.tr("Edit {0}").format(key), edit, version)

        self._dialog(row, submit)

    def _dialog(self, row: Any, submit: Any) -> bool:
        from align_desktop.ui.board.dialog import InitiativeDialog  # loaded on first edit, not at start-up

        assert self.rows is not None
        teams = sorted({r.team for r in self.rows.initiatives if r.team})
        dialog = InitiativeDialog(
            row, self.rows.outcomes, teams, self.rows.settings.readiness_gate, submit, self._prompter, self
        )
        if row is not None and self.workspace is not None:
            dialog.history.show_entries(self.workspace.audit.history(row.key))
            dialog.workshop.show_initiative(self.workspace, row.key, row.status)
        return bool(dialog.exec())

    def delete_card(self, key: str) -> None:
        assert self.workspace is not None
        card = self.scene.cards[key]
        question = self.tr("Delete {0} '{1}'? You can undo this with Ctrl+Z.").format(key, card.row.title)
        if self._prompter.confirm(self.tr("Delete initiative"), question, self.tr("Delete")):
            service = self.workspace.initiatives
            self._perform(self.tr("Delete {0}").format(key), lambda: service.delete(key))

    def edit_lanes(self) -> None:
        from align_desktop.ui.board.lanes_dialog import LanesDialog

        assert self.workspace is not None
        workspace = self.workspace

        def submit(lanes: list[tuple[int | None, str]]) -> None:
            workspace.perform(self.tr("Edit lanes"), lambda: workspace.settings.set_lanes(lanes))

        LanesDialog(workspace.settings.lanes(), submit, self).exec()


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a filter's choices, keeping the current choice where it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def _action(parent: QObject, text: str, slot: Any, keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    return action
