"""Disk faults from the operating system itself, not from a mock.

`SmallDisk` is a file system of its own (tmpfs, mounted as root) that a test can fill, as a USB
stick fills up. `write_errors` makes every write past a file size fail (the process's file-size
limit; the kernel answers EFBIG), which SQLite reports as a disk I/O error, as it would a failing
disk or a shared folder that went away.
"""

from __future__ import annotations

import errno
import resource
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SmallDisk:
    """A mounted tmpfs of `size` at `path`."""

    def __init__(self, path: Path, size: str = "4m") -> None:
        self.path = path
        self._filler = path / "filler.bin"
        path.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)

    def fill(self) -> None:
        """Write a filler file until the disk has no room left."""
        with self._filler.open("ab") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "--lazy", str(self.path)], check=True)


@contextmanager
def write_errors(beyond: int = 4096) -> Iterator[None]:
    """While inside, writing any file past `beyond` bytes fails with an I/O error."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (beyond, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
