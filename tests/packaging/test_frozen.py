"""The desktop package: `packaging/align-desktop.spec` builds a one-folder app with PyInstaller that,
run with no Python environment and away from the source tree, lists its samples, creates a
workspace (Alembic migrations read from the bundle) and renders every view on the offscreen platform.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.packaging.support import ROOT, check_screenshots, outside_env, run

SPEC = ROOT / "packaging" / "align-desktop.spec"


def _bare_env(home: Path) -> dict[str, str]:
    """An environment as a desktop session gives a program: no Python variables, no virtualenv on PATH."""
    env = {"HOME": str(home), "PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin"])}
    env.update({key: os.environ[key] for key in ("LANG", "TMPDIR", "SYSTEMROOT") if key in os.environ})
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_frozen_app_runs_without_python(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (it is in the dev extras)")
    started = time.monotonic()
    dist, work = tmp_path / "dist", tmp_path / "build"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    run([*command, "--distpath", dist, "--workpath", work, SPEC], cwd=ROOT, env=outside_env(), timeout=900)
    built = time.monotonic()
    folder = dist / "align-desktop"
    app = folder / ("align-desktop.exe" if sys.platform == "win32" else "align-desktop")
    assert app.is_file(), sorted(p.name for p in dist.iterdir())
    internal = folder / "_internal"
    for shipped in (
        "align_desktop/resources/align-desktop.svg",
        "align_desktop/sample_workspaces/retail.json",
        "align_desktop/store/migrations/script.py.mako",
        "matplotlib/mpl-data/matplotlibrc",
    ):
        assert (internal / shipped).is_file(), f"{shipped} is not in the bundle"
    if sys.platform.startswith("linux"):
        assert (internal / "PySide6/Qt/plugins/platforms/libqoffscreen.so").is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _bare_env(elsewhere)
    samples = [line.split("\t")[0] for line in run([app, "samples"], cwd=elsewhere, env=env).splitlines()]
    assert "retail" in samples and "stress" in samples, samples
    run([app, "new", "retail.align", "--sample", "retail"], cwd=elsewhere, env=env)
    printed = run([app, "screenshot", "retail.align", "shots"], cwd=elsewhere, env=env)
    check_screenshots(elsewhere / "shots", printed)
    print(f"frozen: build {built - started:.1f} s, commands {time.monotonic() - built:.1f} s")
