"""The undo contract between services and the UI.

Every service method that changes a workspace does so in one transaction and returns a
`Revert`: calling it undoes the change (in one transaction) and returns the `Revert` that
redoes it. The UI keeps the chain on its undo stack; the store knows nothing of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

Revert: TypeAlias = Callable[[], "Revert"]
