"""Rescue: every row SQLite can still read goes into a new, sound workspace; what is lost is said."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError, WorkspaceExists
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.rescue import rescue
from align_desktop.store.snapshots import SnapshotService
from tests import mock_session as mock
from tests.store.test_imports import dump

pytestmark = pytest.mark.file_only  # rescue reads a damaged workspace file


def _tamper(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            db.execute(statement)
        db.commit()


def damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table`'s b-tree with garbage, as a failing disk might."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=DELETE")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * 200)


def test_a_sound_workspace_is_copied_whole(sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "rescued.align"
    assert rescue(sample_path, target) == []
    assert dump(target) == dump(sample_path)
    assert check_workspace(target) == []


def test_a_damaged_table_is_lost_and_said_and_everything_else_kept(sample_path: Path, tmp_path: Path) -> None:
    before = dump(sample_path)
    damage_table(sample_path, "risk")
    assert any("integrity" in finding or "malformed" in finding for finding in _findings(sample_path))
    damaged_bytes = sample_path.read_bytes()
    target = tmp_path / "rescued.align"
    notes = rescue(sample_path, target)
    assert sample_path.read_bytes() == damaged_bytes  # only read
    assert any(note.startswith("risk: 0 rows read, the rest could not be") for note in notes)
    assert "risk_initiative: " in " ".join(notes) and "dropped that referred to a lost risk" in " ".join(notes)
    rescued = dump(target)
    assert rescued["risk"] == [] and rescued["risk_initiative"] == []
    for table in ("outcome", "initiative", "capability", "capability_need", "cost_line", "lane", "workspace"):
        assert rescued[table] == before[table], table
    assert check_workspace(target) == []


def test_broken_references_and_positions_are_mended(sample_path: Path, tmp_path: Path) -> None:
    _tamper(
        sample_path,
        "UPDATE initiative SET position = position + 5 WHERE key = 'I-001'",
        "UPDATE initiative SET outcome_id = 999 WHERE key = 'I-002'",
        "UPDATE initiative SET lane_id = 77 WHERE key = 'I-003'",
        "UPDATE cost_line SET initiative_id = 555 WHERE key = 'L-001'",
        "UPDATE key_counter SET last = 1 WHERE prefix = 'I'",
    )
    assert check_workspace(sample_path) != []
    target = tmp_path / "rescued.align"
    notes = rescue(sample_path, target)
    assert "initiative: 1 references to a lost outcome cleared" in notes
    assert "initiative: 1 moved to the first lane, their own lane was lost" in notes
    assert "cost_line: 1 rows dropped that referred to a lost initiative" in notes
    assert any(note.startswith("initiative: ") and "positions renumbered" in note for note in notes)
    assert check_workspace(target) == []
    with closing(sqlite3.connect(target)) as db:
        assert db.execute("SELECT outcome_id FROM initiative WHERE key = 'I-002'").fetchone() == (None,)
        assert db.execute("SELECT count(*) FROM cost_line WHERE key = 'L-001'").fetchone() == (0,)


def test_a_workshop_session_is_rescued_with_its_keys_and_order_mended(sample_workspace: Any, tmp_path: Path) -> None:
    mock.run_mock_session(sample_workspace)
    path = sample_workspace.path
    sample_workspace.close()
    before = dump(path)
    _tamper(
        path,
        "UPDATE log_entry SET key = 'X-9' WHERE key = 'A-002'",
        "UPDATE agenda_item SET position = position + 3 WHERE position = 0",
        "DELETE FROM key_counter WHERE prefix IN ('W', 'D')",
    )
    target = tmp_path / "rescued.align"
    notes = rescue(path, target)
    assert "log_entry: key 'X-9' was not of the form A-001; it is now A-003" in notes
    assert "agenda_item: 3 positions renumbered to close gaps" in notes
    assert check_workspace(target) == []
    rescued = dump(target)
    for table in ("workshop_session", "session_participant", "vote", "vote_dot", "log_link", "snapshot", "audit_entry"):
        assert rescued[table] == before[table], table


def test_a_file_nothing_can_be_read_from_is_refused_and_nothing_written(sample_path: Path, tmp_path: Path) -> None:
    hopeless = tmp_path / "hopeless" / "hopeless.align"
    hopeless.parent.mkdir()
    header = sample_path.read_bytes()[:100]
    hopeless.write_bytes(header + b"\x5a" * (len(sample_path.read_bytes()) - 100))
    target = hopeless.with_name("rescued.align")
    with pytest.raises(WorkspaceError, match="restore a backup"):
        rescue(hopeless, target)
    assert sorted(p.name for p in hopeless.parent.iterdir()) == ["hopeless.align"]


def test_the_target_must_be_new(sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken.align"
    target.write_bytes(b"keep")
    with pytest.raises(WorkspaceExists):
        rescue(sample_path, target)
    assert target.read_bytes() == b"keep"
    with pytest.raises(WorkspaceError, match="new file"):
        rescue(sample_path, sample_path)


def _findings(path: Path) -> list[str]:
    try:
        return check_workspace(path)
    except WorkspaceError as error:
        return [str(error)]


def test_a_snapshot_whose_base_is_lost_is_dropped_with_those_built_on_it(sample_workspace: Any, tmp_path: Path) -> None:
    snapshots = SnapshotService(sample_workspace)
    service = InitiativeService(sample_workspace)
    lanes = service.board().lanes
    for index, lane in enumerate(lanes[1:], start=1):  # the first whole, then two stored as changes
        snapshots.take(f"Snapshot {index}")
        service.move("I-001", lane.id, 0)
    snapshots.take("Snapshot 3")
    path = sample_workspace.path
    sample_workspace.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT id, base_id FROM snapshot ORDER BY id").fetchall() == [(1, None), (2, 1), (3, 2)]
    _tamper(path, "DELETE FROM snapshot WHERE id = 2")
    target = tmp_path / "rescued.align"
    notes = rescue(path, target)
    assert "snapshot: 1 rows dropped that referred to a lost snapshot" in notes
    assert check_workspace(target) == []
    with closing(sqlite3.connect(target)) as db:
        assert db.execute("SELECT id FROM snapshot").fetchall() == [(1,)]
