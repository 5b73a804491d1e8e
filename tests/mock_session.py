"""A full mock workshop on the realistic sample, run through the services as a facilitator runs it.

Three agenda items and four participants; the session starts; one dot vote on initiatives (dots
from every participant, revealed, written into confidence); three decisions, two actions with
owners and due dates and one parking-lot item; two board moves and a readiness score raised; the
session ends with the time each agenda item took. `MockSession` says what was done, so tests can
check that the minutes and the comparison tell exactly that.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.log import LogService
from align_desktop.store.sessions import SessionService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace

TITLE = "Q1 roadmap review"
HELD_ON = date(2026, 11, 26)
PARTICIPANTS = ("Priya Shah", "Tom Becker", "Lena Vogt", "Marco Rossi")
AGENDA = (("Review the roadmap", 20), ("Dot vote: what matters most", 15), ("Decisions and actions", 25))
SPENT = (22 * 60 + 30, 12 * 60 + 5, 25 * 60)
"""Seconds each agenda item took: 2:30 over, 2:55 under, on time."""
VOTE_TITLE = "What matters most next quarter?"
DOTS = {
    "Priya Shah": ("I-012", "I-012", "I-007"),
    "Tom Becker": ("I-012", "I-013", "I-013"),
    "Lena Vogt": ("I-007", "I-007", "I-012"),
    "Marco Rossi": ("I-012", "I-013", "I-016"),
}
"""Three dots each: I-012 gets 5, I-007 and I-013 3 each (rank 2, shared), I-016 1."""
RANKING = (("I-012", 1, 5), ("I-007", 2, 3), ("I-013", 2, 3), ("I-016", 4, 1))
DECISIONS = (
    ("Prioritise product attribute tagging for next quarter: it won the vote.", ("I-012",)),
    ("Bring returns prediction into Now: the returns team has the data ready.", ("I-014",)),
    ("Park the rule-based widget in Later in favour of complete-the-look.", ("I-009", "I-003")),
)
ACTIONS = (
    ("Confirm labelled image data for attribute tagging", "Priya Shah", date(2026, 12, 11), ("I-012", "C-003")),
    ("Draft the monitoring plan for the demand forecast", "Tom Becker", date(2027, 1, 15), ("I-004",)),
)
PARKED = ("Should visual search share the image pipeline with tagging?", ("I-024", "I-012"))
MOVES = (("I-014", "Next", "Now"), ("I-009", "Now", "Later"))
SCORE = ("I-004", "readiness_monitoring", 2, 3)
"""I-004's monitoring readiness goes from 2 to 3."""


@dataclass(frozen=True)
class MockSession:
    key: str
    vote_id: int
    confidences_before: dict[str, int]
    """The voted initiatives' confidence before the vote's result was written into it."""
    confidences_after: dict[str, int]
    decision_keys: tuple[str, ...]
    action_keys: tuple[str, ...]
    parking_key: str


def run_mock_session(workspace: Workspace, *, end: bool = True) -> MockSession:
    """Plan, start and hold the mock session on `workspace` (the realistic sample); end it unless told not to."""
    sessions, votes, log = SessionService(workspace), VoteService(workspace), LogService(workspace)
    initiatives = InitiativeService(workspace)
    key, _ = sessions.create(
        {"title": TITLE, "held_on": HELD_ON}, list(PARTICIPANTS), [(None, title, box) for title, box in AGENDA]
    )
    sessions.start(key)
    held = sessions.get(key)

    vote_id, _ = votes.create(key, VOTE_TITLE, "initiative", 3)
    people = {participant.name: participant.id for participant in held.participants}
    for name, keys in DOTS.items():
        for item in keys:
            votes.add_dot(vote_id, people[name], item)
    votes.reveal(vote_id)
    voted = [item for item, _, _ in RANKING]
    before = {row.key: row.confidence for row in initiatives.board().initiatives if row.key in voted}
    votes.write_scores(vote_id, "confidence")
    after = {row.key: row.confidence for row in initiatives.board().initiatives if row.key in voted}

    decision_keys = tuple(log.record("decision", {"text": text}, links, key)[0] for text, links in DECISIONS)
    action_keys = tuple(
        log.record("action", {"text": text, "owner": owner, "due_on": due}, links, key)[0]
        for text, owner, due, links in ACTIONS
    )
    parking_key, _ = log.record("parking", {"text": PARKED[0]}, PARKED[1], key)

    lanes = {lane.name: lane.id for lane in initiatives.board().lanes}
    for item, _, lane in MOVES:
        initiatives.move(item, lanes[lane], 0)
    initiatives.update(SCORE[0], {SCORE[1]: SCORE[3]})
    if end:
        sessions.end(key, {item.id: seconds for item, seconds in zip(held.agenda, SPENT, strict=True)})
    return MockSession(key, vote_id, before, after, decision_keys, action_keys, parking_key)


def sample_after_session(folder: Path, retail: Path) -> Path:
    """A copy of the realistic sample (`retail`, a built sample) in `folder` after the mock session."""
    path = folder / "retail.align"
    shutil.copyfile(retail, path)
    workspace = Workspace.open(path)
    try:
        run_mock_session(workspace)
    finally:
        workspace.close()
    return path
