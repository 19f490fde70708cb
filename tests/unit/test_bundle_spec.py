"""The PyInstaller spec names the data files and the entry point, and keeps every Qt module HipDesk uses.

Cheap: the spec is read, not built (building the bundle takes minutes: packaging/build_bundle.py).
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "hipdesk.spec"


def _constants() -> dict[str, object]:
    """The spec's top-level assignments whose values are plain literals."""
    found: dict[str, object] = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return found


def test_spec_bundles_the_resources_and_runs_the_entry_point() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert 'ROOT / "resources"), "hipdesk/_resources"' in text
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert _constants()["ENTRY_POINT"] == scripts["hipdesk"] == "hipdesk.cli:entry_point"
    assert '"hipdesk" / "__main__.py"' in text
    main = (ROOT / "hipdesk" / "__main__.py").read_text(encoding="utf-8")
    assert "from hipdesk.cli import entry_point" in main and "entry_point()" in main


def test_spec_keeps_every_qt_module_hipdesk_imports() -> None:
    constants = _constants()
    used, unused = set(constants["QT_USED"]), set(constants["QT_UNUSED"])
    imported = set()
    for path in (ROOT / "hipdesk").rglob("*.py"):
        imported.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert not used & unused
    assert not imported & unused, f"imported but excluded from the bundle: {sorted(imported & unused)}"
    assert imported <= used, f"imported but not named in QT_USED: {sorted(imported - used)}"
