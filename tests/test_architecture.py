"""Dependencies point one way: domain ← store ← exchange, reports ← ui, cli (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "align_desktop"
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "exchange": {"domain", "store", "exchange"},
    "reports": {"domain", "store", "reports"},
    "ui": {"domain", "store", "exchange", "reports", "ui"},
}
FORBIDDEN_THIRD_PARTY: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "sqlalchemy", "openpyxl", "matplotlib"),
    "store": ("PySide6", "openpyxl", "matplotlib"),
    "exchange": ("PySide6", "matplotlib"),
    "reports": ("PySide6", "openpyxl"),
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_what_is_below_it(layer: str) -> None:
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "align_desktop" and len(parts) > 1 and parts[1] in {*ALLOWED, "cli"}:
                if parts[1] not in ALLOWED[layer]:
                    offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
            elif parts[0] in FORBIDDEN_THIRD_PARTY.get(layer, ()) and "migrations" not in path.parts:
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_widgets_never_import_the_store_models() -> None:
    offences = [
        str(path.relative_to(PACKAGE))
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if any(name.startswith("align_desktop.store.models") for name in _imports(path))
    ]
    assert offences == []
