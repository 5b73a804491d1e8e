"""Capability matrix benchmark on the `stress` sample (2,000 initiatives × 300 capabilities, ~12,000 needs).

Prints figures beside a bare `QTableView` over a trivial model of the same size, in the same process:
1. First paint: the view given the workspace, shown and grabbed (reads the workspace, builds the
   grid, paints matrix, headers and ranking), beside the bare table shown and grabbed; medians of N.
   Budget: under 300 ms. The chart is drawn a moment later, off this path: its first draw (which
   imports matplotlib) is printed on its own.
2. Scrolling: 50 steps of a page down and a few columns right, each repainted; median per step.
3. A cell edit: from a digit typed on a cell until the event loop has painted what it changed (the
   cell, its two header sections, the re-ranked ranking), the store write and the undo step
   included; median of N. Budget: under 50 ms. Undo (a full reload of the matrix) is printed
   beside it. The chart follows 200 ms after the last edit (debounced), outside this figure.

If the sample has no capabilities yet, 300 capabilities and 12,000 needs are generated first.
Run: `.venv/bin/python benchmarks/matrix.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1450, 930)
STEPS = 50
CAPABILITIES = 300
NEEDS = 12_000


def prepare(path: Path) -> None:
    """The stress sample, with capabilities and needs generated if it has none."""
    from sqlalchemy import insert, select

    from align_desktop.store.capabilities import CapabilityService
    from align_desktop.store.models import Capability, CapabilityNeed, Initiative
    from align_desktop.store.samples import create_from_sample

    workspace = create_from_sample(path, "stress")
    try:
        if CapabilityService(workspace).catalogue():
            return
        rng = random.Random(4)
        with workspace.write() as session:
            session.execute(
                insert(Capability),
                [
                    {
                        "key": f"C-{n:03d}",
                        "name": f"Capability {n}",
                        "category": "other",
                        "description": "",
                        "owner": "",
                        "sla_target": "",
                        "performance_metric": "",
                        "annual_run_cost": 10_000.0,
                        "cost_owner": "",
                        "current_maturity": rng.randint(1, 4),
                        "target_maturity": 5,
                        "status": "operational",
                    }
                    for n in range(1, CAPABILITIES + 1)
                ],
            )
            initiatives = list(session.scalars(select(Initiative.id)))
            capabilities = list(session.scalars(select(Capability.id)))
            pairs: set[tuple[int, int]] = set()
            while len(pairs) < NEEDS:
                pairs.add((rng.choice(initiatives), rng.choice(capabilities)))
            session.execute(
                insert(CapabilityNeed),
                [{"initiative_id": i, "capability_id": c, "required_level": rng.randint(1, 5)} for i, c in pairs],
            )
    finally:
        workspace.close()


def _bare_table(rows: int, columns: int) -> Any:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class Trivial(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return rows

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return columns

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole and (index.row() + index.column()) % 50 == 0:
                return "3"
            return None

    table = QTableView()
    table.setModel(Trivial(table))
    table.resize(*SIZE)
    return table


def first_paint(path: Path, runs: int) -> tuple[float, float, float, int, int]:
    """Medians of the bare table's and the view's first paint; the chart's first draw; the matrix size."""
    from PySide6.QtWidgets import QApplication

    from align_desktop.store.workspace import Workspace
    from align_desktop.ui.matrix.view import MatrixView
    from align_desktop.ui.open_workspace import OpenWorkspace
    from align_desktop.ui.prompts import Prompter

    app = QApplication.instance()
    bare_times, view_times, chart_time = [], [], 0.0
    rows = columns = 0
    for run in range(runs):
        opened = OpenWorkspace(Workspace.open(path))
        view = MatrixView(Prompter())
        view.resize(*SIZE)
        start = time.perf_counter()
        view.set_workspace(opened)
        view.show()
        app.processEvents()
        view.grab()
        view_times.append(time.perf_counter() - start)
        rows, columns = view.model.rowCount(), view.model.columnCount()
        if run == 0:
            view.ranking.chart.flush()
            chart_time = time.perf_counter() - start
        view.close()
        opened.close()
        bare = _bare_table(rows, columns)
        start = time.perf_counter()
        bare.show()
        app.processEvents()
        bare.grab()
        bare_times.append(time.perf_counter() - start)
        bare.close()
    return statistics.median(bare_times), statistics.median(view_times), chart_time, rows, columns


