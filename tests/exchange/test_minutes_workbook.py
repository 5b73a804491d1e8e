"""The minutes workbook: every sheet read back with openpyxl holds the session's content, headers are
frozen, keys are text, dates are dates, and user text that starts like a formula stays text."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.domain.compare import NPV_TITLES
from align_desktop.exchange.minutes_workbook import SHEETS, export_minutes_workbook
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.log import LogService
from align_desktop.store.minutes import read_minutes
from align_desktop.store.sessions import SessionService
from align_desktop.store.workspace import Workspace
from tests import mock_session as mock


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory, _built_samples: dict[str, Path]) -> tuple[Path, Any]:
    """The realistic sample after the mock session, and its minutes workbook, opened."""
    folder = tmp_path_factory.mktemp("minutes")
    path = mock.sample_after_session(folder, _built_samples["retail"])
    out = folder / "minutes.xlsx"
    export_minutes_workbook(path, mock.TITLE, out)
    return path, openpyxl.load_workbook(out)


def test_the_sheets_with_frozen_headers(held: tuple[Path, Any]) -> None:
    book = held[1]
    assert book.sheetnames == list(SHEETS)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.bold
        assert sheet.column_dimensions["B"].width > 5


def test_the_session_sheet(held: tuple[Path, Any]) -> None:
    sheet = held[1]["Session"]
    fields = rows(sheet)
    assert fields[:3] == [("Key", "W-001"), ("Title", mock.TITLE), ("Date", datetime(2026, 11, 26))]
    assert sheet["B2"].data_type == "s" and sheet["B2"].number_format == "@"
    assert sheet["B4"].is_date and sheet["B4"].number_format == "yyyy-mm-dd"
    assert ("State", "ended") in fields
    assert [value for field, value in fields if field == "Attendee"] == list(mock.PARTICIPANTS)
    assert {field for field, _ in fields} >= {"Started", "Ended", "Compared from", "Compared to"}


def test_the_agenda_sheet(held: tuple[Path, Any]) -> None:
    assert rows(held[1]["Agenda"]) == [
        (1, "Review the roadmap", 20, timedelta(minutes=22, seconds=30), "2:30 over"),
        (2, "Dot vote: what matters most", 15, timedelta(minutes=12, seconds=5), "2:55 under"),
        (3, "Decisions and actions", 25, timedelta(minutes=25), "on time"),
    ]


def test_the_votes_sheet(held: tuple[Path, Any]) -> None:
    found = rows(held[1]["Votes"])
    about = (mock.VOTE_TITLE, "Initiatives", 3, 12, "Yes", "Confidence %")
    assert [row[:6] for row in found] == [about] * 4
    assert [(row[7], row[6], row[9]) for row in found] == list(mock.RANKING)
    assert found[0][10] == "Priya Shah 2, Tom Becker 1, Lena Vogt 1, Marco Rossi 1"


def test_decisions_actions_and_the_parking_lot(held: tuple[Path, Any]) -> None:
    book = held[1]
    decisions = rows(book["Decisions"])
    assert [(row[0], row[1]) for row in decisions] == [
        (key, text) for key, (text, _) in zip(("D-001", "D-002", "D-003"), mock.DECISIONS, strict=True)
    ]
    assert (
        decisions[2][2] == "I-003 Complete-the-look recommendations on PDP; I-009 Rule-based 'bought together' widget"
    )
    assert isinstance(decisions[0][3], datetime)
    actions = rows(book["Actions"])
    assert [row[:5] for row in actions] == [
        ("A-001", mock.ACTIONS[0][0], "Priya Shah", datetime(2026, 12, 11), "No"),
        ("A-002", mock.ACTIONS[1][0], "Tom Becker", datetime(2027, 1, 15), "No"),
    ]
    assert book["Actions"]["D2"].number_format == "yyyy-mm-dd"
    (parked,) = rows(book["Parking lot"])
    assert parked[:2] == ("P-001", mock.PARKED[0])


def test_what_changed_lists_npv_moves_scores_and_every_change(held: tuple[Path, Any]) -> None:
    found = read_minutes(held[0], "W-001").what_changed
    assert found is not None
    changes = rows(held[1]["What changed"])
    npv = [row for row in changes if row[0] == "Portfolio NPV"]
    assert [(row[3], row[6], row[7]) for row in npv] == [
        (NPV_TITLES[c.scenario], pytest.approx(c.before), pytest.approx(c.after)) for c in found.comparison.npv
    ]
    moves = [(row[2], row[6], row[7]) for row in changes if row[0] == "Board move"]
    assert sorted(moves) == sorted(mock.MOVES)
    assert (
        "Score",
        "initiative",
        "I-004",
        "Weekly SKU demand forecast per warehouse",
        "changed",
        "Readiness: monitoring",
        2,
        3,
    ) in changes
    listed = [(row[2], row[5], row[6], row[7]) for row in changes if row[0] == "Change"]
    assert len(listed) == 7
    assert ("I-016", "Confidence %", 45, 20) in listed
    key = held[1]["What changed"]["C6"]  # after the header and the four NPV rows, the first board move
    assert key.value == "I-009" and key.data_type == "s"


def test_user_text_that_looks_like_a_formula_stays_text(sample_path: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        sessions = SessionService(workspace)
        key, _ = sessions.create({"title": '=HYPERLINK("x")', "held_on": "2026-12-01"}, ["=cmd|' /C calc'!A0"], [])
        sessions.start(key)
        LogService(workspace).record("decision", {"text": "=SUM(A1:A9)"}, session_key=key)
        LogService(workspace).record("action", {"text": "+1 more", "owner": "@owner"}, session_key=key)
    finally:
        workspace.close()
    out = tmp_path / "formulas.xlsx"
    export_minutes_workbook(sample_path, key, out)
    book = openpyxl.load_workbook(out)
    cells = [
        (book["Session"]["B3"], '=HYPERLINK("x")'),
        (book["Session"]["B10"], "=cmd|' /C calc'!A0"),
        (book["Decisions"]["B2"], "=SUM(A1:A9)"),
        (book["Actions"]["B2"], "+1 more"),
        (book["Actions"]["C2"], "@owner"),
    ]
    for cell, written in cells:
        assert (cell.value, cell.data_type, cell.quotePrefix) == (written, "s", True), cell.coordinate


def test_a_planned_session_has_nothing_to_compare(sample_path: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        SessionService(workspace).create({"title": "Kick-off", "held_on": date(2026, 12, 1)}, ["Ana"], [])
    finally:
        workspace.close()
    out = tmp_path / "planned.xlsx"
    export_minutes_workbook(sample_path, "W-001", out)
    book = openpyxl.load_workbook(out)
    assert rows(book["What changed"]) == [
        (
            "Not compared",
            None,
            None,
            "The session has not started: there is nothing to compare yet.",
            None,
            None,
            None,
            None,
        )
    ]
    assert rows(book["Decisions"]) == []


def test_cancel_and_refusals_leave_no_file(held: tuple[Path, Any], tmp_path: Path) -> None:
    export_minutes_workbook(held[0], "W-001", tmp_path / "cancelled.xlsx", lambda done, total: done < 3)
    with pytest.raises(WorkspaceError, match=r"must end in \.xlsx"):
        export_minutes_workbook(held[0], "W-001", tmp_path / "minutes.pdf")
    with pytest.raises(WorkspaceError, match="There is no session 'W-404'"):
        export_minutes_workbook(held[0], "W-404", tmp_path / "minutes.xlsx")
    assert list(tmp_path.iterdir()) == []
