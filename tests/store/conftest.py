"""The store's tests run on both engines: a workspace file, and a team workspace on PostgreSQL.

Every test that takes `workspace` or `sample_workspace` runs twice, once per `engine`, unless
it is marked `file_only` (what it checks is about the file: its lock, header, journal, backups,
damage). The server is a private cluster started once per test process (the `postgres` fixture);
each test gets a database of its own, copied from one built once by `ServerWorkspace.create_on_server`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.postgres import Cluster

FILE = "file"
SERVER = "server"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        file_only = metafunc.definition.get_closest_marker("file_only") is not None
        metafunc.parametrize("engine", [FILE] if file_only else [FILE, SERVER], scope="function")


class _Templates:
    """Databases built once and copied for each test: the empty workspace, the realistic sample."""

    def __init__(self, cluster: Cluster) -> None:
        self._cluster = cluster
        self._built: dict[str, str] = {}

    def copy(self, kind: str) -> Any:
        from align_desktop.store.server import ServerAddress

        if kind not in self._built:
            self._built[kind] = self._build(kind)
        return ServerAddress.parse(self._cluster.database(template=self._built[kind]))

    def _build(self, kind: str) -> str:
        from align_desktop.store.sample_loader import load_document
        from align_desktop.store.samples import sample_document
        from align_desktop.store.server import ServerAddress
        from align_desktop.store.server_workspace import ServerWorkspace

        url = self._cluster.database()
        address = ServerAddress.parse(url)
        if kind == "empty":
            built = ServerWorkspace.create_on_server(address, "Test workspace")
        else:
            document = sample_document(kind)
            built = ServerWorkspace.create_on_server(
                address, document["name"], lambda session: load_document(session, document)
            )
        built.close()
        return address.database


@pytest.fixture(scope="session")
def _server_templates(postgres: Cluster) -> _Templates:
    return _Templates(postgres)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def workspace(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh, empty workspace: a file, or a team workspace on the test server."""
    from align_desktop.store.workspace import Workspace

    if engine == FILE:
        ws = Workspace.create(tmp_path / "empty.align", "Test workspace")
    else:
        from align_desktop.store.server_workspace import ServerWorkspace

        ws = ServerWorkspace.open_on_server(request.getfixturevalue("_server_templates").copy("empty"))
    yield ws
    ws.close()


@pytest.fixture
def sample_workspace(engine: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The realistic sample, open: a file, or a team workspace on the test server."""
    from align_desktop.store.workspace import Workspace

    if engine == FILE:
        ws = Workspace.open(request.getfixturevalue("sample_path"))
    else:
        from align_desktop.store.server_workspace import ServerWorkspace

        ws = ServerWorkspace.open_on_server(request.getfixturevalue("_server_templates").copy("retail"))
    yield ws
    ws.close()
