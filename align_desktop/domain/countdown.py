"""The countdown of an agenda item: its time box, extended a minute at a time, less the time it has run.

Time is passed in (seconds from any steady clock), so the arithmetic is the same under a real
clock and under a test's. The time spent adds up over every stretch the countdown ran, so an
item the facilitator comes back to continues where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass

EXTENSION_SECONDS = 60
"""What one press of + adds."""
WARNING_SECONDS = 60
"""The last minute is shown in the warning colour."""

ON_TIME = "on time"
LAST_MINUTE = "last minute"
OVER_TIME = "over time"


@dataclass
class Countdown:
    """Time left for one agenda item; paused until started."""

    time_box_seconds: int
    spent_before: float = 0.0
    """Seconds it ran before the current stretch (stored as the item's time spent)."""
    extra_seconds: int = 0
    """Extensions given in this session."""
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def start(self, now: float) -> None:
        if self.running_since is None:
            self.running_since = now

    def pause(self, now: float) -> None:
        if self.running_since is not None:
            self.spent_before += max(0.0, now - self.running_since)
            self.running_since = None

    def toggle(self, now: float) -> None:
        """Pause a running countdown, resume a paused one."""
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    def extend(self, seconds: int = EXTENSION_SECONDS) -> None:
        self.extra_seconds += seconds

    def spent(self, now: float) -> float:
        """Seconds the item has run, over every stretch."""
        current = 0.0 if self.running_since is None else max(0.0, now - self.running_since)
        return self.spent_before + current

    def remaining(self, now: float) -> float:
        """Seconds left; negative once over time."""
        return self.time_box_seconds + self.extra_seconds - self.spent(now)

    def state(self, now: float) -> str:
        """On time, in the last minute, or over time."""
        left = self.remaining(now)
        if left <= 0:
            return OVER_TIME
        if left <= WARNING_SECONDS:
            return LAST_MINUTE
        return ON_TIME


def clock_text(seconds: float) -> str:
    """`12:05` for time left (rounded up, so 0:00 means time is up); `+1:30` once over time."""
    if seconds > 0:
        whole = int(-(-seconds // 1))
        sign = ""
    else:
        whole = int(-seconds // 1)
        sign = "+" if whole else ""
    minutes, rest = divmod(whole, 60)
    return f"{sign}{minutes}:{rest:02d}"
