"""A decision, action or parking-lot item too long for a page runs on over pages whole, in order, under the
table's repeated heading and header, each piece within its page (`reports/minutes_split.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from align_desktop.reports.minutes_flow import FULL
from align_desktop.reports.minutes_pdf import export_minutes_pdf
from align_desktop.reports.minutes_split import CONTINUED, split_long_rows
from align_desktop.reports.report_layout import Column, Row, header_height, paginate, row_height, wrap
from align_desktop.store.log import LogService
from align_desktop.store.sessions import SessionService
from align_desktop.store.workspace import Workspace
from tests.reports.test_pdf_report import page_texts

COLUMNS = (
    Column("Key", 0.6),
    Column("Decision", 5.3, wrap=True, max_lines=60),
    Column("Linked items", 3.0, wrap=True, max_lines=10),
    Column("Recorded", 1.6),
)


def long_text(tag: str, lines: int) -> str:
    """`lines` typed lines, every word unique, so that order can be checked."""
    return "\n".join(f"{tag}{n:03d}a {tag}{n:03d}b budget {tag}{n:03d}c for {tag}{n:03d}d" for n in range(lines))


def in_order(words: list[str], text: str) -> bool:
    """Whether `words` occur in `text`'s words in this order (other words may come between)."""
    found = iter(text.split())
    return all(word in found for word in words)


def test_every_word_of_a_200_line_decision_action_and_parked_item_is_in_the_pdf_in_order(
    sample_path: Path, tmp_path: Path
) -> None:
    texts = {"decision": long_text("d", 200), "action": long_text("a", 200), "parking": long_text("p", 200)}
    workspace = Workspace.open(sample_path)
    try:
        key, _ = SessionService(workspace).create({"title": "Long talk", "held_on": "2026-12-01"}, ["Ana"], [])
        SessionService(workspace).start(key)
        log = LogService(workspace)
        log.record("decision", {"text": "A short one first."}, session_key=key)
        for kind, text in texts.items():
            fields = {"text": text, "owner": "Ana"} if kind == "action" else {"text": text}
            log.record(kind, fields, ["I-001"], session_key=key)
        log.record("decision", {"text": "A short one after."}, session_key=key)
    finally:
        workspace.close()
    out = tmp_path / "long.pdf"
    export_minutes_pdf(sample_path, key, out)
    pages = page_texts(out)
    everything = " ".join(pages)
    for text in texts.values():
        assert in_order(text.split(), everything)
    assert in_order(
        ["A", "short", "one", "first.", "D-002", "d000a", "d199d", "A", "short", "one", "after."], everything
    )
    assert "Decisions (continued)" in everything
    assert "Actions (continued)" in everything
    assert "Parking lot (continued)" in everything
    assert "…" not in everything
    assert everything.count(CONTINUED) >= 6  # each long item marks its later pieces


@pytest.mark.parametrize("first", [FULL - 0.42, 2.5, 1.2])
def test_pieces_fit_their_pages_and_keep_every_line(first: float) -> None:
    later = FULL - 0.42
    text = " ".join(f"w{n:04d}" for n in range(3000))
    rows = [
        Row(("D-001", "Short.", "—", "09:00 by Ana")),
        Row(("D-002", text, "I-001 Learning-to-rank", "09:05 by Ana")),
        Row(("D-003", "Short.", "—", "09:10 by Ana")),
    ]
    pieces = split_long_rows(COLUMNS, rows, 1, first, later)
    lines = [line for piece in pieces if piece.cells[0] == "D-002" for line in wrap(piece.cells[1], 5.3)]
    assert lines == wrap(text, 5.3)
    marks = [piece.cells[2] for piece in pieces if piece.cells[0] == "D-002"]
    assert marks[0] == "I-001 Learning-to-rank" and marks[1:] == [CONTINUED] * (len(marks) - 1) and len(marks) > 2
    for number, chunk in enumerate(paginate(COLUMNS, pieces, first, later)):
        room = (first if number == 0 else later) - header_height(COLUMNS)
        assert sum(row_height(COLUMNS, row) for row in chunk) <= room + 1e-6
