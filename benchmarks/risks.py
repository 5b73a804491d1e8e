"""Risk register benchmark: 1,000 risks on the `stress` sample (2,000 initiatives, 300 capabilities).

Prints figures beside a bare `QTableView` over a trivial Python model of the same size, in the same
process (the bare model sorts and filters a list of tuples and resets, as the register does):
1. First paint: the Risks view given the workspace, shown and grabbed (reads the register and value
   at risk, builds the display rows, both heat maps, the links list and the form, paints all), beside
   the bare table shown and grabbed; medians of N. Budget: under 100 ms. The store's read of the
   register and one repaint of the two heat maps are printed beside it, as parts of that figure.
2. Sort: a click on a column header until the table has repainted, for several columns (key, title,
   owner, inherent, residual, value at risk, next review); median. Budget: under 100 ms.
3. Filter as you type: "model drift" typed into the filter field one key at a time, each keystroke
   until the table has repainted; median per keystroke. Budget: under 100 ms.

If the sample has fewer than 1,000 risks, the rest are created through `RiskService` first.
Run: `.venv/bin/python benchmarks/risks.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1450, 930)
RISKS = 1_000
COLUMNS = 16
TYPED = "model drift"
SORTED_COLUMNS = ("key", "title", "owner", "inherent", "residual", "value_at_risk", "review_date")


def prepare(path: Path) -> int:
    """The stress sample with at least 1,000 risks; the number of risks."""
    from align_desktop.domain.risk import IMPACT_AREAS, RISK_CATEGORIES, RISK_STATUSES
    from align_desktop.store.risks import RiskService
    from align_desktop.store.samples import create_from_sample

    workspace = create_from_sample(path, "stress")
    try:
        service = RiskService(workspace)
        register = service.register()
        initiatives = [key for key, _title in register.initiatives]
        capabilities = [key for key, _name in register.capabilities]
        rng = random.Random(7)
        for n in range(len(register.risks), RISKS):
            status = rng.choice(RISK_STATUSES)
            key, _ = service.create(
                {
                    "title": f"Generated risk {n}: {rng.choice(('drift', 'bias', 'leak', 'outage'))} in model {n % 97}",
                    "category": rng.choice(RISK_CATEGORIES),
                    "impact_area": rng.choice(IMPACT_AREAS),
                    "likelihood": rng.randint(1, 5),
                    "impact": rng.randint(1, 5),
                    "residual_likelihood": rng.randint(1, 4),
                    "residual_impact": rng.randint(1, 4),
                    "owner": f"Owner {n % 40}",
                    "status": status,
                    "acceptance_rationale": "Generated" if status == "accepted" else "",
                    "review_date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                }
            )
            service.set_links(key, rng.sample(initiatives, rng.randint(0, 4)), rng.sample(capabilities, 1))
        return len(service.register().risks)
    finally:
        workspace.close()


class _Bare:
    """A bare table over a list of tuples: sorting and filtering in Python, then a model reset."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
        from PySide6.QtWidgets import QTableView

        everything = rows
        shown = list(rows)

        class Trivial(QAbstractTableModel):
            def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
                return len(shown)

            def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
                return COLUMNS

            def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
                if role == Qt.ItemDataRole.DisplayRole:
                    return shown[index.row()][index.column()]
                return None

            def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
                self.layoutAboutToBeChanged.emit()
                shown.sort(key=lambda row: row[column], reverse=order == Qt.SortOrder.DescendingOrder)
                self.layoutChanged.emit()

            def set_filter(self, text: str) -> None:
                self.beginResetModel()
                shown[:] = [row for row in everything if text in row[1]]
                self.endResetModel()

        self.model = Trivial()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.resize(*SIZE)


def _bare_rows(count: int) -> list[tuple[str, ...]]:
    rng = random.Random(3)
    words = ("model", "drift", "bias", "privacy", "outage", "fraud", "forecast")
    return [
        (f"R-{n:03d}", " ".join(rng.choice(words) for _ in range(5)), *(str(rng.randint(1, 25)) for _ in range(14)))
        for n in range(1, count + 1)
    ]


def _view(path: Path) -> tuple[Any, Any]:
    from align_desktop.store.workspace import Workspace
    from align_desktop.ui.open_workspace import OpenWorkspace
    from align_desktop.ui.prompts import Prompter
    from align_desktop.ui.risks.view import RisksView

    opened = OpenWorkspace(Workspace.open(path))
    view = RisksView(Prompter())
    view.resize(*SIZE)
    return opened, view


