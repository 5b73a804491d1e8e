"""Dot votes in the store: dot limits, taking dots back, hidden until revealed, ranking with ties,
and a result written into a score as one undo step."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.voting import VOTE_SCORES, ScoreTarget, rank, scores_from_dots
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.changes import Revert
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.sessions import SessionService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace
from tests.store.session_rows import add_session


@dataclass
class Room:
    votes: VoteService
    ana: int
    ben: int
    cleo: int


@pytest.fixture
def room(workspace: Workspace) -> Room:
    """Initiatives I-001 … I-004, a capability C-001, and a running session with Ana, Ben and Cleo."""
    initiatives = InitiativeService(workspace)
    for title in ("Fraud scoring", "Size advice", "Demand forecast", "Search ranking"):
        initiatives.create({"title": title})
    CapabilityService(workspace).create({"name": "Feature store"})
    ana, ben, cleo = add_session(workspace, "Q3 planning", ["Ana", "Ben", "Cleo"])
    return Room(VoteService(workspace), ana, ben, cleo)


def confidences(workspace: Workspace) -> dict[str, int]:
    return {row.key: row.confidence for row in InitiativeService(workspace).board().initiatives}


def place(room: Room, vote_id: int, dots: list[tuple[int, str]]) -> list[Revert]:
    return [room.votes.add_dot(vote_id, participant, key) for participant, key in dots]


# creating


def test_a_vote_is_created_in_a_session_and_undone(room: Room) -> None:
    vote_id, undo = room.votes.create("W-001", " What matters most? ", "Initiative", "3")
    (vote,) = room.votes.votes("W-001")
    assert (vote.id, vote.title, vote.subject, vote.dots_per_participant, vote.revealed, vote.written_to) == (
        vote_id,
        "What matters most?",
        "initiative",
        3,
        False,
        None,
    )
    assert vote.session_title == "Q3 planning"
    room.votes.add_dot(vote_id, room.ana, "I-001")
    redo = undo()
    assert room.votes.votes("W-001") == []
    redo()
    assert room.votes.board(vote_id).dots == {(room.ana, "I-001"): 1}


@pytest.mark.parametrize(
    ("title", "subject", "dots", "field"),
    [
        ("", "initiative", 3, "Title"),
        ("Top", "outcome", 3, "Subject"),
        ("Top", "risk", 0, "Dots per participant"),
        ("Top", "risk", 21, "Dots per participant"),
    ],
)
def test_a_bad_vote_is_refused_and_nothing_stored(room: Room, title: str, subject: str, dots: int, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        room.votes.create("W-001", title, subject, dots)
    assert refused.value.field == field
    assert room.votes.votes("W-001") == []


def test_a_session_needs_participants_before_a_vote(workspace: Workspace) -> None:
    add_session(workspace, "Empty room", [], key="W-002")
    with pytest.raises(ValidationError, match="add the people in the room first"):
        VoteService(workspace).create("W-002", "Top", "risk", 3)
    with pytest.raises(NotFound):
        VoteService(workspace).create("W-404", "Top", "risk", 3)


# dots


def test_each_participant_places_at_most_their_dots(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 2)
    place(room, vote_id, [(room.ana, "I-001"), (room.ana, "I-001")])
    with pytest.raises(ValidationError, match="Ana has no dots left \\(all 2 are placed\\)"):
        room.votes.add_dot(vote_id, room.ana, "I-002")
    room.votes.add_dot(vote_id, room.ben, "I-002")
    board = room.votes.board(vote_id)
    assert [(p.name, p.placed, board.left(p.id)) for p in board.participants] == [
        ("Ana", 2, 0),
        ("Ben", 1, 1),
        ("Cleo", 0, 2),
    ]
    assert board.dots_of(room.ana, "I-001") == 2
    assert [item.key for item in board.items] == ["I-001", "I-002", "I-003", "I-004"]


def test_a_dot_on_an_item_that_does_not_exist_is_refused(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    with pytest.raises(ValidationError, match="I-099 is not one of the workspace's initiatives"):
        room.votes.add_dot(vote_id, room.ana, "I-099")
    with pytest.raises(ValidationError, match="C-001 is not one of the workspace's initiatives"):
        room.votes.add_dot(vote_id, room.ana, "C-001")
    capability_vote, _ = room.votes.create("W-001", "Platform", "capability", 3)
    room.votes.add_dot(capability_vote, room.ana, "C-001")
    assert room.votes.board(vote_id).dots == {}


def test_a_participant_of_another_session_cannot_vote(room: Room, workspace: Workspace) -> None:
    (stranger,) = add_session(workspace, "Other", ["Dan"], key="W-002", running=False)
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    with pytest.raises(ValidationError, match="is not in this vote's session"):
        room.votes.add_dot(vote_id, stranger, "I-001")


def test_removing_takes_back_one_dot_and_undo_puts_it_back(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    place(room, vote_id, [(room.ana, "I-001"), (room.ana, "I-001"), (room.ben, "I-001")])
    undo = room.votes.remove_dot(vote_id, room.ana, "I-001")
    assert room.votes.board(vote_id).dots == {(room.ana, "I-001"): 1, (room.ben, "I-001"): 1}
    redo = undo()
    assert room.votes.board(vote_id).dots == {(room.ana, "I-001"): 2, (room.ben, "I-001"): 1}
    redo()
    with pytest.raises(ValidationError, match="Cleo has no dot on I-001"):
        room.votes.remove_dot(vote_id, room.cleo, "I-001")


def test_undoing_a_dot_gives_it_back_to_the_participant(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 1)
    undo = room.votes.add_dot(vote_id, room.ana, "I-003")
    redo = undo()
    assert room.votes.board(vote_id).left(room.ana) == 1
    redo()
    assert room.votes.board(vote_id).dots == {(room.ana, "I-003"): 1}


# revealing and ranking


def test_the_result_is_hidden_until_revealed_and_the_dots_final_after(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    room.votes.add_dot(vote_id, room.ana, "I-001")
    with pytest.raises(ValidationError, match="not revealed yet"):
        room.votes.results(vote_id)
    hide = room.votes.reveal(vote_id)
    assert room.votes.results(vote_id).vote.revealed
    with pytest.raises(ValidationError, match="dots are final"):
        room.votes.add_dot(vote_id, room.ben, "I-001")
    with pytest.raises(ValidationError, match="dots are final"):
        room.votes.remove_dot(vote_id, room.ana, "I-001")
    with pytest.raises(ValidationError, match="already revealed"):
        room.votes.reveal(vote_id)
    hide()
    room.votes.add_dot(vote_id, room.ben, "I-001")


def test_the_ranking_puts_most_dots_first_and_ties_share_a_rank(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    place(
        room,
        vote_id,
        [
            (room.ana, "I-003"),
            (room.ana, "I-003"),
            (room.ben, "I-003"),
            (room.ana, "I-001"),
            (room.ben, "I-002"),
            (room.cleo, "I-002"),
            (room.ben, "I-001"),
            (room.cleo, "I-004"),
        ],
    )
    room.votes.reveal(vote_id)
    result = room.votes.results(vote_id)
    assert [(item.rank, item.key, item.dots) for item in result.ranking] == [
        (1, "I-003", 3),
        (2, "I-001", 2),
        (2, "I-002", 2),
        (4, "I-004", 1),
    ]
    first = result.ranking[0]
    assert (first.title, first.by_participant) == ("Demand forecast", (("Ana", 2), ("Ben", 1)))
    assert result.ranking[2].by_participant == (("Ben", 1), ("Cleo", 1))
    assert result.without_dots == 0


def test_items_deleted_after_their_dots_leave_the_ranking(room: Room, workspace: Workspace) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    place(room, vote_id, [(room.ana, "I-001"), (room.ana, "I-002")])
    InitiativeService(workspace).delete("I-002")
    room.votes.reveal(vote_id)
    result = room.votes.results(vote_id)
    assert [item.key for item in result.ranking] == ["I-001"]
    assert result.without_dots == 2


def test_ranking_and_scores_in_the_domain() -> None:
    assert [(r.rank, r.key) for r in rank({"I-010": 2, "I-002": 2, "I-001": 5, "I-003": 0, "I-004": 1})] == [
        (1, "I-001"),
        (2, "I-002"),
        (2, "I-010"),
        (4, "I-004"),
    ]
    confidence = VOTE_SCORES["initiative"][0]
    assert scores_from_dots({"I-001": 6, "I-002": 3, "I-003": 1, "I-004": 0}, confidence) == {
        "I-001": 100,
        "I-002": 50,
        "I-003": 17,
    }
    assert scores_from_dots({"I-001": 8, "I-002": 1}, confidence) == {"I-001": 100, "I-002": 13}  # 12.5 → 13
    assert scores_from_dots({"C-001": 2, "C-002": 1}, ScoreTarget("level", "Level", 1, 5)) == {"C-001": 5, "C-002": 3}
    assert scores_from_dots({}, confidence) == {}


# writing into a score


def test_writing_into_confidence_is_one_step_that_undo_reverses_whole(room: Room, workspace: Workspace) -> None:
    InitiativeService(workspace).update("I-004", {"confidence": 20})
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    place(room, vote_id, [(room.ana, "I-003"), (room.ben, "I-003"), (room.cleo, "I-003"), (room.ana, "I-001")])
    with pytest.raises(ValidationError, match="not revealed yet"):
        room.votes.write_scores(vote_id, "confidence")
    room.votes.reveal(vote_id)
    before = confidences(workspace)
    undo = room.votes.write_scores(vote_id, "confidence")
    assert confidences(workspace) == before | {"I-003": 100, "I-001": 33}
    assert room.votes.votes("W-001")[0].written_to == "confidence"
    redo = undo()
    assert confidences(workspace) == before
    assert room.votes.votes("W-001")[0].written_to is None
    redo()
    assert confidences(workspace) == before | {"I-003": 100, "I-001": 33}


def test_only_offered_scores_are_written(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Platform", "capability", 3)
    room.votes.add_dot(vote_id, room.ana, "C-001")
    room.votes.reveal(vote_id)
    with pytest.raises(ValidationError, match="offered: none"):
        room.votes.write_scores(vote_id, "current_maturity")
    empty, _ = room.votes.create("W-001", "Nobody voted", "initiative", 3)
    room.votes.reveal(empty)
    with pytest.raises(ValidationError, match="has no dots to write"):
        room.votes.write_scores(empty, "confidence")
    with pytest.raises(ValidationError, match="offered: confidence"):
        room.votes.write_scores(empty, "title")


def test_deleting_a_vote_takes_its_dots_and_undo_brings_both_back(room: Room) -> None:
    vote_id, _ = room.votes.create("W-001", "Top", "initiative", 3)
    place(room, vote_id, [(room.ana, "I-001"), (room.ben, "I-002")])
    undo = room.votes.delete(vote_id)
    with pytest.raises(NotFound):
        room.votes.board(vote_id)
    undo()
    assert room.votes.board(vote_id).dots == {(room.ana, "I-001"): 1, (room.ben, "I-002"): 1}


def test_a_vote_of_an_ended_session_takes_no_more_dots(room: Room, workspace: Workspace) -> None:
    vote, _ = room.votes.create("W-001", "What matters most?", "initiative", 2)
    place(room, vote, [(room.ana, "I-001")])
    SessionService(workspace).end("W-001")
    with pytest.raises(ValidationError, match="the session 'Q3 planning' has ended; its votes take no more dots"):
        room.votes.add_dot(vote, room.ben, "I-002")
    with pytest.raises(ValidationError, match="has ended"):
        room.votes.remove_dot(vote, room.ana, "I-001")
    assert room.votes.board(vote).dots == {(room.ana, "I-001"): 1}
