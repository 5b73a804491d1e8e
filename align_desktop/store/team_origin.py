"""Where a downloaded copy of a team workspace came from: read cheaply, as the app opens a file.

A download records it (`store.push.remember_origin`, table `team_origin`, schema 8); the window
says a copy is a copy, and offers to push it back, from what this reads. Pushing is `store.push`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from align_desktop.store.server import ServerAddress

if TYPE_CHECKING:
    from align_desktop.store.workspace import Workspace


@dataclass(frozen=True)
class TeamOrigin:
    """Where a downloaded copy came from."""

    address: ServerAddress
    copy_id: str
    downloaded_at: datetime
    """UTC."""
    downloaded_by: str
    pushed_at: datetime | None
    """UTC; None until the copy's changes are pushed back."""


def origin_of(workspace: Workspace) -> TeamOrigin | None:
    """Where `workspace` was downloaded from; None for a file made otherwise, and for a team workspace."""
    if isinstance(workspace.location, ServerAddress):
        return None
    with workspace.read() as db:
        row = db.execute("SELECT address, copy_id, downloaded_at, downloaded_by, pushed_at FROM team_origin").fetchone()
    if row is None:
        return None
    address, copy_id, downloaded_at, downloaded_by, pushed_at = row
    return TeamOrigin(
        ServerAddress.parse(address),
        copy_id,
        datetime.fromisoformat(downloaded_at),
        downloaded_by,
        None if pushed_at is None else datetime.fromisoformat(pushed_at),
    )
