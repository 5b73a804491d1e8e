"""A free name for a new capability."""

from __future__ import annotations

from collections.abc import Iterable


def unused_name(base: str, names: Iterable[str]) -> str:
    """`base`, or `base 2`, `base 3` … : the first that no name in `names` equals ignoring case."""
    taken = {name.casefold() for name in names}
    candidate, number = base, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{base} {number}"
    return candidate
