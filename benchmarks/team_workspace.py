"""Team workspace benchmark: opening `stress` (2,000 initiatives) from a PostgreSQL server on loopback, beside
opening it from a workspace file, in the same run.

1. File: `Workspace.open` on the `stress` sample's file (lock, header, quick check, table check), the board's
   rows read (`InitiativeService.board()`, what the app shows first), the workspace closed.
2. Team workspace: `ServerWorkspace.open_on_server` on the same sample in a database of a private PostgreSQL
   cluster on 127.0.0.1 (`tests.postgres.Cluster`, made by this script and stopped at its end), the board's rows
   read, the workspace closed. Budget: within 2x the file.
Both are timed in one process, alternated, after one warm-up of each (the first server open imports psycopg: the
warm-ups are printed apart); medians of N runs. The board's rows read from both are checked to be equal.
The parts of the server open are printed too (informational): connect, schema version check, table check
(the functions `open_on_server` calls, timed by wrapping them in every run: a few microseconds), then the
board's read and the close.
Run: `make bench` (or `.venv/bin/python benchmarks/team_workspace.py [--runs N]`); needs Debian's `postgresql`
(`scripts/install-system-deps.sh --tests` installs it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from align_desktop.store.board_rows import BoardRows
    from align_desktop.store.server import ServerAddress
    from align_desktop.store.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's root, for `tests.postgres`

SERVER_STEPS = {"open_reader": "connect", "schema_version": "version check", "check_tables": "table check"}
"""The functions `ServerWorkspace.open_on_server` calls, by the name of the part of the open each one is."""
PARTS = ("open", "board rows", "close")
"""The parts of every run, file or server."""


def read_board(workspace: Workspace, times: dict[str, float], start: float) -> BoardRows:
    """Read the board's rows and close `workspace`, adding those parts to `times` (`start`: when opening began)."""
    from align_desktop.store.initiatives import InitiativeService

    opened = time.perf_counter()
    rows = InitiativeService(workspace).board()
    read = time.perf_counter()
    workspace.close()
    closed = time.perf_counter()
    times.update({"open": opened - start, "board rows": read - opened, "close": closed - read, "total": closed - start})
    return rows


def file_run(path: Path) -> tuple[dict[str, float], BoardRows]:
    """Seconds to open the workspace file at `path`, read its board and close it, with those parts."""
    from align_desktop.store.workspace import Workspace

    times: dict[str, float] = {}
    start = time.perf_counter()
    rows = read_board(Workspace.open(path), times, start)
    return times, rows


def server_run(address: ServerAddress) -> tuple[dict[str, float], BoardRows]:
    """Seconds to open the team workspace at `address`, read its board and close it, with those parts."""
    from align_desktop.store.server_workspace import ServerWorkspace

    times: dict[str, float] = {}
    with timed_steps(times):
        start = time.perf_counter()
        workspace = ServerWorkspace.open_on_server(address)
    rows = read_board(workspace, times, start)
    return times, rows


@contextmanager
def timed_steps(times: dict[str, float]) -> Iterator[None]:
    """While inside, each function of `SERVER_STEPS` records its seconds in `times` under its part's name."""
    from align_desktop.store import server_workspace

    originals = {name: getattr(server_workspace, name) for name in SERVER_STEPS}
    for name, function in originals.items():
        setattr(server_workspace, name, _timed(function, SERVER_STEPS[name], times))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(server_workspace, name, function)


def _timed(function: Callable[..., Any], part: str, times: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[part] = time.perf_counter() - start

    return timed


def create_workspaces(folder: Path, database_url: str) -> tuple[Path, ServerAddress]:
    """The `stress` sample as a workspace file in `folder` and as a team workspace in the empty database."""
    from align_desktop.store.sample_loader import load_document
    from align_desktop.store.samples import create_from_sample, sample_document
    from align_desktop.store.server import ServerAddress
    from align_desktop.store.server_workspace import ServerWorkspace

    path = folder / "stress.align"
    create_from_sample(path, "stress").close()
    address = ServerAddress.parse(database_url)
    document = sample_document("stress")  # named and filled as `create_from_sample` does the file
    populate = partial(load_document, document=document)
    ServerWorkspace.create_on_server(address, document["name"], populate).close()
    return path, address


def median(runs: list[dict[str, float]], part: str) -> float:
    """The median of `part` over `runs`, in milliseconds."""
    return statistics.median(run[part] for run in runs) * 1000


def parts(runs: list[dict[str, float]], names: Iterable[str]) -> str:
    """The median of each part `names` names over `runs`, in milliseconds, after its name."""
    return ", ".join(f"{part} {median(runs, part):.1f} ms" for part in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from tests.postgres import Cluster, binaries

    found = binaries()
    if found is None:
        sys.exit("PostgreSQL is not installed: scripts/install-system-deps.sh --tests installs it.")
    cluster = Cluster(found)
    try:
        with tempfile.TemporaryDirectory() as folder:
            path, address = create_workspaces(Path(folder), cluster.database())
            file_first, file_rows = file_run(path)
            server_first, server_rows = server_run(address)
            assert server_rows == file_rows, "the team workspace's board differs from the file's"
            files: list[dict[str, float]] = []
            servers: list[dict[str, float]] = []
            for _ in range(args.runs):
                files.append(file_run(path)[0])
                servers.append(server_run(address)[0])
    finally:
        cluster.stop()

    file_ms, server_ms = median(files, "total"), median(servers, "total")
    ratio = server_ms / file_ms
    verdict = "ok" if ratio <= 2 else "OVER BUDGET"
    initiatives = len(file_rows.initiatives)
    print(f"team workspace benchmark on stress ({initiatives:,} initiatives), medians of {args.runs} runs")
    print(f"  workspace file, open + board rows + close:   {file_ms:7.1f} ms")
    print(
        f"  loopback server, open + board rows + close:  {server_ms:7.1f} ms   ratio {ratio:.2f}x (budget 2x) {verdict}"
    )
    print(f"    file parts:   {parts(files, PARTS)}")
    print(f"    server parts: {parts(servers, PARTS)}")
    print(f"    server open:  {parts(servers, SERVER_STEPS.values())}")
    print(
        f"  first runs (warm-ups, not in the medians):   {file_first['total'] * 1000:7.1f} ms file,"
        f" {server_first['total'] * 1000:.1f} ms server (imports psycopg)"
    )


if __name__ == "__main__":
    main()
