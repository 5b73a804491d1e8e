"""Helpers for the packaging tests: the source tree, a clean environment, and checks of screenshots."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository (the tests read it; the packaged app under test never may)."""

NOT_PACKAGED = (".git", ".venv", ".run", "build", "dist", "tests", "benchmarks", "*.egg-info", "__pycache__")
"""What a build leaves out of its copy of the tree (work folders, caches, tests)."""


def copy_tree(target: Path) -> Path:
    """A copy of the source tree to build from, so that builds leave nothing in the repository."""
    ignore = shutil.ignore_patterns(*NOT_PACKAGED, ".*_cache", ".hypothesis")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def outside_env(**extra: str) -> dict[str, str]:
    """This process's environment without any trace of the development virtualenv or the tree.

    PIP_* settings (index, cache) stay, so that installing reuses what pip already has.
    """
    venv_bin = str(Path(sys.executable).parent)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTEST_CURRENT_TEST"}
    }
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin)
    env.update(extra)
    return env


def run(command: Sequence[str | Path], cwd: Path, env: Mapping[str, str], timeout: int = 300) -> str:
    """Run `command`, fail the test with its output unless it exits 0, and return its stdout."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def expected_views() -> set[str]:
    """The names `screenshot` must write: the welcome screen and every view of this build (it may add more)."""
    from align_desktop.ui.views import VIEWS

    return {"welcome", *(spec.name for spec in VIEWS)}


def distinct_colours(path: Path) -> int:
    """How many colours a 40 × 40 grid of samples of the image at `path` finds (0 if it does not load)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return 0
    return len(
        {
            image.pixel(x * (image.width() - 1) // 39, y * (image.height() - 1) // 39)
            for x in range(40)
            for y in range(40)
        }
    )


def check_screenshots(outdir: Path, printed: str) -> None:
    """Every view was rendered to OUTDIR/<view>.png, each a real picture of a window."""
    from PySide6.QtGui import QImage

    written = {Path(line).stem for line in printed.splitlines() if line.endswith(".png")}
    assert not expected_views() - written, printed
    assert {p.stem for p in outdir.glob("*.png")} == written
    for name in written:
        png = outdir / f"{name}.png"
        image = QImage(str(png))
        assert not image.isNull(), f"{png} is not a readable PNG"
        if name in expected_views():  # the window; other shots (a dialog) may be smaller
            assert image.width() >= 800 and image.height() >= 600, f"{png} is {image.width()}x{image.height()}"
        assert distinct_colours(png) >= 12, f"{png} looks blank"
