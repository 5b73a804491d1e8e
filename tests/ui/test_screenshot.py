"""`align-desktop screenshot`: one readable PNG per view and the keyboard shortcuts, the user's settings untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from align_desktop.ui.preferences import Preferences, user_settings
from align_desktop.ui.screenshot import SCREENSHOT_SIZE, render_views
from align_desktop.ui.views import VIEWS


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 23):
        for x in range(0, image.width(), 17):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_every_view_is_rendered(qapp: Any, sample_path: Path, tmp_path: Path) -> None:
    written = render_views(sample_path, tmp_path / "shots")
    views = ["welcome", *(spec.name for spec in VIEWS)]
    assert views[:8] == ["welcome", "dashboard", "board", "outcomes", "roi", "capabilities", "matrix", "risks"]
    assert [p.name for p in written] == [f"{view}.png" for view in views] + ["presenter.png", "shortcuts.png"]
    for path in written[:-1]:
        image = QImage(str(path))
        assert (image.width(), image.height()) == SCREENSHOT_SIZE
        assert _distinct_colours(image) > 8, f"{path.name} looks blank"
    shortcuts = QImage(str(written[-1]))
    assert shortcuts.width() >= 400 and shortcuts.height() >= 400
    assert _distinct_colours(shortcuts) > 2, "the keyboard shortcuts dialog looks blank"
    assert Preferences(user_settings()).recent_files() == []
