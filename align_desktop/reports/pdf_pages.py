"""Writing a PDF of pages drawn one by one: the executive report and a session's minutes share it.

Each page is drawn into memory in turn and `progress(done, total)` is told once per page;
returning False cancels (`Cancelled`) before anything is written. The file is then written whole
under a temporary name and renamed (`write_atomically`). Fonts are embedded as TrueType (Type 42):
a reader then finds every character as written (with matplotlib's default Type 3 fonts, text
extraction loses some, the em dash among them). Characters DejaVu Sans lacks are drawn in a font of the machine
that has them (`fonts`). matplotlib is imported only here, when writing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Progress = Callable[[int, int], bool]
"""Told (done, total) once per page; returning False cancels and writes nothing."""
DrawPage = Callable[[int, int], "Figure"]
"""Draws page `number` of `total` and returns its figure."""


class Cancelled(Exception):
    """The user cancelled through `progress`: nothing was written."""


def tell(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the work is; raise `Cancelled` when it answers False."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled


def write_pdf(out: Path, title: str, pages: Sequence[DrawPage], progress: Progress | None) -> None:
    """Draw `pages` in order and write them to `out` as one PDF titled `title`, whole or not at all."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_pdf import PdfPages

    from align_desktop.reports.fonts import families
    from align_desktop.store.files import write_atomically

    total = len(pages)
    buffer = io.BytesIO()
    with (
        rc_context({"pdf.fonttype": 42, "font.family": list(families())}),
        PdfPages(buffer, metadata={"Title": title, "Creator": "Align Desktop"}) as pdf,
    ):
        for number, draw in enumerate(pages, start=1):
            tell(progress, number - 1, total)
            pdf.savefig(draw(number, total))
    tell(progress, total, total)
    write_atomically(out, buffer.getvalue())
