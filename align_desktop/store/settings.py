"""Workspace settings and the board's lanes: read them, change them, undo the change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align_desktop.domain.settings import validate_lane_names, validate_settings
from align_desktop.store import case_queries, queries
from align_desktop.store.board_rows import LaneRow, SettingsRow
from align_desktop.store.changes import Revert
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from align_desktop.store.settings_writes import Dropped


class SettingsService:
    """Read and change the workspace's settings and lanes."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self) -> SettingsRow:
        with self._workspace.read() as db:
            return queries.settings(db)

    def lanes(self) -> list[LaneRow]:
        with self._workspace.read() as db:
            return queries.lanes(db)

    def horizon_cut(self, horizon: int) -> case_queries.HorizonCut:
        """What shortening the horizon to `horizon` years would drop (ask before doing it)."""
        with self._workspace.read() as db:
            return case_queries.horizon_cut(db, horizon)

    def update(self, changes: dict[str, Any]) -> Revert:
        """Change settings: name, currency, discount rate, horizon, readiness gate, scenario multipliers.

        A shorter horizon clears what was entered for the years it drops (see `horizon_cut`);
        the revert puts it back.
        """
        from align_desktop.store import settings_writes

        clean = validate_settings(changes)
        with self._workspace.write() as session:
            previous, dropped = settings_writes.update_settings(session, clean)
        return lambda: self._restore(previous, dropped, clean)

    def _restore(self, previous: dict[str, Any], dropped: Dropped, changes: dict[str, Any]) -> Revert:
        from align_desktop.store import settings_writes

        with self._workspace.write() as session:
            settings_writes.update_settings(session, previous)
            settings_writes.restore_dropped(session, dropped)
        return lambda: self.update(changes)

    def set_lanes(self, lanes: list[tuple[int | None, str]]) -> Revert:
        """Replace the lane list: `(id, name)` keeps or renames a lane, `(None, name)` adds one.

        A lane left out is removed, which is refused while it still holds initiatives.
        """
        from align_desktop.store import settings_writes

        names = validate_lane_names([name for _, name in lanes])
        with self._workspace.write() as session:
            previous = settings_writes.replace_lanes(session, [lane_id for lane_id, _ in lanes], names)
        return lambda: self.set_lanes(previous)
