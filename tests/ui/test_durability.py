"""An edit shown as saved survives the app being killed (SIGKILL) the moment it says so.

The child is the app's own `OpenWorkspace`: it makes edits one after another and prints each
time its `saved` signal fires (the signal the status bar shows "Saved" on). The parent kills it
as soon as it has read a chosen number of those lines, then finds every one of those edits in
the file, which passes SQLite's checks and the app's.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from align_desktop.store.check import check_workspace
from align_desktop.store.workspace import Workspace

EDITOR = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from align_desktop.store.workspace import Workspace
from align_desktop.ui.open_workspace import OpenWorkspace

app = QCoreApplication([])
opened = OpenWorkspace(Workspace.open(Path(sys.argv[1])))
edit = 0
opened.saved.connect(lambda: print(f"saved Edit {edit}", flush=True))
for edit in range(1000):
    opened.perform("Add outcome", lambda: opened.outcomes.create({"name": f"Edit {edit}"})[1])
"""


def test_every_edit_shown_as_saved_is_in_the_file_after_a_kill(sample_path: Path, tmp_path: Path) -> None:
    draw = random.Random(20261126)
    for attempt in range(5):
        workspace_path = tmp_path / f"attempt-{attempt}" / sample_path.name
        workspace_path.parent.mkdir()
        shutil.copyfile(sample_path, workspace_path)
        editor = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(workspace_path)], stdout=subprocess.PIPE, text=True
        )
        assert editor.stdout is not None
        shown = [editor.stdout.readline().removeprefix("saved ").strip() for _ in range(draw.randint(1, 40))]
        editor.send_signal(signal.SIGKILL)
        editor.wait()
        editor.stdout.close()
        assert check_workspace(workspace_path) == []
        workspace = Workspace.open(workspace_path)  # clears the dead editor's lock
        try:
            with workspace.read() as db:
                names = {name for (name,) in db.execute("SELECT name FROM outcome")}
        finally:
            workspace.close()
        assert set(shown) <= names
