"""Dashboard benchmark: first paint on the realistic sample and on `stress` (2,000 initiatives, 300 capabilities,
12,000 needs, 1,000 risks, 2,700 alerts), beside a bare window with five empty matplotlib canvases.

All in one process, after the workspace is open and after matplotlib has been imported (the import, a one-off
of the first dashboard shown in a session, is printed on its own line):
1. Figures painted: a new Dashboard view given the workspace, shown and grabbed: the store's read (not the kept
   one: it is forgotten before each run), the figures, the tiles and the alerts list; the charts are still
   waiting for their turn (the view draws them a moment after this paint).
2. First paint with charts: the same, then the five charts drawn and the window grabbed again: the figure the
   budget is about (under 500 ms on stress).
   Wall-clock time, with the process's CPU time beside it (less disturbed when other work shares the machine).
3. The bare window: a widget of the same size with five empty matplotlib Qt canvases in the same grid, shown,
   each canvas drawn, grabbed.
The first run of each pays matplotlib's first-use costs (fonts, text layout caches) and is printed apart;
medians are of the runs after it. The read (which is also what the navigation's alert count costs), the
figures and the building of the charts are printed as parts; the charts' rendering happens in the grab.
In the app the alert count has usually read the workspace already; runs with that read kept are printed too.
Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/dashboard.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1450, 930)
"""The dashboard's size in a 1600 × 1000 window (navigation, menu and status bar around it)."""


def import_matplotlib() -> float:
    start = time.perf_counter()
    from matplotlib.backends import backend_qtagg  # noqa: F401 - imported for its cost
    from matplotlib.figure import Figure  # noqa: F401

    from align_desktop.reports import report_charts  # noqa: F401

    return time.perf_counter() - start


def dashboard_run(path: Path, *, kept: bool = False) -> dict[str, float]:
    """One first paint of a new Dashboard view: seconds to figures painted, to charts drawn, and parts.

    `kept`: the navigation's alert count has read the workspace already (as it does after every change),
    so the view finds that read kept."""
    from PySide6.QtWidgets import QApplication

    from align_desktop.store.dashboard import DashboardService
    from align_desktop.store.workspace import Workspace
    from align_desktop.ui.dashboard.figures import work_out
    from align_desktop.ui.dashboard.view import DashboardView
    from align_desktop.ui.open_workspace import OpenWorkspace
    from align_desktop.ui.prompts import Prompter

    workspace = Workspace.open(path)
    opened = OpenWorkspace(workspace)
    service = DashboardService(workspace)
    try:
        service.forget()
        if kept:
            service.read(date.today())
        start, cpu_start = time.perf_counter(), time.process_time()
        view = DashboardView(Prompter())
        view.resize(*SIZE)
        view.set_workspace(opened)
        view.show()  # reads and fills the view; the charts wait for their timer, which this run does not let fire
        view.grab()
        painted = time.perf_counter()
        charts_start = time.perf_counter()
        view.charts.flush()
        charts_end = time.perf_counter()
        view.grab()
        done, cpu_done = time.perf_counter(), time.process_time()
        assert view.charts.draw_count == 5 and not view.charts.pending()
        service.forget()
        read_start = time.perf_counter()
        count = service.alert_count(date.today())
        read_end = time.perf_counter()
        rows = service.read(date.today())
        work_out(rows)
        figures_end = time.perf_counter()
        view.close()
        view.deleteLater()
        QApplication.processEvents()
        return {
            "painted": painted - start,
            "complete": done - start,
            "cpu": cpu_done - cpu_start,
            "read": read_end - read_start,
            "figures": figures_end - read_end,
            "charts": charts_end - charts_start,
            "render": done - charts_end,
            "alerts": float(count),
        }
    finally:
        opened.close()


def bare_run() -> float:
    """Seconds to show a same-size window with five empty matplotlib canvases, draw them and grab it."""
    from matplotlib.backends import backend_qtagg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

    start = time.perf_counter()
    window = QWidget()
    grid = QGridLayout(window)
    make_canvas: Any = backend_qtagg.FigureCanvasQTAgg  # untyped in matplotlib
    canvases: list[Any] = []
    for n in range(5):
        canvas = make_canvas(Figure(layout="constrained", facecolor="white"))
        grid.addWidget(canvas, n // 3, n % 3)
        canvases.append(canvas)
    window.resize(*SIZE)
    window.show()
    QApplication.processEvents()
    for canvas in canvases:
        canvas.draw()
    window.grab()
    elapsed = time.perf_counter() - start
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return elapsed


def runs(measure: Callable[[], Any], count: int) -> tuple[Any, list[Any]]:
    """The first run and the `count` runs after it."""
    first = measure()
    return first, [measure() for _ in range(count)]


def report(
    name: str, first: dict[str, float], rest: list[dict[str, float]], kept: list[dict[str, float]], bare: float
) -> None:
    def median(key: str, runs: list[dict[str, float]] = rest) -> float:
        return statistics.median(run[key] for run in runs) * 1000

    print(f"  {name}: {int(first['alerts']):,} alerts")
    print(f"    figures painted (charts still to come): {median('painted'):7.1f} ms")
    print(
        f"    first paint with the five charts:       {median('complete'):7.1f} ms"
        f"   ratio {median('complete') / bare:.2f}x the bare window, CPU time {median('cpu'):.0f} ms"
        + ("   (budget 500 ms)" if name == "stress" else "")
    )
    print(f"      of which the store's read:            {median('read'):7.1f} ms   (= the navigation's alert count)")
    print(f"      of which the figures (domain):        {median('figures'):7.1f} ms")
    print(f"      of which building the five charts:    {median('charts'):7.1f} ms")
    print(f"      of which rendering them (the paint):  {median('render'):7.1f} ms")
    print(f"    first run in the process (cold caches): {first['complete'] * 1000:7.1f} ms")
    print(
        f"    with the read kept from the alert count: {median('painted', kept):6.1f} ms painted,"
        f" {median('complete', kept):.1f} ms with the charts"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from align_desktop.store.samples import create_from_sample
    from align_desktop.ui.app import create_application

    create_application()
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name in ("retail", "stress"):
            paths[name] = Path(folder) / f"{name}.align"
            create_from_sample(paths[name], name).close()
        imported = import_matplotlib()
        bare_first, bare_rest = runs(bare_run, args.runs)
        bare = statistics.median(bare_rest) * 1000
        measured = {name: runs(partial(dashboard_run, path), args.runs) for name, path in paths.items()}
        kept = {name: [dashboard_run(path, kept=True) for _ in range(args.runs)] for name, path in paths.items()}

    print(f"dashboard benchmark, window {SIZE[0]}×{SIZE[1]}, medians of {args.runs} runs after a first one")
    print(f"  one-off: import matplotlib, its Qt canvas and the chart module: {imported * 1000:7.1f} ms")
    print(f"  bare window, five empty matplotlib canvases drawn:       {bare:7.1f} ms", end="")
    print(f"   (first run {bare_first * 1000:.1f} ms)")
    for name, (first, rest) in measured.items():
        report(name, first, rest, kept[name], bare)


if __name__ == "__main__":
    main()
