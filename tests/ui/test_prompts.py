"""How the real prompter offers a choice: buttons for a few short ones, a list for many or long ones."""

from __future__ import annotations

from align_desktop.ui.prompts import as_list


def test_a_few_short_choices_are_buttons() -> None:
    assert not as_list(["Open read-only", "Open a copy", "Break the lock…"])


def test_many_choices_or_a_long_one_are_a_list() -> None:
    assert as_list(["W-001 Q1 review", "W-002 Q2 review", "W-003 Q3 review", "W-004 Q4 review"])
    assert as_list(["What matters most next quarter for the platform team? (initiatives, revealed)"])
