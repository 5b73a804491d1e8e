"""One writer per workspace: the lock names who holds it; stale locks clear; others need breaking."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align_desktop.cli import EXIT_IN_USE, main
from align_desktop.store import lock
from align_desktop.store.errors import WorkspaceExists, WorkspaceReadOnly
from align_desktop.store.lock import WorkspaceInUse
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

HOLDER = """
import sys, time
from align_desktop.store.workspace import Workspace
workspace = Workspace.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def _hold(path: Path) -> subprocess.Popen[str]:
    """Another process that opens the workspace for editing and keeps it open."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    return holder


def _stop(process: subprocess.Popen[str], sig: int = signal.SIGKILL) -> None:
    process.send_signal(sig)
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _write_lock(path: Path, host: str, pid: int) -> None:
    record = {"user": "maria", "host": host, "pid": pid, "since": "2026-11-26T09:15:00"}
    lock.lock_path(path).write_text(json.dumps(record), encoding="utf-8")


def test_opening_takes_the_lock_and_closing_gives_it_back(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    owner = lock.read_owner(sample_path)
    assert owner is not None
    assert (owner.host, owner.pid) == (socket.gethostname(), os.getpid())
    workspace.close()
    assert not lock.lock_path(sample_path).exists()


def test_a_second_process_is_refused_naming_the_holder(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _hold(sample_path)
    try:
        with pytest.raises(WorkspaceInUse, match=rf"in use by .+@{socket.gethostname()} since "):
            Workspace.open(sample_path)
        workbook = tmp_path / "edit.xlsx"
        assert main(["export", "workbook", str(sample_path), str(workbook)]) == 0  # reading needs no lock
        assert main(["import", str(sample_path), str(workbook)]) == EXIT_IN_USE
        assert main(["new", str(sample_path)]) == EXIT_IN_USE
        assert "in use by" in capsys.readouterr().err
        reader = Workspace.open(sample_path, read_only=True)
        try:
            assert reader.read_only
            assert SettingsService(reader).get().name
            with pytest.raises(WorkspaceReadOnly):
                SettingsService(reader).update({"name": "Changed"})
        finally:
            reader.close()
    finally:
        _stop(holder)


def test_a_lock_left_by_a_killed_process_is_cleared(sample_path: Path) -> None:
    holder = _hold(sample_path)
    _stop(holder)
    assert lock.lock_path(sample_path).exists()
    workspace = Workspace.open(sample_path)
    owner = lock.read_owner(sample_path)
    assert owner is not None
    assert owner.pid == os.getpid()
    workspace.close()


def test_a_lock_from_another_host_holds_until_broken(sample_path: Path) -> None:
    _write_lock(sample_path, "meeting-room-laptop", 4242)
    with pytest.raises(WorkspaceInUse, match="maria@meeting-room-laptop since 2026-11-26 09:15"):
        Workspace.open(sample_path)
    workspace = Workspace.open(sample_path, break_lock=True)
    owner = lock.read_owner(sample_path)
    assert owner is not None
    assert owner.host == socket.gethostname()
    workspace.close()


def test_an_unreadable_lock_is_reported_not_ignored(sample_path: Path) -> None:
    lock.lock_path(sample_path).write_text("garbage", encoding="utf-8")
    with pytest.raises(WorkspaceInUse, match="another program"):
        Workspace.open(sample_path)


def test_new_over_an_unlocked_existing_file_is_refused_as_existing(sample_path: Path) -> None:
    with pytest.raises(WorkspaceExists):
        Workspace.create(sample_path)


def test_the_lock_is_atomic_between_racing_processes(sample_path: Path) -> None:
    racer = """
import sys
from align_desktop.store.lock import WorkspaceInUse
from align_desktop.store.workspace import Workspace
try:
    Workspace.open(sys.argv[1])
    print("won", flush=True)
    import time; time.sleep(5)
except WorkspaceInUse:
    print("lost", flush=True)
"""
    racers = [
        subprocess.Popen([sys.executable, "-c", racer, str(sample_path)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outcomes = []
    deadline = time.monotonic() + 60
    for process in racers:
        assert process.stdout is not None
        outcomes.append(process.stdout.readline().strip())
        assert time.monotonic() < deadline
    for process in racers:
        _stop(process)
    assert sorted(outcomes) == ["lost", "lost", "lost", "won"]
