"""The executive report's page furniture: A4 landscape pages, titles, footers and text tables.

Everything is placed in inches from the top left of the page, so that a table knows how many
rows fit. Tables are plain text on light grey bands (readable in black and white); cells that
are too long are shortened with "…" rather than overflowing; wrapped cells take several lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.lines import Line2D

PAGE_WIDTH = 11.69
PAGE_HEIGHT = 8.27
"""A4 landscape, in inches."""
MARGIN = 0.55
CONTENT_TOP = 1.0
"""Where content starts, below the page title."""
CONTENT_BOTTOM = PAGE_HEIGHT - 0.55
"""Where content ends, above the footer."""
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
MIN_GAP = 0.25
"""Narrowest empty column or row of a page's chart grid, in inches."""

INK = "#1f2933"
MUTED = "#5f6b7a"
BAND = "#eef1f4"
"""Every other table row: light enough to print as a pale grey."""
HEADER_BAND = "#d5dbe1"
RULE = "#9aa5b1"

TABLE_FONT = 8.5
LINE = 0.17
"""Height of one text line of a table, in inches."""
ROW_PAD = 0.035
"""Added to each row's lines."""
CELL_PAD = 0.06
"""Space either side of a cell's text, in inches."""

RowKind = Literal["body", "group", "more", "total"]


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    """Inches."""
    align: Literal["left", "right"] = "left"
    wrap: bool = False
    """Wrap long text over several lines (up to `max_lines`) instead of shortening it."""
    max_lines: int = 3


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    kind: RowKind = "body"
    """`group` and `more` rows write their first cell across the whole table."""


