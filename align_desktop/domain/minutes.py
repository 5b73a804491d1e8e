"""How the minutes of a session word what they record, the same in the PDF and in the workbook.

Time an agenda item took against its time box, a linked item, who gave a voted item its dots.
What kind of value a compared field holds is `workspace_state.value_kind`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

NOT_TIMED = "not timed"
ON_TIME = "on time"


def duration_text(seconds: int) -> str:
    """`27:40` (minutes and seconds), `1:05:00` from an hour on."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def against_time_box(time_box_minutes: int, spent_seconds: int) -> str:
    """`2:40 over`, `5:00 under`, `on time`; `not timed` for an item the clock never ran on."""
    if spent_seconds <= 0:
        return NOT_TIMED
    difference = spent_seconds - time_box_minutes * 60
    if difference == 0:
        return ON_TIME
    return f"{duration_text(abs(difference))} {'over' if difference > 0 else 'under'}"


def item_text(key: str, title: str | None) -> str:
    """`I-004 Size advice`; `I-009 (deleted)` for an item that is gone."""
    return f"{key} {title}" if title is not None else f"{key} (deleted)"


def items_text(items: Iterable[tuple[str, str | None]]) -> str:
    """Linked items, one after another: `I-004 Size advice; C-003 Feature store`."""
    return "; ".join(item_text(key, title) for key, title in items)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 item`, `3 items`, `1,204 items`: a number and its noun, singular or plural."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def dots_text(by_participant: Iterable[tuple[str, int]]) -> str:
    """Who gave an item its dots: `Ana 2, Ben 1`."""
    return ", ".join(f"{name} {dots}" for name, dots in by_participant)
