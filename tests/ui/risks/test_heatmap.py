"""The risk heat map: counts per cell, click to filter, drag to rescore, capped chips, marks, and 1,000 risks."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from align_desktop.ui.risks.heatmap import HeatMap, HeatPoint
from align_desktop.ui.risks.heatmap_layout import HIGHLIGHT, MAX_CHIPS

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier

POINTS = [
    HeatPoint("R-001", "Bias in credit scoring against thin-file applicants", 4, 5),
    HeatPoint("R-002", "Personalisation leaks purchase history", 3, 4),
    HeatPoint("R-003", "Demand forecast drifts after promotions", 3, 4),
    HeatPoint("R-004", "Churn model trained on stale labels", 2, 2),
    HeatPoint("R-005", "Fraud model blocks good customers", 3, 4),
]


def _show(qtbot: Any, width: int = 720, height: int = 420) -> HeatMap:
    heatmap = HeatMap("Residual")
    qtbot.addWidget(heatmap)
    heatmap.resize(width, height)
    heatmap.show()
    qtbot.waitExposed(heatmap)
    return heatmap


@pytest.fixture
def heatmap(qtbot: Any) -> HeatMap:
    shown = _show(qtbot)
    shown.set_points(POINTS, 9)
    return shown


def _drag(heatmap: HeatMap, start: QPoint, end: QPoint, *, release: bool = True) -> None:
    QTest.mousePress(heatmap, LEFT, NONE, start)
    for step in range(1, 6):
        QTest.mouseMove(heatmap, start + (end - start) * step / 5)
    if release:
        QTest.mouseRelease(heatmap, LEFT, NONE, end)


def _share(image: QImage, area: QRect, colour: QColor, tolerance: int = 24) -> float:
    """The share of the pixels of `area` within `tolerance` of `colour` on each channel."""
    hits = total = 0
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += all(
                abs(a - b) <= tolerance
                for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)  # type: ignore[arg-type]
            )
    return hits / total


def test_set_points_counts_risks_per_cell(heatmap: HeatMap) -> None:
    assert heatmap.count(3, 4) == 3
    assert heatmap.count(4, 5) == 1
    assert heatmap.count(2, 2) == 1
    assert heatmap.count(5, 5) == 0
    assert sum(heatmap.count(lk, im) for lk in range(1, 6) for im in range(1, 6)) == len(POINTS)
    assert heatmap.chip_keys(3, 4) == ["R-002", "R-003", "R-005"]
    heatmap.set_points(POINTS[:1], 9)
    assert heatmap.count(3, 4) == 0
    assert heatmap.chip_rect("R-002") is None


@pytest.mark.parametrize(("likelihood", "impact"), [(1, 1), (3, 4), (5, 2), (5, 5)])
def test_clicking_a_cell_emits_its_likelihood_and_impact(
    qtbot: Any, heatmap: HeatMap, likelihood: int, impact: int
) -> None:
    with qtbot.waitSignal(heatmap.cell_clicked) as blocker:
        QTest.mouseClick(heatmap, LEFT, NONE, heatmap.cell_rect(likelihood, impact).center())
    assert blocker.args == [likelihood, impact]


def test_clicking_a_chip_without_dragging_is_a_click_on_its_cell(qtbot: Any, heatmap: HeatMap) -> None:
    chip = heatmap.chip_rect("R-003")
    assert chip is not None
    with qtbot.assertNotEmitted(heatmap.risk_dropped), qtbot.waitSignal(heatmap.cell_clicked) as blocker:
        QTest.mouseClick(heatmap, LEFT, NONE, chip.center())
    assert blocker.args == [3, 4]


def test_clicks_outside_the_grid_emit_nothing(qtbot: Any, heatmap: HeatMap) -> None:
    with qtbot.assertNotEmitted(heatmap.cell_clicked):
        QTest.mouseClick(heatmap, LEFT, NONE, QPoint(4, 4))
        QTest.mouseClick(heatmap, LEFT, NONE, QPoint(heatmap.width() - 2, heatmap.height() - 2))


def test_dragging_a_chip_to_another_cell_emits_the_new_likelihood_and_impact(qtbot: Any, heatmap: HeatMap) -> None:
    chip = heatmap.chip_rect("R-003")
    assert chip is not None
    target = heatmap.cell_rect(1, 2).center() + QPoint(12, 9)
    with qtbot.assertNotEmitted(heatmap.cell_clicked), qtbot.waitSignal(heatmap.risk_dropped) as blocker:
        _drag(heatmap, chip.center(), target, release=False)
        assert heatmap.drop_target == (1, 2)
        QTest.mouseRelease(heatmap, LEFT, NONE, target)
    assert blocker.args == ["R-003", 1, 2]
    assert heatmap.drop_target is None


def test_the_drop_indicator_follows_the_pointer(heatmap: HeatMap) -> None:
    chip = heatmap.chip_rect("R-001")
    assert chip is not None
    _drag(heatmap, chip.center(), heatmap.cell_rect(2, 3).center(), release=False)
    assert heatmap.drop_target == (2, 3)
    image = heatmap.grab().toImage()
    cell = heatmap.cell_rect(2, 3)
    assert _share(image, QRect(cell.left() + 10, cell.top() + 1, cell.width() - 20, 2), HIGHLIGHT, 40) > 0.3
    QTest.mouseMove(heatmap, heatmap.cell_rect(4, 5).center())
    assert heatmap.drop_target is None, "back over its own cell: no drop target"
    QTest.mouseRelease(heatmap, LEFT, NONE, heatmap.cell_rect(4, 5).center())


def test_a_drop_on_the_same_cell_emits_nothing(qtbot: Any, heatmap: HeatMap) -> None:
    chip = heatmap.chip_rect("R-002")
    assert chip is not None
    cell = heatmap.cell_rect(3, 4)
    with qtbot.assertNotEmitted(heatmap.risk_dropped), qtbot.assertNotEmitted(heatmap.cell_clicked):
        _drag(heatmap, chip.center(), QPoint(cell.right() - 4, cell.bottom() - 4))


def test_a_drop_outside_the_grid_or_after_escape_emits_nothing(qtbot: Any, heatmap: HeatMap) -> None:
    chip = heatmap.chip_rect("R-002")
    assert chip is not None
    with qtbot.assertNotEmitted(heatmap.risk_dropped), qtbot.assertNotEmitted(heatmap.cell_clicked):
        _drag(heatmap, chip.center(), QPoint(3, 3))
        _drag(heatmap, chip.center(), heatmap.cell_rect(1, 1).center(), release=False)
        QTest.keyClick(heatmap, Qt.Key.Key_Escape)
        assert heatmap.drop_target is None
        QTest.mouseRelease(heatmap, LEFT, NONE, heatmap.cell_rect(1, 1).center())


def test_a_crowded_cell_shows_six_chips_then_how_many_more(qtbot: Any) -> None:
    heatmap = _show(qtbot, 1000, 700)
    crowd = [HeatPoint(f"R-{n:03d}", f"Risk {n}", 4, 4) for n in range(10, 0, -1)]
    heatmap.set_points(crowd, 9)
    assert heatmap.count(4, 4) == 10
    assert heatmap.chip_keys(4, 4) == [f"R-{n:03d}" for n in range(1, MAX_CHIPS + 1)]
    assert heatmap.more_count(4, 4) == 4
    assert heatmap.chip_rect("R-007") is None


def test_a_small_map_shows_fewer_chips_but_accounts_for_every_risk(qtbot: Any) -> None:
    heatmap = _show(qtbot, 360, 280)
    heatmap.set_points([HeatPoint(f"R-{n:03d}", "", 2, 5) for n in range(1, 9)], 9)
    shown = heatmap.chip_keys(2, 5)
    assert len(shown) < MAX_CHIPS
    assert len(shown) + heatmap.more_count(2, 5) == 8
    cell = heatmap.cell_rect(2, 5)
    for key in shown:
        chip = heatmap.chip_rect(key)
        assert chip is not None
        assert cell.contains(chip)


def test_chips_grow_back_when_the_map_grows(qtbot: Any) -> None:
    heatmap = _show(qtbot, 360, 280)
    heatmap.set_points([HeatPoint(f"R-{n:03d}", "", 1, 1) for n in range(1, 9)], 9)
    small = heatmap.cell_rect(1, 1)
    few = len(heatmap.chip_keys(1, 1))
    heatmap.resize(1100, 700)
    assert heatmap.cell_rect(1, 1).width() > small.width()
    assert len(heatmap.chip_keys(1, 1)) > few


def test_the_selected_risk_has_the_first_chip_and_it_is_highlighted(qtbot: Any) -> None:
    heatmap = _show(qtbot)
    crowd = [HeatPoint(f"R-{n:03d}", f"Risk {n}", 2, 3, selected=n == 9) for n in range(1, 10)]
    heatmap.set_points(crowd, 9)
    assert heatmap.chip_keys(2, 3)[0] == "R-009", "the selected risk is shown even in a crowded cell"
    image = heatmap.grab().toImage()
    selected, other = heatmap.chip_rect("R-009"), heatmap.chip_rect("R-001")
    assert selected is not None and other is not None
    assert _share(image, selected, HIGHLIGHT) > 0.4
    assert _share(image, other, HIGHLIGHT) < 0.05


def test_the_filter_cell_is_outlined_until_cleared(heatmap: HeatMap) -> None:
    cell = heatmap.cell_rect(3, 4)
    edge = QRect(cell.left() + 10, cell.top() - 1, cell.width() - 20, 3)
    assert _share(heatmap.grab().toImage(), edge, HIGHLIGHT) < 0.05
    heatmap.set_filter_cell((3, 4))
    assert heatmap.filter_cell == (3, 4)
    assert _share(heatmap.grab().toImage(), edge, HIGHLIGHT) > 0.5
    heatmap.set_filter_cell(None)
    assert heatmap.filter_cell is None
    assert _share(heatmap.grab().toImage(), edge, HIGHLIGHT) < 0.05


def test_tooltips_list_a_cells_risks_and_name_a_chips_risk(heatmap: HeatMap) -> None:
    cell_tip = heatmap.tooltip_at(heatmap.cell_rect(4, 5).bottomLeft() + QPoint(4, -4))
    assert "R-001 Bias in credit scoring against thin-file applicants" in cell_tip
    assert "= 20, critical, above appetite (&gt; 9)" in cell_tip
    assert "No risks" in heatmap.tooltip_at(heatmap.cell_rect(1, 1).center())
    chip = heatmap.chip_rect("R-004")
    assert chip is not None
    chip_tip = heatmap.tooltip_at(chip.center())
    assert "R-004" in chip_tip and "Churn model trained on stale labels" in chip_tip
    assert heatmap.tooltip_at(QPoint(2, 2)) == ""


def test_titles_are_escaped_in_tooltips(heatmap: HeatMap) -> None:
    heatmap.set_points([HeatPoint("R-001", "<b>loud</b> & bold", 1, 1)], 9)
    assert "&lt;b&gt;loud&lt;/b&gt; &amp; bold" in heatmap.tooltip_at(heatmap.cell_rect(1, 1).center())


def test_the_keyboard_moves_between_cells_and_clicks_one(qtbot: Any, heatmap: HeatMap) -> None:
    heatmap.setFocus(Qt.FocusReason.TabFocusReason)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Left):
        QTest.keyClick(heatmap, key)
    with qtbot.waitSignal(heatmap.cell_clicked) as blocker:
        QTest.keyClick(heatmap, Qt.Key.Key_Return)
    assert blocker.args == [3, 4]


def test_screen_readers_get_a_name_and_a_summary(heatmap: HeatMap) -> None:
    assert heatmap.accessibleName() == "Heat map: Residual"
    description = heatmap.accessibleDescription()
    assert description.startswith("5 risks, 4 above appetite")
    assert "likelihood 3, impact 4: 3" in description


def test_scores_outside_one_to_five_are_refused(heatmap: HeatMap) -> None:
    with pytest.raises(ValueError, match="R-009"):
        heatmap.set_points([HeatPoint("R-009", "Off the scale", 6, 1)], 9)
    assert heatmap.count(3, 4) == 3, "a refused set leaves the map as it was"


def test_a_thousand_risks_are_counted_with_chips_capped(qtbot: Any) -> None:
    heatmap = _show(qtbot, 1450 // 2, 430)
    rng = random.Random(5)
    points = [
        HeatPoint(f"R-{n:03d}", f"Risk {n}", rng.randint(1, 5), rng.randint(1, 5), n == 500) for n in range(1, 1001)
    ]
    heatmap.set_points(points, 9)
    heatmap.set_filter_cell((points[499].likelihood, points[499].impact))
    counts = [heatmap.count(lk, im) for lk in range(1, 6) for im in range(1, 6)]
    assert sum(counts) == 1000
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            shown = heatmap.chip_keys(likelihood, impact)
            assert len(shown) <= MAX_CHIPS
            assert len(shown) + heatmap.more_count(likelihood, impact) == heatmap.count(likelihood, impact)
    assert heatmap.chip_rect("R-500") is not None
    assert not heatmap.grab().isNull()


def test_a_short_map_gives_the_legend_row_to_the_cells(qtbot: Any) -> None:
    heatmap = _show(qtbot, 730, 270)
    heatmap.set_points(POINTS, 9)
    assert heatmap.cell_rect(1, 1).height() >= 30
    assert heatmap.cell_rect(1, 1).bottom() > heatmap.height() - 60
    assert "above appetite (> 9)" in heatmap.accessibleDescription()
    assert heatmap.chip_keys(3, 4), "keys still show in a short map"
