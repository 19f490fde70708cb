"""Unexpected errors: written to a rotating log in the data folder, hard faults (a crash inside Qt or
SQLite) to a faults file beside it, and handed to the window to show; no widgets here."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

logger = logging.getLogger(__name__)

LOG_NAME = "hipdesk.log"
FAULTS_NAME = "faults.log"
LOG_BYTES = 512 * 1024
LOG_COUNT = 3


def log_path(folder: Path) -> Path:
    return folder / "logs" / LOG_NAME


def install_log_file(folder: Path) -> Path | None:
    """Log warnings and errors of the whole app to ``folder/logs/hipdesk.log`` (rotated, 4 files)."""
    path = log_path(folder)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_COUNT, encoding="utf-8", delay=True
        )
    except OSError as exc:
        logger.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    return path


class CrashHandler(QObject):
    """Catches what nothing else caught, in any thread; the dialog always opens on the GUI thread.

    ``show_crash(summary, details)`` and ``show_disk_full(text)`` are the window's dialogs, given
    in; ``where()`` is the data file (what a full disk is checked against)."""

    crashed = Signal(str, str)  # summary, details (the traceback)
    disk_full = Signal(str)  # what to tell the runner: a full disk is no bug, and needs no traceback

    def __init__(
        self,
        log_file: Path | None = None,
        rollback: Callable[[], None] | None = None,
        *,
        where: Callable[[], Path | None] = lambda: None,
        show_crash: Callable[[str, str], None] | None = None,
        show_disk_full: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.rollback = rollback
        self.where = where
        self.show_crash = show_crash
        self.show_disk_full = show_disk_full
        self.showing = False
        self.show_dialogs = True
        self._previous = (sys.excepthook, threading.excepthook)
        self._faults: TextIO | None = None
        self._faults_before = False
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)
        self.disk_full.connect(self._on_disk_full, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)
        if self.log_file is not None:
            self._faults_before = faulthandler.is_enabled()
            try:
                self._faults = (self.log_file.parent / FAULTS_NAME).open("a", encoding="utf-8")
            except OSError as exc:
                logger.warning("no faults file beside %s: %s", self.log_file, exc)
            else:
                faulthandler.enable(self._faults, all_threads=True)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None
            if self._faults_before and sys.__stderr__ is not None:
                faulthandler.enable(sys.__stderr__)

    @property
    def faults_file(self) -> Path | None:
        """Where a hard fault's traceback goes while the handler is installed."""
        return None if self._faults is None else Path(self._faults.name)

    def handle(
        self, kind: type[BaseException], value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value or kind(), tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        logger.critical("unexpected error\n%s", details)
        if self.rollback is not None:
            try:
                self.rollback()  # an unfinished transaction is undone, never half kept
            except Exception:
                logger.exception("rollback after the error failed")
        from hipdesk.db.files import disk_full_text, is_disk_full

        where = self.where() or self.log_file or Path.home()
        if value is not None and is_disk_full(value, where):
            self.disk_full.emit(disk_full_text(where))
            return
        summary = f"{kind.__name__}: {value}" if str(value) else kind.__name__
        self.crashed.emit(summary, details)

    def _on_disk_full(self, text: str) -> None:
        if self._quiet() or self.show_disk_full is None:
            return
        self.showing = True
        try:
            self.show_disk_full(text)
        finally:
            self.showing = False

    def _on_crashed(self, summary: str, details: str) -> None:
        if self._quiet() or self.show_crash is None or QCoreApplication.instance() is None:
            return
        self.showing = True
        try:
            self.show_crash(summary, details)
        finally:
            self.showing = False

    def _quiet(self) -> bool:
        return QThread.currentThread() is not self.thread() or not self.show_dialogs or self.showing
