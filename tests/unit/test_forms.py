"""The committed form code is what the Designer files in ui/ give."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdesk.views import forms
from hipdesk.views.forms.compile import generate

UI_DIR = Path(__file__).resolve().parents[2] / "ui"
FORMS_DIR = Path(forms.__file__).resolve().parent


@pytest.mark.parametrize("ui_file", sorted(UI_DIR.glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file: Path) -> None:
    committed = (FORMS_DIR / f"ui_{ui_file.stem}.py").read_text(encoding="utf-8")
    assert committed.startswith("# Generated from ui/")
    assert "do not edit" in committed.splitlines()[0]
    assert committed == generate(ui_file), "run: python -m hipdesk.views.forms.compile"


def test_there_are_forms() -> None:
    assert len(list(UI_DIR.glob("*.ui"))) >= 3
