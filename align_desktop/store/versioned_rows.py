"""What every item's row says of its version: the version a form hands back with an edit."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class VersionedRow:
    """The version part of an item's row (keyword-only, after the item's own fields).

    Rows compare by the item's fields alone: the version says where the item is in its history, not what it
    holds (an undone edit reads equal to the row before the edit, at a newer version). Who made the version
    and when are not read with the rows: a refused edit (`StaleEdit`) names them, read as it is refused.
    """

    version: int = field(default=1, compare=False)
    """The version the item was at when read: an edit made from this row hands it back as `expected_version`."""
