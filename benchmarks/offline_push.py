"""Offline workshop benchmark: pushing a copy of `stress` (2,000 initiatives) back to its team workspace, beside
downloading that copy, in the same run.

Each run publishes `stress` into a new database of a private PostgreSQL cluster on 127.0.0.1
(`tests.postgres.Cluster`, made by this script and stopped at its end), then:

1. downloads it into a copy (`store.transfer.download`: every row read from the server and written to a file,
   with the copy's base): the baseline, a known whole-workspace move of the same rows;
2. makes a workshop's worth of changes in the copy, as a facilitator would, through the services: 200
   initiatives rescored, 20 added, 10 deleted; and 20 other initiatives renamed on the team workspace, 5 of
   them also in the copy (conflicts);
3. previews the push (`plan_push`: the base decoded, the copy and the team workspace read, the three-way
   comparison) and pushes it (`push`: compared again under the lock, applied, the copy marked).

Budget (chosen with the push, the issue names none): preview and push together within 2x the download.
Medians of N runs. Run: `make bench` (or `.venv/bin/python benchmarks/offline_push.py [--runs N]`); needs
Debian's `postgresql` (`scripts/install-system-deps.sh --tests` installs it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align_desktop.store.server import ServerAddress

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's root, for `tests.postgres`

RESCORED, ADDED, DELETED, RENAMED, CONFLICTING = 200, 20, 10, 20, 5


def one_run(source: Path, database_url: str, folder: Path) -> dict[str, float]:
    """Seconds to download, preview and push, on a new team workspace made from `source`."""
    from align_desktop.store.push import plan_push, push
    from align_desktop.store.server import ServerAddress
    from align_desktop.store.transfer import download, publish
    from align_desktop.store.workspace import Workspace

    address = ServerAddress.parse(database_url)
    publish(source, address)
    copy = folder / f"copy of {address.database}.align"
    start = time.perf_counter()
    download(address, copy)
    downloaded = time.perf_counter() - start
    workspace = Workspace.open(copy)
    try:
        conflicts = hold_workshop(workspace, address)
        start = time.perf_counter()
        plan = plan_push(workspace)
        planned = time.perf_counter()
        result = push(workspace, None, plan, ())
        pushed = time.perf_counter()
    finally:
        workspace.close()
    assert len(plan.conflicts) == conflicts, f"{len(plan.conflicts)} conflicts, not {conflicts}"
    assert (result.pushed, result.kept_theirs) == (len(plan.changes), conflicts), f"{result} for {len(plan.changes)}"
    return {
        "download": downloaded,
        "preview": planned - start,
        "push": pushed - planned,
        "changes": len(plan.changes),
    }


def hold_workshop(copy: object, address: ServerAddress) -> int:
    """Make the benchmark's changes in the copy and on the team workspace; the number of conflicts made."""
    from align_desktop.store.initiatives import InitiativeService
    from align_desktop.store.server_workspace import ServerWorkspace

    offline = InitiativeService(copy)  # type: ignore[arg-type]
    keys = [row.key for row in offline.board().initiatives]
    for key in keys[:RESCORED]:
        offline.update(key, {"confidence": 77})
    for number in range(ADDED):
        offline.create({"title": f"Idea {number + 1} from the workshop"})
    for key in keys[-DELETED:]:
        offline.delete(key)
    renamed = keys[RESCORED - CONFLICTING : RESCORED - CONFLICTING + RENAMED]
    for key in renamed[:CONFLICTING]:
        offline.update(key, {"title": f"{key} renamed offline"})
    team = ServerWorkspace.open_on_server(address)
    try:
        online = InitiativeService(team)
        for key in renamed:
            online.update(key, {"title": f"{key} renamed by the team"})
    finally:
        team.close()
    return CONFLICTING


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from align_desktop.store.samples import create_from_sample
    from tests.postgres import Cluster, binaries

    found = binaries()
    if found is None:
        sys.exit("PostgreSQL is not installed: scripts/install-system-deps.sh --tests installs it.")
    cluster = Cluster(found)
    try:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            source = folder / "stress.align"
            create_from_sample(source, "stress").close()
            runs = [one_run(source, cluster.database(), folder) for _ in range(args.runs)]
    finally:
        cluster.stop()

    def ms(part: str) -> float:
        return statistics.median(run[part] for run in runs) * 1000

    both = ms("preview") + ms("push")
    ratio = both / ms("download")
    verdict = "ok" if ratio <= 2 else "OVER BUDGET"
    print(
        f"offline push benchmark on stress, a workshop of {runs[0]['changes']:.0f} changes, medians of {args.runs} runs"
    )
    print(f"  download a copy (baseline):        {ms('download'):7.1f} ms")
    print(f"  preview the push:                  {ms('preview'):7.1f} ms")
    print(f"  push (compare again, apply):       {ms('push'):7.1f} ms")
    print(f"    preview + push / download:       {ratio:7.2f}x   (budget 2x) {verdict}")


if __name__ == "__main__":
    main()
