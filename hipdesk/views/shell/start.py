"""Starts the window: the application object, the first paint, then the data."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hipdesk.domain.errors import HipDeskError
from hipdesk.paths import APP_ID, APP_NAME, database_path
from hipdesk.views.common.application import make_application
from hipdesk.views.common.dates import long_date_time

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.views.shell.crash import CrashHandler


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


def run_app(db_override: str | None, exit_after_startup: bool = False, background: bool = False) -> int:
    """Open the window at once and fill it with the data right after its first paint.

    Storage (peewee, the catalogue check, the queries) is loaded only once the window is on
    screen, so the runner sees HipDesk as soon as a bare Qt window would appear. ``background``
    (``--background``, as the login entry starts it): with reminders on, the data loads with no
    window shown, and HipDesk runs until it is quit; a second launch brings the window forward.
    """
    app = make_application()
    from hipdesk.views.shell.single_instance import WRITER_WAIT_MS, DataLock, ask_running_instance_to_raise

    db_file = database_path(db_override)
    lock = DataLock(db_file)
    if not lock.acquire() and lock.held_elsewhere:
        if ask_running_instance_to_raise(db_file):
            print("hipdesk: HipDesk is already open; its window was brought forward.", file=sys.stderr)
            return 0
    if not lock.locked and lock.held_elsewhere and not lock.acquire(WRITER_WAIT_MS):
        # not a window: a command that writes, or one setting up the file to read it, lets go soon
        print(f"hipdesk: {lock.in_use_text()}", file=sys.stderr)
        if not exit_after_startup:
            from hipdesk.views.common.widgets import message

            message(None, APP_NAME, lock.in_use_text(), QMessageBox.Icon.Information)
        return 1
    from hipdesk.views.shell.main_window import MainWindow

    window = MainWindow()
    window.restore_state()
    crash: list[CrashHandler] = []  # installed with the data, after the first paint
    notices: list[str] = []

    def load() -> None:
        from PySide6.QtGui import QIcon

        from hipdesk.resources import resource_path

        crash.append(_install_crash_handler(app, window))

        app.setWindowIcon(QIcon(str(resource_path("icons", f"{APP_ID}.svg"))))

        try:
            repo = _open_data(window, db_file, notices, exit_after_startup)
        except HipDeskError as exc:
            print(f"hipdesk: {exc}", file=sys.stderr)
            from hipdesk.store import DataMissingError

            if not exit_after_startup and not isinstance(exc, DataMissingError):
                from hipdesk.views.common.widgets import message

                message(window, APP_NAME, str(exc), QMessageBox.Icon.Critical)
            app.exit(1)
            return
        window.attach(repo)
        if os.environ.get("HIPDESK_REPORT_STARTUP"):
            _report("data-shown")
        _after_data(window, db_file, notices, exit_after_startup)
        if exit_after_startup:
            QTimer.singleShot(0, app.quit)

    if background and _reminders_on():
        logger.info("started in the background for reminders; the window stays hidden")
        app.setQuitOnLastWindowClosed(False)
        QTimer.singleShot(0, load)
    else:
        window.installEventFilter(_AfterFirstPaint(window, load))
        window.show()
    try:
        code = app.exec()
    finally:
        launcher = sys.modules.get("hipdesk.views.session.launch")
        if launcher is not None:  # a session ran: let its sounds go while Qt still runs
            launcher.close_shared_cue_player()
        backups = window.findChild(QObject, "autoBackup")
        if backups is not None:
            backups.stop()  # type: ignore[attr-defined]
        if window.repo is not None:
            window.repo.db.close()
        for handler in crash:
            handler.uninstall()
        lock.release()
    return code


def _reminders_on() -> bool:
    from hipdesk.app.settings import REMINDERS_ENABLED

    return REMINDERS_ENABLED.get()


def _open_data(window: QWidget, db_file: Path, notices: list[str], exit_after_startup: bool) -> Repo:
    """The data, ready; when the data file is missing but backups of it are there, the runner
    chooses between the newest backup and starting empty (never started empty unasked)."""
    from hipdesk.db.recovery import restore_file
    from hipdesk.store import DataMissingError, open_store

    try:
        return open_store(db_file, notify=notices.append)
    except DataMissingError as missing:
        if exit_after_startup:
            raise
        from hipdesk.views.common.widgets import ask

        when = long_date_time(missing.newest.created)
        choice = ask(
            window,
            "Data File Missing",
            f"There is no data file at {db_file}, but there are backups of it. Put the newest backup "
            f"(from {when}) in place, or start with no data? The backups stay either way.",
            ["Restore Newest Backup", "Start Empty", "Quit"],
        )
        if choice == "Restore Newest Backup":
            notices.append(restore_file(db_file, missing.newest.path).capitalize() + ".")
            return open_store(db_file, notify=notices.append)
        if choice == "Start Empty":
            return open_store(db_file, notify=notices.append, start_empty=True)
        raise


def _install_crash_handler(app: QApplication, window: QWidget) -> CrashHandler:
    """Unexpected errors go to the log file in the data folder and to a dialog over the window."""
    from hipdesk.paths import data_dir
    from hipdesk.views.shell.crash import CrashHandler, install_log_file

    def rollback() -> None:
        repo = getattr(window, "repo", None)
        if repo is not None and not repo.db.is_closed() and repo.db.connection().in_transaction:
            repo.db.connection().rollback()

    crash = CrashHandler(lambda: window, install_log_file(data_dir()), rollback, parent=app)
    crash.install()
    return crash


def _after_data(window: QWidget, db_file: Path, notices: list[str], exit_after_startup: bool) -> None:
    """Once the data is shown: listen for second launches, start the automatic backups, tell what
    start-up recovery did."""
    from hipdesk.views.shell.auto_backup import AutoBackup
    from hipdesk.views.shell.single_instance import InstanceServer, bring_forward

    server = InstanceServer(db_file, window)
    server.setObjectName("instanceServer")
    server.raise_requested.connect(lambda: bring_forward(window))
    backups = AutoBackup(db_file, window)
    backups.setObjectName("autoBackup")
    backups.start(launch_delay_ms=0 if exit_after_startup else 1500)
    for text in notices:
        print(f"hipdesk: {text}", file=sys.stderr)
        if not exit_after_startup:
            from hipdesk.views.common.widgets import message

            message(window, "Data Restored from a Backup", text, QMessageBox.Icon.Warning)
