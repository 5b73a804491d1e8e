"""The summary above the list of changes: how many items changed, portfolio NPV per scenario,
board moves, and risk bands and scores that moved, in large type for a projector."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from align_desktop.domain.compare import Comparison
from align_desktop.reports.formatting import money
from align_desktop.ui.changes.text import ARROW, npv_delta, scenario_title, tr

SUMMARY_SCALE = 1.35
"""Type size of the summary against the application's: it is read from the back of the room."""
SHOWN_PER_TILE = 5
"""Lines a tile lists before it says how many more the list below holds."""
_TILE_STYLE = "QFrame#changesTile { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"


class SummaryTile(QFrame):
    """A titled card of rich text, in `SUMMARY_SCALE` type."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesTile")
        self.setStyleSheet(_TILE_STYLE)
        self.title = QLabel(title)
        self.body = QLabel()
        font = QFont(self.body.font())
        font.setPointSizeF(font.pointSizeF() * SUMMARY_SCALE)
        self.body.setFont(font)
        font.setBold(True)
        self.title.setFont(font)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)


class ChangeSummary(QWidget):
    """Four tiles: items added, removed and changed; NPV before → after; lanes moved; bands and scores moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = SummaryTile(tr("Items"))
        self.npv = SummaryTile(tr("Portfolio NPV"))
        self.lanes = SummaryTile(tr("Board moves"))
        self.risks = SummaryTile(tr("Risk bands and scores"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts.setToolTip(tr("How many items were added, removed or changed between the two moments"))
        self.npv.setToolTip(tr("The portfolio's NPV under each scenario, before → after, as the ROI view computes it"))
        self.lanes.setToolTip(tr("Initiatives that moved to another lane of the board"))
        self.risks.setToolTip(
            tr(
                "Risks whose inherent or residual score moved into another band, then readiness scores, "
                "confidence, capability maturity and risk ratings that changed"
            )
        )
        for tile, stretch in ((self.counts, 2), (self.npv, 6), (self.lanes, 4), (self.risks, 5)):
            layout.addWidget(tile, stretch)

    def show_comparison(self, comparison: Comparison) -> None:
        counts = [(comparison.count(change), _count_word(change)) for change in ("changed", "added", "removed")]
        self.counts.body.setText(
            "<table cellspacing='0' cellpadding='1'>"
            + "".join(f"<tr><td align='right'><b>{n:,}</b>&nbsp;</td><td>{escape(w)}</td></tr>" for n, w in counts)
            + "</table>"
        )
        self.npv.body.setText(_npv_table(comparison))
        self.lanes.body.setText(
            _lines(
                [
                    f"<b>{escape(move.key)}</b> {escape(move.old_lane)} {ARROW} <b>{escape(move.new_lane)}</b>"
                    for move in comparison.lane_moves
                ],
                tr("No initiative changed lane."),
            )
        )
        bands = [
            f"<b>{escape(band.key)}</b> {escape(_rating(band.rating))} {escape(band.old_band)} ({band.old_score}) "
            f"{ARROW} <b>{escape(band.new_band)} ({band.new_score})</b>"
            for band in comparison.band_changes
        ]
        scores = [
            f"<b>{escape(score.key)}</b> {escape(score.label)} {score.old} {ARROW} <b>{score.new}</b>"
            for score in comparison.score_changes
        ]
        self.risks.body.setText(_lines(bands + scores, tr("No band or score moved.")))


def _count_word(change: str) -> str:
    return {"changed": tr("changed"), "added": tr("added"), "removed": tr("removed")}[change]


def _rating(rating: str) -> str:
    return tr("Inherent") if rating == "inherent" else tr("Residual")


def _npv_table(comparison: Comparison) -> str:
    currency = comparison.currency
    rows = "".join(
        f"<tr><td>{_cell(scenario_title(change.scenario))}&nbsp;&nbsp;</td>"
        f"<td align='right'>{_cell(money(change.before, currency))}</td><td>&nbsp;{ARROW}&nbsp;</td>"
        f"<td align='right'><b>{_cell(money(change.after, currency))}</b></td>"
        f"<td>&nbsp;&nbsp;{_cell(npv_delta(change.before, change.after, currency))}</td></tr>"
        for change in comparison.npv
    )
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


def _cell(text: str) -> str:
    """`text` escaped, kept on one line (no break at a space or a hyphen)."""
    return escape(text).replace(" ", "&nbsp;").replace("-", "\u2011")


def _lines(lines: list[str], none: str) -> str:
    if not lines:
        return f"<i>{escape(none)}</i>"
    shown = lines[:SHOWN_PER_TILE]
    if len(lines) > SHOWN_PER_TILE:
        shown.append(f"<i>{escape(tr('… and {0} more in the list below').format(len(lines) - SHOWN_PER_TILE))}</i>")
    return "<br>".join(shown)
