"""The desktop integration files: the .desktop entry passes `desktop-file-validate` and names the
command and the icon that ship; the icon set has every size, square, transparent at the corners,
and matches what `scripts/render-icons.py` renders from the SVG today; the .ico and .icns hold it.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.support import ROOT, distinct_colours

DESKTOP_ENTRY = ROOT / "packaging" / "align-desktop.desktop"
RESOURCES = ROOT / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _icon(root: Path, size: int) -> Path:
    return root / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "align-desktop.png"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_passes_desktop_file_validate() -> None:
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate comes with desktop-file-utils: scripts/install-system-deps.sh --tests"
    result = subprocess.run([validate, str(DESKTOP_ENTRY)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_entry_names_the_command_and_the_icon_that_ship() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "align-desktop"  # the console script and the frozen executable
    assert entry["Icon"] == _icon(RESOURCES, 48).stem
    assert entry["Terminal"] == "false"


@pytest.mark.parametrize("size", SIZES)
def test_icon_of_each_size_is_square_transparent_at_the_corners_and_drawn(size: int) -> None:
    from PySide6.QtGui import QImage, qAlpha

    path = _icon(RESOURCES, size)
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    assert qAlpha(image.pixel(0, 0)) == 0, "the rounded corner is transparent"
    assert qAlpha(image.pixel(size // 2, size // 2)) == 255
    assert distinct_colours(path) >= 3


def test_icons_match_what_the_svg_renders_today(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render-icons.py"), str(tmp_path)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    stale = [size for size in SIZES if QImage(str(_icon(tmp_path, size))) != QImage(str(_icon(RESOURCES, size)))]
    assert not stale, f"icons {stale} differ from the SVG: run scripts/render-icons.py"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "entry is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_windows_ico_holds_the_sizes_up_to_256() -> None:
    data = (RESOURCES / "align-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        png = data[offset : offset + length]
        assert _png_size(png)[0] == (width or 256)
        sizes.append(width or 256)
    assert sizes == [size for size in SIZES if size <= 256]


def test_macos_icns_holds_png_entries() -> None:
    data = (RESOURCES / "align-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes, offset = [], 8
    while offset < len(data):
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        sizes.append(_png_size(data[offset + 8 : offset + length])[0])
        offset += length
    assert sorted(sizes) == [16, 32, 64, 128, 256, 512]
