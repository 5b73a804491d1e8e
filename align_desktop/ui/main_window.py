"""The main window: menus, navigation between views, status bar, opening and closing workspaces."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDateTime, QMimeData, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from align_desktop import __version__
from align_desktop.domain.validation import ValidationError
from align_desktop.reports.formatting import money
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.team_origin import origin_of
from align_desktop.store.workspace import WORKSPACE_SUFFIX, Workspace
from align_desktop.ui import opening
from align_desktop.ui.board.view import BoardView
from align_desktop.ui.exchange.export_menu import ExportMenu
from align_desktop.ui.exchange.import_flow import ImportFlow
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.preferences import Preferences
from align_desktop.ui.prompts import Prompter, documents_folder
from align_desktop.ui.shortcuts import collect_shortcuts, standard_keys
from align_desktop.ui.tasks import ImmediateRunner, TaskRunner
from align_desktop.ui.team_transfer import TeamTransfer
from align_desktop.ui.view import WorkspaceView
from align_desktop.ui.views import VIEWS
from align_desktop.ui.voting.launcher import VoteLauncher
from align_desktop.ui.workshop.controls import WorkshopControls

if TYPE_CHECKING:
    from align_desktop.store.locations import Location
    from align_desktop.ui.dashboard.view import DashboardView
    from align_desktop.ui.shortcuts_dialog import ShortcutsDialog
    from align_desktop.ui.welcome.view import WelcomeView
    from align_desktop.ui.workshop.view import WorkshopView

_Key = QKeySequence.StandardKey

FIRST_SIZE = QSize(1400, 900)
"""The window's size the first time it opens (later, the size it was closed at) ..."""
SCREEN_SHARE = 0.95
"""... or this share of the screen's free area, where that is smaller (a 1366 × 768 laptop, say)."""
WARM_UP_DELAY_MS = 500
"""How long after a workspace shows that the libraries for editing it are loaded."""
NAVIGATION_WIDTH = 160
"""Pixels; the navigation grows when the dashboard's alert count needs more."""
NAVIGATION_PADDING = 40
"""Pixels around an entry's text: its padding (14 each side) and a margin."""
ALERT_COUNT_DELAY_MS = 300
"""How long after the last change (or the board's first paint) the alerts are counted for the navigation."""

_NAVIGATION_STYLE = """
QListWidget { background: #243447; color: #e8eef5; font-size: 11pt; padding-top: 8px; }
QListWidget::item { padding: 10px 14px; }
QListWidget::item:selected { background: #3b5b7e; color: white; font-weight: bold; }
"""


