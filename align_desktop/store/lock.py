"""One writer per workspace: a lock file beside it that names who holds it, where and since when.

`Plan.align` is locked by `Plan.align.lock`, created atomically (O_EXCL) and holding JSON with
the user, host, process id and time. A lock whose process is gone on this same host was left by
a crash and is cleared; one from another host can only be broken deliberately.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.faults import write_failure


def this_host() -> str:
    """This computer's network name, as locks record it (`platform.node`, the same as `socket.gethostname`); where
    the system has `uname` (Linux, macOS) read from it, sparing the start-up `platform`'s import."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import platform

    return platform.node()


def current_user() -> str:
    """The operating-system user name (as gate overrides record it)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        return f"{self.user}@{self.host} since {self.since:%Y-%m-%d %H:%M}"


class WorkspaceInUse(WorkspaceError):
    """Another Align Desktop has the workspace open for editing."""

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        self.path = path
        self.owner = owner
        who = owner.describe() if owner is not None else "another program (its lock cannot be read)"
        super().__init__(
            f"{path} is in use by {who}. Open it read-only, or work on a copy; "
            "if that program is no longer running there, its lock can be broken."
        )


def lock_path(workspace_path: Path) -> Path:
    return workspace_path.with_name(workspace_path.name + ".lock")


def read_owner(workspace_path: Path) -> LockOwner | None:
    """Who holds the lock, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(lock_path(workspace_path).read_text(encoding="utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), datetime.fromisoformat(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(owner: LockOwner) -> bool:
    """Left by a process on this host that is no longer running."""
    return owner.host == this_host() and not _alive(owner.pid)


def acquire(workspace_path: Path, *, break_foreign: bool = False) -> None:
    """Take the lock, clearing a stale one; raise `WorkspaceInUse` when someone else holds it.

    `break_foreign` takes it even from another host (after the user confirmed that program has gone).
    """
    path = lock_path(workspace_path)
    for _attempt in range(2):
        try:
            _create(path)
        except FileExistsError:
            owner = read_owner(workspace_path)
            if owner is not None and owner.pid == os.getpid() and owner.host == this_host():
                raise WorkspaceInUse(workspace_path, owner) from None
            if break_foreign or (owner is not None and is_stale(owner)):
                path.unlink(missing_ok=True)
                continue
            raise WorkspaceInUse(workspace_path, owner) from None
        except OSError as exc:
            raise WorkspaceError(f"Could not lock {workspace_path}: {write_failure(exc)}.") from exc
        return
    raise WorkspaceInUse(workspace_path, read_owner(workspace_path))


def _create(path: Path) -> None:
    """Create the lock file, complete with its record, or raise `FileExistsError`.

    The record is written to a file of this process's own and hard-linked into place, so that a
    process killed while locking leaves no empty lock behind; where the file system has no hard
    links, the lock file is created exclusively and written.
    """
    record = json.dumps(
        {
            "user": current_user(),
            "host": this_host(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
    )
    own = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        own.write_text(record, encoding="utf-8")
        os.link(own, path)
    except FileExistsError:
        raise
    except OSError:
        if own.exists() and own.read_text(encoding="utf-8") == record:  # written: no hard links here
            _create_exclusively(path, record)
        else:
            raise
    finally:
        own.unlink(missing_ok=True)


def _create_exclusively(path: Path, record: str) -> None:
    with open(path, "x", encoding="utf-8") as handle:
        try:
            handle.write(record)
            handle.flush()
        except OSError:
            path.unlink(missing_ok=True)
            raise


def release(workspace_path: Path) -> None:
    """Remove the lock if this process holds it."""
    owner = read_owner(workspace_path)
    if owner is not None and owner.pid == os.getpid() and owner.host == this_host():
        lock_path(workspace_path).unlink(missing_ok=True)
