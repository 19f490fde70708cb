"""Starts the window: the application object, the data, and the first paint."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hipdesk.domain.errors import HipDeskError
from hipdesk.paths import APP_ID, APP_NAME, database_path

logger = logging.getLogger(__name__)


class _FirstPaint(QObject):
    """Quits the application right after the window's first paint (``--exit-after-startup``)."""

    def __init__(self, app: QApplication, report: bool) -> None:
        super().__init__(app)
        self.app = app
        self.report = report
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            if self.report:
                import resource

                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                print(f"first-paint {time.time():.6f} maxrss-kib {rss}", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    return app


def run_app(db_override: str | None, exit_after_startup: bool = False) -> int:
    app = make_application()
    from hipdesk.store import open_store

    try:
        repo = open_store(database_path(db_override))
    except HipDeskError as exc:
        print(f"hipdesk: {exc}", file=sys.stderr)
        if not exit_after_startup:
            QMessageBox.critical(None, APP_NAME, str(exc))
        return 1

    from hipdesk.views.main_window import MainWindow

    window = MainWindow(repo)
    window.restore_state()
    if exit_after_startup:
        window.installEventFilter(_FirstPaint(app, bool(os.environ.get("HIPDESK_REPORT_STARTUP"))))
    window.show()
    code = app.exec()
    repo.db.close()
    return code