class MainWindow(QMainWindow):
    """One window over at most one open workspace."""

    def __init__(
        self, preferences: Preferences, prompter: Prompter, runner: TaskRunner | ImmediateRunner | None = None
    ) -> None:
        super().__init__()
        self._preferences = preferences
        self._prompter = prompter
        self.runner = runner or TaskRunner()
        """Runs long work (exports, imports) off the GUI thread; tests pass an `ImmediateRunner`."""
        prompter.set_parent(self)
        self.workspace: OpenWorkspace | None = None
        self._undo_group = QUndoGroup(self)
        self.votes = VoteLauncher(self, prompter, lambda: self.workspace)
        """Opens dot votes: Workshop > Dot Vote… and the board's, matrix's and register's "Dot vote…"."""

        self._pages = QStackedWidget()
        self._built: dict[str, WorkspaceView] = {}
        self.board = cast(BoardView, self.view("board"))
        self._navigation = QListWidget()
        self._navigation.setAccessibleName(self.tr("Views"))
        self._navigation.setFixedWidth(NAVIGATION_WIDTH)
        self._navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._navigation.setFrameShape(QFrame.Shape.NoFrame)
        self._navigation.setStyleSheet(_NAVIGATION_STYLE)
        for spec in VIEWS:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            self._navigation.addItem(item)
        self._navigation.currentRowChanged.connect(self._on_navigation)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._navigation)
        layout.addWidget(self._pages, 1)
        self.setCentralWidget(central)

        self._saved_label = QLabel()
        self.statusBar().addPermanentWidget(self._saved_label)
        self._alert_count_timer = QTimer(self)
        self._alert_count_timer.setSingleShot(True)
        self._alert_count_timer.setInterval(ALERT_COUNT_DELAY_MS)
        self._alert_count_timer.timeout.connect(self._count_alerts)
        self._build_menus()
        self._show_closed_chrome()  # the welcome screen itself waits for the first show without a workspace
        self.setAcceptDrops(True)
        self.resize(FIRST_SIZE.boundedTo(self.screen().availableGeometry().size() * SCREEN_SHARE))
        geometry = preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = preferences.window_state()
        if state is not None:
            self.restoreState(state)

    # menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add(file_menu, self.tr("&New Workspace…"), self.new_workspace, standard_keys(_Key.New, "Ctrl+N"))
        self._samples_menu = file_menu.addMenu(self.tr("New from &Sample"))
        self._samples_menu.aboutToShow.connect(self._fill_samples_menu)
        self._add(file_menu, self.tr("&Open…"), self.open_workspace_dialog, standard_keys(_Key.Open, "Ctrl+O"))
        self._recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._add(file_menu, self.tr("Connect to &Team Workspace…"), self.connect_to_team_workspace)
        self._workspace_actions: list[QAction] = []
        self._file_actions: list[QAction] = []
        """Actions on the workspace file itself (restore a backup, publish it): off for a team workspace."""
        self._workspace_actions.append(
            self._add(file_menu, self.tr("&Close"), self.close_workspace, standard_keys(_Key.Close, "Ctrl+W"))
        )
        file_menu.addSeparator()
        self.imports = ImportFlow(self, self._prompter, self.runner, lambda: self.workspace)
        self._workspace_actions.append(
            self._add(
                file_menu, self.tr("&Import Workbook…"), self.imports.choose_and_import, QKeySequence("Ctrl+Shift+I")
            )
        )
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.exports = ExportMenu(self, self._prompter, self.runner, self._workspace_location)
        for action in self.exports.actions():
            export_menu.addAction(action)
            self._workspace_actions.append(action)
        self._file_actions.append(self._add(file_menu, self.tr("Restore from &Backup…"), self.restore_backup))
        file_menu.addSeparator()
        self.team = TeamTransfer(self, self._prompter, self.runner, lambda: self.workspace, self.open_workspace)
        self.team.copy_pushed.connect(self._show_saving)
        self._file_actions.append(self._add(file_menu, self.tr("&Publish to Team Workspace…"), self.team.publish))
        self._push_action = self._add(file_menu, self.tr("Pus&h Changes to Team Workspace…"), self.team.push)
        """On for an offline copy not yet pushed (`_show_saving`)."""
        self._file_actions.append(self._push_action)
        self._team_actions = [self._add(file_menu, self.tr("&Download a Copy…"), self.team.download)]
        """Actions only a team workspace has."""
        self._workspace_actions += self._file_actions + self._team_actions
        file_menu.addSeparator()
        self._workspace_actions.append(self._add(file_menu, self.tr("Workspace &Settings…"), self.edit_settings))
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Quit"), self.close, standard_keys(_Key.Quit, "Ctrl+Q"))

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self._undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(standard_keys(_Key.Undo, "Ctrl+Z"))
        redo = self._undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(standard_keys(_Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._workspace_actions.append(
            self._add(edit_menu, self.tr("&Find"), self.find_in_view, standard_keys(_Key.Find, "Ctrl+F"))
        )

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, spec in enumerate(VIEWS, start=1):
            self._workspace_actions.append(
                self._add(
                    view_menu,
                    spec.title,
                    lambda _=False, name=spec.name: self.show_view(name),
                    QKeySequence(f"Ctrl+{number}"),
                )
            )
        view_menu.addSeparator()
        for action in self.board.zoom_actions(self):
            view_menu.addAction(action)
            self._workspace_actions.append(action)

        board_menu = self.menuBar().addMenu(self.tr("&Board"))
        for action in self.board.card_actions(self):
            board_menu.addAction(action)
            self._workspace_actions.append(action)
        board_menu.addSeparator()
        self._workspace_actions.append(self._add(board_menu, self.tr("Edit &Lanes…"), self.board.edit_lanes))

        self.workshop_menu = self.menuBar().addMenu(self.tr("W&orkshop"))
        self._workspace_actions.append(
            self._add(self.workshop_menu, self.tr("Dot &Vote…"), self.votes.choose, QKeySequence("Ctrl+Shift+V"))
        )
        self._add(self.workshop_menu, self.tr("Your &Name for the Item History…"), self.edit_author_name)
        self.workshop_menu.addSeparator()
        self.workshop = WorkshopControls(self, self.workshop_menu, self._navigation, self._pages, self._prompter)
        """Sessions, the decision log's quick entry and the presenter layout (ui/workshop/controls.py)."""
        self.votes.countdown = self.workshop.countdown_text
        self.votes.shared_actions = self.workshop.shared_actions()
        self.workshop_menu.addSeparator()
        self._workspace_actions.append(self._add(self.workshop_menu, self.tr("Expor&t Minutes…"), self.export_minutes))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&Keyboard Shortcuts"), self.show_keyboard_shortcuts, QKeySequence("Ctrl+/"))
        self._add(help_menu, self.tr("&About Align Desktop"), self._about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcut: QKeySequence | list[QKeySequence] | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _fill_samples_menu(self) -> None:
        """The bundled samples, listed when the menu first opens (reading them is left out of start-up)."""
        from align_desktop.store.samples import list_samples

        if self._samples_menu.isEmpty():
            for sample in list_samples():
                action = self._samples_menu.addAction(sample.name)
                action.setToolTip(sample.description)
                action.triggered.connect(lambda _=False, name=sample.name: self.new_from_sample(name))

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        recent = self._preferences.recent_files()
        for location in recent:
            action = self._recent_menu.addAction(str(location))
            action.triggered.connect(lambda _=False, at=location: self.open_workspace(at))
        if not recent:
            self._recent_menu.addAction(self.tr("No recent workspaces")).setEnabled(False)

    # workspaces

    def new_workspace(self) -> None:
        path = self._prompter.save_path(self.tr("New workspace"), documents_folder() / "Roadmap.align")
        if path is not None:
            self._create_and_open(path, None)

    def new_from_sample(self, name: str) -> None:
        path = self._prompter.save_path(self.tr("Save the sample as"), documents_folder() / f"{name}.align")
        if path is not None:
            self._create_and_open(path, name)

    def _create_and_open(self, path: Path, sample: str | None) -> None:
        from align_desktop.store.samples import create_from_sample

        try:
            workspace = create_from_sample(path, sample) if sample else Workspace.create(path)
        except WorkspaceError as error:
            self._prompter.error(self.tr("Cannot create the workspace"), str(error))
            return
        self._install(workspace)

    def open_workspace_dialog(self) -> None:
        path = self._prompter.open_path(self.tr("Open workspace"))
        if path is not None:
            self.open_workspace(path)

    def connect_to_team_workspace(self) -> None:
        """Ask for a team workspace's address and open it (asking for the password if the server wants one)."""
        address = opening.ask_team_address(
            self._prompter,
            self.tr("Connect to team workspace"),
            self.tr(
                "The team workspace's address, postgresql://user@server:port/database\n"
                "(the password is asked for when the server wants one, unless your PGPASSFILE holds it):"
            ),
        )
        if address is not None:
            self.open_workspace(address)

    def open_workspace(self, location: Location) -> bool:
        """Open the workspace at `location` (a file or a team workspace); on refusal, say why and keep what was open."""
        if isinstance(location, Path):
            location = location.resolve()
        if self.workspace is not None and self.workspace.workspace.location == location:
            return True
        if isinstance(location, Path):
            workspace = opening.open_workspace(location, self._prompter)
        else:
            workspace = opening.open_team_workspace(location, self._prompter)
        if workspace is None:
            return False
        self._install(workspace)
        return True

    def _install(self, workspace: Workspace) -> None:
        self.close_workspace()
        workspace.author = self._preferences.author_name() or workspace.author
        self.workspace = OpenWorkspace(workspace, self)
        self.workspace.saved.connect(self._on_saved)
        self.workspace.failed.connect(lambda message: self._prompter.error(self.tr("Not saved"), message))
        self.workspace.changed.connect(self._update_title)
        self.workspace.others_changed.connect(self._show_others_changed)
        self.workspace.changed.connect(self._alert_count_timer.start)
        self.workshop.set_workspace(self.workspace)
        self._undo_group.addStack(self.workspace.undo_stack)
        self._undo_group.setActiveStack(self.workspace.undo_stack)
        self._preferences.add_recent(workspace.location)
        for view in self._built.values():
            view.set_workspace(self.workspace)
        self._navigation.setVisible(True)
        for action in self._workspace_actions:
            action.setEnabled(True)
        on_a_file = isinstance(workspace.location, Path)
        for action in self._file_actions:
            action.setEnabled(on_a_file)
        for action in self._team_actions:
            action.setEnabled(not on_a_file)
        self._show_saving()
        self.show_view("board")
        self._update_title()
        # the board is shown without SQLAlchemy; load the write path while the room looks at it
        QTimer.singleShot(WARM_UP_DELAY_MS, workspace.prepare_writes)
        self._alert_count_timer.start()

    def close_workspace(self) -> None:
        if self.workspace is None:
            return
        for view in self._built.values():
            view.set_workspace(None)
        self.workshop.set_workspace(None)
        self._undo_group.removeStack(self.workspace.undo_stack)
        self._alert_count_timer.stop()
        self._show_alert_count(None)
        self.workspace.close()
        self.workspace.deleteLater()
        self.workspace = None
        self._show_closed_state()

    @cached_property
    def welcome(self) -> WelcomeView:
        """The welcome screen, built when first shown: a workspace opened on the command line skips it."""
        from align_desktop.ui.welcome.view import WelcomeView

        welcome = WelcomeView()
        welcome.new_requested.connect(self.new_workspace)
        welcome.open_requested.connect(self.open_workspace_dialog)
        welcome.connect_requested.connect(self.connect_to_team_workspace)
        welcome.sample_requested.connect(self.new_from_sample)
        welcome.recent_requested.connect(self.open_workspace)
        self._pages.addWidget(welcome)
        return welcome

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self.workspace is None:
            self._show_closed_state()
        super().showEvent(event)

    def _show_closed_state(self) -> None:
        from align_desktop.store.samples import list_samples

        self.welcome.show_choices(list_samples(), self._preferences.recent_files())
        self._pages.setCurrentWidget(self.welcome)
        self._show_closed_chrome()

    def _show_closed_chrome(self) -> None:
        """Navigation hidden, workspace actions off, the app's name as the title."""
        self._navigation.setVisible(False)
        for action in self._workspace_actions:
            action.setEnabled(False)
        self._saved_label.clear()
        self.setWindowTitle(self.tr("Align Desktop"))
        self.setWindowFilePath("")

    def _workspace_location(self) -> Location | None:
        return None if self.workspace is None else self.workspace.workspace.location

    def _update_title(self) -> None:
        if self.workspace is not None:
            name = self.workspace.settings.get().name
            location = self.workspace.workspace.location
            if isinstance(location, Path):
                read_only = self.tr(" (read-only)") if self.workspace.workspace.read_only else ""
                self.setWindowTitle(self.tr("{0}{1} — Align Desktop").format(name, read_only))
                self.setWindowFilePath(str(location))
            else:
                read_only = self.tr(", read-only") if self.workspace.workspace.read_only else ""
                self.setWindowTitle(
                    self.tr("{0} (team workspace on {1}{2}) — Align Desktop").format(name, location.host, read_only)
                )
                self.setWindowFilePath("")

    def _show_saving(self) -> None:
        """Say in the status bar how changes are kept: in the file, in an offline copy of a team workspace (to push
        back, or pushed), on the server, or not at all (read-only); Push Changes is on for a copy not yet pushed."""
        if self.workspace is None:
            return
        workspace = self.workspace.workspace
        on_a_file = isinstance(workspace.location, Path)
        origin = origin_of(workspace) if on_a_file else None
        self._push_action.setEnabled(origin is not None and origin.pushed_at is None)
        if workspace.read_only and on_a_file:
            saving = self.tr("Read-only: another Align Desktop is editing it; nothing here can be changed")
        elif workspace.read_only:
            saving = self.tr("Read-only: your role on the server may read this team workspace, not change it")
        elif origin is not None and origin.pushed_at is None:
            saving = self.tr(
                "Offline copy of {0} on {1}, downloaded {2}: changes are saved here until you push them back "
                "(File > Push Changes to Team Workspace…)"
            ).format(origin.address.database, origin.address.host, _local(origin.downloaded_at))
        elif origin is not None and origin.pushed_at is not None:
            saving = self.tr(
                "Offline copy of {0} on {1}, pushed back {2}: changes made here now stay in this file"
            ).format(origin.address.database, origin.address.host, _local(origin.pushed_at))
        elif on_a_file:
            saving = self.tr("All changes are saved as you go")
        else:
            saving = self.tr("Team workspace: your changes are saved as you go, and others' show as they make them")
        self._saved_label.setText(saving)

    def _show_others_changed(self) -> None:
        time = QDateTime.currentDateTime().toString("HH:mm:ss")
        self.statusBar().showMessage(self.tr("Updated at {0} with changes others made").format(time), 10000)

    def _on_saved(self) -> None:
        time = QDateTime.currentDateTime().toString("HH:mm:ss")
        self._saved_label.setText(self.tr("Saved at {0}").format(time))

    # views

    def view(self, name: str) -> WorkspaceView:
        """The view called `name`, built (and given the open workspace) on first use."""
        if name not in self._built:
            spec = next(spec for spec in VIEWS if spec.name == name)
            view = spec.build(self._prompter)
            view.setWindowTitle(spec.title)  # names the view's group in Help > Keyboard Shortcuts
            view.view_requested.connect(self.show_view)
            vote_requested = getattr(view, "vote_requested", None)  # board, matrix, risks: "Dot vote…"
            if vote_requested is not None:
                vote_requested.connect(self.votes.start)
            if name == "workshop":
                self.workshop.attach_view(cast("WorkshopView", view))
            self._built[name] = view
            self._pages.addWidget(view)
            view.set_workspace(self.workspace)
            if name == "dashboard":
                dashboard = cast("DashboardView", view)
                dashboard.open_view.connect(self.open_target)
                dashboard.alerts_counted.connect(self._show_alert_count)
        return self._built[name]

    def show_view(self, name: str) -> None:
        # the navigation first: when the page that had the focus hides, the focus may land on the
        # navigation, which must not then pick a row of its own and show a second page meanwhile
        with QSignalBlocker(self._navigation):
            self._navigation.setCurrentRow([spec.name for spec in VIEWS].index(name))
        self._pages.setCurrentWidget(self.view(name))

    def open_target(self, name: str, target: object) -> None:
        """Show view `name` filtered to or focused on `target` (a dashboard click-through)."""
        self.show_view(name)
        apply_target = getattr(self.view(name), "apply_target", None)
        if apply_target is not None:
            apply_target(target)

    def _count_alerts(self) -> None:
        from align_desktop.store.dashboard import DashboardService

        if self.workspace is not None:
            self._show_alert_count(DashboardService(self.workspace.workspace).alert_count(date.today()))

    def _show_alert_count(self, count: int | None) -> None:
        """The dashboard's entry in the navigation says how many alerts there are."""
        row = [spec.name for spec in VIEWS].index("dashboard")
        title = VIEWS[row].title
        text = self.tr("{0} ({1})").format(title, count) if count else title
        self._navigation.item(row).setText(text)
        bold = QFont(self._navigation.font())
        bold.setBold(True)  # as the selected entry is drawn
        needed = QFontMetrics(bold).horizontalAdvance(text) + NAVIGATION_PADDING
        self._navigation.setFixedWidth(max(NAVIGATION_WIDTH, needed))

    def current_view(self) -> QWidget | None:
        return self._pages.currentWidget()

    def _on_navigation(self, row: int) -> None:
        if self.workspace is not None and 0 <= row < len(VIEWS):
            self._pages.setCurrentWidget(self.view(VIEWS[row].name))

    def restore_backup(self) -> None:
        """Pick a backup and replace the workspace by it (after backing up its current state)."""
        from align_desktop.store.backup import list_backups, restore
        from align_desktop.ui.restore_dialog import RestoreDialog

        assert self.workspace is not None
        path = self.workspace.workspace.path
        dialog = RestoreDialog(list_backups(path), self)
        if not dialog.exec() or (chosen := dialog.chosen()) is None:
            return
        question = self.tr(
            "Replace the workspace with the backup taken {0:%Y-%m-%d %H:%M} ({1})? "
            "Its current state is backed up first."
        ).format(chosen.taken, chosen.reason)
        if not self._prompter.confirm(self.tr("Restore from backup"), question, self.tr("Restore")):
            return
        self.close_workspace()
        try:
            before = restore(path, chosen.path)
        except WorkspaceError as error:
            self._prompter.error(self.tr("Not restored"), str(error))
            self.open_workspace(path)
            return
        if self.open_workspace(path):
            self.statusBar().showMessage(
                self.tr("Restored the backup of {0:%Y-%m-%d %H:%M}; the workspace before it is in {1}.").format(
                    chosen.taken, before
                ),
                15000,
            )

    def edit_settings(self) -> None:
        from align_desktop.ui.settings_dialog import SettingsDialog

        assert self.workspace is not None
        workspace = self.workspace

        def submit(changes: dict[str, Any]) -> None:
            horizon = changes.get("horizon")
            if isinstance(horizon, int):
                cut = workspace.settings.horizon_cut(horizon)
                question = self.tr(
                    "Shortening the horizon to {0} years clears {1} cost amount(s) totalling {2} and {3} adoption "
                    "value(s) entered for later years. You can undo this with Ctrl+Z."
                ).format(horizon, cut.amounts, money(cut.total, workspace.settings.get().currency), cut.adoption_values)
                if cut.drops_anything and not self._prompter.confirm(
                    self.tr("Shorten the horizon"), question, self.tr("Shorten")
                ):
                    raise ValidationError(self.tr("Horizon"), self.tr("not shortened; nothing was changed"))
            workspace.perform(self.tr("Edit workspace settings"), lambda: workspace.settings.update(changes))

        SettingsDialog(workspace.settings.get(), submit, self).exec()

    def export_minutes(self) -> None:
        """Workshop > Export Minutes…: a session's minutes as a PDF or a workbook (loaded on first use)."""
        from align_desktop.ui.exchange.minutes_export import export_minutes

        export_minutes(self.exports, self._prompter, self.workspace)

    def edit_author_name(self) -> None:
        """Workshop > Your Name…: the name the item history records; applied to the open workspace at once."""
        from align_desktop.store.lock import current_user
        from align_desktop.ui.author_dialog import AuthorDialog

        def submit(name: str) -> None:
            self._preferences.set_author_name(name)
            if self.workspace is not None:
                self.workspace.workspace.author = name or current_user()

        AuthorDialog(self._preferences.author_name(), current_user(), submit, self).exec()

    def find_in_view(self) -> None:
        view = self._pages.currentWidget()
        if isinstance(view, WorkspaceView):
            view.focus_find()

    def shortcuts_dialog(self) -> ShortcutsDialog:
        """Help > Keyboard Shortcuts, listing the actions of every view (each built for it, as on first use)."""
        from align_desktop.ui.shortcuts_dialog import ShortcutsDialog

        for spec in VIEWS:
            self.view(spec.name)
        return ShortcutsDialog(collect_shortcuts(self), self)

    def show_keyboard_shortcuts(self) -> None:
        dialog = self.shortcuts_dialog()
        dialog.exec()
        dialog.deleteLater()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Align Desktop"),
            self.tr(
                "<b>Align Desktop {0}</b><p>Plan the product roadmap and the ML platform it needs, "
                "offline, in one workspace file.</p>"
            ).format(__version__),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """A dropped `.align` file opens; a dropped `.xlsx` workbook is imported into the open workspace."""
        path = _dropped_file(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        if path.suffix.lower() == WORKSPACE_SUFFIX:
            self.open_workspace(path)
        elif self.workspace is None:
            self._prompter.error(
                self.tr("Nothing to import into"), self.tr("Open a workspace, then drop the workbook.")
            )
        else:
            self.imports.import_workbook(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.runner.wait()
        self._preferences.save_window(self.saveGeometry(), self.saveState())
        self.close_workspace()
        super().closeEvent(event)


def _dropped_file(mime: QMimeData) -> Path | None:
    """The one workspace or workbook file being dragged, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in (WORKSPACE_SUFFIX, ".xlsx") else None


def _local(moment: datetime) -> str:
    """A UTC time (as the store keeps it) in this computer's time zone, to the minute."""
    return f"{moment.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}"
