"""Which tables hold keyed items, the prefix their keys have, and which rows have which prefix.

`align-desktop check` reports keys of the wrong form and key counters behind the keys in use;
rescue mends both. A log entry's prefix goes by its kind (D, A, P).
"""

from __future__ import annotations

from typing import NamedTuple


class KeyedRows(NamedTuple):
    kind: str
    """How a finding names the item ("workshop session key 'S-1' is not of the form W-001")."""
    table: str
    prefix: str
    rows: str
    """SQL condition picking the rows whose keys have `prefix` (fixed text, never user input)."""


KEYED_ROWS: tuple[KeyedRows, ...] = (
    KeyedRows("outcome", "outcome", "O", "TRUE"),
    KeyedRows("initiative", "initiative", "I", "TRUE"),
    KeyedRows("cost_line", "cost_line", "L", "TRUE"),
    KeyedRows("capability", "capability", "C", "TRUE"),
    KeyedRows("risk", "risk", "R", "TRUE"),
    KeyedRows("workshop session", "workshop_session", "W", "TRUE"),
    KeyedRows("log entry", "log_entry", "D", "kind = 'decision'"),
    KeyedRows("log entry", "log_entry", "A", "kind = 'action'"),
    KeyedRows("log entry", "log_entry", "P", "kind = 'parking'"),
)
