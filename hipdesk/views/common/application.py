"""The one QApplication: its names, which also name the settings file and the desktop entry."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from hipdesk.app import settings
from hipdesk.paths import APP_ID, APP_NAME
from hipdesk.views.common.appearance import install_focus_ring, use_color_scheme


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setOrganizationName(APP_NAME)  # settings in ~/.config/HipDesk/HipDesk.conf
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    install_focus_ring(app)
    use_color_scheme(settings.COLOR_SCHEME.get())  # before any widget: none has to be told of it
    return app
