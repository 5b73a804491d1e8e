"""The undo contract between services and the UI.

Every service method that changes a workspace does so in one transaction and returns a
`Revert`: calling it undoes the change (in one transaction) and returns the `Revert` that
redoes it. The UI keeps the chain on its undo stack; the store knows nothing of Qt.

An edit from a form may name the version of the item the form showed (`expected_version`), and is
refused with a `StaleEdit` when someone changed the item since (`store.versions`). A `Revert` names
no version: undo and redo put back what they hold, whatever changed in between, and like any change
they make a new version of the item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

Revert: TypeAlias = Callable[[], "Revert"]
