"""Holding off Python's cyclic garbage collector during one bulk piece of work (an import).

Reading a workbook and writing it into a workspace allocate hundreds of thousands of containers
(rows, cells, changes) that all stay alive until the work ends and form no cycles. While they
pile up, the collector runs again and again, each full collection walking every object alive
(the app's modules included): a third of an import's time with the `stress` sample. Reference
counting frees almost everything meanwhile; cycles made during the work are collected after it.
If the collector was already off (the caller's choice, or `ui.collector`'s hold), it is left as
it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block, the cyclic garbage collector does not run; afterwards it is as it was."""
    turned_off = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if turned_off:
            gc.enable()
