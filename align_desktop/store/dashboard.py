"""The dashboard's read, and the alert count the navigation shows, over one open workspace.

Both come from one `dashboard_queries.dashboard` read. The last read of each workspace is kept
with the workspace's `data_version` (which moves whenever anything is committed to it) and the
day it was read for, so the main window's alert count after an edit and the dashboard shown
next share one read instead of making two.
"""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from align_desktop.store.dashboard_queries import dashboard
from align_desktop.store.rows import DashboardRows
from align_desktop.store.workspace import Workspace

_last_read: WeakKeyDictionary[Workspace, tuple[tuple[object, date], DashboardRows]] = WeakKeyDictionary()


class DashboardService:
    """Everything the dashboard and the navigation's alert count ask of a workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def read(self, today: date) -> DashboardRows:
        """The one-screen picture as of `today` (which decides the overdue reviews), read in one transaction."""
        with self._workspace.read() as db:
            version = self._workspace.data_version(db)
            known = _last_read.get(self._workspace)
            if known is not None and known[0] == (version, today):
                return known[1]
            rows = dashboard(db, today)
        _last_read[self._workspace] = ((version, today), rows)
        return rows

    def alert_count(self, today: date) -> int:
        """How many alerts the workspace raises as of `today`: the number the navigation shows."""
        return len(self.read(today).alerts)

    def forget(self) -> None:
        """Drop the kept read, so that the next one goes to the file (benchmarks measure that)."""
        _last_read.pop(self._workspace, None)
