"""Saving an edit made against the version of an item a form showed, when someone may have changed it since.

On a team workspace two people can have the same item open. The store refuses an edit whose item
has moved on (`StaleEdit`); here the user is told who changed it and when, sees for each field the
value now and theirs, and chooses: reapply theirs over the change (saved against the version now), or
discard it (the views reload and show the item as it is now).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication

from align_desktop.store.changes import Revert
from align_desktop.store.errors import StaleEdit
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter

REAPPLY, DISCARD = 0, 1


def tr(text: str) -> str:
    return QCoreApplication.translate("StaleEdits", text)


def perform_edit(
    opened: OpenWorkspace,
    prompter: Prompter,
    text: str,
    edit: Callable[[int | None], Revert],
    version: int | None,
) -> bool:
    """Make `edit` against `version` as one undo step; True when it was saved, False when the user discarded it.

    `edit(version)` calls the service with `expected_version=version`. Validation and other store errors
    propagate, as from `OpenWorkspace.perform`.
    """
    while True:
        try:
            opened.perform(text, partial(edit, version))
            return True
        except StaleEdit as stale:
            choice = prompter.choose(
                tr("Changed by someone else"), describe(stale), [tr("Reapply Mine"), tr("Discard Mine")]
            )
            if choice != REAPPLY:
                opened.changed.emit()  # the views show the item as it is now
                return False
            version = stale.version


def describe(stale: StaleEdit) -> str:
    """Who changed the item and when, then each field the edit touches: the value now, and the user's."""
    lines = [str(stale), ""]
    for field, now in stale.theirs.items():
        lines.append(tr("{0}: now {1}; yours {2}").format(_label(field), _shown(now), _shown(stale.yours.get(field))))
    lines += ["", tr("Reapply yours over the change, or discard yours and see the item as it is now?")]
    return "\n".join(lines)


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def _shown(value: Any) -> str:
    return tr("(empty)") if value is None or value == "" else f"“{value}”"
