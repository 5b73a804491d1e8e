"""The headline figures of the picked case, large enough to read on a projector.

Base scenario: NPV, risk-adjusted NPV, IRR, payback and ROI; then the pessimistic and the
optimistic NPV. Money is rounded to whole units; each tile's tooltip gives the exact figure.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from align_desktop.domain.roi import Figures
from align_desktop.ui.roi import format as fmt

TILES = ("npv", "risk_adjusted_npv", "irr", "payback", "roi", "pessimistic_npv", "optimistic_npv")
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
    """Seven tiles in a row; `texts()` gives what they show, for checks."""

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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for tile in self.tiles.values():
            layout.addWidget(tile, 1)

    def show_figures(self, figures: Mapping[str, Figures], confidence: int, currency: str) -> None:
        """Show the figures of each scenario (the base one with its IRR)."""
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

    def _money(self, tile: str, value: float, currency: str) -> None:
        self.tiles[tile].show_value(fmt.money(value, currency), fmt.money_exact(value, currency), negative=value < 0)

    def clear(self) -> None:
        for tile in self.tiles.values():
            tile.show_value("—")
        self.tiles["risk_adjusted_npv"].caption.setText(self.tr("Risk-adjusted NPV"))

    def texts(self) -> dict[str, str]:
        return {name: tile.value.text() for name, tile in self.tiles.items()}
