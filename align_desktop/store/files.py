"""Write a file the user asked for (an export, a report) whole or not at all."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.faults import write_failure


def write_atomically(out: Path, data: bytes) -> None:
    """Write `data` under a hidden name beside `out`, flush it to disk, then rename it into place.

    On any error nothing is left behind and a file already at `out` is unchanged; the error
    becomes a `WorkspaceError` that says why in plain words (the disk is full, say).
    """
    out = Path(out)
    staging = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    try:
        with staging.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, out)
    except OSError as exc:
        raise WorkspaceError(f"{out} cannot be written: {write_failure(exc)}.") from exc
    finally:
        staging.unlink(missing_ok=True)
