"""A private PostgreSQL server for the tests: Debian's binaries, a throwaway cluster on loopback.

`scripts/install-system-deps.sh --tests` installs Debian's `postgresql`; the cluster is made
with `initdb` in a fresh folder, listens on 127.0.0.1 on a free port and trusts local
connections (it is gone when the run ends). PostgreSQL refuses to run as root, so under root
(as in CI) its processes run as the `postgres` user the Debian package creates.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align_desktop.store.server import ServerAddress

USER = "align"
"""The role the tests connect as: it may create databases and roles, as a team's administrator would."""
GUARDED = "guarded"
GUARDED_PASSWORD = "open sesame"
"""A role that must give its password (every other role is trusted): for the password prompts."""


def binaries() -> Path | None:
    """The newest installed PostgreSQL's binary folder, or None when none is installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


class Cluster:
    """One running server; `database()` makes a new empty database and returns its URL."""

    def __init__(self, bin_dir: Path) -> None:
        self._bin = bin_dir
        self._folder = Path(tempfile.mkdtemp(prefix="align-pg-"))
        self._data = self._folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self._folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self._data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        rules = self._data / "pg_hba.conf"
        rules.write_text(f"host all {GUARDED} 127.0.0.1/32 scram-sha-256\n" + rules.read_text())
        self._run(
            "pg_ctl",
            "-D",
            str(self._data),
            "-l",
            str(self._folder / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self._folder} -c fsync=off -c full_page_writes=off",
            "start",
        )
        self.admin(f"CREATE ROLE {USER} LOGIN CREATEDB CREATEROLE")
        self.admin(f"CREATE ROLE {GUARDED} LOGIN PASSWORD '{GUARDED_PASSWORD}'")

    def url(self, database: str, user: str = USER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def database(self, template: str = "template0") -> str:
        """The URL of a new database owned by the tests' role: empty, or a copy of the database `template`."""
        name = f"workspace_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} OWNER {USER} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def admin(self, sql: str) -> None:
        """Run one statement as the superuser (roles, databases, killing connections)."""
        import psycopg

        with psycopg.connect(self.url("postgres", "postgres"), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]  # test set-up text, never user text

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self._data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self._folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self._folder)


ROLES_SQL = Path(__file__).parents[1] / "docs" / "team-roles.sql"
_people = itertools.count(1)


def grant_team_roles(address: ServerAddress) -> None:
    """What the owner does: run the documented script in the workspace's database."""
    import psycopg

    with psycopg.connect(autocommit=True, **address.connection_options()) as connection:
        connection.execute(ROLES_SQL.read_text())  # type: ignore[arg-type]  # the project's own script


def login_in(postgres: Cluster, address: ServerAddress, group: str) -> ServerAddress:
    """A login in `group`, as the script's comments say to make one; the same address as that person."""
    from align_desktop.store.server import ServerAddress

    name = f"person_{next(_people)}"
    postgres.admin(f"CREATE ROLE {name} LOGIN IN ROLE {group}")
    return ServerAddress.parse(address.url.replace(f"{address.user}@", f"{name}@"))


def migrate_to(address: ServerAddress, revision: str) -> None:
    """Make the empty database at `address` a workspace of an older schema: the migrations up to `revision`."""
    from alembic import command
    from alembic.config import Config

    from align_desktop.store.server_workspace import server_engine

    engine = server_engine(address)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", "align_desktop.store:migrations")
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
