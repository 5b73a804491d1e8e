"""The fonts of charts and PDFs: DejaVu Sans, then, for the characters it lacks (Chinese, Japanese, Korean…),
fonts on the machine that have them.

matplotlib draws each character in the first font of `font.family` that has a glyph for it (font
fallback). The app ships no CJK font, which would weigh tens of megabytes: a machine used with such
titles has one (`FALLBACKS`). Without any, those characters are drawn as empty boxes. matplotlib keeps
a list of the machine's fonts between runs; fonts installed since are added to it when first needed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

PRIMARY = "DejaVu Sans"
FALLBACKS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Apple SD Gothic Neo",
)
"""Fonts with the scripts DejaVu Sans lacks, as Linux, Windows and macOS name them, in the order they are tried."""


@cache
def families() -> tuple[str, ...]:
    """DejaVu Sans, then the `FALLBACKS` installed here."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {entry.fname for entry in manager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                manager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue  # a file FreeType cannot read: not a font to draw with
    installed = {entry.name for entry in manager.ttflist}
    return (PRIMARY, *(name for name in FALLBACKS if name in installed))


def use_fallbacks() -> None:
    """Draw charts with `families()` from now on."""
    import matplotlib

    matplotlib.rcParams["font.family"] = list(families())


@cache
def measuring_fonts(bold: bool) -> tuple[Any, ...]:
    """FreeType faces of `families()` at 100 px per em, to measure text as it is drawn (`glyph_font`)."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    faces = []
    for family in families():
        face = FT2Font(findfont(FontProperties(family=family, weight="bold" if bold else "normal")))
        face.set_size(100, 72)
        faces.append(face)
    return tuple(faces)


def glyph_font(char: str, bold: bool) -> Any:
    """The face a character is drawn in: the first of `measuring_fonts` with a glyph for it, else the primary."""
    faces = measuring_fonts(bold)
    return next((face for face in faces if face.get_char_index(ord(char))), faces[0])
