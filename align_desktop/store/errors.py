"""User-facing errors of the store, distinct from bugs: each carries a sentence fit for a dialog."""

from __future__ import annotations


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


class NotFound(LookupError):
    """A service was asked about an item key that does not exist (any more)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key} does not exist")
        self.key = key
