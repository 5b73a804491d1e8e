"""The minutes of a workshop session as a PDF (`align-desktop export minutes PATH SESSION OUT.pdf`).

A4 landscape pages in the style of the executive report (`report_layout`): the session's title
and date at the top of every page, the workspace, the date and "Page n of N" in the footer. The
sections (`minutes_sections`) flow one after another: the session and its attendees, the agenda
with each item's time box against the time it took, votes and their results, decisions, actions,
the parking lot and what changed. Plain text on grey bands, readable in black and white.
matplotlib is imported only when the file is written; the file is written whole under a
temporary name and renamed when complete.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.domain.minutes import counted
from align_desktop.reports import minutes_changes, minutes_sections
from align_desktop.reports.minutes_flow import Draw, Flow
from align_desktop.reports.pdf_pages import Cancelled, DrawPage, Progress, tell, write_pdf
from align_desktop.reports.pdf_report import check_target, long_date
from align_desktop.reports.report_layout import CONTENT_WIDTH, fit, page
from align_desktop.store.minutes_rows import Minutes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from align_desktop.store.locations import Location

TITLE_SIZE = 18


def export_minutes_pdf(workspace_path: Location, session: str, out: Path, progress: Progress | None = None) -> None:
    """Write the minutes of session `session` (its key or exact title) to `out` (.pdf).

    The workspace is read read-only. `progress(done, total)` returning False cancels: no file is
    left behind and an existing `out` is untouched. Raises `WorkspaceError` for a wrong target, an
    unknown session (naming those there are), an unreadable workspace or a file that cannot be written.
    """
    from align_desktop.store.minutes import read_minutes

    out = Path(out)
    check_target(workspace_path, out)
    try:
        tell(progress, 0, 1)
        minutes = read_minutes(workspace_path, session)
        _write(minutes, plan(minutes), out, progress)
    except Cancelled:
        return


def plan(minutes: Minutes) -> list[list[Draw]]:
    """Every page's drawing steps, the sections flowing one after another."""
    flow = Flow()
    minutes_sections.session(flow, minutes, long_date(minutes.session.held_on))
    minutes_sections.agenda(flow, minutes)
    minutes_sections.votes(flow, minutes)
    minutes_sections.decisions(flow, minutes)
    minutes_sections.actions(flow, minutes)
    minutes_sections.parking_lot(flow, minutes)
    minutes_changes.what_changed(flow, minutes)
    return flow.pages


def title(minutes: Minutes) -> str:
    return f"Minutes: {minutes.session.title}"


def _write(minutes: Minutes, pages: list[list[Draw]], out: Path, progress: Progress | None) -> None:
    session = minutes.session
    when = long_date(session.held_on)
    heading = fit(title(minutes), CONTENT_WIDTH, TITLE_SIZE, bold=True)
    subtitle = f"{session.key} · {when} · {counted(len(session.participants), 'attendee')}"

    def drawn(steps: list[Draw]) -> DrawPage:
        def draw(number: int, total: int) -> Figure:
            figure = page(minutes.workspace_name, when, number, total, heading, subtitle)
            for step in steps:
                step(figure)
            return figure

        return draw

    write_pdf(out, f"{title(minutes)}, {when}", [drawn(steps) for steps in pages], progress)
