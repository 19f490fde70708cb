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

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext
    from hipdesk.db.lock import DataLock
    from hipdesk.db.repo import Repo
    from hipdesk.views.shell.main_window import MainWindow


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
    notices: list[str] = []
    context = _make_context(window, db_file, lock, notices, exit_after_startup)

    def load() -> None:
        try:
            context.start(until="data")
        except HipDeskError as exc:
            print(f"hipdesk: {exc}", file=sys.stderr)
            from hipdesk.store import DataMissingError

            if not exit_after_startup and not isinstance(exc, DataMissingError):
                from hipdesk.views.common.widgets import message

                _set_window_icon(app)
                message(window, APP_NAME, str(exc), QMessageBox.Icon.Critical)
            app.exit(1)
            return
        window.attach(context)
        if os.environ.get("HIPDESK_REPORT_STARTUP"):
            _report("data-shown")
        _set_window_icon(app)  # the SVG reader loads for it: after the data, before the tray's icon
        window.start_reminders()
        context.start()  # the instance server, the automatic backups, the cue player
        _tell_notices(window, notices, exit_after_startup)
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
        context.close()  # what started, in the reverse order (see hipdesk.app.context)
    return code


def _set_window_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from hipdesk.resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icons", f"{APP_ID}.svg"))))


def _make_context(
    window: MainWindow, db_file: Path, lock: DataLock, notices: list[str], exit_after_startup: bool
) -> AppContext:
    """The context of this run, holding the lock already taken, with the window's dialogs."""
    from hipdesk.app.context import AppContext
    from hipdesk.views.shell.crash import dialogs_over
    from hipdesk.views.shell.main_window import make_cue_player
    from hipdesk.views.shell.single_instance import bring_forward

    context: AppContext

    def log_file() -> Path | None:
        return context.crash.log_file if context.crash is not None else None

    show_crash, show_disk_full = dialogs_over(lambda: window, log_file)
    context = AppContext(
        db_file,
        lock=lock,
        open_data=lambda path: _open_data(window, path, notices, exit_after_startup),
        show_crash=show_crash,
        show_disk_full=show_disk_full,
        make_cue_player=make_cue_player,
        backup_delay_ms=0 if exit_after_startup else 1500,
        parent=window,
    )
    context.raise_requested.connect(lambda: bring_forward(window))
    context.start(until="lock")  # held already: from here on, the context lets it go at the end
    return context


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
        from hipdesk.views.common.dates import long_date_time
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


def _tell_notices(window: QWidget, notices: list[str], exit_after_startup: bool) -> None:
    """What start-up recovery did, on stderr and in a dialog."""
    for text in notices:
        print(f"hipdesk: {text}", file=sys.stderr)
        if not exit_after_startup:
            from hipdesk.views.common.widgets import message

            message(window, "Data Restored from a Backup", text, QMessageBox.Icon.Warning)
