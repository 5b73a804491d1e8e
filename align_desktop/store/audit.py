"""An item's history from the audit trail: who changed which watched field, when, in which session.

The trail itself is written by the workspace's triggers (migration 0005); this module only reads
it, newest first, and names fields and values as the forms do (`domain.history`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from align_desktop.domain.history import field_label, value_text
from align_desktop.store.workspace import Workspace

_HISTORY = """
SELECT a.recorded_at, a.who, s.title, a.field, a.detail, a.old_value, a.new_value, c.description
FROM audit_entry a
LEFT JOIN workshop_session s ON s.id = a.session_id
LEFT JOIN cost_line c ON c.key = a.detail
WHERE a.item_key = ?
ORDER BY a.id DESC
"""


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of an item; `old` or `new` is None where there was or is nothing."""

    event: str
    """changed (a field), added or removed (a business case or a cost line)."""
    when: datetime
    """UTC, timezone-aware."""
    who: str
    session_title: str | None
    """The workshop session running at the time, if one was."""
    field: str
    """The product's name for the field, e.g. "Readiness: data"."""
    old: str | None
    new: str | None


class AuditService:
    """Reads the audit trail of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def history(self, item_key: str) -> list[HistoryEntry]:
        """Every recorded change of the initiative, capability or risk `item_key`, newest first."""
        with self._workspace.read() as db:
            return history(db, item_key)


def history(db: sqlite3.Connection, item_key: str) -> list[HistoryEntry]:
    return [_entry(*row) for row in db.execute(_HISTORY, (item_key,))]


def _entry(
    recorded_at: str,
    who: str,
    session_title: str | None,
    field: str,
    detail: str | None,
    old: str | None,
    new: str | None,
    line_description: str | None,
) -> HistoryEntry:
    when = datetime.fromisoformat(recorded_at).replace(tzinfo=UTC)
    event = "changed" if field not in ("business_case", "cost_line") else "added" if old is None else "removed"
    if field == "business_case":
        label = field_label(field)
        old, new = (
            None if value is None else "annual benefit " + str(value_text("annual_benefit", value))
            for value in (old, new)
        )
    elif field == "cost_line":
        label = field_label(field, _line_name(str(detail), old or new))
        old = new = None
    else:
        label = field_label(field, None if detail is None else _line_name(detail, line_description))
        old, new = value_text(field, old), value_text(field, new)
    return HistoryEntry(event, when, who, session_title, label, old, new)


def _line_name(key: str, description: str | None) -> str:
    return f"{key} ({description})" if description else key
