"""The sections of the minutes PDF, in order: the session, the agenda, votes, decisions, actions,
the parking lot and what changed, each laid into a `Flow`.

Every section is there even when it is empty, saying so ("No decisions were recorded."), so
the minutes show that nothing was left out. What changed is `minutes_changes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from align_desktop.domain.minutes import against_time_box, counted, dots_text, duration_text, items_text
from align_desktop.domain.voting import VOTE_SUBJECTS
from align_desktop.reports.minutes_flow import Flow
from align_desktop.reports.report_layout import Column, Row
from align_desktop.store.minutes_rows import Minutes, VoteMinutes
from align_desktop.store.workshop_rows import LogEntryRow, SessionRow

TEXT_LINES = 60
"""More lines than a page holds: a longer decision, action or parking-lot item is cut into pieces that run on
over pages (`minutes_split`), never shortened."""
LINK_LINES = 10
BLANK = "—"


def session(flow: Flow, minutes: Minutes, when: str) -> None:
    row = minutes.session
    facts = [
        ("Session", f"{row.key} · {state_text(row)}"),
        ("Date", when),
        ("Held", held_text(row)),
        ("Attendees", f"{', '.join(row.participant_names)} ({len(row.participants)})" if row.participants else "none"),
        ("Workspace", minutes.workspace_name),
    ]
    if row.notes.strip():
        facts.append(("Notes", row.notes))
    flow.facts(facts)


def agenda(flow: Flow, minutes: Minutes) -> None:
    columns = (
        Column("#", 0.4, "right"),
        Column("Agenda item", 5.4, wrap=True, max_lines=2),
        Column("Time box", 1.3, "right"),
        Column("Time spent", 1.3, "right"),
        Column("Against the time box", 2.1),
    )
    items = minutes.session.agenda
    rows = [
        Row(
            (
                str(number),
                item.title,
                f"{item.time_box_minutes} min",
                duration_text(item.spent_seconds) if item.spent_seconds else BLANK,
                against_time_box(item.time_box_minutes, item.spent_seconds),
            )
        )
        for number, item in enumerate(items, start=1)
    ]
    if rows:
        boxed = sum(item.time_box_minutes for item in items)
        spent = sum(item.spent_seconds for item in items)
        total = (
            "",
            f"Total ({counted(len(items), 'item')})",
            f"{boxed} min",
            duration_text(spent) if spent else BLANK,
            "",
        )
        rows.append(Row(total, "total"))
    else:
        rows.append(Row(("The session has no agenda.",), "more"))
    flow.table("Agenda", columns, rows)


def votes(flow: Flow, minutes: Minutes) -> None:
    columns = (
        Column("Rank", 0.55, "right"),
        Column("Key", 0.7),
        Column("Item", 4.3, wrap=True, max_lines=2),
        Column("Dots", 0.6, "right"),
        Column("Dots by participant", 4.35, wrap=True, max_lines=3),
    )
    rows: list[Row] = []
    for vote in minutes.votes:
        rows.append(Row((vote_title(vote),), "group"))
        rows += vote_rows(vote)
    if not rows:
        rows.append(Row(("No votes were taken in this session.",), "more"))
    flow.table("Votes and results", columns, rows)


def vote_title(vote: VoteMinutes) -> str:
    """`What matters most? · on initiatives · 3 dots each · 9 of 9 dots placed · written into Confidence %`."""
    row = vote.vote
    written = f"written into {vote.written_to}" if vote.written_to else "not written into a score"
    return (
        f"{row.title} · on {VOTE_SUBJECTS[row.subject].lower()} · {counted(row.dots_per_participant, 'dot')} each · "
        f"{vote.dots_placed:,} of {counted(vote.dots_offered, 'dot')} placed · {written}"
    )


def vote_rows(vote: VoteMinutes) -> list[Row]:
    if vote.result is None:
        return [Row(("Not revealed: who gave their dots to what stays hidden until the vote is revealed.",), "more")]
    rows = [
        Row((str(item.rank), item.key, item.title, str(item.dots), dots_text(item.by_participant)))
        for item in vote.result.ranking
    ]
    if not rows:
        rows.append(Row(("No dots were placed.",), "more"))
    elif vote.result.without_dots:
        subject, plural = vote.vote.subject, VOTE_SUBJECTS[vote.vote.subject].lower()
        rows.append(
            Row((f"{counted(vote.result.without_dots, 'more ' + subject, 'more ' + plural)} got no dot.",), "more")
        )
    return rows


def decisions(flow: Flow, minutes: Minutes) -> None:
    _recorded(flow, "Decisions", "Decision", minutes.decisions, "No decisions were recorded.")


def actions(flow: Flow, minutes: Minutes) -> None:
    columns = (
        Column("Key", 0.6),
        Column("Action", 4.1, wrap=True, max_lines=TEXT_LINES),
        Column("Owner", 1.5, wrap=True, max_lines=2),
        Column("Due", 1.05),
        Column("Done", 0.65),
        Column("Linked items", 2.6, wrap=True, max_lines=LINK_LINES),
    )
    rows = [
        Row(
            (
                e.key,
                e.text,
                e.owner,
                e.due_on.isoformat() if e.due_on else "no date",
                "done" if e.done else "open",
                links_text(e),
            )
        )
        for e in minutes.actions
    ]
    flow.table("Actions", columns, rows or [Row(("No actions were recorded.",), "more")], flowing=1)


def parking_lot(flow: Flow, minutes: Minutes) -> None:
    _recorded(flow, "Parking lot", "Parked", minutes.parking_lot, "Nothing was parked.")


def _recorded(flow: Flow, heading: str, what: str, entries: Sequence[LogEntryRow], none: str) -> None:
    """Decisions or parking-lot items: key, text, linked items, when and by whom recorded."""
    columns = (
        Column("Key", 0.6),
        Column(what, 5.3, wrap=True, max_lines=TEXT_LINES),
        Column("Linked items", 3.0, wrap=True, max_lines=LINK_LINES),
        Column("Recorded", 1.6),
    )
    rows = [Row((e.key, e.text, links_text(e), recorded_text(e))) for e in entries]
    flow.table(heading, columns, rows or [Row((none,), "more")], flowing=1)


def state_text(row: SessionRow) -> str:
    return {"planned": "planned, not started yet", "running": "running", "ended": "ended"}[row.state]


def held_text(row: SessionRow) -> str:
    """`09:21–11:40 (2:19:00 in all)`; `from 09:21, still running`; `not started yet`."""
    if row.started_at is None:
        return "not started yet"
    if row.ended_at is None:
        return f"from {row.started_at:%H:%M}, still running"
    length = int((row.ended_at - row.started_at).total_seconds())
    return f"{row.started_at:%H:%M}–{row.ended_at:%H:%M} ({duration_text(length)} in all)"


def links_text(entry: LogEntryRow) -> str:
    return items_text((link.key, link.title) for link in entry.links) or BLANK


def recorded_text(entry: LogEntryRow) -> str:
    return f"{entry.recorded_at:%H:%M} by {entry.recorded_by}"
