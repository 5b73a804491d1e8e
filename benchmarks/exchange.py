"""Excel exchange benchmark on the `stress` sample; prints figures (not a test).

1. `export workbook` of stress (`export_workbook(workspace, out)`) beside a raw openpyxl
   write-only dump of the same cells (the same values, no styles). Budget: within 1.3x.
2. Importing that workbook into an empty workspace (`plan_import`, then `apply_plan`) beside a
   raw python-calamine read of every sheet of the same file. Budget: within 2x.
3. Peak memory of each, as the child process's maximum resident set size
   (`resource.getrusage`). Budget: under 500 MB.

Each measurement runs in a fresh child process, which imports its modules first and then times
only the work; the kinds of run alternate, and the figures are medians of N runs. The input
safety check (`check_file`, which the import runs first) is also timed on its own, and the whole
`align-desktop export workbook` and `align-desktop import` commands (start-up and imports
included) are timed for information.

Run: `.venv/bin/python benchmarks/exchange.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXPORT_BUDGET = 1.3
IMPORT_BUDGET = 2.0
MEMORY_BUDGET_MB = 500
EXECUTABLE = Path(sys.executable).with_name("align-desktop")


def _peak_mb() -> float:
    """This process's peak resident memory.

    Linux carries the parent's peak over `exec` into `getrusage`'s `ru_maxrss`, so a child of a
    large parent reports at least the parent's size; `VmHWM` is the child's own address space's.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


PRELOAD = {
    "export": (
        "openpyxl",
        "openpyxl.cell",
        "openpyxl.styles",
        "openpyxl.utils",
        "align_desktop.exchange.workbook_export",
        "align_desktop.exchange.finance_book",
        "align_desktop.store.imports",
    ),
    "dump": ("openpyxl",),
    "import": (
        "python_calamine",
        "defusedxml.ElementTree",
        "align_desktop.exchange.importer",
        "align_desktop.exchange.import_cases",
        "align_desktop.exchange.import_sheets",
        "align_desktop.exchange.import_plan",
        "align_desktop.exchange.reading",
        "align_desktop.exchange.safety",
        "align_desktop.store.imports",
        "align_desktop.store.workspace",
        "align_desktop.store.backup",
        "align_desktop.store.bulk_insert",
        "align_desktop.store.collector",
    ),
    "read": ("python_calamine",),
    "check": ("align_desktop.exchange.safety", "defusedxml.ElementTree"),
}
"""Modules each child imports before it starts the clock: the figures compare work, not imports
(the app has them loaded; the command line pays for them once, see the `align-desktop` lines)."""


def _preload(kind: str) -> None:
    for module in PRELOAD[kind]:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


def _child_export(workspace: str, out: str) -> float:
    from align_desktop.exchange.workbook_export import export_workbook

    start = time.perf_counter()
    export_workbook(Path(workspace), Path(out))
    return time.perf_counter() - start


def _child_dump(cells: str, out: str) -> float:
    from openpyxl import Workbook

    with open(cells, "rb") as stream:
        sheets: dict[str, list[list[Any]]] = pickle.load(stream)
    start = time.perf_counter()
    book = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(out)
    return time.perf_counter() - start


def _child_import(workspace: str, workbook: str) -> float:
    from align_desktop.exchange.importer import apply_plan, plan_import

    start = time.perf_counter()
    plan = plan_import(Path(workspace), Path(workbook))
    if plan.errors:
        raise SystemExit(f"import refused: {list(plan.errors)[:5]}")
    planned = time.perf_counter()
    apply_plan(Path(workspace), plan)
    done = time.perf_counter()
    print(json.dumps({"plan": planned - start, "apply": done - planned}))
    return done - start


def _child_read(workbook: str) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(workbook)
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    return time.perf_counter() - start


def _child_check(workbook: str) -> float:
    from align_desktop.exchange.safety import check_file

    start = time.perf_counter()
    check_file(Path(workbook))
    return time.perf_counter() - start


CHILDREN: dict[str, Callable[..., float]] = {
    "export": _child_export,
    "dump": _child_dump,
    "import": _child_import,
    "read": _child_read,
    "check": _child_check,
}


