"""Where a running session stands: the current agenda item and the countdown of each item.

The facilitator pauses and resumes (Space), extends (+) and moves to the next or previous item
(Ctrl+Right / Page Down, Ctrl+Left / Page Up). Moving on stores the time the item left behind has
taken and which item the room is on now (through `record`), so an item the room comes back to
continues where it stopped; `checkpoint` tells the current item's time meanwhile, which the controls
store on a pause, every half minute and when the workspace closes, so that a workspace reopened
mid-session resumes on that item with its time. Time comes from `clock` (seconds, steady), which
tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from align_desktop.domain.countdown import Countdown

if TYPE_CHECKING:
    from align_desktop.store.workshop_rows import AgendaItemRow, SessionRow

Clock = Callable[[], float]
Record = Callable[[int, int, int], None]
"""Store the seconds (second argument) that agenda item (first argument, its id) has taken, and that the room is
now on agenda item (third argument, its id)."""


class AgendaClock:
    """The running session's agenda and countdowns, counting down from the item the room was last on (when
    presenting again), or else the first item that has no time recorded yet (the first of a session just started)."""

    def __init__(self, session: SessionRow, clock: Clock, record: Record) -> None:
        self.session_key = session.key
        self.session_title = session.title
        self.items: list[AgendaItemRow] = list(session.agenda)
        self._clock = clock
        self._record = record
        self.countdowns = [Countdown(item.time_box_minutes * 60, float(item.spent_seconds)) for item in self.items]
        current = [number for number, item in enumerate(self.items) if item.current]
        untouched = [number for number, item in enumerate(self.items) if item.spent_seconds == 0]
        self.index = (current or untouched or [max(0, len(self.items) - 1)])[0]
        if self.items:
            self.countdowns[self.index].start(clock())

    def update(self, session: SessionRow) -> None:
        """Follow an edit of the running session's agenda, keeping the current item and its countdown."""
        current = self.current.id if self.current is not None else None
        by_id = {item.id: countdown for item, countdown in zip(self.items, self.countdowns, strict=True)}
        self.session_title = session.title
        self.items = list(session.agenda)
        self.countdowns = []
        for item in self.items:
            countdown = by_id.get(item.id) or Countdown(0, float(item.spent_seconds))
            countdown.time_box_seconds = item.time_box_minutes * 60
            self.countdowns.append(countdown)
        ids = [item.id for item in self.items]
        self.index = ids.index(current) if current in ids else min(self.index, max(0, len(ids) - 1))

    @property
    def current(self) -> AgendaItemRow | None:
        return self.items[self.index] if self.items else None

    @property
    def countdown(self) -> Countdown | None:
        return self.countdowns[self.index] if self.items else None

    def now(self) -> float:
        return self._clock()

    def toggle(self) -> None:
        """Pause the countdown, or resume it."""
        if self.countdown is not None:
            self.countdown.toggle(self._clock())

    def extend(self) -> None:
        """Give the current item one more minute."""
        if self.countdown is not None:
            self.countdown.extend()

    def go_to(self, index: int) -> None:
        """Make agenda item `index` the current one: the one left is paused and its time stored."""
        if not 0 <= index < len(self.items) or index == self.index:
            return
        now = self._clock()
        leaving = self.countdowns[self.index]
        was_running = leaving.running
        leaving.pause(now)
        left = self.index
        self.index = index
        self._record(self.items[left].id, self.spent_seconds(left), self.items[index].id)
        if was_running:
            self.countdowns[index].start(now)

    def checkpoint(self) -> tuple[int, int] | None:
        """The current item (its id) and the seconds it has taken so far, to store meanwhile; None without an agenda."""
        return None if self.current is None else (self.current.id, self.spent_seconds(self.index))

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def spent_seconds(self, index: int) -> int:
        return round(self.countdowns[index].spent(self._clock()))

    def spent_by_item(self) -> dict[int, int]:
        """Seconds each agenda item has taken so far, by item id (stored when the session ends)."""
        return {item.id: self.spent_seconds(number) for number, item in enumerate(self.items)}
