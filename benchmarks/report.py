"""Executive PDF report benchmark on the `stress` sample; prints figures (not a test).

1. End to end, as a fresh process each time (interpreter start, imports, read, pages, write):
   `export_report(stress.align, out.pdf)` beside a bare matplotlib `PdfPages` writing the same
   number of empty A4 landscape pages, both started and timed from this parent, alternated;
   medians of N runs. Budget: the stress report under 5 s. The realistic sample's report is
   timed the same way, for information.
2. In this process, imports done: the function call alone, split into reading and computing
   (`read_report`), planning the pages, and drawing and writing them, beside the bare
   `PdfPages` of empty pages; medians of N runs.

Run: `.venv/bin/python benchmarks/report.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

BUDGET_SECONDS = 5.0
TODAY = date(2026, 11, 1)

REPORT_CHILD = """
import sys
from datetime import date
from pathlib import Path
from align_desktop.reports.pdf_report import export_report
export_report(Path(sys.argv[1]), Path(sys.argv[2]), today=date(2026, 11, 1))
"""
BARE_CHILD = """
import sys
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
with PdfPages(sys.argv[2]) as pdf:
    for _ in range(int(sys.argv[1])):
        pdf.savefig(Figure(figsize=(11.69, 8.27)))
"""


def _child(code: str, *arguments: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *arguments], check=True)
    return time.perf_counter() - start


def page_count(workspace: Path) -> int:
    from align_desktop.reports.pdf_report import plan_pages
    from align_desktop.reports.report_data import read_report

    return len(plan_pages(read_report(workspace, TODAY)))


def processes(realistic: Path, stress: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median seconds of each kind of fresh process, alternated."""
    pages = page_count(stress)
    kinds: dict[str, Callable[[], float]] = {
        "stress": lambda: _child(REPORT_CHILD, str(stress), str(folder / "stress.pdf")),
        "bare": lambda: _child(BARE_CHILD, str(pages), str(folder / "bare.pdf")),
        "retail": lambda: _child(REPORT_CHILD, str(realistic), str(folder / "retail.pdf")),
    }
    for run in kinds.values():  # warm the file cache, byte-code and matplotlib's font cache
        run()
    samples: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(runs):
        for name, run in kinds.items():
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()} | {"pages": pages}


def _median(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def in_process(stress: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median seconds of each step of the report, and of a bare `PdfPages`, imports already done."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from align_desktop.reports import pdf_report
    from align_desktop.reports.report_data import read_report

    out = folder / "in-process.pdf"
    pdf_report.export_report(stress, out, today=TODAY)  # first call pays for fonts and caches
    whole, _ = _median(lambda: pdf_report.export_report(stress, out, today=TODAY), runs)
    read, data = _median(lambda: read_report(stress, TODAY), runs)
    plan_time, plan = _median(lambda: pdf_report.plan_pages(data), runs)

    def bare() -> None:
        with PdfPages(folder / "bare-in-process.pdf") as pdf:
            for _ in range(len(plan)):
                pdf.savefig(Figure(figsize=(11.69, 8.27)))

    empty, _ = _median(bare, runs)
    return {"whole": whole, "read": read, "plan": plan_time, "pages": whole - read - plan_time, "bare": empty}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from align_desktop.store.samples import create_from_sample

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        realistic, stress = folder / "retail.align", folder / "stress.align"
        create_from_sample(realistic, "retail").close()
        create_from_sample(stress, "stress").close()

        print(f"Executive PDF report, medians of {args.runs} runs")
        figures = processes(realistic, stress, folder, args.runs)
        pages = int(figures["pages"])
        verdict = "within" if figures["stress"] < BUDGET_SECONDS else "OVER"
        print("1. End to end, fresh process each (start, imports, read, pages, write):")
        budget = f"{verdict} budget {BUDGET_SECONDS:.0f} s"
        print(f"   stress report ({pages} pages)        {figures['stress']:6.2f} s   {budget}")
        print(f"   bare PdfPages, {pages} empty pages     {figures['bare']:6.2f} s")
        print(f"   retail report                   {figures['retail']:6.2f} s")
        steps = in_process(stress, folder, args.runs)
        print("2. Function call in this process, imports done:")
        print(f"   export_report(stress)           {steps['whole']:6.2f} s")
        print(f"     read and compute              {steps['read']:6.2f} s")
        print(f"     plan the pages                {steps['plan']:6.2f} s")
        print(f"     draw and write the pages      {steps['pages']:6.2f} s")
        print(f"   bare PdfPages, {pages} empty pages     {steps['bare']:6.2f} s")


if __name__ == "__main__":
    main()
