"""The executive PDF report (`align-desktop export report PATH OUT.pdf`, File > Export report).

A4 landscape pages, one matplotlib figure each, written with `PdfPages`: a cover (workspace,
date, one-line summary, contents), headline figures with value by outcome and the portfolio's
cumulative cash flow, the roadmap by lane, top capabilities by value unlocked with their gaps,
the residual risk heat map with the top risks, the business-case table and the alerts. Every
page has the workspace name, the date and "Page n of N" in its footer. Charts come from
`report_charts` (shared with the dashboard) and read in black and white; long lists are capped
(`report_pages`). The file is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.reports import report_pages
from align_desktop.reports.formatting import money
from align_desktop.reports.pdf_pages import Cancelled, DrawPage, Progress, tell, write_pdf
from align_desktop.reports.report_data import ReportData, read_report
from align_desktop.reports.report_layout import (
    CONTENT_WIDTH,
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    Column,
    cell_lines,
    page,
    text,
    wrap,
)
from align_desktop.reports.report_pages import Page

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from align_desktop.store.locations import Location

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SECTIONS = (
    report_pages.headline,
    report_pages.roadmap,
    report_pages.capabilities,
    report_pages.risks,
    report_pages.business_cases,
    report_pages.alerts,
)


def export_report(
    workspace_path: Location, out: Path, progress: Progress | None = None, today: date | None = None
) -> None:
    """Write the executive PDF report of the workspace at `workspace_path` to `out` (.pdf).

    The workspace is read read-only. `today` dates the report and decides which reviews are
    overdue (default: the system date). `progress(done, total)` returning False cancels: no file
    is left behind and an existing `out` is untouched. Raises `WorkspaceError` for a wrong
    target, an unreadable or too old workspace, or a file that cannot be written.
    """
    out = Path(out)
    check_target(workspace_path, out)
    try:
        tell(progress, 0, 1)
        data = read_report(workspace_path, today or date.today())
        plan = plan_pages(data)
        _write(data, plan, out, progress)
    except Cancelled:
        return


def plan_pages(data: ReportData) -> list[Page]:
    """Every page of the report in order, the cover first."""
    sections = [p for section in SECTIONS for p in section(data)]
    contents = [(p.section, number) for number, p in enumerate(sections, start=2) if p.section]
    return [Page("", "", lambda figure: cover(figure, data, contents)), *sections]


def summary_line(data: ReportData) -> str:
    """The portfolio in one sentence, as the cover says it."""
    rows = data.rows
    base = data.totals["base"]
    return (
        f"{len(data.initiatives):,} initiatives in {len(rows.lanes)} lanes, "
        f"{len(data.figures):,} with a business case: "
        f"portfolio NPV {money(base.npv, data.currency)} in the base scenario "
        f"({money(base.risk_adjusted_npv, data.currency)} risk-adjusted); "
        f"{len(data.risks_above_appetite()):,} risks above appetite; {len(rows.alerts):,} alerts."
    )


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def cover(figure: Figure, data: ReportData, contents: list[tuple[str, int]]) -> None:
    left, width = MARGIN + 0.3, CONTENT_WIDTH - 0.6
    text(figure, left, 1.6, "Executive report", size=14, color=MUTED)
    name = cell_lines(Column("", width, wrap=True, max_lines=2), data.name, size=26, bold=True)
    for line, content in enumerate(name):
        text(figure, left, 2.3 + line * 0.5, content, size=26, fontweight="bold", color=INK)
    top = 2.3 + len(name) * 0.5
    text(figure, left, top + 0.1, long_date(data.today), size=14, color=INK)
    summary = wrap(summary_line(data), width, 11)
    for line, content in enumerate(summary):
        text(figure, left, top + 0.75 + line * 0.24, content, size=11, color=INK)
    top += 0.75 + len(summary) * 0.24 + 0.55
    text(figure, left, top, "Contents", size=12, fontweight="bold", color=INK)
    for line, (title, number) in enumerate(contents):
        text(figure, left, top + 0.35 + line * 0.3, title, size=11, color=INK)
        text(figure, left + 4.0, top + 0.35 + line * 0.3, f"page {number}", size=11, color=MUTED, ha="right")
    text(
        figure,
        left,
        PAGE_HEIGHT - 0.85,
        "Figures as computed by Align Desktop from the workspace on the date above: "
        "the same as the app's views and its roi command.",
        size=8.5,
        color=MUTED,
    )


def check_target(workspace_path: Location, out: Path) -> None:
    """Refuse, before any work, an output that is not a .pdf or would overwrite the workspace."""
    from align_desktop.store.errors import WorkspaceError

    if out.suffix.lower() != ".pdf":
        raise WorkspaceError(f"{out} must end in .pdf: the report is a PDF file.")
    if isinstance(workspace_path, Path) and out.exists() and out.resolve() == workspace_path.resolve():
        raise WorkspaceError(f"{out} is the workspace itself; choose another file for the report.")
    if not out.parent.is_dir():
        raise WorkspaceError(f"The folder {out.parent} does not exist.")


def _write(data: ReportData, plan: list[Page], out: Path, progress: Progress | None) -> None:
    when = long_date(data.today)

    def drawn(planned: Page) -> DrawPage:
        def draw(number: int, total: int) -> Figure:
            figure = page(data.name, when, number, total, planned.title, planned.subtitle, charts=planned.charts)
            planned.draw(figure)
            return figure

        return draw

    write_pdf(out, f"{data.name}: executive report, {when}", [drawn(planned) for planned in plan], progress)
