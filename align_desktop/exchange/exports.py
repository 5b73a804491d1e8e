"""The workbook exports by name, each imported only when it is asked for (openpyxl is heavy)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

Progress = Callable[[int, int], bool]
"""Told (done, total) as an export goes; returning False cancels it and nothing is written."""

EXPORTS: dict[str, tuple[str, str]] = {
    "finance": ("align_desktop.exchange.finance_export", "export_finance"),
    "executive": ("align_desktop.exchange.executive_export", "export_executive"),
    "workbook": ("align_desktop.exchange.workbook_export", "export_workbook"),
}
"""Each export's module and function: `function(workspace_path, out, progress=None)`."""


def export(kind: str, workspace_path: Location, out: Path, progress: Progress | None = None) -> Any:
    module, function = EXPORTS[kind]
    return getattr(importlib.import_module(module), function)(workspace_path, out, progress)
