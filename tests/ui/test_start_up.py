"""Start-up stays light: the board of a workspace is shown before SQLAlchemy, Alembic,
matplotlib or openpyxl are imported, and the write path is loaded right after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from align_desktop.ui.app import create_application, open_main_window
from align_desktop.ui.main_window import WARM_UP_DELAY_MS
from align_desktop.ui.preferences import Preferences
from PySide6.QtTest import QTest

app = create_application()
window = open_main_window(Preferences(QSettings(sys.argv[2], QSettings.Format.IniFormat)), Path(sys.argv[1]))
assert window.workspace is not None
app.processEvents()
window.grab()
heavy = ("sqlalchemy", "alembic", "matplotlib", "openpyxl")
print("shown with:", sorted({m.split(".")[0] for m in sys.modules if m.startswith(heavy)}))
QTest.qWait(WARM_UP_DELAY_MS + 200)
print("then:", "sqlalchemy" in sys.modules)
"""


def test_board_shows_before_heavy_libraries_load(sample_path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_path), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert "shown with: []" in result.stdout
    assert "then: True" in result.stdout
