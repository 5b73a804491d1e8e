"""The workspace the window has open: its services, its undo stack and its change signal.

`perform` is how every user action reaches the store: one service call (one transaction),
pushed as one undo step. The service returns a `Revert`; undo and redo call along that chain.
On a team workspace, a socket notifier watches the store's `ChangeListener`: when someone else
commits a change, the views reload as they do after the user's own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from align_desktop.store.changes import Revert
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from align_desktop.store.audit import AuditService
    from align_desktop.store.business_cases import BusinessCaseService
    from align_desktop.store.capabilities import CapabilityService
    from align_desktop.store.log import LogService
    from align_desktop.store.outcomes import OutcomeService
    from align_desktop.store.retrospectives import RetrospectiveService
    from align_desktop.store.risks import RiskService
    from align_desktop.store.sessions import SessionService
    from align_desktop.store.votes import VoteService

BACKUP_EVERY_S = 30 * 60
"""Editing time between two periodic backups."""


class OpenWorkspace(QObject):
    """Services over one open workspace, shared by every view of the window."""

    changed = Signal()
    """The workspace changed: views reload what they show."""
    saved = Signal()
    """A change (or its undo/redo) was committed to the file."""
    failed = Signal(str)
    """An undo or redo could not be saved; the message says why."""
    others_changed = Signal()
    """Someone else changed the team workspace (the views have reloaded)."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.initiatives = InitiativeService(workspace)
        self.settings = SettingsService(workspace)
        self.undo_stack = QUndoStack(self)
        self._last_backup = time.monotonic()
        self._listener = workspace.listen()
        self._notifier: QSocketNotifier | None = None
        if self._listener is not None:
            self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_notified)

    def perform(self, text: str, action: Callable[[], Revert]) -> None:
        """Run one user action now and make it one undo step.

        Validation and store errors propagate to the caller, which shows them where the
        user acted; nothing is pushed then, because nothing was changed.
        """
        revert = action()
        self.undo_stack.push(_ChangeCommand(text, revert, self))
        self.notify_committed()

    # the other views' services and the workshop's are made on first use: a board shown at start-up needs none

    @cached_property
    def outcomes(self) -> OutcomeService:
        from align_desktop.store.outcomes import OutcomeService

        return OutcomeService(self.workspace)

    @cached_property
    def business_cases(self) -> BusinessCaseService:
        from align_desktop.store.business_cases import BusinessCaseService

        return BusinessCaseService(self.workspace)

    @cached_property
    def capabilities(self) -> CapabilityService:
        from align_desktop.store.capabilities import CapabilityService

        return CapabilityService(self.workspace)

    @cached_property
    def risks(self) -> RiskService:
        from align_desktop.store.risks import RiskService

        return RiskService(self.workspace)

    @cached_property
    def sessions(self) -> SessionService:
        from align_desktop.store.sessions import SessionService

        return SessionService(self.workspace)

    @cached_property
    def log(self) -> LogService:
        from align_desktop.store.log import LogService

        return LogService(self.workspace)

    @cached_property
    def retrospectives(self) -> RetrospectiveService:
        from align_desktop.store.retrospectives import RetrospectiveService

        return RetrospectiveService(self.workspace)

    @cached_property
    def votes(self) -> VoteService:
        from align_desktop.store.votes import VoteService

        return VoteService(self.workspace)

    @cached_property
    def audit(self) -> AuditService:
        from align_desktop.store.audit import AuditService

        return AuditService(self.workspace)

    def running_session_key(self) -> str | None:
        """The running workshop session's key, if any, without loading the workshop's services."""
        from align_desktop.store.session_state import running_session_key

        return running_session_key(self.workspace)

    def notify_committed(self) -> None:
        self.saved.emit()
        self._back_up_now_and_then()
        self.changed.emit()

    def _back_up_now_and_then(self) -> None:
        """After an edit, back the workspace file up if the last backup is `BACKUP_EVERY_S` old (a team
        workspace's server keeps its own backups)."""
        if time.monotonic() - self._last_backup < BACKUP_EVERY_S or not isinstance(self.workspace.location, Path):
            return
        from align_desktop.store.backup import take_backup

        self._last_backup = time.monotonic()
        try:
            take_backup(self.workspace.path, "every 30 minutes")
        except WorkspaceError as error:
            self.failed.emit(f"{error} Your edits are saved; only the periodic backup was not made.")

    def notify_replay_failed(self, error: Exception) -> None:
        # the stack's index already moved; its history no longer matches the file
        QTimer.singleShot(0, self.undo_stack.clear)
        self.failed.emit(f"{error} The undo history was cleared.")
        self.changed.emit()

    def _on_notified(self) -> None:
        assert self._listener is not None and self._notifier is not None
        try:
            changed = self._listener.others_changed()
        except WorkspaceError as error:
            self._notifier.setEnabled(False)
            self.failed.emit(str(error))
            return
        if changed:
            self.changed.emit()
            self.others_changed.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        if self._notifier is not None and self._listener is not None:
            self._notifier.setEnabled(False)
            self._listener.close()
        self.workspace.close()


class _ChangeCommand(QUndoCommand):
    """One undo step: undo and redo each call the next `Revert` of the chain."""

    def __init__(self, text: str, revert: Revert, owner: OpenWorkspace) -> None:
        super().__init__(text)
        self._next = revert
        self._owner = owner
        self._applied_before_push = True

    def redo(self) -> None:
        if self._applied_before_push:
            self._applied_before_push = False
            return
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        try:
            self._next = self._next()
        except (WorkspaceError, LookupError, ValueError) as error:
            self._owner.notify_replay_failed(error)
            return
        self._owner.notify_committed()
