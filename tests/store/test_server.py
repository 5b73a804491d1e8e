"""Team workspace addresses, and the reader that runs the store's queries on PostgreSQL as on a file."""

from __future__ import annotations

import getpass
from typing import Any

import pytest

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.server import ServerAddress, ServerReader, connect, is_server_address
from tests.postgres import Cluster


def test_an_address_names_server_database_and_role() -> None:
    address = ServerAddress.parse("postgresql://maria@plan.example.org:6543/portfolio")
    assert (address.host, address.port, address.database, address.user) == (
        "plan.example.org",
        6543,
        "portfolio",
        "maria",
    )
    assert address.sslmode == "prefer"
    assert address.url == "postgresql://maria@plan.example.org:6543/portfolio"


def test_the_port_role_and_tls_default_as_libpq_does() -> None:
    address = ServerAddress.parse("postgres://db.internal/roadmap")
    assert address.port == 5432
    assert address.user == getpass.getuser()
    assert address.connection_options()["sslmode"] == "prefer"
    assert (
        ServerAddress.parse("postgresql://u@h/d?sslmode=verify-full").url
        == "postgresql://u@h:5432/d?sslmode=verify-full"
    )


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("postgresql://maria:secret@host/db", "Leave the password out"),
        ("postgresql://host", "does not name a server and a database"),
        ("postgresql:///db", "does not name a server and a database"),
        ("postgresql://host:99999/db", "port"),
        ("postgresql://host/db?sslmode=sometimes", "sslmode=sometimes is not one of"),
        ("postgresql://host/db?password=x", "takes only sslmode"),
        ("mysql://host/db", "not a team workspace address"),
    ],
)
def test_a_bad_address_is_refused_saying_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(WorkspaceError, match=complaint):
        ServerAddress.parse(text)


def test_server_addresses_are_told_from_file_names() -> None:
    assert is_server_address("postgresql://h/d")
    assert is_server_address("POSTGRES://h/d")
    assert not is_server_address("postgresql.align")
    assert not is_server_address("/home/maria/postgresql://notes.align")


@pytest.fixture
def reader(postgres: Cluster) -> Any:
    opened = ServerReader(connect(ServerAddress.parse(postgres.database())))
    yield opened
    opened.close()


def test_values_read_as_the_file_driver_returns_them(reader: ServerReader) -> None:
    row = reader.execute(
        "SELECT true, false, DATE '2026-11-26', TIMESTAMP '2026-11-26 09:30:00', "
        "TIMESTAMP '2026-11-26 09:30:00.25', avg(x), 'text', 2.5::float8 FROM (VALUES (1), (2)) AS t(x)"
    ).fetchone()
    assert row == (1, 0, "2026-11-26", "2026-11-26 09:30:00.000000", "2026-11-26 09:30:00.250000", 1.5, "text", 2.5)


def test_positional_and_named_parameters_and_percent_signs(reader: ServerReader) -> None:
    assert reader.execute("SELECT ? + ?, '100 %'", (2, 3)).fetchone() == (5, "100 %")
    assert reader.execute("SELECT :a || :b, '50%'", {"a": "x", "b": "y"}).fetchone() == ("xy", "50%")
    assert reader.execute("SELECT '1'::int + :n", {"n": 1}).fetchone() == (2,)
