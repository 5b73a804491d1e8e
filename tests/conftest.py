"""Shared fixtures: headless Qt, per-test user settings, fresh workspaces and a scripted prompter."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class ScriptedPrompter:
    """Stands in for `align_desktop.ui.prompts.Prompter`: answers from queues, records questions."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.informed: list[tuple[str, str]] = []
        self.confirmations: list[str] = []
        self.confirm_answers: list[bool] = []
        self.text_answers: list[str | None] = []
        self.line_answers: list[str | None] = []
        self.password_answers: list[str | None] = []
        self.password_questions: list[str] = []
        self.path_answers: list[Path | None] = []
        self.choice_answers: list[int | None] = []
        self.choices: list[str] = []

    def set_parent(self, parent: Any) -> None:
        pass

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def inform(self, title: str, message: str) -> None:
        self.informed.append((title, message))

    def confirm(self, title: str, message: str, action: str) -> bool:
        self.confirmations.append(message)
        return self.confirm_answers.pop(0)

    def choose(self, title: str, message: str, choices: list[str]) -> int | None:
        self.choices.append(message)
        return self.choice_answers.pop(0)

    def ask_text(self, title: str, label: str) -> str | None:
        return self.text_answers.pop(0)

    def ask_line(self, title: str, label: str, suggested: str = "") -> str | None:
        return self.line_answers.pop(0)

    def ask_password(self, title: str, label: str) -> str | None:
        self.password_questions.append(label)
        return self.password_answers.pop(0)

    def open_path(self, title: str, file_filter: str = "") -> Path | None:
        return self.path_answers.pop(0)

    def save_path(self, title: str, suggested: Path, file_filter: str = "") -> Path | None:
        return self.path_answers.pop(0)


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture(autouse=True)
def _user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep each test's recent files and window geometry out of the real user's settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(scope="session")
def _built_samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each bundled sample built once per test run; tests get copies."""
    from align_desktop.store.samples import create_from_sample, list_samples

    folder = tmp_path_factory.mktemp("samples")
    built = {}
    for sample in list_samples():
        path = folder / f"{sample.name}.align"
        create_from_sample(path, sample.name).close()
        built[sample.name] = path
    return built


@pytest.fixture
def sample_path(tmp_path: Path, _built_samples: dict[str, Path]) -> Path:
    """A private copy of the realistic sample."""
    copy = tmp_path / "retail.align"
    shutil.copyfile(_built_samples["retail"], copy)
    return copy


@pytest.fixture
def stress_path(tmp_path: Path, _built_samples: dict[str, Path]) -> Path:
    """A private copy of the `stress` sample."""
    copy = tmp_path / "stress.align"
    shutil.copyfile(_built_samples["stress"], copy)
    return copy


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Any]:
    """A 4 MB file system of the test's own, to fill up or make read-only (see `tests.disk`)."""
    from tests.disk import SmallDisk

    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (CI runs as root)")
    disk = SmallDisk(tmp_path / "disk")
    yield disk
    disk.unmount()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Any]:
    """A running PostgreSQL cluster for this test process."""
    from tests.postgres import Cluster, binaries

    found = binaries()
    if found is None:
        missing = "PostgreSQL is not installed (scripts/install-system-deps.sh --tests installs it)"
        if os.environ.get("CI"):
            pytest.fail(missing)  # CI installs it: a run without it must not pass by skipping
        pytest.skip(missing)
    cluster = Cluster(found)
    yield cluster
    cluster.stop()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty workspace (store level)."""
    from align_desktop.store.workspace import Workspace

    ws = Workspace.create(tmp_path / "empty.align", "Test workspace")
    yield ws
    ws.close()


@pytest.fixture
def sample_workspace(sample_path: Path) -> Iterator[Any]:
    """The realistic sample, open (store level)."""
    from align_desktop.store.workspace import Workspace

    ws = Workspace.open(sample_path)
    yield ws
    ws.close()


@pytest.fixture
def open_sample(qapp: Any, sample_workspace: Any) -> Iterator[Any]:
    """The realistic sample as the UI holds it: services, undo stack and change signal."""
    from align_desktop.ui.open_workspace import OpenWorkspace

    opened = OpenWorkspace(sample_workspace)
    yield opened
    opened.undo_stack.clear()
