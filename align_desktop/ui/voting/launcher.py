"""Opens the vote panel: from Workshop > Dot Vote… (a vote of the running session, or a new one) and from
the "Dot vote…" buttons of the board, the matrix and the risk register (a new vote on their items).

A vote belongs to the running workshop session; with none running, the launcher says where to
start one and opens nothing. The panel and its dialog load when first used, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter

if TYPE_CHECKING:
    from align_desktop.store.changes import Revert
    from align_desktop.store.workshop_rows import SessionRow
    from align_desktop.ui.voting.panel import VotePanel


class VoteLauncher(QObject):
    """Finds the running session, picks or creates the vote, and shows its panel (one at a time)."""

    def __init__(self, window: QWidget, prompter: Prompter, workspace: Callable[[], OpenWorkspace | None]) -> None:
        super().__init__(window)
        self._window = window
        self._prompter = prompter
        self._workspace = workspace
        self.panel: VotePanel | None = None
        self.countdown: Callable[[], str | None] = lambda: None
        """The running agenda item's countdown in one line, shown in the panel (set by the window)."""
        self.shared_actions: list[QAction] = []
        """The window's actions that keep working while the panel has the keyboard (set by the window)."""

    def _running(self, workspace: OpenWorkspace) -> SessionRow | None:
        running = workspace.sessions.running()
        if running is None:
            self._prompter.inform(
                self.tr("No session is running"),
                self.tr(
                    "A dot vote belongs to a workshop session. Start the session in the Workshop view "
                    "(with its participants), then start the vote."
                ),
            )
        return running

    def choose(self) -> None:
        """Workshop > Dot Vote…: open one of the running session's votes, or start a new one."""
        workspace = self._workspace()
        if workspace is None or (session := self._running(workspace)) is None:
            return
        votes = workspace.votes.votes(session.key)
        if not votes:
            self._new_vote(workspace, session, "initiative")
            return
        choices = [vote.title for vote in votes] + [self.tr("New Vote…")]
        choice = self._prompter.choose(
            self.tr("Dot vote"),
            self.tr("Open a vote of {0}, or start a new one.").format(session.title),
            choices,
        )
        if choice is None:
            return
        if choice < len(votes):
            self.open_panel(workspace, votes[choice].id)
        else:
            self._new_vote(workspace, session, "initiative")

    def start(self, subject: str) -> None:
        """A view's "Dot vote…" button: a new vote on its items (initiative, capability or risk)."""
        workspace = self._workspace()
        if workspace is not None and (session := self._running(workspace)) is not None:
            self._new_vote(workspace, session, subject)

    def _new_vote(self, workspace: OpenWorkspace, session: SessionRow, subject: str) -> None:
        created: list[int] = []

        def submit(title: str, chosen: str, dots: int) -> None:
            def create() -> Revert:
                vote_id, revert = workspace.votes.create(session.key, title, chosen, dots)
                created.append(vote_id)
                return revert

            workspace.perform(self.tr("New dot vote"), create)

        from align_desktop.ui.voting.new_vote import NewVoteDialog

        dialog = NewVoteDialog(session.title, subject, submit, self._window)
        if dialog.exec() and created:
            self.open_panel(workspace, created[0])

    def open_panel(self, workspace: OpenWorkspace, vote_id: int) -> VotePanel:
        """Show the vote's panel, in place of the one open before."""
        from align_desktop.ui.voting.panel import VotePanel

        if self.panel is not None:
            self.panel.close()
        panel = VotePanel(workspace, vote_id, self._prompter, self._window)
        panel.follow_countdown(self.countdown)
        panel.addActions(self.shared_actions)
        panel.finished.connect(lambda _result: self._panel_closed(panel))
        self.panel = panel
        panel.show()
        panel.raise_()
        return panel

    def _panel_closed(self, panel: VotePanel) -> None:
        if self.panel is panel:
            self.panel = None
