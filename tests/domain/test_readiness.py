"""The readiness gate that guards scaling/live, and the badge level a board card shows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align_desktop.domain.readiness import (
    GateBlocked,
    ReadinessLevel,
    gate_failures,
    needs_gate,
    readiness_level,
    score_level,
)
from align_desktop.domain.vocabulary import READINESS_FIELDS, STATUSES


def scores(data: int = 4, model_risk: int = 4, monitoring: int = 4, compliance: int = 4) -> dict[str, int]:
    return {
        "readiness_data": data,
        "readiness_model_risk": model_risk,
        "readiness_monitoring": monitoring,
        "readiness_compliance": compliance,
    }


class TestGateFailures:
    def test_none_when_every_score_meets_the_gate(self) -> None:
        assert gate_failures(scores(2, 2, 3, 4), gate=2) == []

    def test_names_each_low_score_in_vocabulary_order(self) -> None:
        assert gate_failures(scores(compliance=1, data=0), gate=2) == ["Data availability", "Compliance"]

    def test_gate_is_inclusive(self) -> None:
        assert gate_failures(scores(3, 3, 3, 3), gate=3) == []
        assert gate_failures(scores(3, 3, 2, 3), gate=3) == ["Monitoring"]

    def test_gate_zero_never_fails(self) -> None:
        assert gate_failures(scores(0, 0, 0, 0), gate=0) == []

    def test_gate_four_fails_every_score_below_four(self) -> None:
        assert gate_failures(scores(3, 4, 3, 4), gate=4) == ["Data availability", "Monitoring"]


class TestNeedsGate:
    @pytest.mark.parametrize("new", ["scaling", "live"])
    @pytest.mark.parametrize("old", ["idea", "discovery", "experiment", "pilot", "retired"])
    def test_entering_scaling_or_live_needs_the_gate(self, old: str, new: str) -> None:
        assert needs_gate(old, new)

    def test_scaling_to_live_needs_the_gate_again(self) -> None:
        assert needs_gate("scaling", "live")
        assert needs_gate("live", "scaling")

    @pytest.mark.parametrize("status", ["scaling", "live"])
    def test_staying_in_a_gated_status_does_not(self, status: str) -> None:
        assert not needs_gate(status, status)

    @pytest.mark.parametrize("new", ["idea", "discovery", "experiment", "pilot", "retired"])
    def test_other_statuses_do_not(self, new: str) -> None:
        assert not needs_gate("live", new)
        assert not needs_gate("idea", new)


class TestReadinessLevel:
    def test_blocked_when_any_score_is_below_the_gate(self) -> None:
        assert readiness_level(scores(monitoring=1), gate=2) is ReadinessLevel.BLOCKED

    def test_at_gate_when_the_lowest_score_equals_it(self) -> None:
        assert readiness_level(scores(4, 2, 4, 3), gate=2) is ReadinessLevel.AT_GATE

    def test_ready_when_every_score_is_above(self) -> None:
        assert readiness_level(scores(3, 3, 3, 3), gate=2) is ReadinessLevel.READY

    @pytest.mark.parametrize(
        ("score", "level"),
        [
            (0, ReadinessLevel.BLOCKED),
            (1, ReadinessLevel.BLOCKED),
            (2, ReadinessLevel.AT_GATE),
            (4, ReadinessLevel.READY),
        ],
    )
    def test_score_level_places_one_score_against_the_gate(self, score: int, level: ReadinessLevel) -> None:
        assert score_level(score, 2) is level

    @given(st.lists(st.integers(0, 4), min_size=4, max_size=4), st.integers(0, 4))
    def test_level_agrees_with_gate_failures(self, values: list[int], gate: int) -> None:
        card = dict(zip(READINESS_FIELDS, values, strict=True))
        level = readiness_level(card, gate)
        assert (level is ReadinessLevel.BLOCKED) == bool(gate_failures(card, gate))
        assert (level is ReadinessLevel.READY) == (min(values) > gate)


def test_gate_blocked_message_names_key_status_scores_and_gate() -> None:
    error = GateBlocked("I-007", "live", 3, ["Monitoring", "Compliance"])
    message = str(error)
    assert message.startswith("I-007 cannot move to live: Monitoring, Compliance are below")
    assert "readiness gate of 3" in message
    assert "reason to override" in message
    assert "is below" in str(GateBlocked("I-001", "scaling", 2, ["Monitoring"]))


def test_only_scaling_and_live_are_gated() -> None:
    assert [s for s in STATUSES if needs_gate("pilot", s)] == ["scaling", "live"]
