"""Sections that flow down the pages of the minutes: headings, lines of text and tables that split.

The executive report gives each section its own page; minutes are short sections one after
another, so here content is placed top to bottom and a new page starts where the next piece does
not fit. A heading is never left alone at the foot of a page, and a table that runs on to the next
page repeats its heading ("continued") and its header row (`report_layout.paginate`); a row taller than
a page (a long decision) is cut at a line and runs on (`minutes_split`). Everything
is planned in inches before anything is drawn, so the page count is known for "Page n of N".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from align_desktop.reports.minutes_split import first_piece_height, split_long_rows
from align_desktop.reports.report_layout import (
    CONTENT_BOTTOM,
    CONTENT_TOP,
    CONTENT_WIDTH,
    INK,
    MARGIN,
    Column,
    Row,
    header_height,
    paginate,
    row_height,
    table,
    text,
    wrap,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Draw = Callable[["Figure"], object]

HEADING_SIZE = 13
HEADING_HEIGHT = 0.42
PART_SIZE = 11
PART_HEIGHT = 0.34
"""A part of a section ("Board moves" of "What changed") has a smaller heading."""
TEXT_SIZE = 10
TEXT_LINE = 0.21
LABEL_WIDTH = 1.3
"""Inches for the labels of a block of facts ("Attendees")."""
GAP = 0.22
"""Space after each table or paragraph."""
FULL = CONTENT_BOTTOM - CONTENT_TOP
FIT_SLACK = 1e-6
"""Inches of rounding forgiven when a piece that `paginate` fitted is placed."""


class Flow:
    """Pages of drawing steps, filled top to bottom."""

    def __init__(self) -> None:
        self.pages: list[list[Draw]] = [[]]
        self.y = CONTENT_TOP

    @property
    def room(self) -> float:
        return CONTENT_BOTTOM - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = CONTENT_TOP

    def _place(self, height: float, draw: Callable[[Figure, float], object]) -> None:
        if height > self.room + FIT_SLACK and self.y > CONTENT_TOP:
            self.new_page()
        top = self.y
        self.pages[-1].append(lambda figure: draw(figure, top))
        self.y += height

    def heading(self, title: str, keep: float = 0.0, *, part: bool = False) -> float:
        """A section's (or a `part`'s) title, on a new page unless `keep` inches of what follows fit
        below it too; the inches it takes."""
        height, size = (PART_HEIGHT, PART_SIZE) if part else (HEADING_HEIGHT, HEADING_SIZE)
        if height + keep > self.room and self.y > CONTENT_TOP:
            self.new_page()
        self._place(
            height,
            lambda figure, top: text(figure, MARGIN, top + height / 2, title, size=size, fontweight="bold", color=INK),
        )
        return height

    def paragraph(self, content: str) -> None:
        """Text wrapped to the page's width."""
        for line in wrap(content, CONTENT_WIDTH + 0.12, TEXT_SIZE):
            self._place(TEXT_LINE, _line(MARGIN, line))
        self.y += GAP

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Labelled lines (`Attendees  Ana, Ben, Cleo`), each value wrapped beside its label."""
        for label, value in pairs:
            lines = wrap(value, CONTENT_WIDTH - LABEL_WIDTH, TEXT_SIZE)
            for number, line in enumerate(lines):
                if number == 0:
                    self._place(TEXT_LINE, _labelled(label, line))
                else:
                    self._place(TEXT_LINE, _line(MARGIN + LABEL_WIDTH - 0.06, line))
        self.y += GAP

    def table(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Sequence[Row],
        *,
        part: bool = False,
        flowing: int | None = None,
    ) -> None:
        """A section (or a `part` of one): its heading, then its table, split over pages where it must be;
        a row taller than a page is cut at the lines of its `flowing` column and runs on (`minutes_split`)."""
        kept = rows[:2] if rows and rows[0].kind == "group" else rows[:1]  # a group's title keeps its first row
        if flowing is None:
            keep = header_height(columns) + sum(row_height(columns, row) for row in kept)
        else:
            keep = header_height(columns) + sum(first_piece_height(columns, row, flowing, FULL) for row in kept)
        height = self.heading(title, keep=keep, part=part)
        if flowing is not None:
            rows = split_long_rows(columns, rows, flowing, self.room, FULL - height)
        chunks = paginate(columns, rows, self.room, FULL - height)
        for number, chunk in enumerate(chunks):
            if number:
                self.new_page()
                self.heading(f"{title} (continued)", part=part)
            self._place(header_height(columns) + sum(row_height(columns, row) for row in chunk), _table(columns, chunk))
        self.y += GAP


def _table(columns: Sequence[Column], rows: list[Row]) -> Callable[[Figure, float], object]:
    return lambda figure, top: table(figure, MARGIN, top, columns, rows)


def _line(left: float, content: str) -> Callable[[Figure, float], object]:
    return lambda figure, top: text(figure, left, top + TEXT_LINE / 2, content, size=TEXT_SIZE, color=INK)


def _labelled(label: str, content: str) -> Callable[[Figure, float], object]:
    def draw(figure: Figure, top: float) -> None:
        text(figure, MARGIN, top + TEXT_LINE / 2, label, size=TEXT_SIZE, fontweight="bold", color=INK)
        text(figure, MARGIN + LABEL_WIDTH - 0.06, top + TEXT_LINE / 2, content, size=TEXT_SIZE, color=INK)

    return draw
