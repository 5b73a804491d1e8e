"""Holding off Python's cyclic garbage collector while the user waits for a burst of work.

A full collection walks every object alive. With the `stress` sample open that takes 50–150 ms,
and it lands wherever an allocation happens to trigger it: in the middle of the dashboard's
charts, say. A hold turns the collector off until every hold is released; each hold ends by
itself `longest_ms` after it was last taken, so that a release that never comes (its widget was
closed first) cannot leave the collector off. Reference counting frees almost everything
meanwhile; cycles made during a hold are collected after it. If the collector was already off
when the first hold was taken (the caller's choice), holds leave it as it is.
"""

from __future__ import annotations

import gc
from functools import partial

from PySide6.QtCore import QTimer

LONGEST_MS = 2000
"""A hold never lasts longer than this after it was last taken."""

_holds: set[CollectorHold] = set()
_turned_off = False
"""Whether the holds turned the collector off (and so must turn it back on)."""


class CollectorHold:
    """`hold()` keeps the collector off; `release()`, or `longest_ms` later, lets it go."""

    def __init__(self, *, longest_ms: int = LONGEST_MS) -> None:
        self._longest_ms = longest_ms
        self._taken = 0
        """How many times the hold was taken: a timer left from an earlier take does not end a later one."""

    @property
    def held(self) -> bool:
        return self in _holds

    def hold(self) -> None:
        """Keep the collector off, for at most `longest_ms` from now."""
        global _turned_off
        if not _holds:
            if not gc.isenabled():
                return
            gc.disable()
            _turned_off = True
        _holds.add(self)
        self._taken += 1
        QTimer.singleShot(self._longest_ms, partial(self._run_out, self._taken))

    def release(self) -> None:
        """Let the collector go; it runs again once no other hold keeps it off."""
        global _turned_off
        if self not in _holds:
            return
        _holds.discard(self)
        if not _holds and _turned_off:
            _turned_off = False
            gc.enable()

    def _run_out(self, taken: int) -> None:
        if taken == self._taken:
            self.release()
