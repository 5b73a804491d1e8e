"""Fill a new workspace from a sample document (see docs/samples.md), with bulk inserts.

Every value is checked as if typed in the app before anything is written; business cases (benefit,
its working, adoption by year, cost lines) are checked with the same functions as the ROI view,
capabilities and the levels initiatives need of them with those of the catalogue and the matrix,
risks (and an accepted risk's rationale) with those of the risk register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.orm import Session

from align_desktop.domain.business_case import (
    apply_benefit,
    validate_adoption,
    validate_amounts,
    validate_benefit,
    validate_cost_line,
)
from align_desktop.domain.capability import NEW_CAPABILITY, validate_capability, validate_level
from align_desktop.domain.initiative import NEW_INITIATIVE, validate_initiative
from align_desktop.domain.keys import (
    CAPABILITY_PREFIX,
    COST_LINE_PREFIX,
    INITIATIVE_PREFIX,
    OUTCOME_PREFIX,
    RISK_PREFIX,
    format_key,
    parse_key,
)
from align_desktop.domain.outcome import validate_outcome
from align_desktop.domain.risk import NEW_RISK, check_acceptance, validate_risk
from align_desktop.domain.settings import validate_settings
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import DEFAULT_HORIZON, DEFAULT_LANES
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.keys import reserve_up_to
from align_desktop.store.models import (
    YEARS,
    BusinessCase,
    Capability,
    CapabilityNeed,
    CostLine,
    Initiative,
    Lane,
    Outcome,
    Risk,
    RiskCapability,
    RiskInitiative,
    WorkspaceSettings,
    adoption_column,
    amount_column,
)


def load_document(session: Session, document: dict[str, Any]) -> None:
    """Fill a freshly created workspace from a sample document, with bulk inserts.

    Everything is checked before anything is written; a bad document raises `WorkspaceError`
    naming the item and field.
    """
    settings = _checked("settings", validate_settings, document.get("settings", {}))
    horizon: int = settings.get("horizon", DEFAULT_HORIZON)
    lanes: list[str] = document.get("lanes") or list(DEFAULT_LANES)
    lane_ids = {name.casefold(): i for i, name in enumerate(lanes, start=1)}
    if len(lane_ids) != len(lanes):
        raise WorkspaceError("Sample lanes: a lane name appears twice")
    outcomes = [_outcome(i, item) for i, item in enumerate(_items(document, "outcomes", OUTCOME_PREFIX), start=1)]
    outcome_ids = {o["key"]: o["id"] for o in outcomes}
    capabilities = _capabilities(document)
    capability_ids = {c["key"]: c["id"] for c in capabilities}
    positions: dict[int, int] = {}
    initiatives = []
    cases: list[dict[str, Any]] = []
    cost_lines: list[dict[str, Any]] = []
    needs: list[dict[str, Any]] = []
    for row_id, item in enumerate(_items(document, "initiatives", INITIATIVE_PREFIX), start=1):
        row = _initiative(item, lane_ids, outcome_ids) | {"id": row_id}
        row["position"] = positions.get(row["lane_id"], 0)
        positions[row["lane_id"]] = row["position"] + 1
        initiatives.append(row)
        needs += [need | {"initiative_id": row_id} for need in _needs(item, capability_ids)]
        if "business_case" in item:
            case, lines = _business_case(item["key"], item["business_case"], horizon)
            cases.append(case | {"initiative_id": row_id})
            for position, line in enumerate(lines):
                key = format_key(COST_LINE_PREFIX, len(cost_lines) + 1)
                cost_lines.append(line | {"key": key, "initiative_id": row_id, "position": position})
    risks, risk_initiatives, risk_capabilities = _risks(
        document, {row["key"]: row["id"] for row in initiatives}, capability_ids
    )

    if settings:
        session.execute(update(WorkspaceSettings).where(WorkspaceSettings.id == 1).values(settings))
    session.execute(delete(Lane))
    session.execute(insert(Lane), [{"id": i, "name": n, "position": i - 1} for i, n in enumerate(lanes, 1)])
    for model, rows, prefix in (
        (Outcome, outcomes, OUTCOME_PREFIX),
        (Initiative, initiatives, INITIATIVE_PREFIX),
        (Capability, capabilities, CAPABILITY_PREFIX),
        (Risk, risks, RISK_PREFIX),
    ):
        if rows:
            session.execute(insert(model), rows)
            reserve_up_to(session, prefix, max(_number(r["key"]) for r in rows))
    if cases:
        session.execute(insert(BusinessCase.__table__), cases)
    if cost_lines:
        session.execute(insert(CostLine.__table__), cost_lines)
        reserve_up_to(session, COST_LINE_PREFIX, len(cost_lines))
    for table, links in (
        (CapabilityNeed.__table__, needs),
        (RiskInitiative.__table__, risk_initiatives),
        (RiskCapability.__table__, risk_capabilities),
    ):
        if links:
            session.execute(insert(cast(Table, table)), links)


def _items(document: dict[str, Any], section: str, prefix: str) -> list[dict[str, Any]]:
    """The items of a section, each with a well-formed, unique key of `prefix`."""
    items: list[dict[str, Any]] = document.get(section, [])
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        key = item.get("key")
        parsed = parse_key(key) if isinstance(key, str) else None
        if parsed is None or parsed[0] != prefix or not isinstance(key, str):
            raise WorkspaceError(f"Sample {section} item {number}: key {key!r} is not of the form {prefix}-001")
        if key in seen:
            raise WorkspaceError(f"Sample item {key}: the key appears twice")
        seen.add(key)
    return items


def _number(key: str) -> int:
    parsed = parse_key(key)
    assert parsed is not None
    return parsed[1]


def _outcome(row_id: int, item: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in item.items() if k != "key"}
    return {"id": row_id, "key": item["key"]} | _checked(item["key"], validate_outcome, fields)


def _initiative(item: dict[str, Any], lane_ids: dict[str, int], outcome_ids: dict[str, int]) -> dict[str, Any]:
    key = item["key"]
    fields = {
        k: v for k, v in item.items() if k not in ("key", "lane", "outcome", "readiness", "business_case", "needs")
    }
    fields["outcome_key"] = item.get("outcome")
    fields |= {f"readiness_{k}": v for k, v in item.get("readiness", {}).items()}
    clean = NEW_INITIATIVE | _checked(key, validate_initiative, fields)
    lane = item.get("lane")
    if not isinstance(lane, str) or lane.casefold() not in lane_ids:
        raise WorkspaceError(f"Sample item {key}: lane {lane!r} is not one of the sample's lanes")
    outcome_key = clean.pop("outcome_key")
    if outcome_key is not None and outcome_key not in outcome_ids:
        raise WorkspaceError(f"Sample item {key}: outcome {outcome_key} does not exist")
    return clean | {
        "key": key,
        "lane_id": lane_ids[lane.casefold()],
        "outcome_id": outcome_ids.get(outcome_key) if outcome_key else None,
    }


def _capabilities(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The catalogue's rows (ids 1, 2 … in document order); names unique ignoring case, as in the app."""
    rows = []
    names: dict[str, str] = {}
    for row_id, item in enumerate(_items(document, "capabilities", CAPABILITY_PREFIX), start=1):
        key = item["key"]
        fields = {k: v for k, v in item.items() if k != "key"}
        clean = NEW_CAPABILITY | _checked(key, validate_capability, NEW_CAPABILITY | fields)
        other = names.setdefault(clean["name"].casefold(), key)
        if other != key:
            raise WorkspaceError(f"Sample item {key}: Name: '{clean['name']}' is already the name of {other}")
        rows.append(clean | {"id": row_id, "key": key})
    return rows


