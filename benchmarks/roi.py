"""ROI benchmark on the `stress` sample (2,000 business cases, 10,000 cost lines); prints figures.

1. `align-desktop roi stress.align --json` beside the same command on the realistic sample
   (`retail`, 28 cases), both as fresh processes timed from the parent, alternated; medians of
   N runs. Budget: within 2x the realistic sample.
2. Recomputing the whole stress portfolio (`PortfolioCalculator`, 2,000 cases x 3 scenarios,
   and the totals of each scenario): cold, and after one edit (one case changed, the others
   cached), beside reading the portfolio from the store and turning its rows into cases.
   Budget: the recompute after one edit under 100 ms. The whole path from one edit saved to
   fresh figures is printed too, re-reading every case or only the edited one.

Run: `.venv/bin/python benchmarks/roi.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXECUTABLE = Path(sys.executable).with_name("align-desktop")


def _timed_roi(workspace: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(EXECUTABLE), "roi", str(workspace), "--json"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def command_line(realistic: Path, stress: Path, runs: int) -> tuple[float, float]:
    """Median seconds of `roi --json` on each workspace, as fresh processes, alternated."""
    _timed_roi(realistic)  # warm the file cache and byte-code once
    _timed_roi(stress)
    small, large = [], []
    for _ in range(runs):
        small.append(_timed_roi(realistic))
        large.append(_timed_roi(stress))
    return statistics.median(small), statistics.median(large)


def _median(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def recompute(stress: Path, runs: int) -> dict[str, float]:
    """Median seconds of each step from the store to the portfolio's figures."""
    from align_desktop.domain.portfolio import Assumptions, PortfolioCalculator, totals
    from align_desktop.store.business_cases import BusinessCaseService
    from align_desktop.store.workspace import Workspace

    workspace = Workspace.open(stress)
    try:
        service = BusinessCaseService(workspace)
        service.portfolio()  # first read pays for opening caches, not measured
        read, portfolio = _median(service.portfolio, runs)
        settings = portfolio.settings
        assumptions = Assumptions(settings.horizon, settings.discount_rate, settings.scenarios)

        def to_cases(rows: Any = portfolio) -> dict[str, Any]:
            return {row.initiative_key: row.case(settings.horizon) for row in rows.cases if row.exists}

        build, cases = _median(to_cases, runs)
        assert len(cases) == 2000

        def figures(calculator: PortfolioCalculator, cases: dict[str, Any]) -> None:
            result = calculator.evaluate(assumptions, cases)
            for name in assumptions.scenarios:
                totals(result, name, settings.horizon)

        cold, _ = _median(lambda: figures(PortfolioCalculator(), cases), runs)

        warm_samples = []
        calculator = PortfolioCalculator()
        figures(calculator, cases)
        for n in range(runs):
            key = f"I-{(n * 97) % 2000 + 1:03d}"
            edited = dict(cases)
            edited[key] = dataclasses.replace(cases[key], annual_benefit=cases[key].annual_benefit + 1000 + n)
            start = time.perf_counter()
            figures(calculator, edited)
            warm_samples.append(time.perf_counter() - start)
        warm = statistics.median(warm_samples)

        write_samples, one_case_samples = [], []
        for n in range(runs):
            start = time.perf_counter()
            service.set_benefit("I-001", {"annual_benefit": 100_000 + n})
            write_samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            edited = dict(cases)
            edited["I-001"] = service.case("I-001").case(settings.horizon)
            figures(calculator, edited)
            one_case_samples.append(time.perf_counter() - start)
        write = statistics.median(write_samples)
        one_case = statistics.median(one_case_samples)
    finally:
        workspace.close()
    return {"read": read, "cases": build, "cold": cold, "warm": warm, "write": write, "one_case": one_case}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from align_desktop.store.samples import create_from_sample

    with tempfile.TemporaryDirectory() as folder:
        realistic = Path(folder) / "retail.align"
        stress = Path(folder) / "stress.align"
        create_from_sample(realistic, "retail").close()
        create_from_sample(stress, "stress").close()
        small, large = command_line(realistic, stress, args.runs)
        steps = recompute(stress, max(args.runs, 5))

    ms = {name: seconds * 1000 for name, seconds in steps.items()}
    edit_to_figures = ms["write"] + ms["read"] + ms["cases"] + ms["warm"]
    print(f"roi benchmark on stress (2,000 business cases, 10,000 cost lines), medians of {args.runs} runs")
    print(f"  roi --json, realistic sample (28 cases):   {small * 1000:7.0f} ms")
    print(
        f"  roi --json, stress:                        {large * 1000:7.0f} ms   ratio {large / small:.2f}x (budget 2x)"
    )
    print(f"  read the portfolio from the store:         {ms['read']:7.1f} ms")
    print(f"  rows to cases:                             {ms['cases']:7.1f} ms")
    print(f"  recompute 2,000 cases x 3 scenarios, cold: {ms['cold']:7.1f} ms")
    print(f"  recompute after one edit, warm cache:      {ms['warm']:7.1f} ms   (budget 100 ms)")
    print(f"  store one edit (set_benefit):              {ms['write']:7.1f} ms")
    print(f"  one edit to figures, re-reading everything: {edit_to_figures:6.1f} ms   (store, read, cases, recompute)")
    print(
        f"  one edit to figures, re-reading one case:   {ms['write'] + ms['one_case']:6.1f} ms   "
        "(store, read that case, recompute)"
    )


if __name__ == "__main__":
    main()
