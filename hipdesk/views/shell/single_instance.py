"""One HipDesk per data file: the data lock (hipdesk.db.lock), and asking the HipDesk that holds it to
raise its window (its server is hipdesk.app.instance)."""

from __future__ import annotations

import time
from pathlib import Path

from hipdesk.app.instance import RAISE, server_name
from hipdesk.db.lock import WRITER_WAIT_MS, DataLock, lock_for_writing, lock_path

__all__ = ["WRITER_WAIT_MS", "DataLock", "lock_for_writing", "lock_path", "server_name"]


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
