"""Exports and imports on a full disk: a clear message, no partial file, the workspace unchanged;
with room again, the same import goes through."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from align_desktop.exchange.exports import export
from align_desktop.exchange.importer import apply_plan, plan_import
from align_desktop.exchange.workbook_export import export_workbook
from align_desktop.store.backup import list_backups
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from tests.store.test_imports import dump


@pytest.mark.parametrize("kind", ["finance", "executive", "workbook"])
def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(small_disk: Any, sample_path: Path, kind: str) -> None:
    small_disk.fill()
    out = small_disk.path / f"{kind}.xlsx"
    with pytest.raises(WorkspaceError, match=rf"{kind}.xlsx cannot be written: the disk is full"):
        export(kind, sample_path, out)
    assert sorted(p.name for p in small_disk.path.iterdir()) == ["filler.bin"]


def test_an_import_on_a_full_disk_changes_nothing_and_goes_through_with_room(
    small_disk: Any, sample_path: Path, tmp_path: Path
) -> None:
    workspace = small_disk.path / sample_path.name
    shutil.copyfile(sample_path, workspace)
    book = tmp_path / "retail.xlsx"
    export_workbook(sample_path, book)
    plan = plan_import(workspace, book)
    plan.changes.settings = {"discount_rate": 0.12}
    before = dump(workspace)
    small_disk.fill()
    with pytest.raises(WorkspaceError, match="the disk is full"):
        apply_plan(workspace, plan)
    assert dump(workspace) == before
    assert sorted(p.name for p in small_disk.path.iterdir() if p.is_file()) == ["filler.bin", "retail.align"]
    assert list_backups(workspace) == []
    small_disk.free()
    apply_plan(workspace, plan)
    assert dump(workspace) != before
    assert check_workspace(workspace) == []
