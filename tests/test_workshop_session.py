"""Issue 10's "Done when": a full mock session on the realistic sample (three agenda items, one vote,
three decisions, two actions, board moves and a score change) yields minutes — as data, as a PDF
and as a workbook — and a comparison and a What Changed view that tell exactly what happened:
each decision and action, the vote's ranking, the moved initiatives from → to, the changed
scores, and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.domain.compare import Comparison
from align_desktop.exchange.minutes_workbook import export_minutes_workbook
from align_desktop.reports.minutes_pdf import export_minutes_pdf
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.minutes import read_minutes
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.workspace import Workspace
from align_desktop.ui.open_workspace import OpenWorkspace
from tests import mock_session as mock
from tests.reports.test_pdf_report import page_texts
from tests.ui.changes.test_view import listed


def what_happened(held: mock.MockSession) -> dict[tuple[str, str], tuple[object, object]]:
    """Every field the session changed, (initiative key, field) → (before, after): the board moves,
    the vote's result written into confidence, and the readiness score raised by hand."""
    changed: dict[tuple[str, str], tuple[object, object]] = {
        (key, "lane"): (before, after) for key, before, after in mock.MOVES
    }
    changed |= {(key, "confidence"): (held.confidences_before[key], new) for key, new in held.confidences_after.items()}
    changed[(mock.SCORE[0], mock.SCORE[1])] = mock.SCORE[2:]
    return changed


def session_comparison(workspace: Workspace) -> Comparison:
    """What changed from the session's start snapshot to its end snapshot, as the snapshot service compares."""
    start, end = SnapshotService(workspace).list()
    assert (start.reason, end.reason) == ("start", "end")
    return SnapshotService(workspace).compare(start.id, end.id)


@pytest.fixture
def held(sample_workspace: Workspace) -> mock.MockSession:
    return mock.run_mock_session(sample_workspace)


def test_the_vote_changed_every_voted_score(held: mock.MockSession) -> None:
    assert held.confidences_after == {"I-012": 100, "I-007": 60, "I-013": 60, "I-016": 20}
    assert all(held.confidences_before[key] != new for key, new in held.confidences_after.items())


def test_the_comparison_tells_exactly_what_happened_and_nothing_else(
    sample_workspace: Workspace, held: mock.MockSession
) -> None:
    comparison = session_comparison(sample_workspace)
    assert {(c.change, c.kind) for c in comparison.changes} == {("changed", "initiative")}
    fields = {(c.key, f.field): (f.old, f.new) for c in comparison.changes for f in c.fields}
    assert fields == what_happened(held)
    assert sorted((m.key, m.old_lane, m.new_lane) for m in comparison.lane_moves) == sorted(mock.MOVES)
    scores = {(s.key, s.field): (s.old, s.new) for s in comparison.score_changes}
    assert scores == {change: values for change, values in what_happened(held).items() if change[1] != "lane"}
    assert comparison.band_changes == ()
    *scenarios, risk_adjusted = comparison.npv
    assert all(npv.before == npv.after for npv in scenarios)  # lanes, confidence and readiness move no cash
    assert risk_adjusted.after > risk_adjusted.before  # the vote raised confidence in the most valuable


def test_the_minutes_tell_it(sample_workspace: Workspace, held: mock.MockSession) -> None:
    minutes = read_minutes(sample_workspace.path, mock.TITLE)
    assert [i.title for i in minutes.session.agenda] == [title for title, _ in mock.AGENDA]
    assert [(e.text, tuple(e.link_keys)) for e in minutes.decisions] == [
        (text, tuple(sorted(links))) for text, links in mock.DECISIONS
    ]
    assert [(e.text, e.owner, e.due_on) for e in minutes.actions] == [a[:3] for a in mock.ACTIONS]
    (vote,) = minutes.votes
    assert vote.result is not None
    assert [(item.key, item.rank, item.dots) for item in vote.result.ranking] == list(mock.RANKING)
    assert vote.written_to == "Confidence %"
    assert minutes.what_changed is not None
    assert minutes.what_changed.comparison == session_comparison(sample_workspace)


def test_the_pdf_tells_it(sample_workspace: Workspace, held: mock.MockSession, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    export_minutes_pdf(sample_workspace.path, held.key, out)
    text = " ".join(page_texts(out))
    for decision, _ in mock.DECISIONS:
        assert decision in text
    for action, owner, due, _ in mock.ACTIONS:
        assert f"{action} {owner} {due.isoformat()} open" in text
    titles = {row.key: row.title for row in InitiativeService(sample_workspace).board().initiatives}
    for key, rank, dots in mock.RANKING:
        assert f"{rank} {key} {titles[key]} {dots} " in text
    for key, before, after in mock.MOVES:
        assert f"{key} {titles[key]} {before} {after}" in text
    assert "I-004 Weekly SKU demand forecast per warehouse Readiness: monitoring 2 3" in text
    assert "7 items changed, 0 added and 0 removed; 2 board moves and 5 changed scores." in text
    assert text.count(": changed ") == 7  # one group row per changed item in the list of every change
    assert "No risk moved into another band." in text


def test_the_workbook_tells_it(sample_workspace: Workspace, held: mock.MockSession, tmp_path: Path) -> None:
    out = tmp_path / "minutes.xlsx"
    export_minutes_workbook(sample_workspace.path, held.key, out)
    book = openpyxl.load_workbook(out)
    decisions = [row[1] for row in book["Decisions"].iter_rows(min_row=2, values_only=True)]
    assert decisions == [text for text, _ in mock.DECISIONS]
    actions = [row[1:4] for row in book["Actions"].iter_rows(min_row=2, values_only=True)]
    assert [(text, owner, due.date()) for text, owner, due in actions] == [a[:3] for a in mock.ACTIONS]
    votes = [(row[7], row[6], row[9]) for row in book["Votes"].iter_rows(min_row=2, values_only=True)]
    assert votes == list(mock.RANKING)
    changes = [row for row in book["What changed"].iter_rows(min_row=2, values_only=True) if row[0] == "Change"]
    assert {(row[2], row[5]) for row in changes} == {
        (key, "Lane" if field == "lane" else "Readiness: monitoring" if field == mock.SCORE[1] else "Confidence %")
        for key, field in what_happened(held)
    }
    assert {(row[2], row[6], row[7]) for row in changes} == {
        (key, *values) for (key, _), values in what_happened(held).items()
    }


def test_the_what_changed_view_tells_it(qtbot: Any, prompter: Any, open_sample: OpenWorkspace) -> None:
    from align_desktop.ui.changes.view import ChangesView

    held = mock.run_mock_session(open_sample.workspace)
    view = ChangesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(open_sample)
    view.show()
    rows = listed(view)
    assert rows[0][0] == "Initiatives (7)"
    items = [row[0] for row in rows if row[0].startswith("I-")]
    assert sorted(item.split()[0] for item in items) == sorted({key for key, _ in what_happened(held)})
    fields = [tuple(row) for row in rows[1:] if not row[0].startswith("I-")]
    assert ("Lane", "Next", "Now") in fields and ("Lane", "Now", "Later") in fields
    assert ("Readiness: monitoring", "2", "3") in fields
    assert len(fields) == len(what_happened(held))