def page(
    name: str, when: str, number: int, total: int, title: str, subtitle: str = "", *, charts: bool = False
) -> Figure:
    """A blank A4 landscape page with its title and a footer (workspace, date, page n of N).

    Pages with `charts` lay them out with constrained layout; others are placed by hand only,
    which draws them once instead of twice (text is most of a page's cost).
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(PAGE_WIDTH, PAGE_HEIGHT), layout="constrained" if charts else None)
    engine = figure.get_layout_engine()
    if engine is not None:  # charts keep to the content area
        engine.set(rect=_rect(MARGIN, CONTENT_TOP, CONTENT_WIDTH, CONTENT_BOTTOM - CONTENT_TOP))  # type: ignore[call-arg]
    if title:
        figure.text(
            fx(MARGIN), fy(0.5), title, fontsize=18, fontweight="bold", color=INK, va="baseline", parse_math=False
        )
    if subtitle:
        figure.text(fx(MARGIN), fy(0.78), subtitle, fontsize=10, color=MUTED, va="baseline", parse_math=False)
    footer = fy(PAGE_HEIGHT - 0.3)
    figure.add_artist(
        _line(figure, MARGIN, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 0.45),
    )
    figure.text(fx(MARGIN), footer, f"{name} · {when}", fontsize=8, color=MUTED, parse_math=False)
    figure.text(
        fx(PAGE_WIDTH - MARGIN),
        footer,
        f"Page {number} of {total}",
        fontsize=8,
        color=MUTED,
        ha="right",
        parse_math=False,
    )
    return figure


def chart_areas(figure: Figure, top: float, height: float, spans: Sequence[tuple[float, float]]) -> list[SubFigure]:
    """Subfigures side by side, one per (left, width) in inches, `height` inches tall from `top`.

    They share one grid over the content area, which constrained layout fills. Gaps narrower
    than `MIN_GAP` are left out of the grid rather than given a tiny share: near-zero ratios make
    kiwisolver abort the process ("The objective is unbounded"), now and then.
    """
    widths: list[float] = []
    columns: list[int] = []
    edge = MARGIN
    for left, width in spans:
        if left - edge >= MIN_GAP:
            widths.append(left - edge)
        columns.append(len(widths))
        widths.append(width)
        edge = left + width
    if PAGE_WIDTH - MARGIN - edge >= MIN_GAP:
        widths.append(PAGE_WIDTH - MARGIN - edge)
    heights = [height]
    row = 0
    if top - CONTENT_TOP >= MIN_GAP:
        heights.insert(0, top - CONTENT_TOP)
        row = 1
    if CONTENT_BOTTOM - top - height >= MIN_GAP:
        heights.append(CONTENT_BOTTOM - top - height)
    grid = figure.add_gridspec(len(heights), len(widths), width_ratios=widths, height_ratios=heights)
    return [figure.add_subfigure(grid[row, column]) for column in columns]


def settle(figure: Figure) -> None:
    """Lay the charts out now and switch layout off, before tables are added.

    Saving a figure with a layout engine draws it twice (once to measure); settled, the page's
    tables are drawn once only. Text is most of a page's cost.
    """
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
        figure.set_layout_engine("none")


def fit(text: str, width: float, size: float = TABLE_FONT, *, bold: bool = False) -> str:
    """`text` on one line, shortened with "…" to what fits in `width` inches at `size` points."""
    text = " ".join(text.split())
    room = width - 2 * CELL_PAD
    if text_width(text, size, bold) <= room:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", size, bold) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def wrap(text: str, width: float, size: float = TABLE_FONT, *, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines that fit in `width` inches (a word too long for a line is shortened)."""
    room = width - 2 * CELL_PAD
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(fit(word, width, size, bold=bold))
    return lines or [""]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in inches of `text` as drawn at `size` points, each character in its font (`fonts`; advances, no
    kerning)."""
    return sum(_advance(char, bold) for char in text) * size / 72 * 1.02


@lru_cache(maxsize=2048)
def _advance(char: str, bold: bool) -> float:
    """Advance width of a character in ems (measured at 100 px per em), in the font it is drawn in."""
    from align_desktop.reports.fonts import glyph_font

    return float(glyph_font(char, bold).load_char(ord(char)).linearHoriAdvance) / 65536 / 100


def header_height(columns: Sequence[Column]) -> float:
    """Inches the header row takes; a title may take two lines."""
    return max(len(header_lines(column)) for column in columns) * LINE + LINE * 0.4


def header_lines(column: Column) -> list[str]:
    return cell_lines(Column(column.title, column.width, wrap=True, max_lines=2), column.title, bold=True)


def cell_lines(column: Column, cell: str, *, size: float = TABLE_FONT, bold: bool = False) -> list[str]:
    """A cell's text as drawn: one shortened line, or wrapped lines, the last shortened if there are too many."""
    if not column.wrap:
        return [fit(cell, column.width, size, bold=bold)]
    lines = wrap(cell, column.width, size, bold=bold)
    if len(lines) > column.max_lines:
        rest = " ".join(lines[column.max_lines - 1 :])
        lines = [*lines[: column.max_lines - 1], fit(rest + " …", column.width, size, bold=bold)]
    return lines


def row_height(columns: Sequence[Column], row: Row) -> float:
    """Inches a row takes: its wrapped lines and some padding."""
    lines = 1
    if row.kind in ("body", "total"):
        bold = row.kind == "total"
        lines = max(len(cell_lines(column, cell, bold=bold)) for column, cell in zip(columns, row.cells, strict=True))
    return lines * LINE + ROW_PAD


def paginate(columns: Sequence[Column], rows: Sequence[Row], first: float, later: float) -> list[list[Row]]:
    """Split rows into pages: `first` and `later` are the inches of table height on the first and other pages.

    A group title is never left alone at the bottom of a page, and a group that runs on to the
    next page has its title repeated there, marked "(continued)".
    """
    pages: list[list[Row]] = [[]]
    room = first - header_height(columns)
    group: Row | None = None
    for index, row in enumerate(rows):
        height = row_height(columns, row)
        after = row_height(columns, rows[index + 1]) if row.kind == "group" and index + 1 < len(rows) else 0.0
        if pages[-1] and height + after > room:
            pages.append([])
            room = later - header_height(columns)
            if group is not None and row.kind != "group":
                title = Row((f"{group.cells[0]} (continued)",), "group")
                pages[-1].append(title)
                room -= row_height(columns, title)
        if row.kind == "group":
            group = row
        pages[-1].append(row)
        room -= height
    return pages


