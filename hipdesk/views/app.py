"""Starts the window: the application object, the first paint, then the data."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hipdesk.domain.errors import HipDeskError
from hipdesk.paths import APP_ID, APP_NAME, database_path

logger = logging.getLogger(__name__)


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, right after the watched window's first paint."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self.then = then
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            if os.environ.get("HIPDESK_REPORT_STARTUP"):
                _report("first-paint")
            QTimer.singleShot(0, self.then)
        return False


def _report(what: str) -> None:
    """One line for the start-up benchmark: the wall-clock time and the peak memory so far."""
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{what} {time.time():.6f} maxrss-kib {rss}", flush=True)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    return QApplication(argv if argv is not None else sys.argv[:1])


def run_app(db_override: str | None, exit_after_startup: bool = False) -> int:
    """Open the window at once and fill it with the data right after its first paint.

    Storage (peewee, the catalogue check, the queries) is loaded only once the window is on
    screen, so the runner sees HipDesk as soon as a bare Qt window would appear.
    """
    app = make_application()
    from hipdesk.views.main_window import MainWindow

    window = MainWindow()
    window.restore_state()

    def load() -> None:
        from hipdesk.store import open_store

        try:
            repo = open_store(database_path(db_override))
        except HipDeskError as exc:
            print(f"hipdesk: {exc}", file=sys.stderr)
            if not exit_after_startup:
                from hipdesk.views.widgets import message

                message(window, APP_NAME, str(exc), QMessageBox.Icon.Critical)
            app.exit(1)
            return
        window.attach(repo)
        if os.environ.get("HIPDESK_REPORT_STARTUP"):
            _report("data-shown")
        if exit_after_startup:
            QTimer.singleShot(0, app.quit)

    window.installEventFilter(_AfterFirstPaint(window, load))
    window.show()
    code = app.exec()
    if window.repo is not None:
        window.repo.db.close()
    return code
