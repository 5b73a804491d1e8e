"""Check boxes and radio buttons that stay visible under the dark palette.

Fusion outlines a check box's or radio button's indicator in the Window colour darkened, which on the
dark palette is nearly the Base colour of tables and lists, and close to the Window colour itself: the
box all but vanishes. `OutlinedIndicators` wraps the style in use and draws those indicators as if the
Window colour were a lighter grey, so that their outline shows, in about the palette's Mid colour, on either
background.
The palette module installs it with the dark palette and takes it away with the light one; it is not
imported otherwise.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

OUTLINE_LIGHTER = 140
"""How much lighter than the palette's Mid the indicators are drawn as if the Window colour were (percent): Fusion
darkens that by as much for the outline, so the outline comes out in about the Mid colour."""
_INDICATORS = frozenset(
    {
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    }
)


class OutlinedIndicators(QProxyStyle):
    """The style it is made with (by name, `OutlinedIndicators("fusion")`), its indicators outlined in about the
    palette's Mid colour."""

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element not in _INDICATORS:
            super().drawPrimitive(element, option, painter, widget)
            return
        kept = QPalette(option.palette)
        outlined = QPalette(kept)
        outlined.setColor(QPalette.ColorRole.Window, kept.color(QPalette.ColorRole.Mid).lighter(OUTLINE_LIGHTER))
        option.palette = outlined
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = kept
