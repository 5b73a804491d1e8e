"""User-facing errors of the store, distinct from bugs: each carries a sentence fit for a dialog."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any


class WorkspaceError(Exception):
    """A workspace cannot be opened or written, for a reason the user can act on."""


class WorkspaceMissing(WorkspaceError):
    """No file exists at the path given."""


class NotAWorkspace(WorkspaceError):
    """The file is not SQLite, or is SQLite written by another program."""


class WorkspaceDamaged(NotAWorkspace):
    """SQLite opens the file but finds parts of it damaged: a backup or a rescue may save the work."""


class WorkspaceTooNew(WorkspaceError):
    """The workspace was written by a newer Align Desktop."""


class WorkspaceReadOnly(WorkspaceError):
    """The file or its folder cannot be written."""


class WorkspaceExists(WorkspaceError):
    """A new workspace would overwrite an existing file."""


class StaleEdit(WorkspaceError):
    """An edit made against a version of an item that is no longer the current one: someone changed the item
    since the form was opened. Nothing was written; the edit may be made again against `version`, or dropped."""

    def __init__(
        self,
        kind: str,
        key: str,
        *,
        changed_by: str,
        changed_at: datetime | None,
        version: int,
        theirs: Mapping[str, Any],
        yours: Mapping[str, Any],
    ) -> None:
        who = changed_by or "someone"
        when = "an unknown time" if changed_at is None else f"{changed_at:%Y-%m-%d %H:%M} UTC"
        super().__init__(f"{kind[:1].upper()}{kind[1:]} {key} was changed by {who} at {when} since you opened it.")
        self.kind = kind
        """The item as messages name it: "initiative", "business case", "cost line", "log entry" …"""
        self.key = key
        """The item's key (a business case's: its initiative's)."""
        self.changed_by = changed_by
        """Who made the current version ('' when no one was named)."""
        self.changed_at = changed_at
        """When, in UTC (None when not known)."""
        self.version = version
        """The version the item is at now (0: a business case that no longer exists)."""
        self.theirs = dict(theirs)
        """Each field the edit would have changed, with its value now in the workspace."""
        self.yours = dict(yours)
        """The same fields with the values the edit would have written."""


class NotFound(LookupError):
    """A service was asked about an item key that does not exist (any more)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key} does not exist")
        self.key = key
