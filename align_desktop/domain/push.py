"""Pushing an offline copy back: what it would change on the team workspace, and where it conflicts.

A copy downloaded from a team workspace remembers what it held then (its *base*). Pushing compares,
item by item and field by field, the base, the copy now (*mine*) and the team workspace now
(*theirs*): a field only the copy changed is pushed; a field both changed, to different values, is a
conflict, which keeps the team's value unless the user chooses *mine* for that item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
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
    """The item as people call it: "initiative I-007", "capability need I-007 → C-003"."""
    action: Action
    fields: tuple[FieldChange, ...]
    """The fields pushed (for a change) or written (for an item added), with the conflicting ones."""
    conflict: str = ""
    """Why the item conflicts ("changed on the team workspace too"), or empty when it does not."""
    note: str = ""
    """What else the push does or cannot do for it ("added as I-031: I-029 is taken on the team workspace")."""
    can_use_mine: bool = True
    """Whether "use mine" can settle the conflict (not for an item the team deleted: it stays deleted)."""

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


def shown(value: object) -> str:
    """A field's value as the preview prints it: "—" for none, numbers without float noise, dates and times to the
    minute, text quoted."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.10g}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return repr(text if len(text) <= 60 else text[:59] + "…")


def preview_lines(plan: PushPlan) -> list[str]:
    """The plan as lines of text, one per item and one per field (`align-desktop push` prints them)."""
    lines: list[str] = []
    for number, change in enumerate(plan.changes, start=1):
        head = f"{number:>4}. {change.action.value} {change.item}"
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
