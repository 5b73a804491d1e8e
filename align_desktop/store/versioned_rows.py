"""What every item's row says of its version: the version a form hands back with an edit, who made it and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, kw_only=True)
class VersionedRow:
    """The version part of an item's row (keyword-only, after the item's own fields).

    Rows compare by the item's fields alone: the version says where the item is in its history, not what it
    holds (an undone edit reads equal to the row before the edit, at a newer version).
    """

    version: int = field(default=1, compare=False)
    """The version the item was at when read: an edit made from this row hands it back as `expected_version`."""
    changed_by: str = field(default="", compare=False)
    """Who made that version ('' when no one is known)."""
    changed_at: datetime | None = field(default=None, compare=False)
    """When, in UTC (None when not known: the item is as it came with the workspace, or older than versions)."""


def versioned(version: int, changed_by: str, changed_at: str | None) -> dict[str, Any]:
    """`VersionedRow`'s keyword arguments from its columns as a query reads them (a time as stored text)."""
    return {
        "version": version,
        "changed_by": changed_by,
        "changed_at": None if changed_at is None else datetime.fromisoformat(changed_at),
    }
