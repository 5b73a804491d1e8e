"""Snapshots in the store: each reads back exactly as taken (whole or as changes, along a chain),
they are stored compactly, listed with their session, compared, and checked by `check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.exchange.roi_document import build_report
from align_desktop.store import snapshot_writes
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import NotFound, WorkspaceDamaged
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.models import Initiative
from align_desktop.store.reading import read_case_summaries
from align_desktop.store.risks import RiskService
from align_desktop.store.session_reader import session_reader
from align_desktop.store.settings import SettingsService
from align_desktop.store.snapshot_content import Content, read_content
from align_desktop.store.snapshot_reading import chain_of, snapshot_content
from align_desktop.store.snapshot_writes import CHAIN_LIMIT, take_snapshot
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.workspace import Workspace
from tests.store.session_rows import add_session


def content_now(workspace: Workspace) -> Content:
    with workspace.read() as db:
        return read_content(db)


def stored(workspace: Workspace, snapshot_id: int) -> Content:
    with workspace.read() as db:
        return snapshot_content(db, snapshot_id)


def bases(workspace: Workspace) -> list[int | None]:
    with workspace.read() as db:
        return [base for (base,) in db.execute("SELECT base_id FROM snapshot ORDER BY id")]


def lane_ids(workspace: Workspace) -> list[int]:
    return [lane.id for lane in SettingsService(workspace).lanes()]


def test_a_snapshot_reads_back_exactly_as_taken_and_later_edits_do_not_touch_it(sample_workspace: Workspace) -> None:
    service = SnapshotService(sample_workspace)
    taken = content_now(sample_workspace)

    first = service.take("Before the workshop")
    RiskService(sample_workspace).update("R-001", {"likelihood": 1, "owner": "Someone else"})

    assert stored(sample_workspace, first) == taken
    assert content_now(sample_workspace) != taken
    assert set(taken) >= {"initiative", "business_case", "cost_line", "capability_need", "risk_initiative"}


def test_later_snapshots_are_stored_as_changes_and_each_reads_back_exactly_along_the_chain(
    sample_workspace: Workspace,
) -> None:
    service = SnapshotService(sample_workspace)
    initiatives = InitiativeService(sample_workspace)
    later = lane_ids(sample_workspace)[-1]
    expected: dict[int, Content] = {service.take("Start"): content_now(sample_workspace)}
    edits = [
        lambda: initiatives.move("I-001", later, 0),
        lambda: initiatives.update("I-002", {"confidence": 35, "description": "Ünïcode ✓ and 'quotes'"}),
        lambda: BusinessCaseService(sample_workspace).set_adoption("I-003", {1: 0.125, 2: None}),
        lambda: initiatives.create({"title": "Added between snapshots"}),
        lambda: initiatives.delete("I-004"),
        lambda: SettingsService(sample_workspace).update({"discount_rate": 0.0725}),
    ]
    for number, edit in enumerate(edits, start=1):
        edit()
        expected[service.take(f"After edit {number}")] = content_now(sample_workspace)

    assert bases(sample_workspace) == [None, 1, 2, 3, 4, 5, 6]
    for snapshot_id, content in expected.items():
        assert stored(sample_workspace, snapshot_id) == content
    rows = service.list()
    assert rows[0].stored_size > 20 * max(row.stored_size for row in rows[1:])


def test_chains_are_bounded_so_that_reading_one_decodes_at_most_chain_limit_payloads(
    sample_workspace: Workspace,
) -> None:
    service = SnapshotService(sample_workspace)
    risks = RiskService(sample_workspace)
    expected = {}
    for number in range(2 * CHAIN_LIMIT + 1):
        risks.update("R-001", {"owner": f"Owner {number}"})
        expected[service.take(f"Snapshot {number}")] = content_now(sample_workspace)

    with sample_workspace.read() as db:
        lengths = [len(chain_of(db, snapshot_id)) for snapshot_id in expected]
    assert lengths == [*range(1, CHAIN_LIMIT + 1), *range(1, CHAIN_LIMIT + 1), 1]
    assert all(stored(sample_workspace, snapshot_id) == content for snapshot_id, content in expected.items())


def test_an_unchanged_workspace_snapshots_as_a_few_bytes(sample_workspace: Workspace) -> None:
    service = SnapshotService(sample_workspace)
    service.take("One")
    second = service.take("Two")

    assert bases(sample_workspace) == [None, 1]
    assert service.list()[1].stored_size < 150
    assert stored(sample_workspace, second) == content_now(sample_workspace)


def test_a_snapshot_is_stored_whole_when_its_changes_would_not_be_smaller(
    sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = SnapshotService(sample_workspace)
    service.take("Start")
    InitiativeService(sample_workspace).update("I-001", {"title": "Renamed"})
    monkeypatch.setattr(snapshot_writes, "encode_changes", lambda base, content: b"x" * 10_000_000)
    latest = service.take("Changes that do not pay")

    assert bases(sample_workspace) == [None, None]
    assert stored(sample_workspace, latest) == content_now(sample_workspace)


def test_take_snapshot_sees_pending_changes_of_its_transaction_and_never_commits(sample_workspace: Workspace) -> None:
    class Abandon(Exception):
        pass

    def rename_snapshot_and_abandon() -> str:
        with sample_workspace.write() as session:
            initiative = session.query(Initiative).filter_by(key="I-001").one()
            initiative.title = "Renamed in the same transaction"
            snapshot_id = take_snapshot(session, label="Start", reason="start", session_id=None, taken_by="Ana")
            raise Abandon(snapshot_content(session_reader(session), snapshot_id)["initiative"].records()[0]["title"])

    with pytest.raises(Abandon) as abandoned:
        rename_snapshot_and_abandon()
    title = str(abandoned.value)

    assert title == "Renamed in the same transaction"
    assert SnapshotService(sample_workspace).list() == []


def test_the_list_names_the_session_who_took_it_and_the_reason(sample_workspace: Workspace) -> None:
    sample_workspace.author = "Facilitator Fay"
    add_session(sample_workspace, "Quarterly roadmap review", ["Ana", "Ben"])
    with sample_workspace.read() as db:
        (session_id,) = db.execute("SELECT id FROM workshop_session").fetchone()
    service = SnapshotService(sample_workspace)
    service.take("  Start of   Quarterly roadmap review ", reason="start", session_id=session_id)
    service.take("On demand")

    rows = service.list()
    assert [(row.id, row.label, row.reason, row.taken_by, row.session_title) for row in rows] == [
        (1, "Start of Quarterly roadmap review", "start", "Facilitator Fay", "Quarterly roadmap review"),
        (2, "On demand", "manual", "Facilitator Fay", None),
    ]
    assert rows[0].taken_at <= rows[1].taken_at


@pytest.mark.parametrize(("label", "message"), [(" ", "needs a label"), ("x" * 201, "at most 200")])
def test_a_blank_or_overlong_label_is_refused_and_nothing_is_stored(
    sample_workspace: Workspace, label: str, message: str
) -> None:
    service = SnapshotService(sample_workspace)
    with pytest.raises(ValidationError, match=message) as refused:
        service.take(label)

    assert refused.value.field == "label"
    assert service.list() == []


def test_compare_lists_board_moves_scores_risk_bands_and_npv_between_snapshots_and_with_now(
    sample_workspace: Workspace,
) -> None:
    service = SnapshotService(sample_workspace)
    initiatives = InitiativeService(sample_workspace)
    first_lane, *_, last_lane = SettingsService(sample_workspace).lanes()
    risk = RiskService(sample_workspace).get("R-001")
    start = service.take("Start")
    old_lane = initiatives.get("I-001").lane_id
    initiatives.move("I-001", last_lane.id if old_lane != last_lane.id else first_lane.id, 0)
    initiatives.update("I-002", {"confidence": 5})
    RiskService(sample_workspace).update("R-001", {"residual_likelihood": 5, "residual_impact": 5})
    benefit = BusinessCaseService(sample_workspace).case("I-003").annual_benefit
    BusinessCaseService(sample_workspace).set_benefit("I-003", {"annual_benefit": benefit + 100_000})
    end = service.take("End")

    comparison = service.compare(start, end)

    lanes = {lane.id: lane.name for lane in SettingsService(sample_workspace).lanes()}
    assert [(move.key, move.old_lane, move.new_lane) for move in comparison.lane_moves] == [
        ("I-001", lanes[old_lane], lanes[initiatives.get("I-001").lane_id])
    ]
    assert ("initiative", "I-002", "confidence", 5) in [
        (change.kind, change.key, change.field, change.new) for change in comparison.score_changes
    ]
    assert [(band.key, band.rating, band.new_band) for band in comparison.band_changes] == [
        ("R-001", "residual", "critical")
    ]
    assert risk.residual_likelihood * risk.residual_impact < 16
    assert {(change.kind, change.key) for change in comparison.changes} == {
        ("initiative", "I-001"),
        ("initiative", "I-002"),
        ("risk", "R-001"),
        ("business case", "I-003"),
    }
    *scenarios, _risk_adjusted = comparison.npv  # I-002's confidence fell: risk-adjusted may go either way
    assert all(change.after > change.before for change in scenarios)
    assert service.compare_with_now(end).changes == ()
    assert service.compare_with_now(start) == comparison


def test_npv_per_scenario_is_the_figure_align_desktop_roi_reports(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        start = SnapshotService(workspace).take("Start")
        comparison = SnapshotService(workspace).compare_with_now(start)
    finally:
        workspace.close()
    summaries = read_case_summaries(sample_path)

    *scenarios, risk_adjusted = comparison.npv
    for change in scenarios:
        report = build_report(summaries, change.scenario)
        assert change.before == change.after == pytest.approx(report["portfolio"]["npv"], rel=1e-12)
    report = build_report(summaries, "base")
    assert risk_adjusted.scenario == "risk-adjusted"
    assert risk_adjusted.before == pytest.approx(report["portfolio"]["risk_adjusted_npv"], rel=1e-12)


def test_compare_of_an_unknown_snapshot_is_not_found(sample_workspace: Workspace) -> None:
    with pytest.raises(NotFound):
        SnapshotService(sample_workspace).compare_with_now(7)


def _tamper(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_check_finds_nothing_wrong_with_snapshots_and_reports_a_broken_chain_or_a_damaged_payload(
    sample_path: Path,
) -> None:
    workspace = Workspace.open(sample_path)
    try:
        service = SnapshotService(workspace)
        service.take("Start")
        RiskService(workspace).update("R-001", {"owner": "Changed"})
        service.take("End")
        service.take("Later")
    finally:
        workspace.close()
    assert check_workspace(sample_path) == []

    _tamper(sample_path, "DELETE FROM snapshot WHERE id = 1")
    _tamper(sample_path, "UPDATE snapshot SET payload = x'00ff' WHERE id = 3")
    findings = [finding.removeprefix(f"{sample_path}: ") for finding in check_workspace(sample_path)]

    assert "snapshot 2 cannot be read: its chain of changes needs snapshot 1, which is missing" in findings
    assert "snapshot 3 cannot be read: its chain of changes needs snapshot 1, which is missing" in findings
    assert any(finding.startswith("snapshot 3 cannot be read: it is damaged") for finding in findings)
    workspace = Workspace.open(sample_path)
    try:
        with pytest.raises(WorkspaceDamaged, match="needs snapshot 1, which is missing"):
            SnapshotService(workspace).compare(2, 3)
    finally:
        workspace.close()


def test_a_chain_that_loops_is_reported_not_followed_forever(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        SnapshotService(workspace).take("Start")
    finally:
        workspace.close()
    _tamper(sample_path, "UPDATE snapshot SET base_id = 1 WHERE id = 1")

    assert [finding.removeprefix(f"{sample_path}: ") for finding in check_workspace(sample_path)] == [
        "snapshot 1 cannot be read: its chain of changes loops",
        "snapshot 1 cannot be read: it is damaged (not a payload of changes in format 1)",
    ]


def test_renaming_a_lane_is_one_change_of_the_lane_and_moves_no_card(sample_workspace: Workspace) -> None:
    snapshots = SnapshotService(sample_workspace)
    before = snapshots.take("Before the rename")
    settings = SettingsService(sample_workspace)
    lanes = [(lane.id, lane.name) for lane in settings.lanes()]
    settings.set_lanes([(lanes[0][0], "Q1"), *lanes[1:]])
    comparison = snapshots.compare_with_now(before)
    assert comparison.lane_moves == ()
    assert [(c.kind, c.change, [(f.field, f.old, f.new) for f in c.fields]) for c in comparison.changes] == [
        ("lane", "changed", [("name", "Now", "Q1")])
    ]
