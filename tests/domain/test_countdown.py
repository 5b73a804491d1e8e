"""The countdown of an agenda item: pause, resume and extend on a given clock; the last minute and over time."""

from __future__ import annotations

import pytest

from align_desktop.domain.countdown import LAST_MINUTE, ON_TIME, OVER_TIME, Countdown, clock_text


def test_time_runs_only_while_started_and_adds_up_over_stretches() -> None:
    countdown = Countdown(10 * 60, spent_before=30)
    assert countdown.remaining(100) == 570 and not countdown.running
    countdown.start(100)
    assert countdown.remaining(160) == 510
    countdown.toggle(160)  # pause
    assert countdown.remaining(1000) == 510
    countdown.toggle(1000)  # resume
    assert countdown.spent(1090) == 30 + 60 + 90


def test_extensions_add_a_minute_each_and_the_states_follow_the_time_left() -> None:
    countdown = Countdown(120)
    countdown.start(0)
    assert countdown.state(30) == ON_TIME
    assert countdown.state(61) == LAST_MINUTE
    countdown.extend()
    assert countdown.remaining(61) == 119 and countdown.state(61) == ON_TIME
    assert countdown.state(180) == OVER_TIME and countdown.remaining(200) == -20


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(900, "15:00"), (899.2, "15:00"), (61, "1:01"), (0.4, "0:01"), (0, "0:00"), (-0.5, "0:00"), (-90, "+1:30")],
)
def test_clock_text_rounds_time_left_up_and_writes_over_time_with_a_plus(seconds: float, shown: str) -> None:
    assert clock_text(seconds) == shown
