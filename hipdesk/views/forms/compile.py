"""Regenerates ``hipdesk/views/forms/ui_*.py`` from the Designer forms in ``ui/``.

Run ``python -m hipdesk.views.forms.compile`` after editing a form; ``--check`` exits 1 when a
committed file differs from what the form gives.
"""

from __future__ import annotations

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


def generate(ui_file: Path) -> str:
    """The Python code for one form, with the header and without the tool's version line."""
    out = subprocess.run(
        [_uic(), str(ui_file)], check=True, capture_output=True, text=True
    ).stdout
    lines = [line for line in out.splitlines(keepends=True) if "Created by: Qt User Interface" not in line]
    return HEADER.format(name=ui_file.name) + "".join(lines)


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