def _scroll(table: Any) -> float:
    from PySide6.QtWidgets import QApplication

    vertical, horizontal = table.verticalScrollBar(), table.horizontalScrollBar()
    vertical.setValue(0)
    horizontal.setValue(0)
    QApplication.processEvents()
    samples = []
    for step in range(STEPS):
        start = time.perf_counter()
        vertical.setValue(vertical.value() + table.viewport().height())
        horizontal.setValue(horizontal.value() + (3 * 88 if step % 2 else 0))
        table.viewport().repaint()
        table.horizontalHeader().viewport().repaint()
        table.verticalHeader().viewport().repaint()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def scrolling_and_editing(path: Path, edits: int) -> tuple[float, float, float, float, float]:
    """Median scroll step (bare, view), median cell edit reflected, median undo reload, peak MB."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from align_desktop.store.workspace import Workspace
    from align_desktop.ui.matrix.view import MatrixView
    from align_desktop.ui.open_workspace import OpenWorkspace
    from align_desktop.ui.prompts import Prompter

    app = QApplication.instance()
    opened = OpenWorkspace(Workspace.open(path))
    view = MatrixView(Prompter())
    view.resize(*SIZE)
    view.set_workspace(opened)
    view.show()
    app.processEvents()
    view.ranking.chart.flush()
    opened.workspace.prepare_writes()  # as the main window does after opening a workspace
    view_scroll = _scroll(view.table)
    bare = _bare_table(view.model.rowCount(), view.model.columnCount())
    bare.show()
    app.processEvents()
    bare_scroll = _scroll(bare)
    bare.close()

    model, table, rng = view.model, view.table, random.Random(11)
    table.verticalScrollBar().setValue(0)
    table.horizontalScrollBar().setValue(0)
    app.processEvents()
    visible = [
        model.index(row, column) for row in range(1, 30) for column in range(6) if model.initiative_at(row) is not None
    ]
    edit_times = []
    for n in range(edits):
        index = rng.choice(visible)
        current = model.data(index, Qt.ItemDataRole.EditRole)
        level = 1 + (n + (current or 0)) % 5
        table.setCurrentIndex(index)
        app.processEvents()
        start = time.perf_counter()
        QTest.keyClick(table, Qt.Key(Qt.Key.Key_0 + level))
        app.processEvents()  # paints what the edit made dirty: the cell, two header sections, the ranking
        edit_times.append(time.perf_counter() - start)
        assert model.data(index, Qt.ItemDataRole.EditRole) == level
    undo_times = []
    for _ in range(5):
        start = time.perf_counter()
        opened.undo_stack.undo()
        view.repaint()
        undo_times.append(time.perf_counter() - start)
    view.close()
    opened.undo_stack.clear()
    opened.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return bare_scroll, view_scroll, statistics.median(edit_times), statistics.median(undo_times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()

    from PySide6.QtWidgets import QLabel

    from align_desktop.ui.app import create_application

    app = create_application()
    warm = QLabel("warm-up")  # the first window of a process pays for fonts and the platform plugin
    warm.show()
    app.processEvents()
    warm.grab()
    warm.close()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stress.align"
        prepare(path)
        bare, view, chart, rows, columns = first_paint(path, args.runs)
        bare_scroll, view_scroll, edit, undo, peak = scrolling_and_editing(path, args.edits)

    print(f"matrix benchmark on stress: {rows:,} rows (initiatives and group titles) × {columns} capabilities")
    print(f"  first paint, bare QTableView, same size:   {bare * 1000:7.1f} ms   (median of {args.runs})")
    print(f"  first paint, matrix view:                  {view * 1000:7.1f} ms   (budget 300 ms)")
    print(f"  chart first drawn (imports matplotlib):    {chart * 1000:7.1f} ms   after show, off the paint path")
    print(f"  scroll step, bare QTableView:              {bare_scroll * 1000:7.1f} ms   (median of {STEPS})")
    print(f"  scroll step, matrix view:                  {view_scroll * 1000:7.1f} ms")
    print(
        f"  cell edit reflected (store, headers, rank): {edit * 1000:6.1f} ms   (budget 50 ms, median of {args.edits})"
    )
    print(f"  undo of a cell edit (full reload):          {undo * 1000:6.1f} ms   (median of 5)")
    print(f"  process peak memory:                        {peak:6.0f} MB")


if __name__ == "__main__":
    main()
