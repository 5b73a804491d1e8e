"""The minutes of a session in the store: everything read in one go, a session found by key or title,
hidden votes kept hidden, and what changed from the session's start to its end (or to now)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.minutes import UnknownSession, minutes_format, read_minutes
from align_desktop.store.sessions import SessionService
from align_desktop.store.votes import VoteService
from align_desktop.store.workspace import Workspace
from tests import mock_session as mock

pytestmark = pytest.mark.file_only  # `align-desktop minutes` reads them from a workspace file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def plan(workspace: Workspace, title: str, held_on: date = date(2026, 12, 3)) -> str:
    key, _ = SessionService(workspace).create(
        {"title": title, "held_on": held_on}, ["Ana", "Ben"], [(None, "Talk", 10)]
    )
    return key


def test_the_minutes_of_a_held_session(sample_workspace: Workspace) -> None:
    held = mock.run_mock_session(sample_workspace)
    minutes = read_minutes(sample_workspace.path, held.key)

    assert minutes.workspace_name == "Northwind Outfitters — ML roadmap 2027"
    assert minutes.currency == "EUR"
    session = minutes.session
    assert (session.key, session.title, session.held_on, session.state) == (held.key, mock.TITLE, mock.HELD_ON, "ended")
    assert session.participant_names == list(mock.PARTICIPANTS)
    assert [(i.title, i.time_box_minutes, i.spent_seconds) for i in session.agenda] == [
        (title, box, spent) for (title, box), spent in zip(mock.AGENDA, mock.SPENT, strict=True)
    ]

    (vote,) = minutes.votes
    assert (vote.vote.title, vote.dots_placed, vote.dots_offered, vote.written_to) == (
        mock.VOTE_TITLE,
        12,
        12,
        "Confidence %",
    )
    assert vote.result is not None
    assert [(item.key, item.rank, item.dots) for item in vote.result.ranking] == list(mock.RANKING)
    assert vote.result.ranking[0].by_participant == (
        ("Priya Shah", 2),
        ("Tom Becker", 1),
        ("Lena Vogt", 1),
        ("Marco Rossi", 1),
    )

    assert [(e.key, e.text, tuple(e.link_keys)) for e in minutes.decisions] == [
        (key, text, tuple(sorted(links))) for key, (text, links) in zip(held.decision_keys, mock.DECISIONS, strict=True)
    ]
    assert [(e.key, e.text, e.owner, e.due_on, e.done) for e in minutes.actions] == [
        (key, text, owner, due, False)
        for key, (text, owner, due, _) in zip(held.action_keys, mock.ACTIONS, strict=True)
    ]
    (parked,) = minutes.parking_lot
    assert [(link.key, link.title) for link in parked.links] == [
        ("I-012", "Product attribute tagging from images"),
        ("I-024", "Visual search: shop the look from a photo"),
    ]


def test_what_changed_runs_from_the_start_snapshot_to_the_end_snapshot(sample_workspace: Workspace) -> None:
    held = mock.run_mock_session(sample_workspace)
    InitiativeService(sample_workspace).update("I-001", {"confidence": 5})  # after the session: not in its minutes
    found = read_minutes(sample_workspace.path, held.key).what_changed

    assert found is not None
    assert (found.start.reason, found.end and found.end.reason) == ("start", "end")
    comparison = found.comparison
    assert sorted((m.key, m.old_lane, m.new_lane) for m in comparison.lane_moves) == sorted(mock.MOVES)
    scores = {(s.key, s.field): (s.old, s.new) for s in comparison.score_changes}
    assert scores.pop((mock.SCORE[0], mock.SCORE[1])) == mock.SCORE[2:]
    assert scores == {
        (key, "confidence"): (held.confidences_before[key], new) for key, new in held.confidences_after.items()
    }
    assert "I-001" not in {change.key for change in comparison.changes}


def test_a_running_session_is_compared_with_the_workspace_now(sample_workspace: Workspace) -> None:
    held = mock.run_mock_session(sample_workspace, end=False)
    InitiativeService(sample_workspace).update("I-001", {"confidence": 5})
    found = read_minutes(sample_workspace.path, held.key).what_changed

    assert found is not None and found.end is None
    assert ("I-001", "confidence", 80, 5) in {(s.key, s.field, s.old, s.new) for s in found.comparison.score_changes}


def test_a_planned_session_has_nothing_to_compare(sample_workspace: Workspace) -> None:
    key = plan(sample_workspace, "Next time")
    minutes = read_minutes(sample_workspace.path, key)
    assert minutes.session.state == "planned"
    assert minutes.what_changed is None
    assert (minutes.votes, minutes.log) == ((), ())


def test_a_vote_not_revealed_keeps_its_dots_hidden(sample_workspace: Workspace) -> None:
    key = plan(sample_workspace, "Quick vote")
    sessions, votes = SessionService(sample_workspace), VoteService(sample_workspace)
    sessions.start(key)
    ana = sessions.get(key).participants[0].id
    vote_id, _ = votes.create(key, "Which risk first?", "risk", 2)
    votes.add_dot(vote_id, ana, "R-001")

    (vote,) = read_minutes(sample_workspace.path, key).votes
    assert (vote.result, vote.dots_placed, vote.dots_offered, vote.written_to) == (None, 1, 4, None)


class TestFindingTheSession:
    def test_by_key_in_any_case_or_by_exact_title(self, sample_workspace: Workspace) -> None:
        first, second = plan(sample_workspace, "Q1 review"), plan(sample_workspace, "Q2 review")
        assert read_minutes(sample_workspace.path, second.lower()).session.key == second
        assert read_minutes(sample_workspace.path, " Q1 review ").session.key == first

    def test_an_unknown_session_lists_the_sessions_there_are(self, sample_workspace: Workspace) -> None:
        plan(sample_workspace, "Q1 review", date(2026, 11, 26))
        plan(sample_workspace, "Q2 review", date(2027, 2, 4))
        with pytest.raises(UnknownSession) as raised:
            read_minutes(sample_workspace.path, "Q3 review")
        assert str(raised.value) == (
            f"{sample_workspace.path}: There is no session 'Q3 review'. The sessions are: "
            "W-002 Q2 review (2027-02-04, planned); W-001 Q1 review (2026-11-26, planned)."
        )

    def test_a_workspace_without_sessions_says_so(self, sample_workspace: Workspace) -> None:
        with pytest.raises(UnknownSession, match="the workspace has no workshop sessions yet"):
            read_minutes(sample_workspace.path, "W-001")

    def test_a_title_shared_by_two_sessions_asks_for_the_key(self, sample_workspace: Workspace) -> None:
        plan(sample_workspace, "Weekly")
        plan(sample_workspace, "Weekly")
        with pytest.raises(
            UnknownSession, match=r"2 sessions are titled 'Weekly' \(W-002, W-001\): name one by its key"
        ):
            read_minutes(sample_workspace.path, "Weekly")


def test_a_workspace_from_before_sessions_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.align"
    shutil.copyfile(FIXTURES / "schema-4-retail.align", old)
    with pytest.raises(WorkspaceError, match="before workshop sessions"):
        read_minutes(old, "W-001")


@pytest.mark.parametrize(("name", "kind"), [("minutes.pdf", "pdf"), ("Minutes.XLSX", "xlsx")])
def test_the_file_suffix_says_what_to_write(name: str, kind: str) -> None:
    assert minutes_format(Path(name)) == kind


def test_any_other_suffix_is_refused() -> None:
    with pytest.raises(WorkspaceError, match=r"must end in \.pdf or \.xlsx"):
        minutes_format(Path("minutes.docx"))
