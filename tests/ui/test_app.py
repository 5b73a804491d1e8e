"""The Qt application object: one per process, and the app icon read from the installed package."""

from __future__ import annotations

from typing import Any

from align_desktop.ui.app import app_icon, create_application


def test_application_is_named_and_has_its_icon(qapp: Any) -> None:
    app = create_application()
    assert app is qapp
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 64, 512):  # drawn from the SVG at each size, up to a high-DPI dock's
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not an empty pixmap
