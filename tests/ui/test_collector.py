"""The collector hold: off while held, back on when released or when the hold runs out."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from align_desktop.ui.collector import CollectorHold


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_a_hold_turns_the_collector_off_until_released(qtbot: QtBot) -> None:
    hold = CollectorHold()
    hold.hold()
    assert not gc.isenabled() and hold.held
    hold.release()
    assert gc.isenabled() and not hold.held


def test_a_hold_that_is_never_released_runs_out(qtbot: QtBot) -> None:
    hold = CollectorHold(longest_ms=50)
    hold.hold()
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert not hold.held


def test_holding_again_starts_the_longest_wait_anew(qtbot: QtBot) -> None:
    hold = CollectorHold(longest_ms=300)
    hold.hold()
    qtbot.wait(200)
    hold.hold()
    qtbot.wait(200)
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_the_collector_stays_off_until_every_hold_is_released(qtbot: QtBot) -> None:
    first, second = CollectorHold(), CollectorHold()
    first.hold()
    second.hold()
    first.release()
    assert not gc.isenabled()
    second.release()
    assert gc.isenabled()


def test_a_collector_turned_off_by_someone_else_stays_off(qtbot: QtBot) -> None:
    gc.disable()
    hold = CollectorHold()
    hold.hold()
    assert not hold.held
    hold.release()
    assert not gc.isenabled()
