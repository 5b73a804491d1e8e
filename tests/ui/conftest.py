"""Fixtures the UI tests of team workspaces share."""

from __future__ import annotations

import pytest

from align_desktop.store.samples import create_from_sample
from align_desktop.store.server import ServerAddress
from tests.postgres import GUARDED, Cluster


@pytest.fixture
def team_url(postgres: Cluster) -> str:
    """A team workspace holding the realistic sample, which the guarded role may edit too."""
    url = postgres.database()
    create_from_sample(ServerAddress.parse(url), "retail").close()
    postgres.admin(f"GRANT align TO {GUARDED}")
    return url
