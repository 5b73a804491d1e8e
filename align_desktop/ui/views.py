"""The views of the main window, in navigation order.

A view's module is imported and the view built only when it is first shown, so that opening a
workspace costs no more than the board.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from align_desktop.ui.prompts import Prompter
    from align_desktop.ui.view import WorkspaceView


@dataclass(frozen=True)
class ViewSpec:
    """Where a view lives and what the navigation calls it."""

    name: str
    """Key in the navigation and file name of its screenshot."""
    label: str
    module: str
    class_name: str

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Views", self.label)

    def build(self, prompter: Prompter) -> WorkspaceView:
        view_class = getattr(importlib.import_module(self.module), self.class_name)
        view: WorkspaceView = view_class(prompter)
        return view


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("dashboard", "Dashboard", "align_desktop.ui.dashboard.view", "DashboardView"),
    ViewSpec("board", "Board", "align_desktop.ui.board.view", "BoardView"),
    ViewSpec("outcomes", "Outcomes", "align_desktop.ui.outcomes.view", "OutcomesView"),
    ViewSpec("roi", "ROI", "align_desktop.ui.roi.view", "RoiView"),
    ViewSpec("capabilities", "Capabilities", "align_desktop.ui.capabilities.view", "CapabilitiesView"),
    ViewSpec("matrix", "Matrix", "align_desktop.ui.matrix.view", "MatrixView"),
    ViewSpec("risks", "Risks", "align_desktop.ui.risks.view", "RisksView"),
)
