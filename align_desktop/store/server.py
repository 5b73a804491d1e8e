"""Team workspaces on a PostgreSQL server: their addresses, and connections that read as a file's do.

A team workspace is one PostgreSQL database, named by a `postgresql://user@host:port/database`
address. The password is never part of it: libpq reads it from `PGPASSFILE` (or `~/.pgpass`)
itself, or the user types it at a prompt (`PasswordNeeded` asks for that); it is then kept in
memory with the address for the rest of the session (`with_password`), never written anywhere.
libpq's default `sslmode=prefer` applies: the connection is encrypted whenever the server
offers TLS; an address may ask for more with `?sslmode=require` (or `verify-full`).

The store's queries are written once, for SQLite's driver: `?` placeholders, dates and times as
text, 0 and 1 for false and true. `ServerReader` runs them unchanged on PostgreSQL: each
statement's placeholders are translated once, and values come back as the SQLite driver returns
them, so the rows the store builds are equal on both engines. psycopg is imported only when a
team workspace is opened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from align_desktop.store.errors import WorkspaceError

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_PLACEHOLDER = re.compile(r"\?")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def is_server_address(text: str) -> bool:
    """Whether `text` names a team workspace (a `postgresql://` address) rather than a file."""
    return text.split(":", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class ServerAddress:
    """Where a team workspace lives: the database, its server and the role to connect as."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"
    password: str | None = field(default=None, repr=False, compare=False)
    """Typed at a prompt, kept in memory only: never part of `url`, the text shown or remembered."""

    @classmethod
    def parse(cls, text: str) -> ServerAddress:
        """The address `text` names; a `WorkspaceError` saying what is wrong with it otherwise."""
        import getpass
        from urllib.parse import parse_qsl, unquote, urlsplit  # when an address is read: start-up needs neither

        parts = urlsplit(text.strip())
        if parts.scheme.lower() not in SCHEMES:
            raise WorkspaceError(f"'{text}' is not a team workspace address; it starts with postgresql://.")
        if parts.password is not None:
            raise WorkspaceError(
                "Leave the password out of the team workspace address: Align Desktop asks for it, "
                "or reads it from your PGPASSFILE, and never stores it."
            )
        database = unquote(parts.path.lstrip("/"))
        if not parts.hostname or not database or "/" in database:
            raise WorkspaceError(
                f"'{text}' does not name a server and a database; write postgresql://user@host:port/database."
            )
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            raise WorkspaceError(f"The port in '{text}' is not a number from 1 to 65535.") from None
        options = dict(parse_qsl(parts.query))
        unknown = sorted(set(options) - {"sslmode"})
        if unknown:
            raise WorkspaceError(
                f"The team workspace address takes only sslmode as an option, not {', '.join(unknown)}."
            )
        sslmode = options.get("sslmode", "prefer")
        if sslmode not in SSL_MODES:
            raise WorkspaceError(f"sslmode={sslmode} is not one of {', '.join(SSL_MODES)}.")
        user = unquote(parts.username) if parts.username else getpass.getuser()
        return cls(parts.hostname, port, database, user, sslmode)

    @property
    def url(self) -> str:
        """The address as the user writes it, without a password; the one recent files keep."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        options = "" if self.sslmode == "prefer" else f"?sslmode={self.sslmode}"
        return f"postgresql://{self.user}@{host}:{self.port}/{self.database}{options}"

    def __str__(self) -> str:
        return self.url

    def with_password(self, password: str) -> ServerAddress:
        """The same address, with the password the user typed (in memory only)."""
        return replace(self, password=password)

    def connection_options(self) -> dict[str, Any]:
        """The keyword arguments libpq takes for this address; without a typed password, libpq looks in PGPASSFILE."""
        options: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "dbname": self.database,
            "user": self.user,
            "sslmode": self.sslmode,
            "application_name": "Align Desktop",
        }
        if self.password is not None:
            options["password"] = self.password
        return options


class PasswordNeeded(WorkspaceError):
    """The server asks for a password that PGPASSFILE does not hold, or refused the one given."""

    def __init__(self, address: ServerAddress, refused: bool) -> None:
        self.address = address
        self.refused = refused
        why = "refused the password" if refused else "needs a password"
        super().__init__(f"{address.host} {why} for {address.user} (database {address.database}).")


def connect(address: ServerAddress, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection to the workspace's database; in autocommit mode (callers emit BEGIN) unless told otherwise."""
    import psycopg

    options = address.connection_options()
    try:
        return psycopg.connect(autocommit=autocommit, **options)
    except psycopg.OperationalError as exc:
        text = str(exc)
        if "no password supplied" in text:
            raise PasswordNeeded(address, refused=False) from exc
        if "password authentication failed" in text:
            raise PasswordNeeded(address, refused="password" in options) from exc
        raise


def _sqlite_like_loaders() -> list[tuple[str, type]]:
    """Booleans as 0 and 1, dates and times as the text SQLAlchemy stores in a file, numerics as floats."""
    from psycopg.adapt import Loader

    class IntegerBoolean(Loader):
        def load(self, data: bytes | bytearray | memoryview) -> int:
            return 1 if bytes(data) == b"t" else 0

    class Text(Loader):
        def load(self, data: bytes | bytearray | memoryview) -> str:
            return bytes(data).decode()

    class TimestampText(Loader):
        def load(self, data: bytes | bytearray | memoryview) -> str:
            whole, _, fraction = bytes(data).decode().partition(".")
            return f"{whole}.{fraction.ljust(6, '0')}"

    class NumericFloat(Loader):
        def load(self, data: bytes | bytearray | memoryview) -> float:
            return float(bytes(data))

    return [("bool", IntegerBoolean), ("date", Text), ("timestamp", TimestampText), ("numeric", NumericFloat)]


class ServerReader:
    """Runs the store's SQLite-flavoured statements on a server connection (see the module's docstring).

    The connection may be a write transaction's too: the values are converted by each cursor's
    own loaders, leaving the connection's (which SQLAlchemy reads through) as they are.
    """

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection
        self._loaders = _sqlite_like_loaders()
        self._translated: dict[tuple[str, bool], str] = {}

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> psycopg.Cursor[Any]:
        if sql == "BEGIN":  # as `connection.transaction` begins one: everything read in it from one state
            sql = "BEGIN ISOLATION LEVEL REPEATABLE READ"
        named = isinstance(parameters, Mapping)
        statement = self._translated.get((sql, named))
        if statement is None:
            escaped = sql.replace("%", "%%")
            statement = _NAMED.sub(r"%(\1)s", escaped) if named else _PLACEHOLDER.sub("%s", escaped)
            self._translated[(sql, named)] = statement
        cursor = self.connection.cursor()
        for name, loader in self._loaders:
            cursor.adapters.register_loader(name, loader)
        # the store's statements are its own constants (identifiers from its schema, never user text)
        return cursor.execute(statement, parameters or None)

    def close(self) -> None:
        self.connection.close()
