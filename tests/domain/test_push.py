"""How the push preview words a plan: values as people read them, and the lines `align-desktop push` prints."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from align_desktop.domain.push import Action, FieldChange, ItemChange, PushPlan, preview_lines, shown


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        ("", "—"),
        (0.1 + 0.2, "0.3"),
        (-0.0, "0"),
        (250_000.0, "250,000"),
        (1234.5, "1234.5"),
        (12_345.25, "12,345.25"),
        (2027, "2027"),
        (999_999, "999,999"),
        (Decimal("0.125"), "0.125"),
        (True, "Yes"),
        (date(2026, 3, 1), "2026-03-01"),
        (datetime(2026, 3, 1, 14, 5, 59), "2026-03-01 14:05"),
        ((0.25, 0.75, 1.0), "0.25, 0.75, 1"),
        ("two\nlines", "two lines"),
    ],
)
def test_values_are_shown_as_people_read_them(value: object, text: str) -> None:
    assert shown(value) == text


def test_a_tooltip_shows_a_long_text_whole() -> None:
    assert shown("two\nlines", whole=True) == "two\nlines"


def test_the_preview_lines_give_each_item_its_fields_and_its_conflict() -> None:
    plan = PushPlan(
        "postgresql://maria@plan.example.org:5432/roadmap",
        datetime(2026, 11, 20, 9, 0),
        (
            ItemChange("initiative I-030", Action.ADD, (FieldChange("title", None, None, "Idea", False),), note="n"),
            ItemChange(
                "initiative I-002",
                Action.CHANGE,
                (
                    FieldChange("title", "Old", "Theirs", "Mine", True),
                    FieldChange("confidence", 40, 40, 80, False),
                ),
                conflict="changed on the team workspace too",
            ),
            ItemChange("risk R-004", Action.REMOVE, ()),
        ),
    )
    assert plan.conflicts == (1,)
    assert preview_lines(plan) == [
        "   1. add initiative I-030",
        "        n",
        "        title: Idea",
        "   2. change initiative I-002: CONFLICT, changed on the team workspace too",
        "        ! title: Old → yours Mine, team's Theirs",
        "          confidence: 40 → yours 80, team's 40",
        "   3. remove risk R-004",
    ]
