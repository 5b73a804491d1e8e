"""Reads of the decision log: a session's entries, or every entry about one item, with what they link to."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from align_desktop.domain.keys import key_sort_value
from align_desktop.store.errors import NotFound
from align_desktop.store.workshop_rows import LinkRow, LogEntryRow

_ENTRIES = """
SELECT e.id, e.key, e.kind, s.key, s.title, e.text, e.owner, e.due_on, e.done, e.recorded_at, e.recorded_by,
       e.version
FROM log_entry e JOIN workshop_session s ON s.id = e.session_id
"""
_LINKS = """
SELECT l.entry_id, l.item_key
FROM log_link l JOIN log_entry e ON e.id = l.entry_id JOIN workshop_session s ON s.id = e.session_id
"""
_TITLES = """
SELECT key, title FROM initiative WHERE key IN (SELECT item_key FROM log_link)
UNION ALL SELECT key, name FROM capability WHERE key IN (SELECT item_key FROM log_link)
UNION ALL SELECT key, title FROM risk WHERE key IN (SELECT item_key FROM log_link)
"""


def _entries(db: sqlite3.Connection, where: str, arguments: tuple[object, ...]) -> list[LogEntryRow]:
    titles: dict[str, str] = dict(db.execute(_TITLES).fetchall())
    links: dict[int, list[LinkRow]] = {}
    for entry_id, key in db.execute(_LINKS + where, arguments):
        links.setdefault(entry_id, []).append(LinkRow(key, titles.get(key)))
    return [
        LogEntryRow(
            key=key,
            kind=kind,
            session_key=session_key,
            session_title=session_title,
            text=text,
            owner=owner,
            due_on=None if due_on is None else date.fromisoformat(due_on),
            done=bool(done),
            recorded_at=datetime.fromisoformat(recorded_at),
            recorded_by=recorded_by,
            links=tuple(sorted(links.get(entry_id, ()), key=lambda link: key_sort_value(link.key))),
            version=version,
        )
        for (
            entry_id,
            key,
            kind,
            session_key,
            session_title,
            text,
            owner,
            due_on,
            done,
            recorded_at,
            recorded_by,
            version,
        ) in (db.execute(_ENTRIES + where + " ORDER BY e.recorded_at, e.id", arguments))
    ]


def session_log(db: sqlite3.Connection, session_key: str) -> list[LogEntryRow]:
    """A session's decisions, actions and parking-lot items, in the order they were recorded."""
    return _entries(db, " WHERE s.key = ?", (session_key,))


def about(db: sqlite3.Connection, item_key: str) -> list[LogEntryRow]:
    """Every entry linked to the initiative, capability or risk `item_key`, oldest first."""
    return _entries(db, " WHERE e.id IN (SELECT entry_id FROM log_link WHERE item_key = ?)", (item_key,))


def kind_of(db: sqlite3.Connection, key: str) -> str:
    """decision, action or parking."""
    row = db.execute("SELECT kind FROM log_entry WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise NotFound(key)
    return str(row[0])


def linkable(db: sqlite3.Connection) -> dict[str, str]:
    """Every initiative, capability and risk a log entry can link to: key → title (or name)."""
    return dict(
        db.execute(
            "SELECT key, title FROM initiative UNION ALL SELECT key, name FROM capability"
            " UNION ALL SELECT key, title FROM risk"
        ).fetchall()
    )
