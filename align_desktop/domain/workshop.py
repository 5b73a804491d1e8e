"""Workshop sessions and their log in the product's terms: fields, limits and the checks that refuse bad input.

A session has a title, a date, participants (names, in order, each once ignoring case) and an
agenda of items, each with a time box of 1–600 minutes. The log holds decisions, actions (with an
owner and, optionally, a due date) and parking-lot items, each linkable to initiatives,
capabilities and risks by key. A retrospective (what worked, what failed) is written once an
initiative is live.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from align_desktop.domain.keys import (
    ACTION_PREFIX,
    CAPABILITY_PREFIX,
    DECISION_PREFIX,
    INITIATIVE_PREFIX,
    PARKING_PREFIX,
    RISK_PREFIX,
    format_key,
    parse_key,
)
from align_desktop.domain.risk import parse_date
from align_desktop.domain.validation import ValidationError, require_int, require_text

SESSION_FIELDS: dict[str, str] = {"title": "Title", "held_on": "Date", "notes": "Notes"}
"""Editable session fields and their labels (participants and agenda are edited as lists)."""
PARTICIPANTS = "Participants"
AGENDA_TITLE = "Agenda item"
TIME_BOX = "Time box"
TIME_BOX_MIN = 1
TIME_BOX_MAX = 600
"""Minutes an agenda item may be given."""
NAME_LENGTH = 120
TITLE_LENGTH = 200
TEXT_LENGTH = 10_000

LOG_KINDS: tuple[str, ...] = ("decision", "action", "parking")
LOG_PREFIXES: dict[str, str] = {"decision": DECISION_PREFIX, "action": ACTION_PREFIX, "parking": PARKING_PREFIX}
LOG_FIELDS: dict[str, str] = {"text": "Text", "owner": "Owner", "due_on": "Due date", "done": "Done"}
LINKS = "Links"
LINKABLE_PREFIXES: tuple[str, ...] = (INITIATIVE_PREFIX, CAPABILITY_PREFIX, RISK_PREFIX)
"""Log entries link to initiatives, capabilities and risks."""

RETROSPECTIVE = "Retrospective"
RETROSPECTIVE_STATUS = "live"
"""The initiative status from which a retrospective can be written (it has shipped)."""


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as edited: `item_id` names the stored item it keeps (None: a new item)."""

    title: str
    time_box_minutes: int
    item_id: int | None = None


def validate_session(fields: dict[str, Any]) -> dict[str, Any]:
    """Check session fields; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in fields.items():
        label = SESSION_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not a session field")
        if field == "title":
            clean[field] = require_text(label, value or "", max_length=TITLE_LENGTH)
        elif field == "notes":
            clean[field] = require_text(label, value or "", max_length=TEXT_LENGTH, required=False)
        else:
            day = parse_date(label, value)
            if day is None:
                raise ValidationError(label, "must be a date, written YYYY-MM-DD")
            clean[field] = day
    return clean


def validate_participants(names: Iterable[object]) -> list[str]:
    """Names in order, blanks dropped; each at most once, ignoring case."""
    clean: list[str] = []
    seen: set[str] = set()
    for value in names:
        name = " ".join(require_text(PARTICIPANTS, value or "", max_length=NAME_LENGTH, required=False).split())
        if not name:
            continue
        if name.casefold() in seen:
            raise ValidationError(PARTICIPANTS, f"'{name}' appears twice; each participant is listed once")
        seen.add(name.casefold())
        clean.append(name)
    return clean


def validate_agenda(lines: Sequence[tuple[int | None, object, object]]) -> list[AgendaLine]:
    """Agenda items in order from (stored item id or None, title, minutes); every item needs a title
    and a time box of `TIME_BOX_MIN`–`TIME_BOX_MAX` minutes."""
    clean = []
    for number, (item_id, title, minutes) in enumerate(lines, start=1):
        text = require_text(AGENDA_TITLE, title or "", max_length=TITLE_LENGTH, required=False)
        if not text:
            raise ValidationError(AGENDA_TITLE, f"item {number} needs a title")
        try:
            box = require_int(TIME_BOX, minutes, low=TIME_BOX_MIN, high=TIME_BOX_MAX)
        except ValidationError as error:
            raise ValidationError(TIME_BOX, f"'{text}' {error.message} minutes") from None
        clean.append(AgendaLine(text, box, item_id))
    return clean


def validate_log_entry(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Check the fields of a log entry of `kind`; return them cleaned.

    Only actions have an owner, a due date and a done mark. Whether an action has its owner is
    checked on the entry as a whole (`check_action`)."""
    if kind not in LOG_KINDS:
        raise ValueError(f"unknown log entry kind {kind!r}")
    clean: dict[str, Any] = {}
    for field, value in fields.items():
        label = LOG_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not a field of a log entry")
        if field == "text":
            clean[field] = require_text(label, value or "", max_length=TEXT_LENGTH)
        elif kind != "action" and value not in ("", None, False):
            raise ValidationError(label, f"only an action has {label.lower()}")
        elif field == "owner":
            clean[field] = " ".join(require_text(label, value or "", max_length=NAME_LENGTH, required=False).split())
        elif field == "due_on":
            clean[field] = parse_date(label, value)
        else:
            clean[field] = bool(value)
    return clean


def check_action(kind: str, entry: dict[str, Any]) -> None:
    """An action needs an owner: someone answers for it."""
    if kind == "action" and not str(entry.get("owner") or "").strip():
        raise ValidationError(LOG_FIELDS["owner"], "an action needs an owner: who will do it")


def log_key_prefix(kind: str) -> str:
    return LOG_PREFIXES[kind]


def parse_links(keys: Iterable[str]) -> list[str]:
    """Keys of initiatives, capabilities or risks, written as the app writes them; each once, in order."""
    clean: list[str] = []
    for value in keys:
        text = value.strip()
        if not text:
            continue
        parsed = parse_key(text)
        if parsed is None or parsed[0] not in LINKABLE_PREFIXES:
            raise ValidationError(
                LINKS, f"'{text}' is not the key of an initiative, capability or risk (I-001, C-001, R-001)"
            )
        key = format_key(*parsed)
        if key not in clean:
            clean.append(key)
    return clean


def split_links(text: str) -> list[str]:
    """Keys typed in one field, separated by commas, semicolons or spaces."""
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


def validate_retrospective(what_worked: object, what_failed: object) -> tuple[str, str]:
    return (
        require_text("What worked", what_worked or "", max_length=TEXT_LENGTH, required=False),
        require_text("What failed", what_failed or "", max_length=TEXT_LENGTH, required=False),
    )
