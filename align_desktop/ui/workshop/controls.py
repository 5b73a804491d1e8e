"""The Workshop menu and the presenter layout of the main window.

Starting a session (here or in the Workshop view) puts the window in the presenter layout: the
view navigation gives way to the presenter panel (countdown, agenda, views) and the board is
zoomed in for the room. The presenter's keys — Space, +, Ctrl+Right / Page Down, Ctrl+Left /
Page Up — work while it is shown; F5 leaves and re-enters it; ending the session leaves it.
Ctrl+D, Ctrl+K and Ctrl+P record a decision, an action or a parking-lot item in the running
session, linked to the item selected in the view on show.

Moving to another agenda item stores the time the item left behind took, as bookkeeping rather
than an undo step: Ctrl+Z after moving on still undoes the last edit of the plan. The running
item's time and the fact that the room is on it are stored too, on a pause, every half minute and
when the workspace closes: a workspace reopened mid-session (after a crash, say) resumes on that
item having lost at most half a minute, and the status bar says that F5 presents the session again.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QSizePolicy, QWidget

from align_desktop.domain.countdown import OVER_TIME, clock_text
from align_desktop.domain.workshop import LINKABLE_PREFIXES
from align_desktop.store.errors import WorkspaceError
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.workshop import style
from align_desktop.ui.workshop.agenda_clock import AgendaClock, Clock

if TYPE_CHECKING:
    from align_desktop.store.workshop_rows import SessionRow
    from align_desktop.ui.main_window import MainWindow
    from align_desktop.ui.open_workspace import OpenWorkspace
    from align_desktop.ui.workshop.presenter import PresenterPanel
    from align_desktop.ui.workshop.view import WorkshopView


CHECKPOINT_EVERY_MS = 30_000
"""How often the running agenda item's time is stored, so that a workspace reopened mid-session loses at most this."""


def selected_item_key(view: QWidget | None) -> str | None:
    """The initiative, capability or risk selected in `view` (a card on the board, a row of a register)."""
    selected = getattr(view, "selected_key", None)
    key = selected() if callable(selected) else None
    return key if isinstance(key, str) and key[:1] in LINKABLE_PREFIXES else None


