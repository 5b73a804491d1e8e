"""Push an offline copy's changes back to the team workspace it was downloaded from, after a preview.

A download (`store.transfer.download`) records in the copy where it came from and what it held
(`team_origin`). `plan_push` compares that base, the copy now and the team workspace now
(`store.push_merge`) and returns the `PushPlan` the preview shows. `push` applies it in one
transaction on the team workspace, holding every table against others' writes, after checking that
comparing again gives the same plan (else nothing is pushed and the user previews again), and then
records in the copy that it was pushed: a copy is pushed once (pushing it again would add its new
items twice); the next offline workshop starts from a new download. The team workspace lists the
copies pushed to it (`pushed_copy`, written in the push's transaction), so a copy that was not told
(the program killed just after the commit), or a file copied from a copy, is refused as well.

The copy is read where it is open (`read_copy`: its connection belongs to that thread); comparing and
pushing (`plan_from`, `push_from`) then work on the server only, so the app runs them in the background
with the copy still open, and marks the copy on its own thread afterwards (`mark_pushed`). `plan_push`
and `push` do all of it in one call.

What a push writes is recorded by the team workspace's own triggers (versions, who and when, the
audit trail), under the name of whoever pushes. Snapshots and the audit trail of the copy stay in
the copy.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from align_desktop.domain.push import PushPlan, PushResult
from align_desktop.store import schema
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.push_content import decode_base, encode_base, read_pushed_content
from align_desktop.store.push_merge import Merge, merge
from align_desktop.store.push_writes import apply_merge
from align_desktop.store.server import ServerAddress
from align_desktop.store.snapshot_content import Content
from align_desktop.store.team_origin import TeamOrigin, origin_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from align_desktop.store.transfer import RowSource
    from align_desktop.store.workspace import Workspace


def remember_origin(session: Session, address: ServerAddress, copy: RowSource, who: str) -> None:
    """Record, in the new copy `session` writes, the team workspace it is downloaded from and what it holds
    (`copy` reads the copy's rows, inside the same transaction)."""
    import uuid

    from align_desktop.store.models import TeamOrigin as Row

    session.add(
        Row(
            id=1,
            address=str(address),
            copy_id=uuid.uuid4().hex,
            downloaded_at=_now(),
            downloaded_by=who,
            base=encode_base(read_pushed_content(copy)),
        )
    )


@dataclass(frozen=True)
class CopyState:
    """What a push needs of the copy: read where the copy is open (its connection belongs to that thread), then
    handed to `plan_from` and `push_from`, which work on the server only and may run in the background."""

    where: str
    """The copy, as messages name it."""
    origin: TeamOrigin
    base: Content
    mine: Content


def read_copy(copy: Workspace, address: ServerAddress | None = None) -> CopyState:
    """The copy's origin, its base and its content now; refused for a file not downloaded from a team workspace,
    a copy of another team workspace than `address`, or one already pushed."""
    origin = origin_of(copy)
    if origin is None:
        raise WorkspaceError(
            f"{copy.where} was not downloaded from a team workspace, so it has no changes to push back; "
            "File > Publish to Team Workspace… copies a whole file to a server."
        )
    if address is not None and origin.address != address:
        raise WorkspaceError(f"{copy.where} was downloaded from {origin.address}, not from {address}.")
    if origin.pushed_at is not None:
        raise WorkspaceError(
            f"The changes in {copy.where} were pushed to {origin.address} on {origin.pushed_at:%Y-%m-%d %H:%M} UTC; "
            "a copy is pushed once. Download a new copy for the next offline workshop."
        )
    with copy.read() as db:
        payload = db.execute("SELECT base FROM team_origin").fetchone()[0]
        mine = read_pushed_content(db)
    return CopyState(copy.where, origin, decode_base(payload, copy.where), mine)


def plan_push(copy: Workspace, address: ServerAddress | None = None) -> PushPlan:
    """What pushing the copy to the team workspace it came from would change there, conflicts included.
    Nothing is written. `address` is that team workspace's, with a password if the server wants one."""
    return plan_from(read_copy(copy, address), address)


def plan_from(state: CopyState, address: ServerAddress | None = None) -> PushPlan:
    """`plan_push` for a copy already read."""
    from align_desktop.store.server_workspace import check_tables, open_reader, schema_version
    from align_desktop.store.transfer import refuse_nul

    address = address or state.origin.address
    reader = open_reader(address)
    try:
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")  # closing the connection ends it
        version = schema_version(reader, address)
        if version < schema.SCHEMA_VERSION:
            raise WorkspaceError(
                f"{address} is a team workspace of an older Align Desktop; open it in Align Desktop once to upgrade "
                "it (its owner can), then push."
            )
        check_tables(reader, address)
        _refuse_if_pushed(reader, state)
        merged = _merge(state.base, state.mine, reader)
        for step in merged.steps:
            who = step.change.item if step.change is not None else f"a row of {step.table.name}"
            refuse_nul({**step.values, **step.disputed}, who, "remove it in the copy, then push again")
    finally:
        reader.close()
    return PushPlan(str(state.origin.address), state.origin.downloaded_at, merged.changes)


def push(copy: Workspace, address: ServerAddress | None, plan: PushPlan, use_mine: Collection[int]) -> PushResult:
    """Apply `plan` to the team workspace in one transaction, taking the copy's values for the conflicting
    changes at the positions `use_mine` names; then record in the copy that it was pushed (`mark_pushed`).

    Refused, with nothing changed, when comparing again under the transaction's lock does not give `plan`:
    the team workspace or the copy changed since the preview.
    """
    result = push_from(read_copy(copy, address), address, plan, use_mine, copy.author)
    mark_pushed(copy)
    return result


def push_from(
    state: CopyState, address: ServerAddress | None, plan: PushPlan, use_mine: Collection[int], author: str
) -> PushResult:
    """`push` for a copy already read, up to the commit on the team workspace, under the name `author`; the
    caller then marks the copy pushed (`mark_pushed`)."""
    from align_desktop.store.models import PushedCopy
    from align_desktop.store.server_workspace import ServerWorkspace
    from align_desktop.store.session_reader import session_reader
    from align_desktop.store.team_imports import lock_workspace

    team = ServerWorkspace.open_on_server(address or state.origin.address)
    team.author = author
    try:
        with team.write() as session:
            lock_workspace(session)
            _refuse_if_pushed(session_reader(session), state)
            merged = _merge(state.base, state.mine, session_reader(session))
            if merged.changes != plan.changes:
                raise WorkspaceError(
                    f"{team.where} or the copy changed since the preview, so nothing was pushed; "
                    "push again to see the changes as they are now."
                )
            result = apply_merge(session, merged, frozenset(use_mine))
            session.add(PushedCopy(copy_id=state.origin.copy_id, pushed_at=_now(), pushed_by=author))
    finally:
        team.close()
    return result


def mark_pushed(copy: Workspace) -> None:
    """Record in the copy that its changes were pushed: it is not pushed again."""
    from sqlalchemy import update

    from align_desktop.store.models import TeamOrigin as Row

    with copy.write() as session:
        session.execute(update(Row).values(pushed_at=_now()))


def _refuse_if_pushed(team: RowSource, state: CopyState) -> None:
    """Refuse a copy the team workspace lists as pushed (the copy was not told, or is a copy of a copy)."""
    found = team.execute("SELECT pushed_at, pushed_by FROM pushed_copy WHERE copy_id = ?", (state.origin.copy_id,))
    for pushed_at, pushed_by in found:
        raise WorkspaceError(
            f"The changes of {state.where} were pushed to {state.origin.address} on {pushed_at[:16]} UTC by "
            f"{pushed_by} (from this file or a copy of it); a copy is pushed once. Download a new copy for the next "
            "offline workshop."
        )


def _merge(base: Content, mine: Content, theirs: RowSource) -> Merge:
    counters = {str(prefix): int(last) for prefix, last in theirs.execute("SELECT prefix, last FROM key_counter")}
    return merge(base, mine, read_pushed_content(theirs), counters)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
