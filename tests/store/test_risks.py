"""Risks in the store: every write undoes and redoes exactly, bad input stores nothing, and the
register's value at risk and the board's above-appetite marks follow the data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.risks import RiskService
from align_desktop.store.rows import RegisterRows
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

ACCEPTED = {"treatment": "accept", "status": "accepted", "acceptance_rationale": "Cheaper to carry than to treat"}


@pytest.fixture
def service(workspace: Workspace) -> RiskService:
    """Initiatives I-001 … I-003 and capabilities C-001, C-002 to link to; no risks yet."""
    initiatives = InitiativeService(workspace)
    for title in ("Fraud scoring", "Promo abuse detection", "Size advice"):
        initiatives.create({"title": title})
    capabilities = CapabilityService(workspace)
    capabilities.create({"name": "Feature store"})
    capabilities.create({"name": "Online serving"})
    return RiskService(workspace)


def keys(service: RiskService) -> list[str]:
    return [row.key for row in service.register().risks]


def links(service: RiskService, key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    row = service.get(key)
    return row.initiative_keys, row.capability_keys


def test_create_fills_defaults_and_cleans_fields(service: RiskService) -> None:
    key, _ = service.create(
        {
            "title": " Bias in fraud scoring ",
            "category": "Data Bias",
            "impact_area": "CONVERSION",
            "likelihood": "4",
            "impact": 4,
            "review_date": "2027-01-15",
        }
    )
    assert key == "R-001"
    row = service.get(key)
    assert (row.title, row.category, row.impact_area, row.likelihood, row.impact) == (
        "Bias in fraud scoring",
        "data bias",
        "conversion",
        4,
        4,
    )
    assert (row.residual_likelihood, row.residual_impact, row.treatment, row.status) == (2, 3, "mitigate", "open")
    assert (row.inherent_score, row.residual_score) == (16, 6)
    assert (row.review_date, row.acceptance_expiry, row.acceptance_rationale) == (date(2027, 1, 15), None, "")
    assert (row.initiative_keys, row.capability_keys) == ((), ())


def test_a_residual_above_the_inherent_score_is_stored(service: RiskService) -> None:
    """Warned about in the form, never forbidden."""
    key, _ = service.create(
        {"title": "Odd", "likelihood": 1, "impact": 2, "residual_likelihood": 3, "residual_impact": 3}
    )
    assert (service.get(key).inherent_score, service.get(key).residual_score) == (2, 9)


def test_create_undo_and_redo_keep_the_key(service: RiskService) -> None:
    service.create({"title": "Drift"})
    before = service.register()
    key, revert = service.create({"title": "Vendor lock-in", "owner": "Mikkel Andersen"} | ACCEPTED)
    after = service.register()
    redo = revert()
    assert service.register() == before
    undo = redo()
    assert service.register() == after
    assert service.get(key).acceptance_rationale == ACCEPTED["acceptance_rationale"]
    undo()
    assert service.register() == before


def test_update_undo_and_redo(service: RiskService) -> None:
    key, _ = service.create({"title": "Drift", "likelihood": 3, "impact": 3, "review_date": "2026-12-01"})
    before = service.get(key)
    revert = service.update(key, {"likelihood": 5, "impact": "2", "review_date": "2027-03-31", "status": "Mitigating"})
    after = service.get(key)
    assert (after.likelihood, after.impact, after.review_date, after.status) == (5, 2, date(2027, 3, 31), "mitigating")
    redo = revert()
    assert service.get(key) == before
    undo = redo()
    assert service.get(key) == after
    undo()
    assert service.get(key) == before


def test_delete_and_undo_restore_the_same_key_and_links(service: RiskService) -> None:
    service.create({"title": "Drift"})
    key, _ = service.create({"title": "Consent", "category": "privacy", "review_date": "2026-09-30"})
    service.create({"title": "Lock-in"})
    service.set_links(key, ["I-003", "I-001"], ["C-002"])
    before = service.register()
    revert = service.delete(key)
    assert keys(service) == ["R-001", "R-003"]
    redo = revert()
    assert service.register() == before
    assert links(service, key) == (("I-001", "I-003"), ("C-002",))
    undo = redo()
    assert keys(service) == ["R-001", "R-003"]
    undo()
    assert service.register() == before


def test_set_links_replace_and_clear_with_undo_and_redo(service: RiskService) -> None:
    key, _ = service.create({"title": "Feature store exposes personal data", "category": "security"})
    link = service.set_links(key, ["I-001", "I-002", "I-001"], ["C-001"])
    assert links(service, key) == (("I-001", "I-002"), ("C-001",))
    replace = service.set_links(key, ["I-003"], ["C-002", "C-001"])
    assert links(service, key) == (("I-003",), ("C-001", "C-002"))
    clear = service.set_links(key, [], [])
    assert links(service, key) == ((), ())

    redo_clear = clear()
    assert links(service, key) == (("I-003",), ("C-001", "C-002"))
    redo_replace = replace()
    assert links(service, key) == (("I-001", "I-002"), ("C-001",))
    redo_link = link()
    assert links(service, key) == ((), ())
    redo_link()
    redo_replace()
    redo_clear()
    assert links(service, key) == ((), ())


def test_a_box_ticked_against_the_links_shown_keeps_a_colleagues_links_and_undo_takes_back_only_it(
    service: RiskService,
) -> None:
    key, _ = service.create({"title": "Vendor model deprecated", "category": "operational"})
    service.set_links(key, ["I-001"], ["C-001"])
    shown = (["I-001"], ["C-001"])
    service.set_links(key, ["I-001", "I-002"], ["C-001", "C-002"])  # a colleague, meanwhile

    undo = service.set_links(key, ["I-003"], ["C-001"], shown=shown)  # cleared I-001, ticked I-003
    assert links(service, key) == (("I-002", "I-003"), ("C-001", "C-002"))
    service.set_links(key, ["I-002", "I-003"], ["C-001"])  # the colleague again
    undo()
    assert links(service, key) == (("I-001", "I-002"), ("C-001",))


@pytest.mark.parametrize(("initiatives", "capabilities"), [(["I-001", "I-404"], []), (["I-001"], ["C-404"])])
def test_links_to_unknown_items_store_nothing(
    service: RiskService, initiatives: list[str], capabilities: list[str]
) -> None:
    key, _ = service.create({"title": "Drift"})
    service.set_links(key, ["I-002"], ["C-001"])
    before = service.register()
    with pytest.raises(NotFound):
        service.set_links(key, initiatives, capabilities)
    assert service.register() == before


def test_unknown_risks(service: RiskService) -> None:
    for call in (
        lambda: service.get("R-404"),
        lambda: service.update("R-404", {"owner": "x"}),
        lambda: service.set_links("R-404", [], []),
        lambda: service.delete("R-404"),
    ):
        with pytest.raises(NotFound):
            call()


@pytest.mark.parametrize(
    "fields", [{"status": "accepted"}, {"treatment": "accept"}, ACCEPTED | {"acceptance_rationale": " "}]
)
def test_an_accepted_risk_without_rationale_is_not_created(service: RiskService, fields: dict[str, Any]) -> None:
    service.create({"title": "Drift"})
    before = service.register()
    with pytest.raises(ValidationError, match="Acceptance rationale: an accepted risk needs a rationale"):
        service.create({"title": "Lock-in"} | fields)
    assert service.register() == before
    assert service.create({"title": "Next"})[0] == "R-002", "a refused create hands out no key"


@pytest.mark.parametrize(
    "changes",
    [
        {"acceptance_rationale": ""},
        {"acceptance_rationale": "   ", "owner": "Someone else"},
        {"status": "open", "acceptance_rationale": ""},
    ],
)
def test_an_update_that_leaves_an_accepted_risk_without_rationale_is_refused(
    service: RiskService, changes: dict[str, Any]
) -> None:
    key, _ = service.create({"title": "Lock-in", "acceptance_expiry": "2027-06-30"} | ACCEPTED)
    before = service.register()
    with pytest.raises(ValidationError, match="an accepted risk needs a rationale"):
        service.update(key, changes)
    assert service.register() == before


def test_accepting_needs_a_rationale_given_before_or_with_it(service: RiskService) -> None:
    key, _ = service.create({"title": "Single region"})
    with pytest.raises(ValidationError, match="needs a rationale"):
        service.update(key, {"status": "accepted"})
    with pytest.raises(ValidationError, match="needs a rationale"):
        service.update(key, {"treatment": "Accept"})
    assert (service.get(key).status, service.get(key).treatment) == ("open", "mitigate")
    accept = service.update(key, {"status": "accepted", "acceptance_rationale": "A second region costs more"})
    assert service.get(key).status == "accepted"
    # leaving acceptance may clear the rationale in the same step; undo brings both back
    leave = service.update(key, {"status": "open", "acceptance_rationale": ""})
    assert (service.get(key).status, service.get(key).acceptance_rationale) == ("open", "")
    leave()
    assert (service.get(key).status, service.get(key).acceptance_rationale) == (
        "accepted",
        "A second region costs more",
    )
    accept()
    assert (service.get(key).status, service.get(key).acceptance_rationale) == ("open", "")


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"likelihood": 0}, "Likelihood: must be a whole number from 1 to 5, not 0"),
        ({"impact": 6}, "Impact: must be a whole number from 1 to 5, not 6"),
        ({"residual_impact": "high"}, "Residual impact: 'high' is not a whole number"),
        ({"review_date": "31/12/2026"}, "Next review: '31/12/2026' is not a date; write it as YYYY-MM-DD"),
        ({"acceptance_expiry": "2026-02-30"}, "Acceptance expires: '2026-02-30' is not a date in the calendar"),
        ({"category": "financial"}, "Category: 'financial' is not one of"),
        ({"status": "done"}, "Status: 'done' is not one of"),
        ({"title": ""}, "Title: must not be empty"),
        ({"owner": "o" * 121}, "Owner: is 121 characters long"),
        ({"score": 12}, "score: is not a risk field"),
        ({"likelihood": 3, "impact": 9}, "Impact: must be a whole number from 1 to 5, not 9"),
    ],
)
def test_bad_input_stores_nothing(service: RiskService, changes: dict[str, Any], words: str) -> None:
    key, _ = service.create({"title": "Drift", "likelihood": 2, "impact": 2})
    service.set_links(key, ["I-001"], [])
    before = service.register()
    with pytest.raises(ValidationError, match=words):
        service.update(key, changes)
    with pytest.raises(ValidationError, match=words):
        service.create({"title": "Another"} | changes)
    assert service.register() == before
    assert service.create({"title": "Next"})[0] == "R-002"


def test_keys_are_never_reused(service: RiskService) -> None:
    service.create({"title": "A"})
    _, revert = service.create({"title": "B"})
    revert()
    service.delete("R-001")
    assert service.create({"title": "C"})[0] == "R-003"
    assert keys(service) == ["R-003"]


def _case(workspace: Workspace, key: str, benefit: float, confidence: int, build: float) -> None:
    """Benefit only in year 1, a build cost in year 0: risk-adjusted NPV = −build + benefit × conf / 1.1."""
    InitiativeService(workspace).update(key, {"confidence": confidence})
    cases = BusinessCaseService(workspace)
    cases.set_benefit(key, {"annual_benefit": benefit})
    cases.set_adoption(key, {1: 1})
    cases.add_cost_line(key, {"category": "data engineering"}, {0: build})


def test_value_at_risk_sums_the_positive_risk_adjusted_npvs_threatened(
    workspace: Workspace, service: RiskService
) -> None:
    SettingsService(workspace).update({"discount_rate": 0.10})
    _case(workspace, "I-001", 110_000, 50, 20_000)  # 55,000 / 1.1 − 20,000 = 30,000
    _case(workspace, "I-002", 22_000, 50, 50_000)  # 10,000 − 50,000 = −40,000: counts 0
    _case(workspace, "I-003", 55_000, 80, 15_000)  # 40,000 − 15,000 = 25,000
    for title, threatened in (
        ("Both with a loss", ["I-001", "I-002"]),
        ("Two winners", ["I-001", "I-003"]),
        ("Only the loss", ["I-002"]),
        ("Nothing linked", []),
    ):
        key, _ = service.create({"title": title})
        service.set_links(key, threatened, [])
    assert service.register().value_at_risk == pytest.approx(
        {"R-001": 30_000, "R-002": 55_000, "R-003": 0, "R-004": 0}, abs=0.005
    )
    # the figure follows the business case
    BusinessCaseService(workspace).set_benefit("I-002", {"annual_benefit": 220_000})  # 100,000 − 50,000
    assert service.register().value_at_risk["R-001"] == pytest.approx(80_000, abs=0.005)
    assert service.register().value_at_risk["R-003"] == pytest.approx(50_000, abs=0.005)


def test_value_at_risk_is_zero_without_business_cases(service: RiskService) -> None:
    key, _ = service.create({"title": "Drift"})
    service.set_links(key, ["I-001", "I-002"], ["C-001"])
    assert service.register().value_at_risk == {key: 0}


def test_the_register_lists_what_risks_can_be_linked_to(service: RiskService) -> None:
    register = service.register()
    assert register.initiatives == [
        ("I-001", "Fraud scoring"),
        ("I-002", "Promo abuse detection"),
        ("I-003", "Size advice"),
    ]
    assert register.capabilities == [("C-001", "Feature store"), ("C-002", "Online serving")]
    assert register.settings.risk_appetite == 9


def _risk(service: RiskService, title: str, residual: tuple[int, int], status: str, *initiatives: str) -> str:
    fields = {"title": title, "likelihood": 5, "impact": 5, "status": status}
    fields |= {"residual_likelihood": residual[0], "residual_impact": residual[1]}
    if status == "accepted":
        fields["acceptance_rationale"] = "Signed off by the CFO"
    key, _ = service.create(fields)
    service.set_links(key, list(initiatives), [])
    return key


def marks(workspace: Workspace) -> dict[str, list[str]]:
    return InitiativeService(workspace).board().risks_above_appetite


def test_board_marks_initiatives_with_open_risks_above_appetite(workspace: Workspace, service: RiskService) -> None:
    _risk(service, "Bias", (3, 4), "mitigating", "I-001", "I-002")  # 12
    _risk(service, "Exactly at appetite", (3, 3), "open", "I-003")  # 9: not above
    _risk(service, "Single region", (2, 5), "accepted", "I-001")  # 10
    _risk(service, "Closed", (5, 5), "closed", "I-003")  # 25, but closed
    _risk(service, "Unlinked", (4, 4), "open")  # 16, threatens nothing on the board
    _risk(service, "Feature store", (4, 4), "open", "I-003")  # 16
    assert marks(workspace) == {
        "I-001": ["R-001 Bias: residual 12 above appetite 9", "R-003 Single region: residual 10 above appetite 9"],
        "I-002": ["R-001 Bias: residual 12 above appetite 9"],
        "I-003": ["R-006 Feature store: residual 16 above appetite 9"],
    }

    revert = SettingsService(workspace).update({"risk_appetite": 12})
    assert marks(workspace) == {"I-003": ["R-006 Feature store: residual 16 above appetite 12"]}
    SettingsService(workspace).update({"risk_appetite": 8})
    assert set(marks(workspace)) == {"I-001", "I-002", "I-003"}
    assert marks(workspace)["I-003"] == [
        "R-002 Exactly at appetite: residual 9 above appetite 8",
        "R-006 Feature store: residual 16 above appetite 8",
    ]
    SettingsService(workspace).update({"risk_appetite": 12})
    revert()
    assert marks(workspace)["I-001"] == [
        "R-001 Bias: residual 12 above appetite 9",
        "R-003 Single region: residual 10 above appetite 9",
    ]

    # closing a risk or lowering its residual takes the mark away, undo puts it back
    close = service.update("R-006", {"status": "closed"})
    assert "I-003" not in marks(workspace)
    close()
    rate = service.update("R-006", {"residual_likelihood": 1, "residual_impact": 5})
    assert "I-003" not in marks(workspace)
    rate()
    assert marks(workspace)["I-003"] == ["R-006 Feature store: residual 16 above appetite 9"]


def test_an_appetite_outside_1_to_25_is_refused(workspace: Workspace, service: RiskService) -> None:
    for value in (0, 26, "nine"):
        with pytest.raises(ValidationError, match="Risk appetite"):
            SettingsService(workspace).update({"risk_appetite": value})
    assert service.register().settings.risk_appetite == 9


def _linked(service: RiskService) -> RegisterRows:
    first, _ = service.create({"title": "Drift", "residual_likelihood": 4, "residual_impact": 4})
    second, _ = service.create({"title": "Consent"})
    service.set_links(first, ["I-001", "I-002"], ["C-001", "C-002"])
    service.set_links(second, ["I-002"], ["C-002"])
    return service.register()


def test_deleting_an_initiative_removes_its_risk_links_and_undo_restores_them(
    workspace: Workspace, service: RiskService
) -> None:
    before = _linked(service)
    initiatives = InitiativeService(workspace)
    revert = initiatives.delete("I-002")
    assert links(service, "R-001") == (("I-001",), ("C-001", "C-002"))
    assert links(service, "R-002") == ((), ("C-002",))
    redo = revert()
    assert service.register() == before
    assert marks(workspace) == {
        "I-001": ["R-001 Drift: residual 16 above appetite 9"],
        "I-002": ["R-001 Drift: residual 16 above appetite 9"],
    }
    undo = redo()
    assert links(service, "R-002") == ((), ("C-002",))
    undo()
    assert service.register() == before


def test_deleting_a_capability_removes_its_risk_links_and_undo_restores_them(
    workspace: Workspace, service: RiskService
) -> None:
    before = _linked(service)
    capabilities = CapabilityService(workspace)
    revert = capabilities.delete("C-002")
    assert links(service, "R-001") == (("I-001", "I-002"), ("C-001",))
    assert links(service, "R-002") == (("I-002",), ())
    redo = revert()
    assert service.register() == before
    redo()
    revert_both = capabilities.delete("C-001")
    assert links(service, "R-001") == (("I-001", "I-002"), ())
    revert_both()
    assert links(service, "R-001") == (("I-001", "I-002"), ("C-001",))


def test_deleting_a_risk_leaves_initiatives_and_capabilities_alone(workspace: Workspace, service: RiskService) -> None:
    _linked(service)
    board = InitiativeService(workspace).board()
    catalogue = CapabilityService(workspace).catalogue()
    service.delete("R-001")
    assert InitiativeService(workspace).board().initiatives == board.initiatives
    assert CapabilityService(workspace).catalogue() == catalogue
    assert links(service, "R-002") == (("I-002",), ("C-002",))