class WorkshopControls(QObject):
    """Workshop menu actions, the running session's agenda clock and the presenter layout."""

    def __init__(
        self,
        window: MainWindow,
        menu: QMenu,
        navigation: QWidget,
        pages: QWidget,
        prompter: Prompter,
        clock: Clock = time.monotonic,
    ) -> None:
        """`navigation` gives way to the presenter panel while presenting, beside `pages` (the views)."""
        super().__init__(window)
        self._window = window
        self._prompter = prompter
        self.clock = clock
        """Seconds from a steady clock; tests replace it."""
        self.agenda_clock: AgendaClock | None = None
        self._workspace: OpenWorkspace | None = None
        self._running_key: str | None = None
        self._navigation = navigation
        self._pages = pages
        self._board_zoom = 1.0
        """The board's zoom before presenting, given back after."""
        self._checkpointed: tuple[int, int] | None = None
        """The agenda item and seconds the last checkpoint stored."""
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(CHECKPOINT_EVERY_MS)
        self._checkpoint_timer.timeout.connect(self.checkpoint)

        self.new_action = self._add(menu, self.tr("&New Session…"), self.new_session)
        self.start_action = self._add(menu, self.tr("&Start Session"), lambda: self.start_session())
        self.end_action = self._add(menu, self.tr("&End Session"), lambda: self.end_session())
        self.presenter_action = self._add(menu, self.tr("&Presenter Layout"), self.toggle_presenter, "F5")
        self.presenter_action.setCheckable(True)
        menu.addSeparator()
        self.record_actions = {
            "decision": self._add(menu, self.tr("Record &Decision…"), lambda: self.record("decision"), "Ctrl+D"),
            "action": self._add(menu, self.tr("Record &Action…"), lambda: self.record("action"), "Ctrl+K"),
            "parking": self._add(menu, self.tr("Record Parking-&Lot Item…"), lambda: self.record("parking"), "Ctrl+P"),
        }
        menu.addSeparator()
        self.pause_action = self._add(menu, self.tr("Pause / &Resume Countdown"), self._toggle_countdown, "Space")
        self.pause_action.setIconText(self.tr("Pause"))
        self.extend_action = self._add(menu, self.tr("Add a &Minute"), self._extend, "+")
        self.extend_action.setIconText(self.tr("+1 min"))
        self.next_action = self._add(menu, self.tr("Ne&xt Agenda Item"), self._next, "Ctrl+Right", "PgDown")
        self.next_action.setIconText(self.tr("Next ▶"))
        self.previous_action = self._add(menu, self.tr("Pre&vious Agenda Item"), self._previous, "Ctrl+Left", "PgUp")
        self.previous_action.setIconText(self.tr("◀ Previous"))
        self.presenter_actions = [self.pause_action, self.extend_action, self.previous_action, self.next_action]
        self.leave_action = self._add(menu, self.tr("&Leave Presenter Layout"), self._leave_presenter, "Esc")
        self.panel: PresenterPanel | None = None
        """Built when first presented, in the navigation's place."""
        self._update_actions()

    def _add(self, menu: QMenu, text: str, slot: Any, *keys: str) -> QAction:
        action = menu.addAction(text)
        sequences = [QKeySequence(key) for key in keys]
        action.setShortcuts(sequences)
        if sequences:
            shown = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in sequences)
            action.setToolTip(f"{action.text().replace('&', '')} ({shown})")
        action.triggered.connect(slot)
        return action

    # the workspace

    def set_workspace(self, workspace: OpenWorkspace | None) -> None:
        """Follow the window's workspace; closing it stores where the running session stands and leaves the
        presenter layout."""
        if self._workspace is not None:
            self.checkpoint()
            self._workspace.changed.disconnect(self._sync)
        self._workspace = workspace
        self._running_key = None
        self._set_clock(None)
        if workspace is not None:
            workspace.changed.connect(self._sync)
            self._running_key = workspace.running_session_key()
            if self._running_key is not None:
                running = workspace.sessions.get(self._running_key)
                self._set_clock(AgendaClock(running, self.clock, self._record_spent))
                self._window.statusBar().showMessage(
                    self.tr("Session {0} “{1}” is running: F5 presents it").format(running.key, running.title)
                )
        self.presenting = False

    def _set_clock(self, agenda_clock: AgendaClock | None) -> None:
        """Follow a running session's agenda (None: no session runs), storing where it stands now and then."""
        self.agenda_clock = agenda_clock
        self._checkpointed = None
        if agenda_clock is None:
            self._checkpoint_timer.stop()
        elif not self._checkpoint_timer.isActive():
            self._checkpoint_timer.start()

    def checkpoint(self) -> None:
        """Store the time the current agenda item has taken so far, and that the room is on it (bookkeeping,
        not an undo step; the views are not reloaded). A read-only workspace stores nothing."""
        workspace, clock = self._workspace, self.agenda_clock
        point = clock.checkpoint() if clock is not None else None
        if workspace is None or clock is None or point is None or workspace.workspace.read_only:
            return
        if point == self._checkpointed:
            return  # paused since: nothing to write
        item_id, seconds = point
        try:
            workspace.sessions.record_spent(clock.session_key, item_id, seconds, item_id)
        except (WorkspaceError, LookupError) as error:
            self._checkpoint_timer.stop()  # said once, not every half minute
            self._prompter.error(self.tr("Time not saved"), str(error))
            return
        self._checkpointed = point

    def attach_view(self, view: WorkshopView) -> None:
        """Let the Workshop view's buttons start, end and present sessions through here."""
        view.start_requested.connect(self.start_session)
        view.end_requested.connect(self.end_session)
        view.present_requested.connect(self.present)

    def _sync(self) -> None:
        """After any change (an undo too): follow the running session; one just started is presented."""
        assert self._workspace is not None
        running = self._workspace.sessions.running()
        started = running is not None and running.key != self._running_key
        self._running_key = running.key if running else None
        if running is None:
            self._set_clock(None)
            self.presenting = False
            return
        if self.agenda_clock is None or self.agenda_clock.session_key != running.key:
            self._set_clock(AgendaClock(running, self.clock, self._record_spent))
        else:
            self.agenda_clock.update(running)
        if started:
            self.presenting = True
        elif self.panel is not None and self.presenting:
            self.panel.show_clock(self.agenda_clock)
        self._update_actions()

    def _update_actions(self) -> None:
        workspace = self._workspace
        writable = workspace is not None and not workspace.workspace.read_only
        running = self._running_key is not None
        self.new_action.setEnabled(writable)
        self.start_action.setEnabled(writable and not running)
        self.end_action.setEnabled(writable and running)
        self.presenter_action.setEnabled(running)
        for action in self.record_actions.values():
            action.setEnabled(writable)
        for action in [*self.presenter_actions, self.leave_action]:
            action.setEnabled(self.presenting)

    # the presenter layout

    @property
    def presenting(self) -> bool:
        return self.panel is not None and self.panel.isVisibleTo(self._window)

    @presenting.setter
    def presenting(self, on: bool) -> None:
        on = on and self.agenda_clock is not None
        self.presenter_action.setChecked(on)
        if on != self.presenting:
            # the widest view (ROI) would push the window past a projector's width beside the panel:
            # while presenting, the views take the width that is left (set first, so the window never grows)
            policy = self._pages.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored if on else QSizePolicy.Policy.Preferred)
            if on:
                self._pages.setSizePolicy(policy)
            self._navigation.setVisible(not on)
            panel = self._presenter_panel()
            panel.setVisible(on)
            if on:  # the presenter's keys go to the agenda, not into a filter field that had the focus
                panel.agenda.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self._pages.setSizePolicy(policy)
            self._zoom_board(on)
        if self.panel is not None:
            self.panel.show_clock(self.agenda_clock if on else None)
        self._refresh_panel()
        self._update_actions()

    def _zoom_board(self, on: bool) -> None:
        """Zoom the board in for the room while presenting (as far as every lane still shows), and back after; what
        is at its top left stays there."""
        canvas = self._window.board.canvas
        top_left = canvas.mapToScene(0, 0)
        zoom = self._board_zoom
        if on:
            self._board_zoom = canvas.zoom
            central = self._navigation.parentWidget()
            layout = central.layout() if central is not None else None
            if layout is not None:
                layout.activate()  # the board's width beside the panel, before the zoom is chosen
            fitting = max(style.BOARD_ZOOM_FLOOR, canvas.zoom_showing_every_lane())
            zoom = min(max(canvas.zoom, style.BOARD_ZOOM), fitting)
        canvas.set_zoom(zoom)
        canvas.ensureVisible(QRectF(top_left, QSizeF(1, 1)), 0, 0)

    def _presenter_panel(self) -> PresenterPanel:
        if self.panel is None:
            from align_desktop.ui.workshop.presenter import PresenterPanel

            self.panel = PresenterPanel(self.presenter_actions, self.end_action)
            self.panel.item_chosen.connect(self._go_to)
            self.panel.view_requested.connect(self._window.show_view)
            central = self._navigation.parentWidget()
            layout = central.layout() if central is not None else None
            assert isinstance(layout, QBoxLayout)
            layout.insertWidget(layout.indexOf(self._navigation), self.panel)
        return self.panel

    def present(self) -> None:
        """Show the running session in the presenter layout."""
        self.presenting = True

    def countdown_text(self) -> str | None:
        """The current agenda item and its countdown in one line ("2. Dot vote · 8:35 left"), while a session runs."""
        clock = self.agenda_clock
        if clock is None or clock.current is None or clock.countdown is None:
            return None
        now = clock.now()
        left = clock_text(clock.countdown.remaining(now))
        head = f"{clock.index + 1}. {clock.current.title}"
        if clock.countdown.state(now) == OVER_TIME:
            return self.tr("{0} · {1} over time").format(head, left)
        paused = "" if clock.countdown.running else self.tr(" (paused)")
        return self.tr("{0} · {1} left{2}").format(head, left, paused)

    def shared_actions(self) -> list[QAction]:
        """What works in a vote panel too: the agenda's keys (Space excepted: it gives a dot there) and the log's."""
        return [
            self.extend_action,
            self.next_action,
            self.previous_action,
            self.leave_action,
            self.presenter_action,
            *self.record_actions.values(),
        ]

    def _leave_presenter(self) -> None:
        self.presenting = False

    def toggle_presenter(self) -> None:
        self.presenting = not self.presenting

    def _toggle_countdown(self) -> None:
        if self.agenda_clock is not None:
            self.agenda_clock.toggle()
            self.checkpoint()
            self._refresh_panel()

    def _refresh_panel(self) -> None:
        countdown = self.agenda_clock.countdown if self.agenda_clock else None
        self.pause_action.setIconText(
            self.tr("Resume") if countdown is not None and not countdown.running else self.tr("Pause")
        )
        if self.panel is not None:
            self.panel.refresh()

    def _extend(self) -> None:
        if self.agenda_clock is not None:
            self.agenda_clock.extend()
            self._refresh_panel()

    def _next(self) -> None:
        if self.agenda_clock is not None:
            self.agenda_clock.next()
            self._refresh_panel()

    def _previous(self) -> None:
        if self.agenda_clock is not None:
            self.agenda_clock.previous()
            self._refresh_panel()

    def _go_to(self, index: int) -> None:
        if self.agenda_clock is not None:
            self.agenda_clock.go_to(index)
            self._refresh_panel()

    def _record_spent(self, item_id: int, seconds: int, current_item_id: int) -> None:
        """Store the time an agenda item took and the item the room moved on to (bookkeeping, not an undo step)."""
        workspace, clock = self._workspace, self.agenda_clock
        if workspace is None or clock is None:
            return
        try:
            workspace.sessions.record_spent(clock.session_key, item_id, seconds, current_item_id)
        except (WorkspaceError, LookupError) as error:
            self._prompter.error(self.tr("Time not saved"), str(error))
            return
        workspace.notify_committed()

    # sessions

    def new_session(self) -> None:
        """Plan a session in the session editor, then show it in the Workshop view."""
        if self._workspace is None:
            return
        from align_desktop.ui.workshop.view import WorkshopView

        self._window.show_view("workshop")
        view = self._window.view("workshop")
        assert isinstance(view, WorkshopView)
        view.new_session()

    def start_session(self, key: str = "") -> None:
        """Start session `key`, or the planned one picked (the only one, or chosen from a list)."""
        workspace = self._workspace
        if workspace is None:
            return
        if not key:
            planned = [s for s in workspace.sessions.sessions() if s.state == "planned"]
            chosen = self._choose(planned)
            if chosen is None:
                return
            key = chosen.key
        try:
            workspace.perform(self.tr("Start {0}").format(key), lambda: workspace.sessions.start(key))
        except (ValueError, LookupError, WorkspaceError) as error:
            self._prompter.error(self.tr("Not started"), str(error))

    def _choose(self, planned: list[SessionRow]) -> SessionRow | None:
        if not planned:
            self._prompter.error(
                self.tr("No session to start"),
                self.tr("Plan a session first: Workshop > New Session… (title, date, participants and agenda)."),
            )
            return None
        if len(planned) == 1:
            return planned[0]
        index = self._prompter.choose(
            self.tr("Start session"),
            self.tr("Which session starts now?"),
            [f"{s.key} · {s.title} · {s.held_on.isoformat()}" for s in planned],
        )
        return None if index is None else planned[index]

    def end_session(self, key: str = "") -> None:
        """End the running session (after asking), storing the time each agenda item took."""
        workspace = self._workspace
        if workspace is None or self._running_key is None:
            return
        key = key or self._running_key
        question = self.tr(
            "End {0}? The time each agenda item took is stored and a snapshot of the workspace is taken. "
            "You can undo this with Ctrl+Z."
        ).format(key)
        if not self._prompter.confirm(self.tr("End session"), question, self.tr("End session")):
            return
        spent = self.agenda_clock.spent_by_item() if self.agenda_clock else {}
        try:
            workspace.perform(self.tr("End {0}").format(key), lambda: workspace.sessions.end(key, spent))
        except (ValueError, LookupError, WorkspaceError) as error:
            self._prompter.error(self.tr("Not ended"), str(error))

    # the decision log

    def record(self, kind: str) -> None:
        """Record a decision, an action or a parking-lot item in the running session (Ctrl+D, Ctrl+K, Ctrl+P)."""
        workspace = self._workspace
        if workspace is None:
            return
        running = workspace.sessions.running()
        if running is None:
            self._prompter.error(
                self.tr("No session is running"),
                self.tr(
                    "Decisions, actions and parking-lot items are recorded during a session: "
                    "start one with Workshop > Start Session."
                ),
            )
            return
        from align_desktop.ui.workshop.entry_dialog import LogEntryDialog

        selected = selected_item_key(self._window.current_view())

        def submit(fields: dict[str, Any], links: list[str]) -> None:
            def record() -> Any:
                return workspace.log.record(kind, fields, links, running.key)[1]

            workspace.perform(self.tr("Record {0}").format(self._kind_name(kind)), record)

        dialog = LogEntryDialog(
            kind,
            submit,
            workspace.log.linkable(),
            links=[selected] if selected else [],
            participants=running.participant_names,
            session_title=f"{running.key} · {running.title}",
            parent=self._window,
        )
        dialog.exec()
        dialog.deleteLater()

    def _kind_name(self, kind: str) -> str:
        return {
            "decision": self.tr("decision"),
            "action": self.tr("action"),
            "parking": self.tr("parking-lot item"),
        }[kind]
