"""Render the app icon set from `resources/align-desktop.svg` with Qt's own SVG renderer.

Writes `icons/hicolor/<N>x<N>/apps/align-desktop.png` for the freedesktop.org icon theme sizes,
`align-desktop.ico` (Windows: PNG entries of 16 to 256 pixels) and `align-desktop.icns` (macOS)
into OUTDIR (default: `resources/`). Run it again whenever the SVG changes:

    .venv/bin/python scripts/render-icons.py [OUTDIR]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SVG = RESOURCES / "align-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))
"""The .icns entries that hold PNG data, with their pixel sizes."""


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
        raise OSError(f"Qt could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNG images (read by Windows Vista and later)."""
    sizes = [size for size in ICO_SIZES if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, images = b"", b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 stands for 256
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + directory + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file whose entries are PNG images."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else RESOURCES
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render-icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        path = outdir / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "align-desktop.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(path)
    for name, data in (("align-desktop.ico", ico(pngs)), ("align-desktop.icns", icns(pngs))):
        (outdir / name).write_bytes(data)
        print(outdir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
