"""User-facing refusals of the Excel exchange: a workbook we will not read, with one clear sentence.

`ExchangeError` is a `WorkspaceError`, so the CLI's existing handler prints its message as one
line on stderr and exits 1, and the GUI shows it in a dialog. It is distinct from bugs.
"""

from __future__ import annotations

from align_desktop.store.errors import WorkspaceError


class ExchangeError(WorkspaceError):
    """A workbook is refused before anything changes; the message is one sentence naming the file."""
