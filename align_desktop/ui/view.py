"""Base of every workspace view: follows the open workspace and reloads when it changes.

A hidden view only notes that it is stale and reloads when it is next shown, so one edit
costs one reload of the visible view. A view asks the main window for another view (the first
step of its empty-state hint may be there) through `view_requested`. `perform_change` runs one
user action as one undo step and says why when it is refused; `perform_item_edit` runs an edit of an
item against the version the user saw, asking what to do when someone else changed the item since.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from align_desktop.domain.validation import ValidationError
from align_desktop.store.changes import Revert
from align_desktop.store.errors import WorkspaceError
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.stale_edits import perform_edit


class WorkspaceView(QWidget):
    """A page of the main window that shows part of the open workspace."""

    view_requested = Signal(str)
    """The name of another view to show (see `align_desktop.ui.views`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: OpenWorkspace | None = None
        self._stale = True

    def set_workspace(self, workspace: OpenWorkspace | None) -> None:
        if self.workspace is not None:
            self.workspace.changed.disconnect(self._on_changed)
        self.workspace = workspace
        if workspace is not None:
            workspace.changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the workspace again and show it."""
        self._stale = False
        if self.workspace is not None:
            self.refresh()

    def perform_change(
        self,
        prompter: Prompter,
        text: str,
        action: Callable[[], Revert],
        refused: Callable[[ValidationError], None] | None = None,
    ) -> bool:
        """Run one user action as one undo step (`OpenWorkspace.perform`); True when it was stored.

        Invalid input goes to `refused` (a form shows it beside its field) or, without one, to a
        message naming the action; a store error is shown and the view reloads what is stored."""
        return self.perform_item_edit(prompter, text, lambda _version: action(), None, refused)

    def perform_item_edit(
        self,
        prompter: Prompter,
        text: str,
        edit: Callable[[int | None], Revert],
        version: int | None,
        refused: Callable[[ValidationError], None] | None = None,
    ) -> bool:
        """Run `edit(version)`, an edit of an item the user saw at `version`, as `perform_change` runs an action;
        True when it was stored.

        If someone else changed the item since, the user reapplies the edit or discards it (`stale_edits`)."""
        assert self.workspace is not None
        try:
            return perform_edit(self.workspace, prompter, text, edit, version)
        except ValidationError as error:
            if refused is not None:
                refused(error)
            else:
                prompter.error(self.tr("Not done: {0}").format(text), f"{error.field}: {error.message}.")
            return False
        except (WorkspaceError, LookupError) as error:
            prompter.error(self.tr("Not saved"), str(error))
            self.reload()
            return False

    def refresh(self) -> None:
        """Show the current state of `self.workspace` (which is open)."""
        raise NotImplementedError

    def focus_find(self) -> None:
        """Put the keyboard focus in the view's filter field (Edit > Find)."""
