"""The screenshot's presenter layout is rendered from a copy: the workspace itself is never changed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.workshop.presenter_shot import present_copy
from tests.ui.workshop.conftest import plan


def _sessions(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT key, title, started_at IS NOT NULL FROM workshop_session ORDER BY id").fetchall()


def test_without_a_session_a_sample_one_is_presented_from_a_copy(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    window.close_workspace()
    before = sample_path.read_bytes()
    assert present_copy(window, sample_path, tmp_path)
    assert window.workspace is not None and window.workspace.workspace.path.parent == tmp_path.resolve()
    assert window.workshop.presenting and window.current_view() is window.board
    panel = window.workshop.panel
    assert panel is not None
    panel.refresh()
    assert panel.item_title.text() == "2 of 4: Dot vote: next quarter's bets"
    assert panel.countdown.text() == "5:35"
    assert "took 21:40" in panel.agenda.item(0).text()
    window.close_workspace()
    assert sample_path.read_bytes() == before and _sessions(sample_path) == []


def test_the_latest_planned_session_is_started_in_the_copy_only(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    plan(window, "Q3 roadmap workshop")
    window.close_workspace()
    assert present_copy(window, sample_path, tmp_path)
    assert window.workshop.panel is not None and window.workshop.panel.session.text() == "W-001 · Q3 roadmap workshop"
    window.close_workspace()
    assert _sessions(sample_path) == [("W-001", "Q3 roadmap workshop", 0)]
