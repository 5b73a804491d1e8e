"""Charts and PDFs draw characters DejaVu Sans lacks (Chinese, Japanese, Korean…) in a font of the machine that has
them: the test set-up installs one (Debian's fonts-droid-fallback, "Droid Sans Fallback")."""

from __future__ import annotations

import pytest

from align_desktop.reports import fonts
from align_desktop.reports.report_layout import text_width

CJK = "需求预测"


@pytest.fixture(autouse=True)
def _installed() -> None:
    if "Droid Sans Fallback" not in fonts.families():
        pytest.fail("Droid Sans Fallback is not installed: run `make test` (scripts/install-system-deps.sh --tests)")


def test_dejavu_sans_comes_first_then_fonts_with_other_scripts() -> None:
    assert fonts.families()[0] == "DejaVu Sans"
    assert set(fonts.families()[1:]) <= set(fonts.FALLBACKS)


def test_a_character_is_measured_in_the_font_that_has_it() -> None:
    primary = fonts.measuring_fonts(False)[0]
    assert fonts.glyph_font("A", False) is primary
    assert fonts.glyph_font("需", False) is not primary
    assert fonts.glyph_font("需", True).get_char_index(ord("需"))


def test_a_cjk_title_is_measured_at_its_drawn_width() -> None:
    """A CJK character is about one em wide: four at 10 points take about 0.55 inch (DejaVu's empty box, 0.35)."""
    assert text_width(CJK, 10) == pytest.approx(4 * 10 / 72, rel=0.05)


def test_charts_in_the_app_use_the_fallbacks() -> None:
    import matplotlib

    fonts.use_fallbacks()
    assert matplotlib.rcParams["font.family"] == list(fonts.families())
