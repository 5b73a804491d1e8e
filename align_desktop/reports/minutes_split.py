"""Rows of the minutes whose text runs over a page: split at a line, so that a long decision flows on whole.

A decision, action or parking-lot item may be any length. A row that fits on a page stays whole;
a row taller than a page is cut into pieces at line breaks: the first piece fills the room left on
the page (with the row's other cells), each later piece a page at most, carrying the row's key
again and "(continued)" in the column after the text. The table runs on as any table does
(`Flow.table`: its heading, marked "(continued)", and its header row repeated). Pieces are worked
out page by page the way `report_layout.paginate` fills pages, so each piece fits where it lands;
the text column must allow more lines than a page holds (`max_lines`), so no piece is shortened.
"""

from __future__ import annotations

from collections.abc import Sequence

from align_desktop.reports.report_layout import LINE, ROW_PAD, Column, Row, cell_lines, header_height, row_height, wrap

CONTINUED = "(continued)"
FEWEST_LINES = 3
"""A long text starts on the page it reaches only if this many of its lines fit there; else on the next."""
SLACK = 1e-9


def split_long_rows(
    columns: Sequence[Column], rows: Sequence[Row], flowing: int, first: float, later: float
) -> list[Row]:
    """`rows` with each body row taller than a page cut into pieces at its `flowing` column's lines.

    `first` and `later` are the inches of table height on the first and on every later page. A row
    that fits on a page stays whole (on the next page if it must), as `paginate` places it."""
    page = later - header_height(columns)
    pieces: list[Row] = []
    room, empty = first - header_height(columns), True
    for row in rows:
        height = row_height(columns, row)
        if row.kind != "body" or height <= page + SLACK:
            if not empty and height > room + SLACK:
                room = page
            pieces.append(row)
            room, empty = room - height, False
            continue
        lines = wrap(row.cells[flowing], columns[flowing].width)
        others = _other_lines(columns, row, flowing)
        head = True
        while lines:
            fits = int((room - ROW_PAD + SLACK) / LINE)
            least = max(others if head else 1, min(FEWEST_LINES, len(lines)))
            if fits < least and not empty:
                room, empty = page, True
                continue
            part, lines = lines[: max(fits, least)], lines[max(fits, least) :]
            piece = _piece(row, flowing, " ".join(part), head=head)
            pieces.append(piece)
            room, empty, head = room - row_height(columns, piece), False, False
            if lines:
                room, empty = page, True
    return pieces


def first_piece_height(columns: Sequence[Column], row: Row, flowing: int, later: float) -> float:
    """Inches a row needs where it starts: all of it if it fits on a page, else its first piece at the least."""
    height = row_height(columns, row)
    if row.kind != "body" or height <= later - header_height(columns) + SLACK:
        return height
    return max(_other_lines(columns, row, flowing), FEWEST_LINES) * LINE + ROW_PAD


def _other_lines(columns: Sequence[Column], row: Row, flowing: int) -> int:
    """The most lines any cell but the `flowing` one takes."""
    return max(
        (
            len(cell_lines(column, cell))
            for number, (column, cell) in enumerate(zip(columns, row.cells, strict=True))
            if number != flowing
        ),
        default=1,
    )


def _piece(row: Row, flowing: int, text: str, *, head: bool) -> Row:
    """The first piece keeps every cell; a later one the key, its lines and the "(continued)" mark."""
    if head:
        return Row((*row.cells[:flowing], text, *row.cells[flowing + 1 :]), row.kind)
    cells = ["" for _ in row.cells]
    cells[0], cells[flowing] = row.cells[0], text
    if flowing + 1 < len(cells):
        cells[flowing + 1] = CONTINUED
    return Row(tuple(cells), row.kind)
