"""Guard against the PySide6 release that drops references to None (6.12.0 on CPython 3.11).

Calling a C++ method that returns nothing, or returning None from a Python `data()` override
called from C++, must not lower `sys.getrefcount(None)`; the broken release aborts the process
after a few thousand such calls.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

CALLS = 20_000


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def test_void_methods_keep_none_alive(qapp: Any) -> None:
    target = QObject()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(CALLS):
            target.setObjectName("x" if i % 2 else "y")
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert after >= before


def test_none_from_data_keeps_none_alive(qapp: Any) -> None:
    model = _NoneModel()
    index = model.index(0, 0)
    gc.disable()  # a collection in the loop would free unrelated references to None and blur the count
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            index.data(Qt.ItemDataRole.DisplayRole)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert after >= before
