"""Bundled samples: list them and build a workspace from one (the loading is in `sample_loader`).

A sample is a JSON document in `sample_workspaces/` (its format: docs/samples.md). A
document may instead name a generator (`stress`), which produces the same format in code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from align_desktop.store.errors import WorkspaceError

if TYPE_CHECKING:
    from align_desktop.store.locations import Location
    from align_desktop.store.workspace import Workspace

_PACKAGE = "align_desktop.sample_workspaces"


@dataclass(frozen=True)
class SampleInfo:
    name: str
    description: str


def list_samples() -> list[SampleInfo]:
    """Every bundled sample, realistic ones first, by name."""
    infos = []
    for entry in resources.files(_PACKAGE).iterdir():
        if entry.name.endswith(".json"):
            document = json.loads(entry.read_text(encoding="utf-8"))
            infos.append(SampleInfo(entry.name.removesuffix(".json"), document["description"]))
    return sorted(infos, key=lambda s: (s.name == "stress", s.name))


def sample_document(name: str) -> dict[str, Any]:
    """The full document of a sample, generated if the sample names a generator."""
    entry = resources.files(_PACKAGE).joinpath(f"{name}.json")
    if not entry.is_file():
        known = ", ".join(s.name for s in list_samples())
        raise WorkspaceError(f"There is no sample called '{name}'. Samples: {known}.")
    document: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
    if "generator" in document:
        from align_desktop.store.stress import generate

        document = generate(document)
    return document


def create_from_sample(location: Location, name: str) -> Workspace:
    """Create a workspace at `location` (a file, or a server's empty database) holding the sample `name`."""
    from align_desktop.store.locations import create_location
    from align_desktop.store.sample_loader import load_document

    document = sample_document(name)
    return create_location(location, document["name"], lambda session: load_document(session, document))
