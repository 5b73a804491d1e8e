"""Adding rows under keys they already carry, and finding rows by key in bulk (an import), inside the caller's
transaction.

The app hands out keys itself (`keys.next_key`); an import may bring items with their own keys.
Those keys must be well formed and free, and keys handed out later continue after the highest
of them (`keys.reserve_up_to`), so that no key is ever given twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from align_desktop.domain.keys import format_key, parse_key
from align_desktop.domain.validation import ValidationError
from align_desktop.store.bulk_insert import insert_rows, placeholders
from align_desktop.store.errors import NotFound
from align_desktop.store.keys import reserve_up_to
from align_desktop.store.models import Base

KEYS_PER_QUERY = 500
"""Keys looked up per query (SQLite limits the parameters of one statement)."""
Item = TypeVar("Item", bound=Base)


def find_keyed(session: Session, model: type[Item], keys: Sequence[str]) -> dict[str, Item]:
    """The items of `model` (a mapped class with a `key`) that have `keys`, by key, loaded in a few queries rather
    than one each: an import's changes, on a team workspace, would otherwise cost a round trip per item."""
    column = model.__table__.c.key
    found: dict[str, Item] = {}
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        found.update((key, item) for key, item in session.execute(select(column, model).where(column.in_(chunk))))
    return found


def refuse_missing(session: Session, column: Any, names: Mapping[Any, str]) -> None:
    """Refuse (`NotFound`, under its name) the first of `names`' values that no row has in `column`, looked up in a
    few queries: for keys, each value is its own name."""
    values = list(names)
    for start in range(0, len(values), KEYS_PER_QUERY):
        chunk = values[start : start + KEYS_PER_QUERY]
        found = set(session.scalars(select(column).where(column.in_(chunk))))
        missing = next((value for value in chunk if value not in found), None)
        if missing is not None:
            raise NotFound(names[missing])


def key_number(prefix: str, key: str) -> int:
    """The number of a well-formed key of `prefix`, written as the app writes it (`I-007`)."""
    parsed = parse_key(key)
    if parsed is None or parsed[0] != prefix or format_key(prefix, parsed[1]) != key:
        raise ValidationError(key, f"is not a key of the form {format_key(prefix, 1)}")
    return parsed[1]


def reserve_keys(session: Session, prefix: str, keys: Iterable[str]) -> None:
    """Make sure that keys handed out later come after every one of `keys`."""
    numbers = [key_number(prefix, key) for key in keys]
    if numbers:
        reserve_up_to(session, prefix, max(numbers))


def refuse_taken(session: Session, table: Table, keys: Sequence[str]) -> None:
    """Refuse keys that an item of `table` already has.

    The query is written here rather than compiled by SQLAlchemy for each chunk (it is the very
    statement `select(table.c.key).where(table.c.key.in_(chunk))` renders).
    """
    session.flush()
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    name, key = quote(table.name), quote("key")
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = tuple(keys[start : start + KEYS_PER_QUERY])
        sql = f"SELECT {name}.{key} FROM {name} WHERE {name}.{key} IN ({placeholders(connection.dialect, len(chunk))})"
        taken = connection.exec_driver_sql(sql, chunk).scalar()
        if taken is not None:
            raise ValidationError(taken, "already exists; an import adds an item only under a key not in use")


def insert_keyed(session: Session, table: Table, prefix: str, rows: list[dict[str, Any]]) -> None:
    """Insert validated rows under the keys they carry, in one statement; reserve those keys."""
    if not rows:
        return
    keys = [row["key"] for row in rows]
    if len(set(keys)) != len(keys):
        raise ValidationError(next(k for k in keys if keys.count(k) > 1), "appears twice")
    reserve_keys(session, prefix, keys)
    refuse_taken(session, table, keys)
    insert_rows(session, table, rows)
