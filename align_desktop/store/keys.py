"""Hand out item keys (`I-001`, `O-001` …) that are never reused, even after a delete."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from align_desktop.domain.keys import format_key
from align_desktop.store.models import KeyCounter


def next_key(session: Session, prefix: str) -> str:
    """Reserve the next key of `prefix` inside the caller's transaction."""
    counter = session.get(KeyCounter, prefix)
    if counter is None:
        counter = KeyCounter(prefix=prefix, last=0)
        session.add(counter)
    counter.last += 1
    return format_key(prefix, counter.last)


def reserve_up_to(session: Session, prefix: str, number: int) -> None:
    """Make sure keys up to `number` are never handed out again (after bulk inserts by key)."""
    counter = session.get(KeyCounter, prefix)
    if counter is None:
        session.add(KeyCounter(prefix=prefix, last=number))
    elif counter.last < number:
        counter.last = number


def last_numbers(session: Session) -> dict[str, int]:
    """The last number handed out per prefix."""
    return dict(session.execute(select(KeyCounter.prefix, KeyCounter.last)).all())
