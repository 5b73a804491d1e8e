"""Capability matrix metrics checked by hand (the arithmetic is in the comments) and by properties."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align_desktop.domain.matrix import (
    RANKINGS,
    CapabilityMetrics,
    Need,
    capability_metrics,
    gap,
    initiative_gaps,
    ranked,
)

CURRENT = {"C-001": 2, "C-002": 4, "C-003": 1}
"""Current maturity: C-003 is needed by nobody."""
VALUE = {"I-001": 100_000.0, "I-002": 50_000.0, "I-003": -30_000.0}
"""Risk-adjusted NPVs: I-003 loses money, I-004 has no business case."""
NEEDS = [
    Need("I-001", "C-001", 4),  # C-001 at 2: 2 levels missing
    Need("I-001", "C-002", 3),  # C-002 at 4: met
    Need("I-002", "C-001", 2),  # met exactly
    Need("I-002", "C-002", 5),  # 1 level missing
    Need("I-003", "C-001", 5),  # 3 levels missing, but I-003's value is negative
    Need("I-004", "C-001", 3),  # 1 level missing, I-004 has no value at all
    Need("I-004", "C-002", 4),  # met exactly
    Need("I-005", "C-002", 1),  # met; I-005 has no gap anywhere
]


@pytest.fixture
def metrics() -> dict[str, CapabilityMetrics]:
    return capability_metrics(NEEDS, CURRENT, VALUE)


@pytest.mark.parametrize(
    ("required", "current", "missing"),
    [(4, 2, 2), (5, 1, 4), (3, 3, 0), (2, 4, 0), (1, 5, 0), (5, 4, 1)],
)
def test_gap_is_the_levels_missing_and_never_negative(required: int, current: int, missing: int) -> None:
    assert gap(required, current) == missing


def test_every_capability_of_the_catalogue_has_metrics(metrics: dict[str, CapabilityMetrics]) -> None:
    assert list(metrics) == ["C-001", "C-002", "C-003"]
    # nobody needs C-003: all zero, nothing blocked
    assert metrics["C-003"] == CapabilityMetrics("C-003", 0, 0.0, 0, 0.0, 0.0, [])


def test_reuse_counts_the_initiatives_that_need_it(metrics: dict[str, CapabilityMetrics]) -> None:
    # C-001: I-001, I-002, I-003, I-004 = 4; C-002: I-001, I-002, I-004, I-005 = 4
    assert (metrics["C-001"].reuse, metrics["C-002"].reuse) == (4, 4)


def test_value_unlocked_sums_only_positive_values(metrics: dict[str, CapabilityMetrics]) -> None:
    # C-001: 100,000 (I-001) + 50,000 (I-002) + 0 (I-003 is −30,000) + 0 (I-004 has none) = 150,000
    assert metrics["C-001"].value_unlocked == 150_000
    # C-002: 100,000 + 50,000 + 0 (I-004) + 0 (I-005) = 150,000
    assert metrics["C-002"].value_unlocked == 150_000


def test_levels_missing_sum_the_gaps(metrics: dict[str, CapabilityMetrics]) -> None:
    # C-001: 2 (I-001) + 0 (I-002) + 3 (I-003) + 1 (I-004) = 6; C-002: 1 (I-002)
    assert (metrics["C-001"].levels_missing, metrics["C-002"].levels_missing) == (6, 1)


def test_weighted_gap_weighs_each_gap_by_the_positive_value_it_blocks(metrics: dict[str, CapabilityMetrics]) -> None:
    # C-001: 2 × 100,000 + 3 × 0 (negative) + 1 × 0 (missing) = 200,000
    assert metrics["C-001"].weighted_gap == 200_000
    # C-002: 1 × 50,000 = 50,000
    assert metrics["C-002"].weighted_gap == 50_000


def test_value_blocked_and_blocked_keys(metrics: dict[str, CapabilityMetrics]) -> None:
    # C-001 blocks I-001 (100,000), I-003 (0) and I-004 (0): 100,000; I-002's need is met
    assert metrics["C-001"].value_blocked == 100_000
    assert metrics["C-001"].blocked == ["I-001", "I-003", "I-004"]
    # C-002 blocks only I-002: 50,000
    assert metrics["C-002"].value_blocked == 50_000
    assert metrics["C-002"].blocked == ["I-002"]


def test_a_capability_at_level_five_blocks_nothing() -> None:
    metrics = capability_metrics([Need("I-001", "C-001", 5)], {"C-001": 5}, {"I-001": 10.0})
    assert (metrics["C-001"].levels_missing, metrics["C-001"].weighted_gap, metrics["C-001"].blocked) == (0, 0, [])
    assert metrics["C-001"].value_unlocked == 10


@pytest.mark.parametrize(
    ("by", "order"),
    [
        # weighted gap: C-001 200,000 > C-002 50,000 > C-003 0
        ("weighted gap", ["C-001", "C-002", "C-003"]),
        # value unlocked: C-001 and C-002 both 150,000 and both reused 4 times: by key
        ("value unlocked", ["C-001", "C-002", "C-003"]),
        # reuse: 4, 4 (tie; value unlocked ties too: by key), 0
        ("reuse", ["C-001", "C-002", "C-003"]),
        # levels missing: 6 > 1 > 0
        ("gap", ["C-001", "C-002", "C-003"]),
    ],
)
def test_ranked_by_each_order(metrics: dict[str, CapabilityMetrics], by: str, order: list[str]) -> None:
    assert [m.key for m in ranked(reversed(list(metrics.values())), by)] == order


def _m(
    key: str, reuse: int = 0, unlocked: float = 0, missing: int = 0, weighted: float = 0, blocked: float = 0
) -> CapabilityMetrics:
    return CapabilityMetrics(key, reuse, unlocked, missing, weighted, blocked)


@pytest.mark.parametrize(
    ("by", "items", "order"),
    [
        # equal weighted gap: more value blocked first; then equal value blocked: more reuse first
        (
            "weighted gap",
            [
                _m("C-001", reuse=1, weighted=90, blocked=30),
                _m("C-002", reuse=1, weighted=90, blocked=45),
                _m("C-003", reuse=7, weighted=90, blocked=30),
            ],
            ["C-002", "C-003", "C-001"],
        ),
        # equal value unlocked: more reuse first
        (
            "value unlocked",
            [_m("C-001", reuse=2, unlocked=500), _m("C-002", reuse=3, unlocked=500)],
            ["C-002", "C-001"],
        ),
        # equal reuse: more value unlocked first
        ("reuse", [_m("C-001", reuse=3, unlocked=100), _m("C-002", reuse=3, unlocked=400)], ["C-002", "C-001"]),
        # equal levels missing: larger weighted gap first
        ("gap", [_m("C-001", missing=4, weighted=10), _m("C-002", missing=4, weighted=20)], ["C-002", "C-001"]),
    ],
)
def test_ties_are_broken_by_the_next_figure(by: str, items: list[CapabilityMetrics], order: list[str]) -> None:
    assert [m.key for m in ranked(items, by)] == order


@pytest.mark.parametrize("by", list(RANKINGS))
def test_full_ties_go_by_key_number_not_text(by: str) -> None:
    items = [_m(key, reuse=2, unlocked=10, missing=1, weighted=10, blocked=10) for key in ("C-1000", "C-999", "C-002")]
    # as text "C-1000" < "C-999"; by number C-002, C-999, C-1000
    assert [m.key for m in ranked(items, by)] == ["C-002", "C-999", "C-1000"]


def test_initiative_gaps_lists_each_initiatives_shortfalls() -> None:
    assert initiative_gaps(NEEDS, CURRENT) == {
        "I-001": [Need("I-001", "C-001", 4)],
        "I-002": [Need("I-002", "C-002", 5)],
        "I-003": [Need("I-003", "C-001", 5)],
        "I-004": [Need("I-004", "C-001", 3)],
    }
    # two shortfalls of one initiative, in the order of its needs; met needs left out
    needs = [Need("I-009", "C-002", 5), Need("I-009", "C-003", 1), Need("I-009", "C-001", 3)]
    assert initiative_gaps(needs, CURRENT) == {"I-009": [needs[0], needs[2]]}
    assert initiative_gaps([], CURRENT) == {}


CAPABILITY_KEYS = [f"C-{n:03d}" for n in range(1, 7)]
INITIATIVE_KEYS = [f"I-{n:03d}" for n in range(1, 11)]


@st.composite
def portfolios(draw: st.DrawFn) -> tuple[list[Need], dict[str, int], dict[str, float]]:
    """Some capabilities with a current maturity, needs of distinct pairs, values of some initiatives."""
    current = {key: draw(st.integers(1, 5)) for key in CAPABILITY_KEYS}
    pairs = draw(st.sets(st.tuples(st.sampled_from(INITIATIVE_KEYS), st.sampled_from(CAPABILITY_KEYS))))
    needs = [Need(i, c, draw(st.integers(1, 5))) for i, c in sorted(pairs)]
    # whole euros keep the sums exact, so the comparisons below need no tolerance
    values = draw(
        st.dictionaries(st.sampled_from(INITIATIVE_KEYS), st.integers(-(10**9), 10**9).map(float), max_size=10)
    )
    return needs, current, values


@settings(max_examples=200, deadline=None)
@given(portfolios())
def test_figures_are_consistent_for_any_portfolio(
    portfolio: tuple[list[Need], dict[str, int], dict[str, float]],
) -> None:
    needs, current, values = portfolio
    metrics = capability_metrics(needs, current, values)
    per_capability = Counter(need.capability_key for need in needs)
    gaps = initiative_gaps(needs, current)
    for key, m in metrics.items():
        assert m.reuse == per_capability[key]
        assert m.value_unlocked >= m.value_blocked >= 0
        # every blocked initiative misses 1 to 4 levels
        assert m.value_blocked <= m.weighted_gap <= 4 * m.value_blocked
        assert len(m.blocked) <= m.levels_missing <= 4 * len(m.blocked)
        assert sorted(m.blocked) == sorted(
            i for i, shortfalls in gaps.items() for n in shortfalls if n.capability_key == key
        )
    assert sum(m.reuse for m in metrics.values()) == len(needs)
    assert sum(m.value_unlocked for m in metrics.values()) == sum(
        max(0.0, values.get(n.initiative_key, 0)) for n in needs
    )


@settings(max_examples=100, deadline=None)
@given(portfolios(), st.sampled_from(list(RANKINGS)))
def test_a_ranking_is_every_capability_highest_first(
    portfolio: tuple[list[Need], dict[str, int], dict[str, float]], by: str
) -> None:
    metrics = capability_metrics(*portfolio)
    order = ranked(metrics.values(), by)
    assert sorted(m.key for m in order) == sorted(metrics)
    figures = [RANKINGS[by](m) for m in order]
    assert figures == sorted(figures, reverse=True)
