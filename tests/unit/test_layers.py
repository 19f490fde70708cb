"""The layers of the package import only what they may (see README, "Layout")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hipdesk

PACKAGE = Path(hipdesk.__file__).resolve().parent

# package -> prefixes it must never import
FORBIDDEN = {
    "domain": (
        "PySide6",
        "peewee",
        "playhouse",
        "hipdesk.db",
        "hipdesk.views",
        "hipdesk.qtmodels",
        "hipdesk.engine",
        "hipdesk.figures",
        "hipdesk.export",
        "hipdesk.catalogue",
    ),
    "engine": ("PySide6", "peewee", "playhouse", "hipdesk.db", "hipdesk.views", "hipdesk.qtmodels"),
    "catalogue": ("PySide6", "peewee", "playhouse", "hipdesk.db", "hipdesk.views", "hipdesk.qtmodels"),
    "db": ("PySide6", "hipdesk.views", "hipdesk.qtmodels", "hipdesk.figures", "hipdesk.export"),
    "qtmodels": ("hipdesk.views", "peewee", "playhouse"),
    "figures": ("hipdesk.views", "hipdesk.db", "hipdesk.qtmodels", "peewee", "playhouse"),
    "export": ("hipdesk.views", "hipdesk.db", "hipdesk.qtmodels", "peewee", "playhouse"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    folder = PACKAGE / layer
    assert folder.is_dir(), layer
    bad = []
    for path in sorted(folder.rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not bad, "\n".join(bad)


def test_every_module_says_what_it_is_for() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "forms" not in p.parts
        and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
        and p.stat().st_size > 0
    ]
    assert not missing
