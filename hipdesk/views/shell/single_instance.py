"""One HipDesk per data file: the data lock (hipdesk.db.lock), and asking the HipDesk that holds it to
raise its window (its server is hipdesk.app.instance)."""

from __future__ import annotations

import time
from pathlib import Path

from hipdesk.app.instance import RAISE, server_name
from hipdesk.db.lock import DataLock, lock_path
from hipdesk.domain.errors import HipDeskError

__all__ = ["DataLock", "lock_path", "lock_for_writing", "server_name"]

WRITER_WAIT_MS = 3000  # a command-line writer waits this long for another writer to finish


def lock_for_writing(db_path: Path, wait_ms: int = WRITER_WAIT_MS) -> DataLock:
    """The lock for a command-line writer, waiting a little for another writer; else one clear error."""
    lock = DataLock(db_path)
    if not lock.acquire(wait_ms) and lock.held_elsewhere:
        raise HipDeskError(lock.in_use_text())
    return lock


def ask_running_instance_to_raise(db_path: Path, timeout_ms: int = 3000) -> bool:
    """Ask the HipDesk that holds the lock to bring its window forward; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + timeout_ms / 1000
    name = server_name(db_path)
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(RAISE)
            socket.waitForBytesWritten(500)
            answered = socket.waitForReadyRead(max(100, int((deadline - time.monotonic()) * 1000)))
            socket.disconnectFromServer()
            return answered
        if time.monotonic() >= deadline:  # the other one is a command-line writer, or still starting
            return False
        time.sleep(0.1)


def bring_forward(window: object) -> None:
    """Show ``window`` un-minimised, on top and active (as far as the window manager allows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    if window.windowState() & Qt.WindowState.WindowMinimized:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
