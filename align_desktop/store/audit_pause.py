"""Pausing the audit trail inside one write transaction.

The triggers of migration 0005 record only while `audit_context` holds its row (the store puts it
there at the start of every write). Rows put back exactly as a delete removed them (undoing the
delete) are not changes to anyone's plan, and the delete recorded nothing either: the row is
taken out for that moment and put back after.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session


@contextmanager
def audit_paused(session: Session) -> Iterator[None]:
    """Within the block, writes in `session` record nothing in the audit trail."""
    who = session.execute(text("SELECT who FROM audit_context WHERE id = 1")).scalar()
    session.execute(text("DELETE FROM audit_context"))
    try:
        yield
    finally:
        if who is not None:
            session.execute(text("INSERT INTO audit_context (id, who) VALUES (1, :who)"), {"who": who})
