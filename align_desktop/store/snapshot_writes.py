"""Taking a snapshot inside a write transaction: the workspace's content now, stored compactly.

`take_snapshot` is what the snapshot service and workshop sessions (at their start and end) call.
It reads the content in the caller's transaction (after flushing its pending changes), so the
snapshot holds exactly what that transaction will commit, and it never commits itself.

Storage (format in `snapshot_format`): the new snapshot is stored as the changes from the latest
snapshot when those are smaller than the whole content, and that latest snapshot's chain is
shorter than `CHAIN_LIMIT`; otherwise whole. Reading any snapshot back so decodes at most
`CHAIN_LIMIT` payloads.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError
from align_desktop.store.models import Snapshot
from align_desktop.store.session_reader import session_reader
from align_desktop.store.snapshot_content import read_content
from align_desktop.store.snapshot_format import encode_changes, encode_whole
from align_desktop.store.snapshot_reading import chain_of, snapshot_content

CHAIN_LIMIT = 8
"""The most payloads read to read one snapshot: a stored whole one and up to 7 changes on it."""
REASONS = ("start", "end", "manual")
LABEL_LENGTH = 200


def take_snapshot(session: Session, *, label: str, reason: str, session_id: int | None, taken_by: str) -> int:
    """Record the whole workspace content as a new snapshot; its id. Does not commit.

    `reason` is 'start' or 'end' (of workshop session `session_id`) or 'manual'. A blank or
    over-long label is a `ValidationError` on "label".
    """
    label = " ".join(label.split())
    if not label:
        raise ValidationError("label", "A snapshot needs a label.")
    if len(label) > LABEL_LENGTH:
        raise ValidationError("label", f"A label is at most {LABEL_LENGTH} characters.")
    if reason not in REASONS:
        raise ValueError(f"unknown snapshot reason {reason!r}")
    session.flush()
    db = session_reader(session)
    content = read_content(db)
    payload, base_id = encode_whole(content), None
    latest = session.scalar(select(Snapshot.id).order_by(Snapshot.id.desc()).limit(1))
    if latest is not None and len(chain_of(db, latest)) < CHAIN_LIMIT:
        changes = encode_changes(snapshot_content(db, latest), content)
        if len(changes) < len(payload):
            payload, base_id = changes, latest
    snapshot = Snapshot(
        session_id=session_id,
        label=label,
        reason=reason,
        taken_at=datetime.now(UTC).replace(tzinfo=None),
        taken_by=taken_by,
        base_id=base_id,
        payload=payload,
    )
    session.add(snapshot)
    session.flush()
    return snapshot.id
