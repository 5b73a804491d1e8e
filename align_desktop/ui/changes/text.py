"""How the "What changed" view words a comparison: kinds, changes, field values, snapshots, NPV.

Values read as their forms show them: shares and the discount rate in percent, money in the
workspace currency, a blank as an em dash, long texts cut short (the full text is in the tooltip).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from align_desktop.domain.compare import NPV_TITLES
from align_desktop.domain.workspace_state import MONEY, PERCENT, SHARE, TEXT, value_kind
from align_desktop.reports.formatting import money
from align_desktop.store.snapshot_queries import SnapshotRow
from align_desktop.ui.roi.format import amount, editable, share

BLANK = "—"
ARROW = "→"
SHORT_TEXT = 90
"""Characters of a long text shown in the list; the tooltip has all of it."""


def tr(text: str) -> str:
    return QCoreApplication.translate("Changes", text)


def kind_title(kind: str) -> str:
    """The heading of a kind's group in the list."""
    titles = {
        "settings": tr("Workspace settings"),
        "lane": tr("Lanes"),
        "outcome": tr("Outcomes"),
        "initiative": tr("Initiatives"),
        "business case": tr("Business cases"),
        "cost line": tr("Cost lines"),
        "capability": tr("Capabilities"),
        "risk": tr("Risks"),
    }
    return titles[kind]


def change_word(change: str) -> str:
    return {"added": tr("Added"), "removed": tr("Removed"), "changed": tr("Changed")}[change]


def value_text(field: str, value: object, currency: str) -> str:
    """A field's value as its form shows it, in full."""
    if value is None or value == "":
        return BLANK
    kind = value_kind(field, value)
    if kind == TEXT:
        return str(value)
    assert isinstance(value, int | float)
    if kind == SHARE:
        return share(value)
    if kind == MONEY:
        return f"{currency} {amount(value)}"
    if kind == PERCENT:
        return f"{editable(value)} %"
    return amount(value)


def short(text: str) -> str:
    """`text` on one line, cut at `SHORT_TEXT` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1].rstrip() + "…"


def item_title(key: str, name: str) -> str:
    """`I-004  Size advice`; a lane or the settings by name alone."""
    return f"{key}  {short(name)}" if key else short(name)


def npv_delta(before: float, after: float, currency: str) -> str:
    """`EUR +12,000`, `EUR −900`, or `no change` (less than one unit)."""
    difference = after - before
    text = money(difference, currency)
    if text == money(0, currency):
        return tr("no change")
    return text if difference < 0 else text.replace(f"{currency} ", f"{currency} +", 1)


def scenario_title(name: str) -> str:
    return tr(NPV_TITLES[name])


def local_time(moment: datetime) -> str:
    """A UTC time as stored, in the local time zone: `2026-11-26 10:14`."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def reason_text(reason: str) -> str:
    return {"start": tr("session start"), "end": tr("session end"), "manual": tr("taken by hand")}[reason]


def snapshot_title(row: SnapshotRow) -> str:
    """How a snapshot is offered for comparing: `Start of Q4 review — 2026-11-26 10:14`."""
    return f"{short(row.label)} — {local_time(row.taken_at)}"


def snapshot_tip(row: SnapshotRow) -> str:
    """Everything about a snapshot, for its tooltip."""
    session = tr("Session: {0}").format(row.session_title) if row.session_title else tr("Not part of a session")
    return "\n".join(
        [
            row.label,
            tr("Taken {0} by {1} ({2})").format(local_time(row.taken_at), row.taken_by, reason_text(row.reason)),
            session,
            tr("Stored in {0} kB").format(f"{row.stored_size / 1000:,.1f}"),
        ]
    )
