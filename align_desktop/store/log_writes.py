"""Writes behind `LogService`, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, union_all
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.workshop import LINKS, check_action, log_key_prefix
from align_desktop.store import dependents
from align_desktop.store.errors import NotFound
from align_desktop.store.keys import next_key
from align_desktop.store.models import Capability, Initiative, LogEntry, LogLink, Risk, WorkshopSession
from align_desktop.store.session_writes import find_session, running_session
from align_desktop.store.versions import LOG_ENTRY, check_version, current_version, touch, values_of

_COLUMNS = [c.name for c in LogEntry.__table__.columns]
_LINKS = cast(Table, LogLink.__table__)
LINK_FIELD = "links"
"""How a `StaleEdit` names an entry's links (by key) among its fields."""


def find_entry(session: Session, key: str) -> LogEntry:
    entry = session.scalar(select(LogEntry).where(LogEntry.key == key))
    if entry is None:
        raise NotFound(key)
    return entry


def session_for_entry(session: Session, session_key: str | None) -> WorkshopSession:
    """The session named, or the running one; a `ValidationError` when none runs."""
    if session_key is not None:
        return find_session(session, session_key)
    running = running_session(session)
    if running is None:
        raise ValidationError("Session", "no session is running; start one in the Workshop view to record in it")
    return running


def create_entry(
    session: Session, found: WorkshopSession, kind: str, clean: dict[str, Any], links: list[str], who: str
) -> str:
    entry = {"text": "", "owner": "", "due_on": None, "done": False} | clean
    check_action(kind, entry)
    key = next_key(session, log_key_prefix(kind))
    added = LogEntry(key=key, session_id=found.id, kind=kind, recorded_at=datetime.now(), recorded_by=who, **entry)
    session.add(added)
    session.flush()
    _write_links(session, added.id, links, checked=links)
    return key


def update_entry(
    session: Session,
    key: str,
    clean: dict[str, Any],
    links: list[str] | None,
    *,
    check_links: bool = True,
    expected_version: int | None = None,
) -> tuple[dict[str, Any], list[str] | None]:
    """Store validated fields (and the links, unless None), unless the entry has moved on from
    `expected_version`; return the previous values and links.

    Links added must name an item; kept ones may name an item gone since, and an undo puts back
    links without `check_links`. Changed links are a new version of the entry, as changed fields are."""
    yours = clean if links is None else clean | {LINK_FIELD: tuple(links)}

    def theirs() -> dict[str, Any]:
        found = find_entry(session, key)
        return values_of(found, clean) | ({} if links is None else {LINK_FIELD: tuple(entry_links(session, found.id))})

    check_version(session, LOG_ENTRY, key, expected_version, yours, theirs)
    version = current_version(session, LOG_ENTRY, key)
    entry = find_entry(session, key)
    check_action(entry.kind, {"owner": entry.owner} | clean)
    previous = values_of(entry, clean)
    for field, value in clean.items():
        setattr(entry, field, value)
    previous_links = None
    if links is not None:
        previous_links = entry_links(session, entry.id)
        session.execute(delete(LogLink).where(LogLink.entry_id == entry.id))
        added = [link for link in links if link not in previous_links] if check_links else []
        _write_links(session, entry.id, links, checked=added)
        if sorted(links) != sorted(previous_links):
            session.flush()
            touch(session, LOG_ENTRY, key, version)
    return previous, previous_links


def entry_links(session: Session, entry_id: int) -> list[str]:
    return list(session.scalars(select(LogLink.item_key).where(LogLink.entry_id == entry_id)))


def _write_links(session: Session, entry_id: int, links: list[str], *, checked: list[str]) -> None:
    """Link an entry to `links`; those in `checked` must name an initiative, capability or risk."""
    if not links:
        return
    if checked:
        _refuse_unknown(session, checked)
    session.execute(insert(_LINKS), [{"entry_id": entry_id, "item_key": key} for key in links])


def _refuse_unknown(session: Session, links: list[str]) -> None:
    known = set(
        session.scalars(
            union_all(
                select(Initiative.key).where(Initiative.key.in_(links)),
                select(Capability.key).where(Capability.key.in_(links)),
                select(Risk.key).where(Risk.key.in_(links)),
            )
        )
    )
    for key in links:
        if key not in known:
            raise ValidationError(LINKS, f"{key} is no initiative, capability or risk of this workspace")


def delete_entry(session: Session, key: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Delete an entry with its links; return what restores them."""
    entry = find_entry(session, key)
    row = {column: getattr(entry, column) for column in _COLUMNS}
    links = [dict(r._mapping) for r in session.execute(select(_LINKS).where(_LINKS.c.entry_id == entry.id))]
    session.delete(entry)
    session.flush()
    return row, links


def restore_entry(session: Session, row: dict[str, Any], links: list[dict[str, Any]]) -> None:
    entry_id = dependents.reinsert(session, LogEntry, row)
    if links:
        session.execute(insert(_LINKS), [link | {"entry_id": entry_id} for link in links])
