"""Unexpected errors: written to a rotating log in the data folder and shown with details to copy."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger(__name__)

LOG_NAME = "hipdesk.log"
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
    """Catches what nothing else caught, in any thread; the dialog always opens on the GUI thread."""

    crashed = Signal(str, str)  # summary, details (the traceback)
    disk_full = Signal(str)  # what to tell the runner: a full disk is no bug, and needs no traceback

    def __init__(
        self,
        parent_window: Callable[[], QWidget | None] = lambda: None,
        log_file: Path | None = None,
        rollback: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_window = parent_window
        self.log_file = log_file
        self.rollback = rollback
        self.showing = False
        self.show_dialogs = True
        self._previous = (sys.excepthook, threading.excepthook)
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)
        self.disk_full.connect(self._on_disk_full, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

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

        repo = getattr(self.parent_window(), "repo", None)
        where = Path(repo.db.database) if repo is not None else self.log_file or Path.home()
        if value is not None and is_disk_full(value, where):
            self.disk_full.emit(disk_full_text(where))
            return
        summary = f"{kind.__name__}: {value}" if str(value) else kind.__name__
        self.crashed.emit(summary, details)

    def _on_disk_full(self, text: str) -> None:
        if QThread.currentThread() is not self.thread() or not self.show_dialogs or self.showing:
            return
        from hipdesk.views.common.widgets import message

        self.showing = True
        try:
            message(self.parent_window(), "Disk Full", text)
        finally:
            self.showing = False

    def _on_crashed(self, summary: str, details: str) -> None:
        if QThread.currentThread() is not self.thread() or not self.show_dialogs or self.showing:
            return
        if QApplication.instance() is None:
            return
        self.showing = True
        try:
            show_crash_dialog(self.parent_window(), summary, details, self.log_file)
        finally:
            self.showing = False


def crash_dialog(parent: QWidget | None, summary: str, details: str, log_file: Path | None) -> QMessageBox:
    where = f" The details are also in {log_file}." if log_file else ""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "HipDesk: Unexpected Error",
        "Something went wrong that HipDesk did not expect. Everything saved before it is safe; "
        f"the step that failed was not saved.{where}\n\n{summary}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText(details)
    copy = box.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(f"{summary}\n\n{details}"))
    return box


def show_crash_dialog(parent: QWidget | None, summary: str, details: str, log_file: Path | None) -> None:
    crash_dialog(parent, summary, details, log_file).exec()
