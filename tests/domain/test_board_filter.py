"""Which board cards a filter shows: every typed word must occur; picks narrow by field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.board_filter import BoardFilter, CardFacts, matches, searchable_text


def card(
    *texts: str | None, outcome_key: str | None = "O-001", team: str = "Growth", decision: str = "ranking"
) -> CardFacts:
    return CardFacts(haystack=searchable_text(*texts), outcome_key=outcome_key, team=team, decision_point=decision)


SEARCH = card("I-004", "Learning-to-rank for on-site Search", None, "Discovery & Search")


def test_searchable_text_folds_case_and_skips_missing_parts() -> None:
    assert searchable_text("I-001", None, "Straße", "") == "i-001\nstrasse"


@pytest.mark.parametrize("text", ["search", "SEARCH", "rank search", "  on-site   i-004 ", "discovery &"])
def test_text_matches_when_every_word_occurs_ignoring_case(text: str) -> None:
    assert matches(SEARCH, BoardFilter(text=text))


@pytest.mark.parametrize("text", ["fraud", "search fraud", "i-005"])
def test_text_fails_when_any_word_is_missing(text: str) -> None:
    assert not matches(SEARCH, BoardFilter(text=text))


def test_words_may_match_across_fields_but_not_across_the_field_gap() -> None:
    assert matches(SEARCH, BoardFilter(text="i-004 discovery"))
    assert not matches(SEARCH, BoardFilter(text="i-004learning"))


def test_outcome_team_and_decision_filters_compare_exactly() -> None:
    assert matches(SEARCH, BoardFilter(outcome_key="O-001", team="Growth", decision_point="ranking"))
    assert not matches(SEARCH, BoardFilter(outcome_key="O-002"))
    assert not matches(SEARCH, BoardFilter(team="Risk"))
    assert not matches(SEARCH, BoardFilter(decision_point="forecasting"))
    assert not matches(SEARCH, BoardFilter(text="search", team="Risk"))


def test_an_outcome_filter_excludes_cards_without_an_outcome() -> None:
    assert not matches(card("x", outcome_key=None), BoardFilter(outcome_key="O-001"))
    assert matches(card("x", outcome_key=None), BoardFilter())


def test_is_empty() -> None:
    assert BoardFilter().is_empty
    assert BoardFilter(text="   ").is_empty
    assert not BoardFilter(text="a").is_empty
    assert not BoardFilter(team="Growth").is_empty
    assert not BoardFilter(outcome_key="O-001").is_empty
    assert not BoardFilter(decision_point="ranking").is_empty


facts = st.builds(
    CardFacts,
    haystack=st.text(),
    outcome_key=st.none() | st.text(max_size=6),
    team=st.text(max_size=10),
    decision_point=st.text(max_size=10),
)


@given(facts, st.sampled_from(["", " ", "\t \n"]))
def test_an_empty_filter_matches_every_card(facts_: CardFacts, blank: str) -> None:
    assert matches(facts_, BoardFilter(text=blank))


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4))
def test_a_card_always_matches_its_own_words(parts: list[str]) -> None:
    facts_ = card(*parts)
    assert matches(facts_, BoardFilter(text=" ".join(parts)))
