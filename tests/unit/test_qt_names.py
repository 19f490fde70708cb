"""No class that derives from Qt hides one of Qt's own names behind an attribute.

`self.palette = ...` on a widget replaces `QWidget.palette()` for everything that calls it later (styles,
delegates, Qt itself through the bindings); `self.result` on a dialog hides `QDialog.result()`. The check
reads every assignment to `self.<name>` (and every class-level name) in the package's classes and asks
the real class whether one of its Qt bases already has that name.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import hipdesk

PACKAGE = Path(hipdesk.__file__).parent


def _modules(package: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        if "forms" in relative.parts or path.name == "__main__.py":
            continue  # generated code; __main__ starts the app when imported
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        yield ".".join(parts), path


def _assigned_names(node: ast.ClassDef) -> Iterator[tuple[str, int]]:
    for statement in node.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    yield target.id, statement.lineno
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assign):
            targets = sub.targets
        elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
            targets = [sub.target]
        else:
            continue
        for target in targets:
            for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                if (
                    isinstance(element, ast.Attribute)
                    and isinstance(element.value, ast.Name)
                    and element.value.id == "self"
                ):
                    yield element.attr, element.lineno


def _shadowed(package: Path) -> list[str]:
    found: list[str] = []
    for name, path in _modules(package):
        module = importlib.import_module(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not isinstance(cls, type):
                continue
            qt_bases = [base for base in cls.__mro__ if base.__module__.startswith("PySide6")]
            for attribute, line in _assigned_names(node):
                owner = next((base for base in qt_bases if attribute in vars(base)), None)
                if owner is not None:
                    where = path.relative_to(package.parent).as_posix()
                    found.append(f"{where}:{line} {node.name}.{attribute} hides {owner.__name__}.{attribute}")
    return sorted(set(found))


def test_no_attribute_hides_a_qt_name() -> None:
    assert _shadowed(PACKAGE) == []


def test_the_check_sees_a_hidden_qt_name(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "shadowcheck"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "panel.py").write_text(
        "from PySide6.QtWidgets import QDialog, QWidget\n"
        "class Panel(QWidget):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.palette = None\n"
        "        self.palette_filter = None\n"
        "class Ask(QDialog):\n"
        "    result = 0\n"
        "class Plain:\n"
        "    def __init__(self):\n"
        "        self.palette = None\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _shadowed(package) == [
        "shadowcheck/panel.py:5 Panel.palette hides QWidget.palette",
        "shadowcheck/panel.py:8 Ask.result hides QDialog.result",
    ]
