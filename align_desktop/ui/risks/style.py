"""How the register marks risks: band colours (the heat map's), the above-appetite and overdue marks.

Colour is never the only signal: a score cell always says its band in words, an above-appetite
residual starts with ⚠, and an overdue review date says "overdue".
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from align_desktop.ui.risks.heatmap_layout import APPETITE, BAND_COLOURS

BAND_BACKGROUNDS: dict[str, QBrush] = {name: QBrush(colour) for name, colour in BAND_COLOURS.items()}
"""The heat map's cell colours, so a score reads the same in the table and on the map."""
ABOVE_APPETITE_BACKGROUND = QBrush(APPETITE)
ABOVE_APPETITE_INK = QBrush(QColor("#ffffff"))
ALERT_COLOUR = "#b71c1c"
"""Strong red of the overdue mark and of the form's marks line."""
ALERT_INK = QBrush(QColor(ALERT_COLOUR))
SCORE_INK = QBrush(QColor("#1f2933"))
"""Dark text, which reads on every band colour."""
MUTED_INK = QBrush(QColor("#8a8f98"))
WARNING_COLOUR = "#8a4b00"
WARNING_BACKGROUND = "#fff3e0"

APPETITE_MARK = "⚠"
"""Starts the residual score of a risk above the workspace's appetite."""