def first_paint(path: Path, runs: int, count: int) -> tuple[float, float, float, float]:
    """Medians of the bare table's and the view's first paint, of the store's read and of a heat-map repaint."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    bare_times, view_times, read_times, map_times = [], [], [], []
    for _ in range(runs):
        opened, view = _view(path)
        start = time.perf_counter()
        view.set_workspace(opened)
        view.show()
        app.processEvents()
        view.grab()
        view_times.append(time.perf_counter() - start)
        assert view.model.rowCount() == count
        start = time.perf_counter()
        opened.risks.register()
        read_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        view.maps.repaint()
        map_times.append(time.perf_counter() - start)
        view.close()
        opened.close()
        bare = _Bare(_bare_rows(count))
        start = time.perf_counter()
        bare.table.show()
        app.processEvents()
        bare.table.grab()
        bare_times.append(time.perf_counter() - start)
        bare.table.close()
    median = statistics.median
    return median(bare_times), median(view_times), median(read_times), median(map_times)


def _click_sort(table: Any, column: int, descending: bool) -> float:
    """Sort as a header click does (the header's indicator moves, the table sorts); time until repainted."""
    from PySide6.QtCore import Qt

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    start = time.perf_counter()
    table.horizontalHeader().setSortIndicator(column, order)
    table.viewport().repaint()
    table.horizontalHeader().viewport().repaint()
    return time.perf_counter() - start


def sorting_and_typing(path: Path, count: int) -> tuple[float, float, float, float]:
    """Median sort (bare, view) and median keystroke (bare, view)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from align_desktop.ui.risks import display

    app = QApplication.instance()
    opened, view = _view(path)
    view.set_workspace(opened)
    view.show()
    app.processEvents()
    columns = [number for number, column in enumerate(display.COLUMNS) if column.field in SORTED_COLUMNS]
    view_sorts = [_click_sort(view.table, column, down) for down in (False, True) for column in columns]
    view.table.sortByColumn(display.VALUE_AT_RISK, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    view_keys = []
    view.filters.text.setFocus()
    for character in TYPED:
        start = time.perf_counter()
        QTest.keyClicks(view.filters.text, character)
        view.table.viewport().repaint()
        view.count_label.repaint()
        view_keys.append(time.perf_counter() - start)
    assert 0 < view.model.rowCount() < count, "the filter should narrow the register"
    view.close()
    opened.close()

    bare = _Bare(_bare_rows(count))
    bare.table.show()
    app.processEvents()
    bare_sorts = [_click_sort(bare.table, column, down) for down in (False, True) for column in range(len(columns))]
    bare_keys = []
    for end in range(1, len(TYPED) + 1):
        start = time.perf_counter()
        bare.model.set_filter(TYPED[:end])
        bare.table.viewport().repaint()
        bare_keys.append(time.perf_counter() - start)
    bare.table.close()
    return (
        statistics.median(bare_sorts),
        statistics.median(view_sorts),
        statistics.median(bare_keys),
        statistics.median(view_keys),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
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
        count = prepare(path)
        bare, view, read, maps = first_paint(path, args.runs, count)
        bare_sort, view_sort, bare_key, view_key = sorting_and_typing(path, count)

    print(f"risk register benchmark on stress: {count:,} risks × {COLUMNS} columns, window {SIZE[0]}×{SIZE[1]}")
    print(f"  first paint, bare QTableView, same size:  {bare * 1000:7.1f} ms   (median of {args.runs})")
    print(f"  first paint, risks view (maps, form):     {view * 1000:7.1f} ms   (budget 100 ms)")
    print(f"    of which RiskService.register() read:   {read * 1000:7.1f} ms   (store: risks, links, value at risk)")
    print(f"    and per paint of both heat maps:        {maps * 1000:7.1f} ms   (painted on show, again by grab)")
    print(f"  sort by a column, bare model + table:     {bare_sort * 1000:7.1f} ms   (median over 7 columns × 2)")
    print(f"  sort by a column, register:               {view_sort * 1000:7.1f} ms   (budget 100 ms)")
    print(f"  filter keystroke, bare model + table:     {bare_key * 1000:7.1f} ms   (median of {len(TYPED)} keys)")
    print(f"  filter keystroke, register:               {view_key * 1000:7.1f} ms   (budget 100 ms)")


if __name__ == "__main__":
    main()
