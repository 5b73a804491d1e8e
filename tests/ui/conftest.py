"""Fixtures UI tests share: an empty main window, and a team workspace to open in it."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.store.samples import create_from_sample
from align_desktop.store.server import ServerAddress
from align_desktop.ui.main_window import MainWindow
from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.tasks import ImmediateRunner
from tests.postgres import GUARDED, Cluster


@pytest.fixture
def window(qtbot: Any, prompter: Any) -> MainWindow:
    """The main window with no workspace open, shown; background work runs at once (modules may define their own)."""
    window = MainWindow(Preferences(user_settings()), prompter, ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def team_url(postgres: Cluster) -> str:
    """A team workspace holding the realistic sample, which the guarded role may edit too."""
    url = postgres.database()
    create_from_sample(ServerAddress.parse(url), "retail").close()
    postgres.admin(f"GRANT align TO {GUARDED}")
    return url
