"""The headline figures of the picked case, large enough to read on a projector.

Base scenario: NPV, risk-adjusted NPV, IRR, payback and ROI; then the pessimistic and the
optimistic NPV. Money is rounded to whole units; each tile's tooltip gives the exact figure.
The tiles stand in one row; where the view is narrower than that row needs (a small screen, or
beside the presenter panel), they wrap into rows of four (or fewer), so no figure is cut and the
window can be as narrow as the screen.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from align_desktop.domain.roi import Figures
from align_desktop.ui.roi import format as fmt

TILES = ("npv", "risk_adjusted_npv", "irr", "payback", "roi", "pessimistic_npv", "optimistic_npv")
WRAPPED_COLUMNS = (4, 3, 2)
"""Tiles a row may hold, most first, when one row of all seven does not fit."""
SPACING = 8
_NEGATIVE = "#c62828"


class _Tile(QFrame):
    """A caption above a large value."""

    def __init__(self, caption: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setAccessibleName(caption)
        self.setToolTip(tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def show_value(self, text: str, exact: str = "", *, negative: bool = False) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {_NEGATIVE};" if negative else "")
        self.value.setToolTip(exact)


class Headline(QWidget):
    """Seven tiles in a row, or in rows of four or fewer where one row does not fit; `texts()` gives what they show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, _Tile] = {
            "npv": _Tile(self.tr("NPV"), self.tr("Net present value of the base scenario")),
            "risk_adjusted_npv": _Tile(
                self.tr("Risk-adjusted NPV"), self.tr("NPV with every benefit multiplied by the confidence %")
            ),
            "irr": _Tile(self.tr("IRR"), self.tr("Internal rate of return: the discount rate at which NPV is zero")),
            "payback": _Tile(
                self.tr("Payback"), self.tr("When the cumulative cash flow first reaches zero, undiscounted")
            ),
            "roi": _Tile(self.tr("ROI"), self.tr("(total benefit − total cost) / total cost, undiscounted")),
            "pessimistic_npv": _Tile(
                self.tr("Pessimistic NPV"), self.tr("NPV with the pessimistic benefit and cost multipliers")
            ),
            "optimistic_npv": _Tile(
                self.tr("Optimistic NPV"), self.tr("NPV with the optimistic benefit and cost multipliers")
            ),
        }
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        self.columns = 0
        """Tiles per row as laid out now."""
        self._arrange(len(self.tiles))

    def one_row_width(self) -> int:
        """Pixels all seven tiles need side by side, each as wide as its caption and value."""
        tiles = self.tiles.values()
        return sum(tile.minimumSizeHint().width() for tile in tiles) + SPACING * (len(self.tiles) - 1)

    def columns_for(self, width: int) -> int:
        """Tiles per row that fit in `width` pixels: all seven, else as many as fit in equal columns."""
        if width >= self.one_row_width():
            return len(self.tiles)
        widest = max(tile.minimumSizeHint().width() for tile in self.tiles.values())
        fitting = (columns for columns in WRAPPED_COLUMNS if columns * widest + SPACING * (columns - 1) <= width)
        return next(fitting, WRAPPED_COLUMNS[-1])

    def _arrange(self, columns: int) -> None:
        """Lay the tiles out `columns` to a row, each column as wide as the next."""
        if columns == self.columns:
            return
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for number, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, number // columns, number % columns)
        for column in range(len(self.tiles)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(self.columns_for(event.size().width()))

    def show_figures(self, figures: Mapping[str, Figures], confidence: int, currency: str) -> None:
        """Show the figures of each scenario (the base one with its IRR), re-arranged if they no longer fit."""
        base = figures["base"]
        self._money("npv", base.npv, currency)
        self._money("risk_adjusted_npv", base.risk_adjusted_npv, currency)
        self.tiles["risk_adjusted_npv"].caption.setText(self.tr("Risk-adjusted NPV at {0} %").format(confidence))
        self.tiles["irr"].show_value(fmt.percent(base.irr), negative=(base.irr or 0) < 0)
        self.tiles["payback"].show_value(fmt.payback(base.payback))
        self.tiles["roi"].show_value(fmt.percent(base.roi), negative=(base.roi or 0) < 0)
        for name in ("pessimistic", "optimistic"):
            if name in figures:
                self._money(f"{name}_npv", figures[name].npv, currency)
        self._arrange(self.columns_for(self.width()))

    def _money(self, tile: str, value: float, currency: str) -> None:
        self.tiles[tile].show_value(fmt.money(value, currency), fmt.money_exact(value, currency), negative=value < 0)

    def clear(self) -> None:
        for tile in self.tiles.values():
            tile.show_value("—")
        self.tiles["risk_adjusted_npv"].caption.setText(self.tr("Risk-adjusted NPV"))

    def texts(self) -> dict[str, str]:
        return {name: tile.value.text() for name, tile in self.tiles.items()}
