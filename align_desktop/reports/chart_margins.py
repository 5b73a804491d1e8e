"""A quick layout for a figure holding one chart: margins worked out from its texts' glyph advances.

matplotlib's constrained layout measures the rendered extent of every text, twice, before each draw:
about 20 ms of a dashboard chart's 60 ms, a fifth of the dashboard's first paint on `stress`.
`MarginLayout` reads the same texts (title, axis labels, tick labels, figure legends below) and sizes
the margins from the fonts' advance widths and line heights, which costs next to nothing, then sets
the axes' position. It serves the dashboard's charts, each one Axes in its own figure; the PDF
report, whose pages hold several charts and page furniture, keeps constrained layout.

A figure legend with `loc="outside lower center"` is placed at the bottom of the figure, and the
axes end above it. Labels beside points and bars (annotations offset in points) may reach past the
axes' sides: the margins grow to hold them. The title starts at the figure's left edge, set smaller
where the figure is too narrow for it.
Unlike the other chart modules, this one imports matplotlib when imported: import it where the
figure is made.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from matplotlib.layout_engine import LayoutEngine

from align_desktop.reports.report_layout import text_width

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

EDGE = 6.0
"""Points left free at each edge of the figure."""
LINE = 1.25
"""Line height as a multiple of the font size."""
TICK_ROOM = 7.0
"""Points between an axis and its tick labels: the tick (3.5) and its pad (3.5)."""
LABEL_PAD = 4.0
"""Points between tick labels and the axis label."""
TITLE_PAD = 6.0
"""Points between the axes and their title."""
MIN_TITLE_SIZE = 9.0
"""Points: a title too wide for its figure is set smaller, down to this."""
LEGEND_ROW = 1.7
"""A legend row's height as a multiple of its font size (entry, label spacing, handle)."""


class MarginLayout(LayoutEngine):
    """Places a figure's one Axes inside margins measured from its texts (see the module)."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self) -> None:
        super().__init__()
        self._title_sizes: WeakKeyDictionary[Text, float] = WeakKeyDictionary()
        """Each title's own font size: a title set smaller to fit a narrow figure grows back in a wide one."""

    def execute(self, fig: Any) -> None:
        figure: Figure = fig
        if len(figure.axes) != 1:
            return
        axes = figure.axes[0]
        width, height = (size * 72 for size in figure.get_size_inches())
        self._fit_title(_left_title(axes), width - 2 * EDGE)
        ticks = _left(axes)
        room = width - 2 * EDGE
        across = room - ticks
        spills = _spills(axes)
        for _ in range(6):  # a wider axes leaves less of a label outside it: this settles in a few rounds
            before, after = _spill(spills, across)
            across = room - max(ticks, before) - after
        before, after = _spill(spills, across)
        left = EDGE + max(ticks, before)
        bottom = EDGE + _bottom(axes) + _legends_height(figure)
        top = EDGE + _top(axes)
        across = max(across, 1.0)
        axes.set_position((left / width, bottom / height, across / width, max(height - bottom - top, 1.0) / height))
        axes.apply_aspect()  # an axes of fixed aspect (the heat map) narrows: the title follows where it is drawn
        drawn = axes.get_position(original=False)
        _left_title(axes).set_x((EDGE / width - drawn.x0) / drawn.width)  # the title starts at the figure's edge

    def _fit_title(self, title: Text, room: float) -> None:
        """Set `title` in its own size, or smaller (down to MIN_TITLE_SIZE) where the figure is too narrow."""
        if not title.get_text():
            return
        size = self._title_sizes.setdefault(title, float(title.get_fontsize()))
        title.set_fontsize(size)
        wide = _width(title)
        if wide > room:
            title.set_fontsize(max(MIN_TITLE_SIZE, size * room / wide))


def _left_title(axes: Axes) -> Text:
    """The title set with `loc="left"` (as the charts set theirs)."""
    kept: Any = axes  # matplotlib keeps it apart from `axes.title`, without a public accessor
    title: Text = kept._left_title
    return title


def _spills(axes: Axes) -> list[tuple[float, float, float]]:
    """For each label beside a point (an annotation offset in points): where its point lies across the
    axes (0 … 1), and the points it reaches before and after that point."""
    from matplotlib.text import Annotation

    found = []
    for text in axes.texts:
        if not isinstance(text, Annotation) or text.anncoords != "offset points" or not text.get_text():
            continue
        place = float(axes.transLimits.transform(axes.transScale.transform(text.xy))[0])
        offset = float(text.xyann[0])
        width = _width(text)
        align = text.get_horizontalalignment()
        start = offset - width if align == "right" else offset - width / 2 if align == "center" else offset
        found.append((place, max(-start, 0.0), max(start + width, 0.0)))
    return found


def _spill(spills: list[tuple[float, float, float]], across: float) -> tuple[float, float]:
    """Points the labels reach beyond the axes' left and right edges, for axes `across` points wide."""
    before = max((reach - place * across for place, reach, _ in spills), default=0.0)
    after = max((reach - (1 - place) * across for place, _, reach in spills), default=0.0)
    return max(before, 0.0), max(after, 0.0)


def _left(axes: Axes) -> float:
    labels = _shown(axes.yaxis.get_majorticklabels())
    room = max((_width(label) for label in labels), default=0.0) + TICK_ROOM
    if axes.get_ylabel():
        room += LABEL_PAD + _height(axes.yaxis.get_label())
    return room


def _bottom(axes: Axes) -> float:
    labels = _shown(axes.xaxis.get_majorticklabels())
    room = max((_height(label) for label in labels), default=0.0) + TICK_ROOM
    if axes.get_xlabel():
        room += LABEL_PAD + _height(axes.xaxis.get_label())
    return room


def _top(axes: Axes) -> float:
    kept: Any = axes  # matplotlib keeps the left and right titles apart, without a public accessor
    titles = [axes.title, kept._left_title, kept._right_title]
    return max((_height(title) for title in titles if title.get_text()), default=0.0) + TITLE_PAD


def _legends_height(figure: Figure) -> float:
    """Points taken by the figure's legends, which sit below the chart."""
    room = 0.0
    for legend in figure.legends:
        texts = legend.get_texts()
        size = texts[0].get_fontsize() if texts else legend.get_title().get_fontsize()
        given: Any = legend  # the columns it was given, which matplotlib keeps without a public accessor
        rows = math.ceil(len(texts) / max(given._ncols, 1))
        room += rows * size * LEGEND_ROW
        if legend.get_title().get_text():
            room += _height(legend.get_title())
    return room


def _shown(labels: list[Text]) -> list[Text]:
    return [label for label in labels if label.get_visible() and label.get_text()]


def _width(text: Text) -> float:
    """Points across the widest line of `text`."""
    bold = text.get_fontweight() in ("bold", "heavy", "black", 700, 800, 900)
    size = float(text.get_fontsize())
    return max(text_width(line, size, bold) for line in text.get_text().split("\n")) * 72


def _height(text: Text) -> float:
    """Points from the top of `text` to its bottom."""
    return float(text.get_fontsize()) * LINE * (text.get_text().count("\n") + 1)
