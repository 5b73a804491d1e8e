"""An import killed (SIGKILL) at 50 random moments leaves the workspace before or after, never between.

The import is the stress sample's workbook applied to the retail sample (27,000 rows added,
266 changed): a backup, then one write transaction. Each run happens in a child process that
has already imported everything and read the plan, so that the moments (one drawn at random
in each fiftieth of the import's measured length and half as long again) fall in the backup,
the transaction, its commit and the closing. After each kill the workspace must pass SQLite's integrity and
foreign-key checks and the app's consistency rules, hold exactly the rows from before or from
after, open again for editing (the dead process's lock cleared), and every backup listed must
be whole.
"""

from __future__ import annotations

import pickle
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from align_desktop.exchange.importer import apply_plan, plan_import
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.backup import list_backups
from align_desktop.store.check import check_workspace
from align_desktop.store.workspace import Workspace
from tests.killing import Child, one_ahead
from tests.store.test_imports import dump

KILLS = 50

PREPARE = """
import pickle
from pathlib import Path
from align_desktop.exchange.importer import apply_plan
from align_desktop.store import import_writes, models  # loaded before the clock starts
plan = pickle.loads(Path(sys.argv[2]).read_bytes())
"""
IMPORT = "apply_plan(Path(sys.argv[1]), plan)"


@pytest.fixture(scope="module")
def scenario(_built_samples: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The retail sample as it is before the import, and the pickled plan of the import."""
    folder = tmp_path_factory.mktemp("kill")
    pristine = folder / "pristine" / "retail.align"
    pristine.parent.mkdir()
    shutil.copyfile(_built_samples["retail"], pristine)
    workbook = folder / "stress.xlsx"
    export_workbook(_built_samples["stress"], workbook)
    plan = plan_import(pristine, workbook)
    assert not plan.errors and plan.counts["added"] > 20_000
    pickled = folder / "plan.pickle"
    pickled.write_bytes(pickle.dumps(plan))
    return pristine, pickled


def _importers(pristine: Path, folder: Path, plan: Path, count: int) -> Iterator[tuple[Path, Child]]:
    """Children that import into fresh copies of the workspace, each warmed up while the one before runs."""
    workspaces = []

    def start(number: int) -> Child:
        workspace = folder / str(number) / pristine.name
        workspace.parent.mkdir()
        shutil.copyfile(pristine, workspace)
        workspaces.append(workspace)
        return Child(PREPARE, IMPORT, str(workspace), str(plan))

    for number, child in enumerate(one_ahead(start, count)):
        yield workspaces[number], child


def _assert_whole(workspace: Path, before: dict[str, list[object]], after: dict[str, list[object]]) -> str:
    """Check one killed workspace; return which state it holds."""
    assert check_workspace(workspace) == []
    for backup in list_backups(workspace):
        assert check_workspace(backup.path) == [], backup.path.name
    contents = dump(workspace)
    assert contents in (before, after), "the workspace holds a state between before and after"
    Workspace.open(workspace).close()
    return "after" if contents == after else "before"


def test_an_import_killed_at_random_moments_leaves_before_or_after(scenario: tuple[Path, Path], tmp_path: Path) -> None:
    pristine, plan = scenario
    before = dump(pristine)
    calibration = tmp_path / "calibration" / pristine.name
    calibration.parent.mkdir()
    shutil.copyfile(pristine, calibration)
    apply_plan(calibration, pickle.loads(plan.read_bytes()))
    after = dump(calibration)
    assert after != before

    importers = _importers(pristine, tmp_path, plan, KILLS + 1)
    workspace, measuring = next(importers)
    measuring.go()
    length = measuring.finish()
    assert _assert_whole(workspace, before, after) == "after"

    draw = random.Random(20261126)
    for number, (workspace, importer) in enumerate(importers, start=1):
        importer.go()
        importer.kill_after(length * 1.5 * (number - draw.random()) / KILLS)
        _assert_whole(workspace, before, after)
    assert number == KILLS
