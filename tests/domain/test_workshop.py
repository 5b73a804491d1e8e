"""Checks on sessions and log entries: names once ignoring case, time boxes 1–600, links by key, actions' owners."""

from __future__ import annotations

from datetime import date

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.workshop import (
    AgendaLine,
    check_action,
    parse_links,
    split_links,
    validate_agenda,
    validate_log_entry,
    validate_participants,
    validate_session,
)


def test_a_session_needs_a_title_and_a_calendar_date() -> None:
    assert validate_session({"title": " Q3 ", "held_on": "2026-12-01"}) == {"title": "Q3", "held_on": date(2026, 12, 1)}
    with pytest.raises(ValidationError, match="Title"):
        validate_session({"title": ""})
    with pytest.raises(ValidationError, match="Date"):
        validate_session({"held_on": "2026-02-30"})
    with pytest.raises(ValidationError, match="is not a session field"):
        validate_session({"started_at": "now"})


def test_participants_keep_their_order_and_appear_once_ignoring_case() -> None:
    assert validate_participants([" Ann ", "", "Ben  Okafor"]) == ["Ann", "Ben Okafor"]
    with pytest.raises(ValidationError) as refused:
        validate_participants(["Ann", "ANN"])
    assert refused.value.field == "Participants" and "'ANN' appears twice" in refused.value.message


def test_agenda_items_need_a_title_and_a_time_box_of_one_to_six_hundred_minutes() -> None:
    assert validate_agenda([(4, " Review ", "20"), (None, "Vote", 600)]) == [
        AgendaLine("Review", 20, 4),
        AgendaLine("Vote", 600, None),
    ]
    for minutes in (0, 601, "soon", 2.5):
        with pytest.raises(ValidationError) as refused:
            validate_agenda([(None, "Vote", minutes)])
        assert refused.value.field == "Time box" and "'Vote'" in refused.value.message
    with pytest.raises(ValidationError, match="item 2 needs a title"):
        validate_agenda([(None, "Vote", 5), (None, " ", 5)])


def test_only_actions_have_an_owner_a_due_date_and_a_done_mark() -> None:
    assert validate_log_entry("action", {"text": "Do", "owner": " Ann ", "due_on": "2027-01-31", "done": 1}) == {
        "text": "Do",
        "owner": "Ann",
        "due_on": date(2027, 1, 31),
        "done": True,
    }
    assert validate_log_entry("decision", {"text": "Go", "owner": "", "due_on": None})["text"] == "Go"
    with pytest.raises(ValidationError, match="Due date: only an action"):
        validate_log_entry("parking", {"due_on": "2027-01-31"})
    with pytest.raises(ValidationError, match="an action needs an owner"):
        check_action("action", {"owner": " "})
    check_action("decision", {"owner": ""})


def test_links_are_keys_of_initiatives_capabilities_or_risks_written_as_the_app_writes_them() -> None:
    assert parse_links(split_links("i-3, C-002;R-10  I-003")) == ["I-003", "C-002", "R-010"]
    for text in ("O-001", "L-004", "churn"):
        with pytest.raises(ValidationError) as refused:
            parse_links([text])
        assert refused.value.field == "Links"
