"""Where a workspace is: a file (a `Path`) or a team workspace on a server (a `ServerAddress`).

The command line and the app take either wherever they take a workspace: `parse_location`
tells them apart, `create_location` makes a new workspace there and `open_location` opens one
for editing. Both name themselves in messages
with `str()`: the file's path, or the address without a password.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from align_desktop.store.server import ServerAddress, is_server_address
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Location: TypeAlias = Path | ServerAddress


def parse_location(text: str) -> Location:
    """A `postgresql://` address as a `ServerAddress` (a `WorkspaceError` if malformed); anything else a path."""
    return ServerAddress.parse(text) if is_server_address(text) else Path(text)


def create_location(
    location: Location, name: str | None = None, populate: Callable[[Session], None] | None = None
) -> Workspace:
    """A new workspace at `location`, filled by `populate`: a new file, or the empty database at an address.

    A team workspace is named after its database unless `name` is given.
    """
    if isinstance(location, ServerAddress):
        from align_desktop.store.server_workspace import ServerWorkspace

        return ServerWorkspace.create_on_server(location, name or location.database, populate)
    return Workspace.create(location, name, populate)


def open_location(location: Location) -> Workspace:
    """The workspace at `location`, open for editing (a file takes its lock; a team workspace has none)."""
    if isinstance(location, ServerAddress):
        from align_desktop.store.server_workspace import ServerWorkspace

        return ServerWorkspace.open_on_server(location)
    return Workspace.open(location)


def short_name(location: Location) -> str:
    """What names the workspace in a suggested file name: the file's stem, or the team workspace's database."""
    return location.stem if isinstance(location, Path) else location.database
