"""Automatic backups while the window is open: at launch and every 30 minutes, when the data changed."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

PERIOD_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    """Runs each backup on a worker thread with its own SQLite connection, never on the GUI thread."""

    backup_finished = Signal(str, str)  # the new backup's path ("" when unchanged), an error ("" if none)
    failed = Signal(str)  # a sentence for the runner, once per new failure

    def __init__(self, db_path: Path, parent: QObject | None = None, period_ms: int = PERIOD_MS) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(lambda: self.run("periodic"))
        self.backup_finished.connect(self._on_backup_finished, Qt.ConnectionType.QueuedConnection)
        self.last_error = ""

    def start(self, launch_delay_ms: int = 0) -> None:
        """A launch backup soon (after the window is on screen), then one every period."""
        QTimer.singleShot(launch_delay_ms, self, lambda: self.run("launch"))
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.wait()

    def wait(self, timeout_s: float = 30) -> None:
        if self._thread is not None:
            self._thread.join(timeout_s)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run(self, reason: str) -> bool:
        """Start a backup unless one is running; the data is copied only if it changed."""
        if self.busy:
            return False
        self._thread = threading.Thread(target=self._work, args=(reason,), name=f"backup-{reason}")
        self._thread.start()
        return True

    def _work(self, reason: str) -> None:
        from hipdesk.db.backup import make_backup

        try:
            path = make_backup(self.db_path, reason, only_if_changed=True)
        except HipDeskError as exc:
            self.backup_finished.emit("", str(exc))
            return
        self.backup_finished.emit(str(path) if path else "", "")

    def _on_backup_finished(self, path: str, error: str) -> None:
        told = self.last_error
        self.last_error = error
        if error:
            logger.warning("automatic backup failed: %s", error)
            if error != told:  # once, not every 30 minutes
                self.failed.emit(f"Automatic backup failed: {error} Tools ▸ Back Up Now tries again.")
        elif path:
            logger.info("automatic backup: %s", path)
