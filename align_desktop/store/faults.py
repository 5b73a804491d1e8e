"""Why a file could not be written, in words a user can act on (disk full, failing disk, read-only)."""

from __future__ import annotations

import errno
import sqlite3

from align_desktop.store.connection import error_text

_SQLITE = {
    sqlite3.SQLITE_FULL: "the disk is full; make room on it and try again",
    sqlite3.SQLITE_IOERR: "the disk reported an error while writing (disk I/O error); check the drive or "
    "network folder and try again",
    sqlite3.SQLITE_READONLY: "the file or its folder can no longer be written",
    sqlite3.SQLITE_CANTOPEN: "the file or its folder can no longer be reached",
    sqlite3.SQLITE_BUSY: "another program is using the file; try again in a moment",
}
_OS = {
    errno.ENOSPC: _SQLITE[sqlite3.SQLITE_FULL],
    errno.EDQUOT: "the disk quota is used up; make room and try again",
    errno.EIO: _SQLITE[sqlite3.SQLITE_IOERR],
    errno.EFBIG: _SQLITE[sqlite3.SQLITE_IOERR],
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission to write there was refused",
    errno.EPERM: "permission to write there was refused",
}


def write_failure(exc: BaseException) -> str:
    """What went wrong writing, for the end of a sentence such as "X could not be saved: …"."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _SQLITE:
            return _SQLITE[code & 0xFF]
    if isinstance(exc, OSError):
        return _OS.get(exc.errno or 0, exc.strerror or str(exc))
    return error_text(exc) if isinstance(exc, Exception) else str(exc)
