"""View ▸ Appearance (the colour scheme) and Help ▸ About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMessageBox, QWidget

from hipdesk import __version__
from hipdesk.app import settings


def set_color_scheme(name: str) -> None:
    """Light, dark or the system's; kept for the next start (``make_application`` uses it then)."""
    from hipdesk.views.common.appearance import apply_color_scheme, use_color_scheme

    if settings.COLOR_SCHEME.get() != name:
        apply_color_scheme(name)  # from a scheme of HipDesk's own back to the system's: its palette
    else:
        use_color_scheme(name)
    settings.COLOR_SCHEME.set(name)


def scheme_choice(parent: QWidget, schemes: dict[str, QAction]) -> QActionGroup:
    """One of the scheme actions checked (the one chosen last), each choosing its scheme."""
    group = QActionGroup(parent)
    for name, action in schemes.items():
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, name=name: set_color_scheme(name))
    schemes.get(settings.COLOR_SCHEME.get(), schemes["system"]).setChecked(True)
    return group


def show_about(parent: QWidget, data_file: Path | None) -> None:
    from html import escape

    QMessageBox.about(
        parent,
        "About HipDesk",
        f"<h3>HipDesk {escape(__version__)}</h3><p>Hip strength and mobility for runners.</p>"
        "<p>The exercise library comes from the article “Hip Strengthening Exercises For "
        "Runners”; every place HipDesk departs from it is noted with the exercise.</p>"
        f"<p>Your data: {escape(str(data_file) if data_file else '')}</p>",
    )
