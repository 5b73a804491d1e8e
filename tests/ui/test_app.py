"""The Qt application object: one per process, and the app icon read from the installed package."""

from __future__ import annotations

from typing import Any

from align_desktop.ui.app import app_icon, create_application


def test_application_is_named_and_has_its_icon(qapp: Any) -> None:
    app = create_application()
    assert app is qapp
    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(64, 64).width() == 64
