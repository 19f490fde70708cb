"""The layers of the package import only what they may (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hipdesk

PACKAGE = Path(hipdesk.__file__).resolve().parent
GUI = ("PySide6", "hipdesk.views", "hipdesk.app")
STORAGE = ("peewee", "playhouse", "hipdesk.db", "hipdesk.store")

# package -> prefixes it must never import
FORBIDDEN = {
    "domain": (
        *GUI,
        *STORAGE,
        "hipdesk.engine",
        "hipdesk.figures",
        "hipdesk.export",
        "hipdesk.catalogue",
    ),
    "engine": (*GUI, *STORAGE, "hipdesk.export"),
    "catalogue": (*GUI, *STORAGE),
    "runs": (*GUI, *STORAGE, "hipdesk.export"),
    "db": (*GUI, "hipdesk.figures", "hipdesk.export"),
    "figures": ("hipdesk.views", "hipdesk.app", *STORAGE),
    "export": ("hipdesk.views", "hipdesk.app", *STORAGE),
    # the application layer: not widgets, and never the window's parts
    "app": ("hipdesk.views", "PySide6.QtWidgets"),
}
FEATURES = ("today", "library", "routines", "week", "history", "session", "printing")
SHARED_VIEWS = ("hipdesk.views.common", "hipdesk.views.forms")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _bad(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    assert folder.is_dir(), folder
    return [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(folder.rglob("*.py"))
        for name in sorted(_imports(path))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    bad = _bad(PACKAGE / layer, FORBIDDEN[layer])
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("feature", FEATURES)
def test_features_meet_only_through_the_shell_and_common_parts(feature: str) -> None:
    others = tuple(f"hipdesk.views.{f}" for f in (*FEATURES, "shell") if f != feature)
    bad = _bad(PACKAGE / "views" / feature, others)
    assert not bad, "\n".join(bad)


def test_common_views_import_no_feature() -> None:
    bad = _bad(PACKAGE / "views" / "common", tuple(f"hipdesk.views.{f}" for f in (*FEATURES, "shell")))
    assert not bad, "\n".join(bad)


def test_nothing_imports_the_command_line() -> None:
    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ("cli.py", "__main__.py")
        for name in sorted(_imports(path))
        if name == "hipdesk.cli"
    ]
    assert not bad, "\n".join(bad)


def test_every_view_feature_is_listed() -> None:
    folders = {p.name for p in (PACKAGE / "views").iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders == {*FEATURES, "shell", "common", "forms"}


def test_every_module_says_what_it_is_for() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "forms" not in p.parts
        and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
        and p.stat().st_size > 0
    ]
    assert not missing
