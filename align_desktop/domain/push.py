"""Pushing an offline copy back: what it would change on the team workspace, and where it conflicts.

A copy downloaded from a team workspace remembers what it held then (its *base*). Pushing compares,
item by item and field by field, the base, the copy now (*mine*) and the team workspace now
(*theirs*): a field only the copy changed is pushed; a field both changed, to different values, is a
conflict, which keeps the team's value unless the user chooses *mine* for that item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class Action(StrEnum):
    """What a change does to an item on the team workspace."""

    ADD = "add"
    CHANGE = "change"
    REMOVE = "remove"


@dataclass(frozen=True)
class FieldChange:
    """One field of an item: at download (`was`), on the team workspace now (`theirs`) and in the copy (`mine`)."""

    field: str
    """The field as people call it ("annual benefit")."""
    was: object
    theirs: object
    mine: object
    conflict: bool
    """Both sides changed the field, to different values."""


@dataclass(frozen=True)
class ItemChange:
    """What pushing does to one item (a row of the workspace)."""

    item: str
    """The item as people call it: "initiative I-007", "need of I-007 for C-003"."""
    action: Action
    fields: tuple[FieldChange, ...]
    """The fields pushed (for a change) or written (for an item added), with the conflicting ones."""
    conflict: str = ""
    """Why the item conflicts ("changed on the team workspace too"), or empty when it does not."""
    note: str = ""
    """What else the push does or cannot do for it ("added as I-031: I-029 is taken on the team workspace")."""
    can_use_mine: bool = True
    """Whether "use mine" can settle the conflict (not for an item the team deleted: it stays deleted)."""
    name: str = ""
    """The item's title or name in the copy, when it has one ("Learning-to-rank for on-site search")."""

    @property
    def heading(self) -> str:
        """The item and its name: "initiative I-001 — Learning-to-rank for on-site search"."""
        return f"{self.item} — {self.name}" if self.name else self.item

    @property
    def skipped(self) -> bool:
        """Nothing of it can be pushed: the team deleted the item, or what it belongs to is not pushed."""
        return bool(self.conflict) and not self.can_use_mine


@dataclass(frozen=True)
class PushPlan:
    """Every change pushing the copy would make, in the order they are applied."""

    origin: str
    """The team workspace's address, as people read it."""
    downloaded_at: datetime
    changes: tuple[ItemChange, ...]

    @property
    def conflicts(self) -> tuple[int, ...]:
        """The positions in `changes` of the items that conflict."""
        return tuple(index for index, change in enumerate(self.changes) if change.conflict)

    @property
    def empty(self) -> bool:
        """Nothing to push: the copy changed nothing the team workspace does not already hold."""
        return not self.changes


@dataclass(frozen=True)
class PushResult:
    """What a push did."""

    pushed: int
    """Items added, changed or removed on the team workspace."""
    kept_theirs: int
    """Conflicting items where the team's values were kept (in whole or in part)."""


EMPTY = "—"
SEPARATED_FROM = 10_000
"""Numbers from this size on are written with thousands separators (amounts, not years or scores)."""


def shown(value: object, *, whole: bool = False) -> str:
    """A field's value as people read it: "—" for none, numbers without float noise, dates and times to the
    minute, text on one line (`whole`: every line of it, as a tooltip shows it)."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(shown(part) for part in value) or EMPTY
    text = str(value)
    return text if whole else " ".join(text.split())


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= SEPARATED_FROM else str(value)
    rounded = round(float(value), 6) + 0.0  # float noise (0.30000000000000004) and -0.0 go
    separator = "," if abs(rounded) >= SEPARATED_FROM else ""
    if rounded.is_integer():
        return f"{int(rounded):{separator}d}"
    return f"{rounded:{separator}.6f}".rstrip("0")


def preview_lines(plan: PushPlan) -> list[str]:
    """The plan as lines of text, one per item and one per field (`align-desktop push` prints them)."""
    lines: list[str] = []
    for number, change in enumerate(plan.changes, start=1):
        head = f"{number:>4}. {change.action.value} {change.heading}"
        if change.conflict:
            head += f": CONFLICT, {change.conflict}"
        lines.append(head)
        if change.note:
            lines.append(f"        {change.note}")
        for field in change.fields:
            if change.action is Action.ADD:
                lines.append(f"        {field.field}: {shown(field.mine)}")
            elif change.action is Action.REMOVE:
                lines.append(f"        {field.field}: {shown(field.was)} → {shown(field.theirs)} on the team workspace")
            else:
                mark = "  ! " if field.conflict else "    "
                lines.append(
                    f"      {mark}{field.field}: {shown(field.was)} → yours {shown(field.mine)}, "
                    f"team's {shown(field.theirs)}"
                )
    return lines
