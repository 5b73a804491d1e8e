"""`check_workspace`: a sound workspace has no findings; each kind of damage gives one; nothing changes."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from align_desktop.store import schema
from align_desktop.store.check import check_workspace
from align_desktop.store.connection import connect
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _tamper(path: Path, *statements: str) -> None:
    """Write to the file behind the app's back, foreign keys off, as another tool might."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _folder_digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _check(path: Path) -> list[str]:
    """Run the check and assert that it left the file and its folder exactly as they were."""
    before = _folder_digest(path.parent)
    findings = check_workspace(path)
    assert _folder_digest(path.parent) == before
    return findings


def test_a_sound_sample_has_no_findings(sample_path: Path) -> None:
    assert _check(sample_path) == []


def test_a_fresh_empty_workspace_has_no_findings(tmp_path: Path) -> None:
    path = tmp_path / "empty.align"
    Workspace.create(path).close()
    assert _check(path) == []


def test_check_sees_changes_still_in_the_journal_of_an_open_workspace(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        OutcomeService(workspace).create({"name": "only in the write-ahead log so far"})
        assert Path(f"{sample_path}-wal").stat().st_size > 0
        reader = connect(sample_path, read_only=True)
        try:
            names = [name for (name,) in reader.execute("SELECT name FROM outcome")]
        finally:
            reader.close()
        assert "only in the write-ahead log so far" in names
        assert check_workspace(sample_path) == []
    finally:
        workspace.close()


_SESSION = (
    "INSERT INTO workshop_session (id, key, title, held_on, notes) VALUES (1, 'W-001', 'Review', '2026-11-26', '')",
    "INSERT INTO key_counter (prefix, last) VALUES ('W', 1)",
)
_ENTRY = (
    "INSERT INTO log_entry (key, session_id, kind, text, owner, recorded_at, recorded_by) "
    "VALUES ('{key}', 1, '{kind}', 'Ship it', 'Ana', '2026-11-26 10:00:00', 'root')"
)


@pytest.mark.parametrize(
    ("statements", "finding"),
    [
        (
            ["UPDATE initiative SET position = position + 1 WHERE key = 'I-001'"],
            "positions in lane 'Now' are not 0…",
        ),
        (
            ["UPDATE initiative SET position = 0 WHERE key = 'I-002'"],
            "positions in lane 'Now' are not 0…",
        ),
        (
            ["UPDATE key_counter SET last = 3 WHERE prefix = 'I'"],
            r"the key counter for I \(3\) is below the highest key in use \(28\)",
        ),
        (["DELETE FROM key_counter WHERE prefix = 'O'"], r"the key counter for O \(0\) is below"),
        (
            ["UPDATE initiative SET key = 'INIT-7' WHERE key = 'I-007'"],
            "initiative key 'INIT-7' is not of the form I-001",
        ),
        (
            ["UPDATE outcome SET key = 'I-099' WHERE key = 'O-002'"],
            "outcome key 'I-099' is not of the form O-001",
        ),
        (
            ["UPDATE initiative SET outcome_id = 999 WHERE key = 'I-003'"],
            "initiative row .* refers to a missing outcome",
        ),
        (
            ["UPDATE initiative SET lane_id = 77 WHERE key = 'I-004'"],
            "initiative row .* refers to a missing lane",
        ),
        (["DELETE FROM workspace"], "the workspace settings row is missing"),
        (
            [*_SESSION, "UPDATE workshop_session SET key = 'S-1'"],
            "workshop session key 'S-1' is not of the form W-001",
        ),
        ([*_SESSION, "DELETE FROM key_counter WHERE prefix = 'W'"], r"the key counter for W \(0\) is below"),
        (
            [*_SESSION, _ENTRY.format(key="D-001", kind="action")],
            "log entry key 'D-001' is not of the form A-001",
        ),
        (
            [*_SESSION, _ENTRY.format(key="A-004", kind="action")],
            r"the key counter for A \(0\) is below the highest key in use \(4\)",
        ),
        (
            [
                *_SESSION,
                "INSERT INTO agenda_item (session_id, position, title, time_box_minutes) VALUES (1, 1, 'x', 5)",
            ],
            "positions of the agenda items of session W-001 are not 0…0",
        ),
        (
            [
                *_SESSION,
                "INSERT INTO session_participant (session_id, position, name) VALUES (1, 0, 'Ana')",
                "INSERT INTO session_participant (session_id, position, name) VALUES (1, 0, 'Ben')",
            ],
            "positions of the participants of session W-001 are not 0…1",
        ),
    ],
    ids=[
        "position-gap",
        "position-repeat",
        "counter-below-highest",
        "counter-missing",
        "malformed-initiative-key",
        "outcome-key-of-wrong-kind",
        "dangling-outcome",
        "dangling-lane",
        "settings-missing",
        "malformed-session-key",
        "session-counter-missing",
        "log-key-of-wrong-kind",
        "log-counter-below-highest",
        "agenda-position-gap",
        "participant-position-repeat",
    ],
)
def test_each_kind_of_damage_is_found(sample_path: Path, statements: list[str], finding: str) -> None:
    _tamper(sample_path, *statements)
    findings = _check(sample_path)
    assert findings
    assert all(line.startswith(f"{sample_path}: ") for line in findings)
    assert any(re.search(finding, line) for line in findings), findings


def test_findings_do_not_stop_at_the_first(sample_path: Path) -> None:
    _tamper(
        sample_path,
        "UPDATE initiative SET key = 'bad' WHERE key = 'I-010'",
        "UPDATE initiative SET outcome_id = 999 WHERE key = 'I-011'",
        "UPDATE key_counter SET last = 1",
    )
    assert len(_check(sample_path)) >= 4


def test_an_older_schema_is_reported_not_upgraded(tmp_path: Path) -> None:
    old = tmp_path / "old.align"
    shutil.copyfile(FIXTURES / "schema-1-retail.align", old)
    before = old.read_bytes()
    findings = _check(old)
    assert len(findings) == 1
    assert f"schema 1 is older than {schema.SCHEMA_VERSION}; opening it in Align Desktop upgrades it" in findings[0]
    assert old.read_bytes() == before