def _run_child(kind: str, *args: Path) -> tuple[float, float]:
    """Seconds of the work and peak megabytes of a fresh process doing it."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, *map(str, args)], check=True, capture_output=True, text=True
    )
    lines = done.stdout.splitlines()
    for line in lines[:-1]:  # a child's own break-down of its time
        for step, seconds in json.loads(line).items():
            STEPS.setdefault(f"{kind}: {step}", []).append(seconds)
    figures = json.loads(lines[-1])
    return figures["seconds"], figures["peak_mb"]


STEPS: dict[str, list[float]] = {}
"""Steps that children time on their own (`import: plan`, `import: apply`), every run."""


def _timed_command(*args: Path | str) -> float:
    """Seconds of a whole `align-desktop` command, start-up and imports included."""
    start = time.perf_counter()
    subprocess.run([str(EXECUTABLE), *map(str, args)], check=True, capture_output=True)
    return time.perf_counter() - start


def _cells(workbook: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values, as calamine reads them, empty cells as None."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(workbook))
    sheets = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        sheets[name] = [[None if value == "" else value for value in row] for row in rows]
    return sheets


def _missing_modules() -> list[str]:
    wanted = ("align_desktop.exchange.workbook_export", "align_desktop.exchange.importer")
    return [name for name in wanted if importlib.util.find_spec(name) is None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        _preload(kind)
        seconds = CHILDREN[kind](*rest)
        print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb()}))
        return
    missing = _missing_modules()
    if missing:
        raise SystemExit(f"exchange benchmark pending: {', '.join(missing)} not there yet")

    from align_desktop.store.samples import create_from_sample
    from align_desktop.store.workspace import Workspace

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        stress = folder / "stress.align"
        create_from_sample(stress, "stress").close()
        empty = folder / "empty.align"
        Workspace.create(empty).close()
        exported = folder / "export.xlsx"
        _run_child("export", stress, exported)  # warm the file cache and byte-code once
        sheets = _cells(exported)
        cells_file = folder / "cells.pickle"
        cells_file.write_bytes(pickle.dumps(sheets))
        cell_count = sum(len(row) for rows in sheets.values() for row in rows)
        row_count = sum(len(rows) for rows in sheets.values())
        _run_child("dump", cells_file, folder / "dump.xlsx")

        times: dict[str, list[float]] = {kind: [] for kind in CHILDREN}
        peaks: dict[str, list[float]] = {kind: [] for kind in CHILDREN}
        commands: dict[str, list[float]] = {"export": [], "import": []}
        for n in range(args.runs):
            target = folder / f"import-{n}.align"
            shutil.copyfile(empty, target)
            for kind, child_args in (
                ("export", (stress, folder / f"export-{n}.xlsx")),
                ("dump", (cells_file, folder / f"dump-{n}.xlsx")),
                ("import", (target, exported)),
                ("read", (exported,)),
                ("check", (exported,)),
            ):
                seconds, megabytes = _run_child(kind, *child_args)
                times[kind].append(seconds)
                peaks[kind].append(megabytes)
            commands["export"].append(_timed_command("export", "workbook", stress, folder / f"cli-{n}.xlsx"))
            target = folder / f"cli-{n}.align"
            shutil.copyfile(empty, target)
            commands["import"].append(_timed_command("import", target, exported))
        size_mb = exported.stat().st_size / (1024 * 1024)
        dump_mb = (folder / "dump-0.xlsx").stat().st_size / (1024 * 1024)

    t = {kind: statistics.median(values) for kind, values in times.items()}
    peak = {kind: max(values) for kind, values in peaks.items()}
    export_ratio = t["export"] / t["dump"]
    import_ratio = t["import"] / t["read"]
    ok = {True: "ok", False: "OVER BUDGET"}
    print(
        f"exchange benchmark on stress ({len(sheets)} sheets, {row_count:,} rows, {cell_count:,} cells; "
        f"workbook {size_mb:.1f} MB, raw dump {dump_mb:.1f} MB), medians of {args.runs} runs"
    )
    print(f"  export workbook:                 {t['export'] * 1000:7.0f} ms   peak {peak['export']:5.0f} MB")
    print(f"  raw openpyxl write-only dump:    {t['dump'] * 1000:7.0f} ms   peak {peak['dump']:5.0f} MB")
    print(
        f"    export / dump:                 {export_ratio:7.2f}x   (budget {EXPORT_BUDGET}x) {ok[export_ratio <= 1.3]}"
    )
    print(f"  import into an empty workspace:  {t['import'] * 1000:7.0f} ms   peak {peak['import']:5.0f} MB")
    for step in ("import: plan", "import: apply"):
        if STEPS.get(step):
            label = f"{step}:"
            print(f"    {label:<31}{statistics.median(STEPS[step]) * 1000:7.0f} ms")
    print(f"  raw python-calamine read:        {t['read'] * 1000:7.0f} ms   peak {peak['read']:5.0f} MB")
    print(
        f"    import / read:                 {import_ratio:7.2f}x   (budget {IMPORT_BUDGET}x) {ok[import_ratio <= 2]}"
    )
    print(f"  input safety check alone:        {t['check'] * 1000:7.0f} ms   peak {peak['check']:5.0f} MB")
    cli = {name: statistics.median(values) * 1000 for name, values in commands.items()}
    print(f"  align-desktop export workbook:   {cli['export']:7.0f} ms   (whole command)")
    print(f"  align-desktop import, empty:     {cli['import']:7.0f} ms   (whole command)")
    worst = max(peak["export"], peak["import"])
    print(f"  peak memory, export and import:  {worst:7.0f} MB   (budget {MEMORY_BUDGET_MB} MB) {ok[worst < 500]}")


if __name__ == "__main__":
    main()
