"""How the read modules order rows by key in SQL, naturally: I-999 before I-1000."""

from __future__ import annotations


def key_order(column: str) -> str:
    """An ORDER BY term for a key column (a column name from the code, never user text).

    Keys of one kind share their prefix, so a shorter key comes first, then the text decides.
    """
    return f"length({column}), {column}"
