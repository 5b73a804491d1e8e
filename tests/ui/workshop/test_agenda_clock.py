"""The running session's agenda clock: where it starts, what moving on stores, and following an agenda edit."""

from __future__ import annotations

from datetime import date, datetime

from align_desktop.store.workshop_rows import AgendaItemRow, SessionRow
from align_desktop.ui.workshop.agenda_clock import AgendaClock
from tests.ui.workshop.conftest import FakeClock


def _session(*items: tuple[int, str, int, int], current: int | None = None) -> SessionRow:
    agenda = tuple(
        AgendaItemRow(i, n, title, minutes, spent, i == current) for n, (i, title, minutes, spent) in enumerate(items)
    )
    return SessionRow("W-001", "Q3", date(2026, 12, 1), datetime(2026, 12, 1, 9), None, "", (), agenda)


def test_it_starts_counting_on_the_first_item_with_no_time_recorded() -> None:
    clock = FakeClock()
    agenda = AgendaClock(
        _session((1, "Board", 20, 1300), (2, "Vote", 15, 0), (3, "Wrap up", 5, 0)), clock, lambda i, s, c: None
    )
    assert agenda.index == 1 and agenda.countdown is not None and agenda.countdown.running
    clock.advance(30)
    assert agenda.spent_by_item() == {1: 1300, 2: 30, 3: 0}


def test_moving_on_stores_the_time_of_the_item_left_and_a_pause_carries_over() -> None:
    clock = FakeClock()
    stored: list[tuple[int, int, int]] = []
    agenda = AgendaClock(
        _session((1, "Board", 20, 0), (2, "Vote", 15, 0)), clock, lambda i, s, c: stored.append((i, s, c))
    )
    clock.advance(61)
    agenda.toggle()  # paused
    agenda.next()
    assert stored == [(1, 61, 2)] and agenda.countdown is not None and not agenda.countdown.running
    agenda.previous()
    assert stored == [(1, 61, 2), (2, 0, 1)]


def test_a_checkpoint_tells_the_current_items_time_and_presenting_again_resumes_there() -> None:
    clock = FakeClock()
    stored: list[tuple[int, int, int]] = []
    items = ((1, "Board", 20, 0), (2, "Vote", 15, 0), (3, "Wrap up", 5, 0))
    agenda = AgendaClock(_session(*items), clock, lambda i, s, c: stored.append((i, s, c)))
    clock.advance(300)
    agenda.next()
    clock.advance(200)
    agenda.previous()  # the room goes back to the board: item 2 has time, item 1 is current
    clock.advance(45)
    assert agenda.checkpoint() == (1, 345)
    assert stored[-1] == (2, 200, 1)
    # the workspace is closed and reopened: the stored state is read back
    again = AgendaClock(
        _session((1, "Board", 20, 345), (2, "Vote", 15, 200), (3, "Wrap up", 5, 0), current=1),
        clock,
        lambda i, s, c: None,
    )
    assert again.index == 0 and again.countdown is not None and again.countdown.running
    assert again.countdown.remaining(clock()) == 20 * 60 - 345


def test_an_agenda_edit_keeps_the_current_item_and_its_countdown() -> None:
    clock = FakeClock()
    agenda = AgendaClock(_session((1, "Board", 20, 0), (2, "Vote", 15, 0)), clock, lambda i, s, c: None)
    agenda.next()
    clock.advance(120)
    agenda.extend()
    agenda.update(_session((3, "Warm-up", 5, 0), (2, "Dot vote", 10, 0), (1, "Board", 20, 0)))
    assert agenda.index == 1 and agenda.current is not None and agenda.current.title == "Dot vote"
    assert agenda.countdown is not None and agenda.countdown.remaining(clock()) == 10 * 60 + 60 - 120
    agenda.update(_session((3, "Warm-up", 5, 0)))
    assert agenda.index == 0 and agenda.current is not None and agenda.current.id == 3
