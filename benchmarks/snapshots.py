"""Snapshot benchmark on the `stress` sample (2,000 initiatives and business cases, 10,000 cost lines,
300 capabilities, 12,000 needs, 1,000 risks); prints figures beside baselines from the same run.

Each run works on a fresh copy of the sample and plays one workshop session: a snapshot at the
start, 100 edits through the services (40 board moves, 20 readiness or confidence scores, 20 risk
ratings, 20 cost-line amounts), a snapshot at the end. The same 100 edits are also played on a
second copy without snapshots. Medians of N runs:
1. Baselines: reading every content row with plain sqlite3 (what a snapshot must read), and
   SQLite's `VACUUM INTO` of the whole file (the cheapest full copy of it).
2. Taking a snapshot (`SnapshotService.take`, one transaction): the first, stored whole, and the
   one at the end, stored as the changes from the first. Budget: under 1 s each.
3. Comparing the two snapshots (`SnapshotService.compare`: both read back, every item and field
   compared, NPV of both portfolios per scenario), and the start snapshot with the workspace now.
   Budget: under 2 s.
4. File growth: the file (closed, so the write-ahead log is folded in) after the session with
   snapshots beside the file after the same session without them. Budget: the snapshots add at
   most 10 % of the file.

Run: `.venv/bin/python benchmarks/snapshots.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EDITS = 100


def session_edits(workspace: Any) -> list[Callable[[], object]]:
    """The session's 100 edits, the same for every run and copy."""
    from align_desktop.store.business_cases import BusinessCaseService
    from align_desktop.store.initiatives import InitiativeService
    from align_desktop.store.risks import RiskService
    from align_desktop.store.settings import SettingsService

    rng = random.Random(10)
    initiatives = InitiativeService(workspace)
    risks = RiskService(workspace)
    cases = BusinessCaseService(workspace)
    lanes = [lane.id for lane in SettingsService(workspace).lanes()]
    edits: list[Callable[[], object]] = []
    for _ in range(40):
        key, lane = f"I-{rng.randint(1, 2000):03d}", rng.choice(lanes)
        edits.append(lambda key=key, lane=lane: initiatives.move(key, lane, 0))
    for _ in range(20):
        key = f"I-{rng.randint(1, 2000):03d}"
        field = rng.choice(("readiness_data", "readiness_monitoring", "confidence"))
        value = rng.randint(0, 4) if field != "confidence" else rng.randint(0, 100)
        edits.append(lambda key=key, changes={field: value}: initiatives.update(key, changes))
    for _ in range(20):
        key = f"R-{rng.randint(1, 1000):03d}"
        changes = {"residual_likelihood": rng.randint(1, 5), "residual_impact": rng.randint(1, 5)}
        edits.append(lambda key=key, changes=changes: risks.update(key, changes))
    for _ in range(20):
        key, amounts = f"L-{rng.randint(1, 10000):03d}", {rng.randint(0, 3): float(rng.randint(1, 90) * 1000)}
        edits.append(lambda key=key, amounts=amounts: cases.update_cost_line(key, amounts=amounts))
    rng.shuffle(edits)
    assert len(edits) == EDITS
    return edits


def baselines(path: Path) -> tuple[float, float]:
    """Seconds to read every content row with plain sqlite3, and to `VACUUM INTO` a copy."""
    from align_desktop.store.snapshot_content import CONTENT_TABLES

    db = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        for table in CONTENT_TABLES:
            db.execute(f"SELECT * FROM {table}").fetchall()
        read = time.perf_counter() - start
        copy = path.with_name("vacuumed.align")
        start = time.perf_counter()
        db.execute("VACUUM INTO ?", (str(copy),))
        vacuum = time.perf_counter() - start
        copy.unlink()
    finally:
        db.close()
    return read, vacuum


def one_run(sample: Path, folder: Path) -> dict[str, float]:
    """One session with snapshots and the same without; times in seconds, sizes in bytes."""
    from align_desktop.store.snapshots import SnapshotService
    from align_desktop.store.workspace import Workspace

    with_snapshots, without = folder / "with.align", folder / "without.align"
    for copy in (with_snapshots, without):
        shutil.copyfile(sample, copy)
    figures: dict[str, float] = {"file": sample.stat().st_size}
    figures["read"], figures["vacuum"] = baselines(with_snapshots)

    workspace = Workspace.open(without)
    try:
        for edit in session_edits(workspace):
            edit()
    finally:
        workspace.close()
    figures["without"] = without.stat().st_size

    workspace = Workspace.open(with_snapshots)
    try:
        workspace.prepare_writes()
        service = SnapshotService(workspace)
        start = time.perf_counter()
        first = service.take("Start of the session", reason="start")
        figures["take_whole"] = time.perf_counter() - start
        for edit in session_edits(workspace):
            edit()
        start = time.perf_counter()
        last = service.take("End of the session", reason="end")
        figures["take_changes"] = time.perf_counter() - start
        start = time.perf_counter()
        comparison = service.compare(first, last)
        figures["compare"] = time.perf_counter() - start
        start = time.perf_counter()
        service.compare_with_now(first)
        figures["compare_now"] = time.perf_counter() - start
        figures["changes"] = len(comparison.changes)
        stored = {row.id: row.stored_size for row in service.list()}
        figures["stored_whole"], figures["stored_changes"] = stored[first], stored[last]
    finally:
        workspace.close()
    figures["with"] = with_snapshots.stat().st_size
    for copy in (with_snapshots, without):
        copy.unlink()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from align_desktop.store.samples import create_from_sample

    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "stress.align"
        create_from_sample(sample, "stress").close()
        runs = [one_run(sample, Path(folder)) for _ in range(args.runs)]
    median = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    ms = {name: median[name] * 1000 for name in median}
    growth = median["with"] - median["without"]
    share = growth / median["file"] * 100
    print(
        f"snapshot benchmark on stress (file {median['file'] / 1e6:.2f} MB), a session of {EDITS} edits, "
        f"medians of {args.runs} runs"
    )
    print(f"  read every content row (plain sqlite3):     {ms['read']:7.1f} ms")
    print(f"  VACUUM INTO a copy of the file:             {ms['vacuum']:7.1f} ms")
    print(f"  take the start snapshot (stored whole):     {ms['take_whole']:7.1f} ms   (budget 1000 ms)")
    print(f"  take the end snapshot (stored as changes):  {ms['take_changes']:7.1f} ms   (budget 1000 ms)")
    print(
        f"  compare start with end snapshot:            {ms['compare']:7.1f} ms   (budget 2000 ms; "
        f"{median['changes']:.0f} items changed)"
    )
    print(f"  compare start snapshot with now:            {ms['compare_now']:7.1f} ms")
    print(f"  stored: start {median['stored_whole'] / 1000:.1f} kB, end {median['stored_changes'] / 1000:.1f} kB")
    print(f"  file after the session, no snapshots:       {median['without'] / 1000:7,.0f} kB")
    print(f"  file after the session, with snapshots:     {median['with'] / 1000:7,.0f} kB")
    verdict = "ok" if share <= 10 else "OVER BUDGET"
    print(
        f"    growth from snapshots:                    {growth / 1000:7,.0f} kB = {share:.1f} % of the file "
        f"(budget 10 %) {verdict}"
    )


if __name__ == "__main__":
    main()