def _needs(item: dict[str, Any], capability_ids: dict[str, int]) -> list[dict[str, Any]]:
    """An initiative's `needs` (`{"C-003": 4, …}`) as rows without the initiative's id."""
    key = item["key"]
    needs = item.get("needs", {})
    if not isinstance(needs, dict):
        raise WorkspaceError(f"Sample item {key}: needs must be an object of capability key: required level")
    rows = []
    for capability_key, level in needs.items():
        if capability_key not in capability_ids:
            raise WorkspaceError(
                f"Sample item {key}: needs {capability_key!r}, which is not one of the sample's capabilities"
            )
        try:
            required = validate_level("Required level", level)
        except ValidationError as exc:
            raise WorkspaceError(f"Sample item {key} need of {capability_key}: {exc}") from exc
        rows.append({"capability_id": capability_ids[capability_key], "required_level": required})
    return rows


def _risks(
    document: dict[str, Any], initiative_ids: dict[str, int], capability_ids: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The register's rows (ids 1, 2 … in document order) and their links to initiatives and capabilities."""
    rows: list[dict[str, Any]] = []
    threatened_initiatives: list[dict[str, Any]] = []
    threatened_capabilities: list[dict[str, Any]] = []
    for row_id, item in enumerate(_items(document, "risks", RISK_PREFIX), start=1):
        key = item["key"]
        fields = {k: v for k, v in item.items() if k not in ("key", "initiatives", "capabilities")}
        rows.append(_checked(key, _risk_fields, fields) | {"id": row_id, "key": key})
        threatened_initiatives += [
            {"risk_id": row_id, "initiative_id": i} for i in _links(key, item, "initiatives", initiative_ids)
        ]
        threatened_capabilities += [
            {"risk_id": row_id, "capability_id": c} for c in _links(key, item, "capabilities", capability_ids)
        ]
    return rows, threatened_initiatives, threatened_capabilities


def _risk_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A risk's fields as the register form checks them, an accepted risk's rationale included."""
    clean = NEW_RISK | validate_risk(NEW_RISK | fields)
    check_acceptance(clean)
    return clean


def _links(key: str, item: dict[str, Any], section: str, ids: dict[str, int]) -> list[int]:
    """The ids of the items of `section` (initiatives or capabilities) a risk threatens, each once."""
    keys = item.get(section, [])
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise WorkspaceError(
            f'Sample item {key}: {section} must be a list of keys, such as ["{section[0].upper()}-001"]'
        )
    for linked in keys:
        if linked not in ids:
            raise WorkspaceError(f"Sample item {key}: threatens {linked!r}, which is not one of the sample's {section}")
    return [ids[linked] for linked in dict.fromkeys(keys)]


_CASE_FIELDS = ("annual_benefit", "working", "adoption", "cost_lines")
_WORKING = {
    "baseline": "benefit_baseline",
    "uplift": "benefit_uplift",
    "value_per_unit": "benefit_value_per_unit",
    "unit": "benefit_unit",
}
_LINE_FIELDS = ("category", "description", "amounts")
_BLANK_BENEFIT: dict[str, Any] = dict.fromkeys(_WORKING.values()) | {"annual_benefit": 0.0, "benefit_unit": ""}
_NO_ADOPTION = {adoption_column(year): None for year in YEARS}
_NO_AMOUNTS = {amount_column(year): None for year in YEARS}


def _business_case(key: str, case: object, horizon: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The `business_case` row (without its initiative id) and the cost-line rows (without keys)."""
    where = f"{key} business case"
    section = _section(where, case, _CASE_FIELDS)
    working = _section(f"{where} working", section.get("working", {}), tuple(_WORKING))
    fields = {_WORKING[name]: value for name, value in working.items()}
    if "annual_benefit" in section:
        fields["annual_benefit"] = section["annual_benefit"]
    clean_benefit = _checked(where, validate_benefit, fields)
    benefit = apply_benefit(_BLANK_BENEFIT, clean_benefit)
    complete = all(benefit[column] is not None for column in _WORKING.values() if column != "benefit_unit")
    if "annual_benefit" not in section and not complete:
        raise WorkspaceError(
            f"Sample item {where}: give annual_benefit, or a working with baseline, uplift and value_per_unit"
        )
    given = clean_benefit.get("annual_benefit")
    if complete and given is not None and abs(given - benefit["annual_benefit"]) >= 0.005:
        raise WorkspaceError(
            f"Sample item {where}: annual_benefit {given:.2f} is not baseline × uplift × value per unit "
            f"({benefit['annual_benefit']:.2f}); give one or the other"
        )
    adoption = _by_year(where, "adoption", section.get("adoption", {}))
    shares = _checked(where, lambda values: validate_adoption(values, horizon), adoption)
    row = benefit | _NO_ADOPTION | {adoption_column(year): share for year, share in shares.items()}

    raw_lines = section.get("cost_lines", [])
    if not isinstance(raw_lines, list):
        raise WorkspaceError(f"Sample item {where}: cost_lines must be a list")
    lines = []
    for number, raw in enumerate(raw_lines, start=1):
        line_where = f"{key} cost line {number}"
        line = _section(line_where, raw, _LINE_FIELDS)
        clean = _checked(
            line_where,
            validate_cost_line,
            {"category": line.get("category"), "description": line.get("description", "")},
        )
        amounts = _by_year(line_where, "amounts", line.get("amounts", {}))
        money = _checked(line_where, lambda values: validate_amounts(values, horizon), amounts)
        lines.append(clean | _NO_AMOUNTS | {amount_column(year): value for year, value in money.items()})
    return row, lines


def _section(where: str, value: object, allowed: tuple[str, ...]) -> dict[str, Any]:
    """A JSON object holding only the fields `allowed`."""
    if not isinstance(value, dict):
        raise WorkspaceError(f"Sample item {where}: must be an object with some of: {', '.join(allowed)}")
    for field in value:
        if field not in allowed:
            raise WorkspaceError(f"Sample item {where}: '{field}' is not one of: {', '.join(allowed)}")
    return value


def _by_year(where: str, name: str, values: object) -> dict[int, Any]:
    """`{"1": 0.25, …}` as `{1: 0.25, …}`: JSON object keys are text, years are whole numbers."""
    if not isinstance(values, dict):
        raise WorkspaceError(f"Sample item {where}: {name} must be an object of year: value")
    years: dict[int, Any] = {}
    for year, value in values.items():
        if not (isinstance(year, str) and year.strip().isdigit()):
            raise WorkspaceError(f"Sample item {where}: {name} year {year!r} is not a whole number")
        years[int(year)] = value
    return years


def _checked(where: str, validate: Callable[[Any], dict[Any, Any]], fields: dict[Any, Any]) -> dict[Any, Any]:
    try:
        return validate(fields)
    except ValidationError as exc:
        raise WorkspaceError(f"Sample item {where}: {exc}") from exc
