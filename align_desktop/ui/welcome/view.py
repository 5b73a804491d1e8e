"""Welcome screen: start a blank workspace, try the realistic sample, start from any sample, or reopen a recent one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from align_desktop.store.locations import Location
    from align_desktop.store.samples import SampleInfo

_PATH_ROLE = Qt.ItemDataRole.UserRole
_LIST_STYLE = "QListWidget::item { padding: 6px 4px; }"


class WelcomeView(QWidget):
    """What the user sees before opening a workspace."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal(str)
    connect_requested = Signal()
    recent_requested = Signal(object)
    """A recent workspace: a file's `Path`, or a team workspace's `ServerAddress`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Align Desktop"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 2.2)
        title_font.setBold(True)
        title.setFont(title_font)
        tagline = QLabel(
            self.tr("Tie every ML initiative on your roadmap to a business outcome, and plan it live with the room.")
        )
        tagline.setWordWrap(True)

        new_button = QPushButton(self.tr("New blank workspace…"))
        new_button.setToolTip(self.tr("Create an empty workspace file with Now / Next / Later lanes"))
        new_button.clicked.connect(self.new_requested)
        open_button = QPushButton(self.tr("Open workspace…"))
        open_button.setToolTip(self.tr("Open an Align Desktop workspace file (*.align)"))
        open_button.clicked.connect(self.open_requested)
        connect_button = QPushButton(self.tr("Connect to team workspace…"))
        connect_button.setToolTip(
            self.tr("Open a workspace many facilitators share on a PostgreSQL server (postgresql://…)")
        )
        connect_button.clicked.connect(self.connect_requested)
        self.try_sample_button = QPushButton()
        self.try_sample_button.clicked.connect(self._on_try_sample)
        buttons = QHBoxLayout()
        buttons.addWidget(self.try_sample_button)
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addWidget(connect_button)
        buttons.addStretch()

        self._samples = QListWidget()
        self._samples.setStyleSheet(_LIST_STYLE)
        self._samples.setWordWrap(True)
        self._samples.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._samples.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._samples.setMaximumHeight(260)
        self._samples.setAccessibleName(self.tr("Samples"))
        self._samples.itemActivated.connect(self._on_sample)
        sample_button = QPushButton(self.tr("Create from sample…"))
        sample_button.setToolTip(self.tr("Save a copy of the selected sample as a new workspace"))
        sample_button.clicked.connect(self._on_sample_button)

        self._recent = QListWidget()
        self._recent.setStyleSheet(_LIST_STYLE)
        self._recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._recent.setMaximumHeight(300)
        self._recent.setAccessibleName(self.tr("Recent workspaces"))
        self._recent.itemActivated.connect(self._on_recent)

        columns = QHBoxLayout()
        columns.addLayout(_section(self.tr("Start from a sample"), self._samples, sample_button), 1)
        columns.addLayout(_section(self.tr("Recent workspaces"), self._recent, None), 1)

        views = QLabel(
            self.tr(
                "<b>Dashboard</b> — the portfolio at a glance: value, gaps, risks above appetite and what to do.<br>"
                "<b>Board</b> — initiatives in Now / Next / Later lanes, rearranged live in the workshop, "
                "with a readiness badge from four scores.<br>"
                "<b>Outcomes</b> — the business objectives every initiative is tied to, "
                "each with a metric moving from baseline to target.<br>"
                "<b>ROI</b> — each initiative's business case: costs, benefit and adoption by year; NPV, IRR, "
                "payback.<br>"
                "<b>Capabilities</b> — the platform building blocks: owner, SLA, run cost, maturity 1–5.<br>"
                "<b>Matrix</b> — which capabilities each initiative needs, the gaps, and which investment first.<br>"
                "<b>Risks</b> — the risk register in business terms, with heat maps before and after treatment.<p>"
                "Every edit is saved in the workspace file the moment you make it; Ctrl+Z undoes it.<br>"
                "Help > Keyboard Shortcuts lists every shortcut; a workspace file dropped on the window opens.</p>"
            )
        )
        views.setWordWrap(True)

        panel = QFrame()
        panel.setMaximumWidth(1100)
        inner = QVBoxLayout(panel)
        inner.addStretch(1)
        inner.addWidget(title)
        inner.addWidget(tagline)
        inner.addSpacing(16)
        inner.addLayout(buttons)
        inner.addSpacing(16)
        inner.addLayout(columns)
        inner.addSpacing(16)
        inner.addWidget(views)
        inner.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch()
        outer.addWidget(panel, 4)
        outer.addStretch()

    def show_choices(self, samples: list[SampleInfo], recent: list[Location]) -> None:
        """Offer `samples` (the realistic one first, also as a button of its own) and the `recent` files."""
        self._samples.clear()
        self.try_sample_button.setVisible(bool(samples))
        if samples:
            self.try_sample_button.setText(self.tr("Try the {0} sample…").format(samples[0].name))
            self.try_sample_button.setToolTip(
                self.tr("Save a copy of the realistic sample as a new workspace and open it: {0}").format(
                    samples[0].description
                )
            )
        for sample in samples:
            item = QListWidgetItem(f"{sample.name}\n{sample.description}")
            item.setData(_PATH_ROLE, sample.name)
            self._samples.addItem(item)
        if samples:
            self._samples.setCurrentRow(0)
        self._recent.clear()
        for location in recent:
            if isinstance(location, Path):
                exists = location.exists()
                label = f"{location.name}\n{location.parent}" + ("" if exists else self.tr("  (missing)"))
            else:
                exists = True
                label = self.tr("{0}\nteam workspace on {1}").format(location.database, location.host)
            item = QListWidgetItem(label)
            item.setData(_PATH_ROLE, location)
            item.setToolTip(str(location))
            if not exists:
                item.setForeground(Qt.GlobalColor.gray)
            self._recent.addItem(item)
        if not recent:
            placeholder = QListWidgetItem(self.tr("Workspaces you open appear here."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self._recent.addItem(placeholder)

    def _on_sample(self, item: QListWidgetItem) -> None:
        self.sample_requested.emit(item.data(_PATH_ROLE))

    def _on_try_sample(self) -> None:
        if self._samples.count():
            self._on_sample(self._samples.item(0))

    def _on_sample_button(self) -> None:
        item = self._samples.currentItem()
        if item is not None:
            self._on_sample(item)

    def _on_recent(self, item: QListWidgetItem) -> None:
        location = item.data(_PATH_ROLE)
        if location:
            self.recent_requested.emit(location)


def _section(title: str, content: QWidget, button: QPushButton | None) -> QVBoxLayout:
    layout = QVBoxLayout()
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    heading.setFont(font)
    layout.addWidget(heading)
    layout.addWidget(content, 1)
    if button is not None:
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(button)
        layout.addLayout(row)
    return layout
