"""How the minutes word time against a time box, linked items and dots."""

from __future__ import annotations

import pytest

from align_desktop.domain.minutes import against_time_box, counted, dots_text, duration_text, items_text


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (59, "0:59"), (1350, "22:30"), (3600, "1:00:00"), (3905, "1:05:05")]
)
def test_durations(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text


@pytest.mark.parametrize(
    ("box", "spent", "text"),
    [(20, 1350, "2:30 over"), (15, 725, "2:55 under"), (25, 1500, "on time"), (10, 0, "not timed")],
)
def test_time_spent_against_the_time_box(box: int, spent: int, text: str) -> None:
    assert against_time_box(box, spent) == text


def test_counted_nouns() -> None:
    assert [counted(n, "item") for n in (0, 1, 2, 1204)] == ["0 items", "1 item", "2 items", "1,204 items"]
    assert counted(1, "more risk", "more risks") == "1 more risk"
    assert counted(3, "more capability", "more capabilities") == "3 more capabilities"


def test_linked_items_and_dots() -> None:
    assert items_text([("I-004", "Size advice"), ("C-003", "Feature store"), ("R-009", None)]) == (
        "I-004 Size advice; C-003 Feature store; R-009 (deleted)"
    )
    assert items_text([]) == ""
    assert dots_text([("Ana", 2), ("Ben", 1)]) == "Ana 2, Ben 1"
