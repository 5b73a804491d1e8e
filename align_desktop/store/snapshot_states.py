"""A snapshot's table rows as the domain compares them: a `WorkspaceState` of items by key.

Row ids become the keys and names people know (an initiative's lane by name, its outcome by key);
links become fields of the items they belong to (see `domain.workspace_state`). Lanes, which have
no key, are identified by their row id, so that a renamed lane is a change, not a new lane.
Positions within a lane or a cost-line list are not compared: one card moved would renumber the rest.
"""

from __future__ import annotations

from collections.abc import Mapping

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.workspace_state import FIELD_LABELS, NEED_PREFIX, Item, WorkspaceState
from align_desktop.store.snapshot_content import CONTENT_TABLES, Content

Record = Mapping[str, object]


def workspace_state(content: Content) -> WorkspaceState:
    """The items of `content`, by kind and identity."""
    records = {table: content[table].records() if table in content else [] for table in CONTENT_TABLES}
    lanes = {record["id"]: str(record["name"]) for record in records["lane"]}
    outcomes = {record["id"]: str(record["key"]) for record in records["outcome"]}
    initiatives = {record["id"]: record for record in records["initiative"]}
    capabilities = {record["id"]: str(record["key"]) for record in records["capability"]}
    initiative_keys = {row_id: str(record["key"]) for row_id, record in initiatives.items()}
    extra: dict[str, dict[str, object]] = {key: {} for key in initiative_keys.values()}
    for need in records["capability_need"]:
        capability = capabilities[need["capability_id"]]
        extra[initiative_keys[need["initiative_id"]]][NEED_PREFIX + capability] = need["required_level"]
    for override in records["gate_override"]:
        fields = extra[initiative_keys[override["initiative_id"]]]
        said = f"{override['status']}: {override['reason']} ({override['decided_by']})"
        fields["gate_overrides"] = f"{fields['gate_overrides']}; {said}" if "gate_overrides" in fields else said
    items: dict[str, dict[str, Item]] = {
        "settings": {
            f"settings {record['id']}": Item("", str(record["name"]), _fields("settings", record))
            for record in records["workspace"]
        },
        "lane": {
            f"lane {record['id']}": Item(
                "", str(record["name"]), {"name": record["name"], "position": _position(record)}
            )
            for record in records["lane"]
        },
        "outcome": {
            str(r["key"]): Item(str(r["key"]), str(r["name"]), _fields("outcome", r)) for r in records["outcome"]
        },
        "capability": {
            str(r["key"]): Item(str(r["key"]), str(r["name"]), _fields("capability", r)) for r in records["capability"]
        },
    }
    items["initiative"] = {}
    for record in initiatives.values():
        key = str(record["key"])
        fields = _fields("initiative", record)
        fields |= {"lane": lanes[record["lane_id"]], "outcome_key": outcomes.get(record["outcome_id"])}
        items["initiative"][key] = Item(key, str(record["title"]), fields | extra[key], {"lane": record["lane_id"]})
    items["business case"] = {}
    for record in records["business_case"]:
        key = initiative_keys[record["initiative_id"]]
        items["business case"][key] = Item(key, items["initiative"][key].name, _fields("business case", record))
    items["cost line"] = {}
    for record in records["cost_line"]:
        fields = _fields("cost line", record) | {"initiative_key": initiative_keys[record["initiative_id"]]}
        name = str(record["description"]) or str(record["category"])
        items["cost line"][str(record["key"])] = Item(str(record["key"]), name, fields)
    items["risk"] = _risks(records, initiative_keys, capabilities)
    return WorkspaceState(items)


def _risks(
    records: Mapping[str, list[dict[str, object]]],
    initiative_keys: Mapping[object, str],
    capability_keys: Mapping[object, str],
) -> dict[str, Item]:
    links: dict[object, dict[str, list[str]]] = {
        r["id"]: {"initiatives": [], "capabilities": []} for r in records["risk"]
    }
    for link in records["risk_initiative"]:
        links[link["risk_id"]]["initiatives"].append(initiative_keys[link["initiative_id"]])
    for link in records["risk_capability"]:
        links[link["risk_id"]]["capabilities"].append(capability_keys[link["capability_id"]])
    risks = {}
    for record in records["risk"]:
        fields = _fields("risk", record)
        for name, keys in links[record["id"]].items():
            fields[name] = ", ".join(sorted(keys, key=key_sort_value))
        risks[str(record["key"])] = Item(str(record["key"]), str(record["title"]), fields)
    return risks


def _fields(kind: str, record: Record) -> dict[str, object]:
    """The fields of `kind` that are columns of `record`, as stored."""
    return {field: record[field] for field in FIELD_LABELS[kind] if field in record}


def _position(record: Record) -> int:
    """A lane's place on the board, counted from 1 as people count columns."""
    position = record["position"]
    return position + 1 if isinstance(position, int) else 0
