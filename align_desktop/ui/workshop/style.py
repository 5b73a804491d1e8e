"""Colours and type of the presenter layout: light on near-black, large, for the back of a room with a projector.

The countdown turns amber in an item's last minute and red once it is over time; the states are
also written out ("last minute", "over time"), so they read without colour.
"""

from __future__ import annotations

from align_desktop.domain.countdown import LAST_MINUTE, ON_TIME, OVER_TIME

BACKGROUND = "#0b0f14"
PANEL = "#161d26"
TEXT = "#ffffff"
QUIET_TEXT = "#b8c4d0"
ACCENT = "#4fc3f7"
DONE = "#a5d6a7"

COUNTDOWN_COLOURS: dict[str, tuple[str, str]] = {
    ON_TIME: (TEXT, PANEL),
    LAST_MINUTE: ("#000000", "#ffc107"),
    OVER_TIME: ("#ffffff", "#d32f2f"),
}
"""(text, background) of the countdown in each state."""
PAUSED_TEXT = "#7f8c99"
"""The countdown's digits while paused: dimmed, so that the room sees the clock has stopped."""

COUNTDOWN_POINTS = 64
TITLE_POINTS = 22
AGENDA_POINTS = 16
SMALL_POINTS = 13
BOARD_ZOOM = 1.2
"""The board is zoomed this much while presenting (Ctrl+plus and Ctrl+minus still zoom it), or less where every lane
would not fit the width otherwise (a small projector's screen beside the panel), down to `BOARD_ZOOM_FLOOR`."""
BOARD_ZOOM_FLOOR = 0.9
"""The least zoom the presenter layout chooses to show every lane; with more lanes than fit at it, the board scrolls."""
PANEL_WIDTH = 360

PANEL_STYLE = f"""
#presenterPanel {{ background: {BACKGROUND}; }}
#presenterPanel QLabel {{ color: {TEXT}; }}
#presenterPanel QLabel#quiet {{ color: {QUIET_TEXT}; }}
#presenterPanel QListWidget {{
    background: {BACKGROUND}; color: {TEXT}; border: none; outline: none;
}}
#presenterPanel QListWidget::item {{ padding: 8px 6px; border-bottom: 1px solid #26313d; }}
#presenterPanel QListWidget::item:selected {{
    background: #1f3a52; color: {TEXT}; border-left: 6px solid {ACCENT};
}}
#presenterPanel QToolButton {{
    background: #22303e; color: {TEXT}; border: 1px solid #3d5166; border-radius: 6px; padding: 8px 10px;
}}
#presenterPanel QToolButton:hover {{ background: #2d4256; }}
#presenterPanel QToolButton:disabled {{ color: #66788a; }}
#presenterPanel QToolButton#views {{ padding: 4px 6px; }}
"""
