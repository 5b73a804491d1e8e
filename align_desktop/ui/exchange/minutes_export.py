"""Workshop > Export Minutes…: the minutes of the running or a chosen session, as a PDF or a workbook.

The running session is offered first, then the others, newest first; with only one session
there is nothing to ask. The file's suffix decides what is written (.pdf or .xlsx). The file is
written in the background like File > Export (`ExportMenu.write`), so the window stays responsive.
This module is loaded the first time minutes are exported, not at start-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from align_desktop.store.errors import WorkspaceError
from align_desktop.store.locations import Location, short_name
from align_desktop.store.minutes import minutes_format, session_line
from align_desktop.store.workshop_rows import SessionRow
from align_desktop.ui.exchange.export_menu import ExportMenu
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import PDF_FILTER, WORKBOOK_FILTER, Prompter, documents_folder
from align_desktop.ui.tasks import Progress

MINUTES_FILTER = f"{PDF_FILTER.split(';;')[0]};;{WORKBOOK_FILTER}"
"""PDF documents first, then Excel workbooks, then all files."""


def tr(text: str) -> str:
    return QCoreApplication.translate("MinutesExport", text)


def export_minutes(exports: ExportMenu, prompter: Prompter, workspace: OpenWorkspace | None) -> None:
    """Ask which session (unless there is one only) and where, then write its minutes in the background."""
    if workspace is None:
        return
    session = choose_session(prompter, workspace.sessions.sessions())
    if session is None:
        return
    source = workspace.workspace.location
    suggested = documents_folder() / f"{short_name(source)} minutes {session.key}.pdf"
    out = prompter.save_path(tr("Export the minutes of {0}").format(session.key), suggested, MINUTES_FILTER)
    if out is None:
        return
    try:
        kind = minutes_format(out)
    except WorkspaceError as error:
        prompter.error(tr("Export failed"), str(error))
        return
    exports.write(out, lambda progress: write_minutes(kind, source, session.key, out, progress))


def choose_session(prompter: Prompter, sessions: list[SessionRow]) -> SessionRow | None:
    """The session whose minutes to write: the only one, or the one picked (the running one listed first)."""
    if not sessions:
        prompter.error(
            tr("No minutes to export"),
            tr("Minutes are written of a workshop session: plan one first with Workshop > New Session…"),
        )
        return None
    ordered = sorted(sessions, key=lambda session: not session.running)
    if len(ordered) == 1:
        return ordered[0]
    index = prompter.choose(
        tr("Export minutes"), tr("The minutes of which session?"), [session_line(session) for session in ordered]
    )
    return None if index is None else ordered[index]


def write_minutes(kind: str, source: Location, session: str, out: Path, progress: Progress) -> None:
    """Write the minutes of `session` to `out`: a PDF or (`kind` xlsx) a workbook."""
    if kind == "xlsx":
        from align_desktop.exchange.minutes_workbook import export_minutes_workbook

        export_minutes_workbook(source, session, out, progress)
    else:
        from align_desktop.reports.minutes_pdf import export_minutes_pdf

        export_minutes_pdf(source, session, out, progress)
