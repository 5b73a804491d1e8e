"""Stand-in for a user at a modal dialog: fill the form, press OK, let the test look at it after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def press_ok(monkeypatch: pytest.MonkeyPatch, dialog_class: type, fill: Callable[[Any], object]) -> list[Any]:
    """Make `dialog_class.exec` fill the form with `fill(dialog)` and press OK; return the dialogs shown."""
    shown: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        shown.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return shown