def table(figure: Figure, left: float, top: float, columns: Sequence[Column], rows: Sequence[Row]) -> float:
    """Draw a table with its header row; return the inches it took."""
    width = sum(column.width for column in columns)
    header = header_height(columns)
    _band(figure, left, top, width, header, HEADER_BAND)
    x = left
    for column in columns:
        lines = header_lines(column)
        first = top + header / 2 - (len(lines) - 1) * LINE / 2
        for line, content in enumerate(lines):
            _cell(figure, x, first + line * LINE, column, content, bold=True)
        x += column.width
    y = top + header
    for number, row in enumerate(rows):
        height = row_height(columns, row)
        if row.kind in ("group", "more"):
            if row.kind == "group":
                _band(figure, left, y, width, height, HEADER_BAND)
            text(
                figure,
                left + CELL_PAD,
                y + height / 2,
                fit(row.cells[0], width, bold=row.kind == "group"),
                fontweight="bold" if row.kind == "group" else "normal",
                style="italic" if row.kind == "more" else "normal",
                color=INK if row.kind == "group" else MUTED,
            )
        else:
            if row.kind == "total":
                figure.add_artist(_line(figure, left, left + width, y, width_pt=1.2))
            elif number % 2:
                _band(figure, left, y, width, height, BAND)
            x = left
            bold = row.kind == "total"
            for column, cell in zip(columns, row.cells, strict=True):
                for line, content in enumerate(cell_lines(column, cell, bold=bold)):
                    _cell(figure, x, y + ROW_PAD / 2 + LINE * (line + 0.5), column, content, bold=bold)
                x += column.width
        y += height
    figure.add_artist(_line(figure, left, left + width, y))
    return y - top


def text(figure: Figure, left: float, middle: float, content: str, *, size: float = TABLE_FONT, **style: Any) -> None:
    """Text at `left` inches, centred vertically on `middle` inches from the top; never read as mathtext."""
    figure.text(fx(left), fy(middle), content, fontsize=size, va="center", parse_math=False, **style)


def _cell(figure: Figure, x: float, middle: float, column: Column, content: str, *, bold: bool) -> None:
    right = column.align == "right"
    text(
        figure,
        x + column.width - CELL_PAD if right else x + CELL_PAD,
        middle,
        content,
        fontweight="bold" if bold else "normal",
        color=INK,
        ha="right" if right else "left",
    )


def _band(figure: Figure, left: float, top: float, width: float, height: float, colour: str) -> None:
    from matplotlib.patches import Rectangle

    figure.add_artist(
        Rectangle(
            (fx(left), fy(top + height)),
            width / PAGE_WIDTH,
            height / PAGE_HEIGHT,
            transform=figure.transFigure,
            facecolor=colour,
            edgecolor="none",
            zorder=-1,
        )
    )


def _line(figure: Figure, left: float, right: float, y: float, width_pt: float = 0.6) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D([fx(left), fx(right)], [fy(y), fy(y)], transform=figure.transFigure, color=RULE, linewidth=width_pt)


def fx(inches: float) -> float:
    return inches / PAGE_WIDTH


def fy(inches_from_top: float) -> float:
    return 1 - inches_from_top / PAGE_HEIGHT


def _rect(left: float, top: float, width: float, height: float) -> tuple[float, float, float, float]:
    """A rectangle given in inches from the top left, in figure fractions (left, bottom, width, height)."""
    return (fx(left), fy(top + height), width / PAGE_WIDTH, height / PAGE_HEIGHT)
