"""The wheel built once per test run from a copy of the source tree, shared by the packaging tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.support import copy_tree, outside_env, run


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip wheel` of the tree, as a user or a release job builds it (build isolation, no dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    source = copy_tree(work / "source")
    out = work / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "wheel", "--no-deps", "--wheel-dir", out, source], cwd=work, env=outside_env(), timeout=600)
    wheels = sorted(out.glob("align_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]
