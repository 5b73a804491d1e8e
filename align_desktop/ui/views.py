"""The views of the main window, in navigation order.

A view's module is imported and the view built only when it is first shown, so that opening a
workspace costs no more than the board. The labels are marked for translation (context "Views")
and translated when shown.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from align_desktop.ui.prompts import Prompter
    from align_desktop.ui.view import WorkspaceView


@dataclass(frozen=True)
class ViewSpec:
    """Where a view lives and what the navigation calls it."""

    name: str
    """Key in the navigation and file name of its screenshot."""
    label: object
    """The English name, marked with `QT_TRANSLATE_NOOP`; `title` is what the user reads."""
    module: str
    class_name: str

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Views", str(self.label))

    def build(self, prompter: Prompter) -> WorkspaceView:
        view_class = getattr(importlib.import_module(self.module), self.class_name)
        view: WorkspaceView = view_class(prompter)
        return view


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("dashboard", QT_TRANSLATE_NOOP("Views", "Dashboard"), "align_desktop.ui.dashboard.view", "DashboardView"),
    ViewSpec("board", QT_TRANSLATE_NOOP("Views", "Board"), "align_desktop.ui.board.view", "BoardView"),
    ViewSpec("outcomes", QT_TRANSLATE_NOOP("Views", "Outcomes"), "align_desktop.ui.outcomes.view", "OutcomesView"),
    ViewSpec("roi", QT_TRANSLATE_NOOP("Views", "ROI"), "align_desktop.ui.roi.view", "RoiView"),
    ViewSpec(
        "capabilities",
        QT_TRANSLATE_NOOP("Views", "Capabilities"),
        "align_desktop.ui.capabilities.view",
        "CapabilitiesView",
    ),
    ViewSpec("matrix", QT_TRANSLATE_NOOP("Views", "Matrix"), "align_desktop.ui.matrix.view", "MatrixView"),
    ViewSpec("risks", QT_TRANSLATE_NOOP("Views", "Risks"), "align_desktop.ui.risks.view", "RisksView"),
    ViewSpec("workshop", QT_TRANSLATE_NOOP("Views", "Workshop"), "align_desktop.ui.workshop.view", "WorkshopView"),
    ViewSpec("changes", QT_TRANSLATE_NOOP("Views", "What Changed"), "align_desktop.ui.changes.view", "ChangesView"),
)
