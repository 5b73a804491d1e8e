"""Opening something that is not a workspace this build can edit: refused cleanly, bytes untouched.

Each bad input must raise the right `WorkspaceError` with a one-line sentence naming the file,
from `Workspace.open`, from `check_workspace` and through the command line (exit 1, one line
on stderr, no traceback), and leave the file and its folder exactly as they were.
"""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from align_desktop.cli import main
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceError,
    WorkspaceMissing,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)
from align_desktop.store.workspace import Workspace


def _missing(folder: Path, _good: Path) -> Path:
    return folder / "missing.align"


def _folder(folder: Path, _good: Path) -> Path:
    path = folder / "folder.align"
    path.mkdir()
    return path


def _text(folder: Path, _good: Path) -> Path:
    path = folder / "notes.align"
    path.write_text("Workshop notes: move churn to Next\n" * 20, encoding="utf-8")
    return path


def _random(folder: Path, _good: Path) -> Path:
    path = folder / "noise.align"
    path.write_bytes(random.Random(7).randbytes(8192))
    return path


def _empty(folder: Path, _good: Path) -> Path:
    path = folder / "empty.align"
    path.write_bytes(b"")
    return path


def _truncated(size: int) -> Callable[[Path, Path], Path]:
    def build(folder: Path, good: Path) -> Path:
        path = folder / f"cut{size}.align"
        path.write_bytes(good.read_bytes()[:size])
        return path

    return build


def _foreign(folder: Path, _good: Path) -> Path:
    path = folder / "contacts.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contact VALUES ('Ana', '555-0100')")
    connection.commit()
    connection.close()
    return path


def _too_new(folder: Path, good: Path) -> Path:
    path = folder / "future.align"
    path.write_bytes(good.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version=99")
    connection.commit()
    connection.close()
    return path


def _read_only(folder: Path, good: Path) -> Path:
    path = folder / "locked.align"
    path.write_bytes(good.read_bytes())
    path.chmod(0o444)
    return path


Build = Callable[[Path, Path], Path]
"""Makes one bad input in a folder, given a good workspace to copy or cut up."""

CASES: list[tuple[str, Build, type[WorkspaceError], str]] = [
    ("missing", _missing, WorkspaceMissing, "There is no workspace"),
    ("folder", _folder, NotAWorkspace, "is a folder"),
    ("text", _text, NotAWorkspace, "not an SQLite database"),
    ("random", _random, NotAWorkspace, "not an SQLite database"),
    ("empty", _empty, NotAWorkspace, "not an SQLite database"),
    ("first 100 bytes", _truncated(100), NotAWorkspace, "cannot be read as a workspace"),
    ("first 4 KiB", _truncated(4096), NotAWorkspace, "cannot be read as a workspace"),
    ("another program", _foreign, NotAWorkspace, "SQLite database of another program"),
    ("too new", _too_new, WorkspaceTooNew, "newer Align Desktop .*schema 99"),
    ("read-only", _read_only, WorkspaceReadOnly, "is read-only"),
]
IDS = [case[0] for case in CASES]


def _snapshot(folder: Path) -> dict[str, str]:
    """Every entry of `folder` with a digest of its bytes (or its kind) and permission bits."""
    entries = {}
    for entry in sorted(folder.iterdir()):
        digest = "dir" if entry.is_dir() else hashlib.sha256(entry.read_bytes()).hexdigest()
        entries[entry.name] = f"{digest} {entry.stat().st_mode:o}"
    return entries


@pytest.fixture
def bad_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty folder for one bad input, beside (not inside) the good workspace it is cut from."""
    folder = tmp_path / "bad"
    folder.mkdir()
    yield folder
    for entry in folder.iterdir():
        entry.chmod(0o755)


def _check_sentence(error: BaseException, path: Path, message: str) -> None:
    text = str(error)
    assert path.name in text
    assert "\n" not in text
    assert "Traceback" not in text
    assert text.rstrip().endswith("."), text
    assert re.search(message, text), text


@pytest.mark.parametrize(("_name", "build", "error", "message"), CASES, ids=IDS)
def test_open_refuses_with_a_sentence_and_changes_nothing(
    bad_folder: Path, sample_path: Path, _name: str, build: Build, error: type[WorkspaceError], message: str
) -> None:
    path = build(bad_folder, sample_path)
    before = _snapshot(bad_folder)
    with pytest.raises(error) as caught:
        Workspace.open(path)
    _check_sentence(caught.value, path, message)
    assert _snapshot(bad_folder) == before


CHECK_CASES = [case for case in CASES if case[0] != "read-only"]
CHECK_IDS = [case[0] for case in CHECK_CASES]


@pytest.mark.parametrize(("_name", "build", "error", "message"), CHECK_CASES, ids=CHECK_IDS)
def test_check_refuses_the_same_inputs_and_changes_nothing(
    bad_folder: Path, sample_path: Path, _name: str, build: Build, error: type[WorkspaceError], message: str
) -> None:
    path = build(bad_folder, sample_path)
    before = _snapshot(bad_folder)
    with pytest.raises(error) as caught:
        check_workspace(path)
    _check_sentence(caught.value, path, message)
    assert _snapshot(bad_folder) == before


def test_check_reads_a_read_only_workspace_without_changing_it(bad_folder: Path, sample_path: Path) -> None:
    path = _read_only(bad_folder, sample_path)
    before = path.read_bytes()
    assert check_workspace(path) == []
    assert path.read_bytes() == before
    assert path.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize(("_name", "build", "error", "message"), CHECK_CASES, ids=CHECK_IDS)
def test_cli_check_exits_1_with_one_line_on_stderr(
    bad_folder: Path,
    sample_path: Path,
    capsys: pytest.CaptureFixture[str],
    _name: str,
    build: Build,
    error: type[WorkspaceError],
    message: str,
) -> None:
    path = build(bad_folder, sample_path)
    before = _snapshot(bad_folder)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("align-desktop: ")
    assert "Traceback" not in err
    assert re.search(message, err)
    assert _snapshot(bad_folder) == before


EXISTING_CASES = [case for case in CASES if case[0] != "missing"]


@pytest.mark.parametrize(
    ("_name", "build", "error", "message"), EXISTING_CASES, ids=[case[0] for case in EXISTING_CASES]
)
def test_cli_new_refuses_to_overwrite_any_of_them(
    bad_folder: Path,
    sample_path: Path,
    capsys: pytest.CaptureFixture[str],
    _name: str,
    build: Build,
    error: type[WorkspaceError],
    message: str,
) -> None:
    path = build(bad_folder, sample_path)
    before = _snapshot(bad_folder)
    assert main(["new", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "already exists" in err
    assert _snapshot(bad_folder) == before
