"""The Python package: the wheel built from the tree carries everything the app reads at run time,
declares its dependencies with bounds, and, installed alone into a fresh virtual environment, runs
`samples`, `new` and `screenshot` from a folder outside the source tree.
"""

from __future__ import annotations

import re
import sys
import time
import zipfile
from pathlib import Path

from tests.packaging.support import ROOT, check_screenshots, outside_env, run

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _read(wheel: Path, name: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name)


def test_wheel_carries_samples_resources_and_migrations(built_wheel: Path) -> None:
    names = _names(built_wheel)
    samples = {f"align_desktop/sample_workspaces/{p.name}" for p in (ROOT / "sample_workspaces").glob("*.json")}
    assert {"align_desktop/sample_workspaces/retail.json", "align_desktop/sample_workspaces/stress.json"} <= samples
    resources = {
        "align_desktop/resources/__init__.py",
        "align_desktop/resources/align-desktop.svg",
        "align_desktop/resources/align-desktop.desktop",
        "align_desktop/resources/align-desktop.ico",
        *(f"align_desktop/resources/icons/hicolor/{n}x{n}/apps/align-desktop.png" for n in ICON_SIZES),
    }
    versions = {
        f"align_desktop/store/migrations/versions/{p.name}"
        for p in (ROOT / "align_desktop/store/migrations/versions").glob("*.py")
    }
    assert len(versions) >= 5, versions  # __init__.py and the steps
    migrations = {"align_desktop/store/migrations/env.py", "align_desktop/store/migrations/script.py.mako", *versions}
    missing = (samples | resources | migrations) - names
    assert not missing, f"missing from {built_wheel.name}: {sorted(missing)}"
    assert (
        _read(built_wheel, "align_desktop/resources/align-desktop.desktop")
        == (ROOT / "packaging/align-desktop.desktop").read_bytes()
    )
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"align_desktop"}, "the wheel installs nothing but the align_desktop package"


def test_wheel_declares_the_command_and_bounded_dependencies(built_wheel: Path) -> None:
    info = next(name for name in _names(built_wheel) if name.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
    entry_points = _read(built_wheel, f"{info}/entry_points.txt").decode()
    assert re.search(r"^align-desktop = align_desktop\.cli:main$", entry_points, re.MULTILINE), entry_points
    metadata = _read(built_wheel, f"{info}/METADATA").decode()
    requires = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [r for r in requires if "extra ==" not in r]
    assert runtime, metadata[:2000]
    unbounded = [r for r in runtime if ">=" not in r]
    assert not unbounded, f"dependencies without a lower bound: {unbounded}"
    pyside = next(r for r in runtime if r.lower().startswith("pyside6-essentials"))
    assert "<6.12" in pyside, f"PySide6 6.12.0 aborts on CPython 3.11 (DESIGN.md): {pyside}"
    matplotlib = next(r for r in runtime if r.lower().startswith("matplotlib"))
    assert "<3.11" in matplotlib, matplotlib


def test_fresh_venv_with_only_the_wheel_runs_the_app(built_wheel: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    env = outside_env(QT_QPA_PLATFORM="offscreen")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    pip: list[str | Path] = [python, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "install", built_wheel], cwd=tmp_path, env=env, timeout=900)
    installed = time.monotonic()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    app = bin_dir / "align-desktop"
    located = run([python, "-c", "import align_desktop; print(align_desktop.__file__)"], cwd=elsewhere, env=env)
    assert Path(located.strip()).is_relative_to(venv), f"align_desktop imported from {located}"

    samples = [line.split("\t")[0] for line in run([app, "samples"], cwd=elsewhere, env=env).splitlines()]
    assert "retail" in samples and "stress" in samples, samples

    assert "Created X.align" in run([app, "new", "X.align"], cwd=elsewhere, env=env)
    run([app, "new", "retail.align", "--sample", "retail"], cwd=elsewhere, env=env)
    assert (elsewhere / "X.align").stat().st_size > 0

    for workspace, outdir in (("X.align", "shots-blank"), ("retail.align", "shots-retail")):
        printed = run([app, "screenshot", workspace, outdir], cwd=elsewhere, env=env)
        check_screenshots(elsewhere / outdir, printed)
    print(f"wheel: install {installed - started:.1f} s, commands {time.monotonic() - installed:.1f} s")
