"""Regenerates ``hipdesk/views/forms/ui_*.py`` from the Designer forms in ``ui/``.

Run ``python -m hipdesk.views.forms.compile`` after editing a form; ``--check`` exits 1 when a
committed file differs from what the form gives.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
UI_DIR = FORMS.parents[2] / "ui"
HEADER = "# Generated from ui/{name} by `python -m hipdesk.views.forms.compile`: do not edit.\n"


def _uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if found is None:
        raise SystemExit("pyside6-uic was not found: install PySide6-Essentials")
    return found


def prune_imports(code: str) -> str:
    """Drop the names the form never uses from its ``from PySide6... import (...)`` lines.

    The compiler imports some forty classes whatever the form holds; each one PySide6 has to set up
    costs start-up time, so only the used ones are kept.
    """
    tree = ast.parse(code)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = code.splitlines(keepends=True)
    replacements: list[tuple[int, int, str]] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names = sorted(alias.name for alias in node.names if alias.name in used)
            text = f"from {node.module} import {', '.join(names)}\n" if names else ""
            replacements.append((node.lineno - 1, node.end_lineno or node.lineno, text))
    for start, end, text in reversed(replacements):
        lines[start:end] = [text]
    return "".join(lines)


def generate(ui_file: Path) -> str:
    """The Python code for one form, with the header, without the tool's version line."""
    out = subprocess.run([_uic(), str(ui_file)], check=True, capture_output=True, text=True).stdout
    lines = [line for line in out.splitlines(keepends=True) if "Created by: Qt User Interface" not in line]
    return HEADER.format(name=ui_file.name) + prune_imports("".join(lines))


def target_for(ui_file: Path) -> Path:
    return FORMS / f"ui_{ui_file.stem}.py"


def main(argv: list[str]) -> int:
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        code = generate(ui_file)
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == code:
            continue
        if "--check" in argv:
            stale.append(target.name)
        else:
            target.write_text(code, encoding="utf-8")
            print(f"wrote {target.relative_to(FORMS.parents[2])}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
