"""One HipDesk per data file: the data lock (hipdesk.db.lock), and a local socket to raise the window."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hipdesk.db.lock import DataLock, lock_path, real_path
from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

__all__ = ["DataLock", "lock_path", "lock_for_writing", "server_name"]

RAISE = b"raise\n"
WRITER_WAIT_MS = 3000  # a command-line writer waits this long for another writer to finish


def server_name(db_path: Path) -> str:
    """A local-socket name for this user and this database file (its real path)."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else os.getlogin()}:{real_path(db_path)}"
    return "hipdesk-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def lock_for_writing(db_path: Path, wait_ms: int = WRITER_WAIT_MS) -> DataLock:
    """The lock for a command-line writer, waiting a little for another writer; else one clear error."""
    lock = DataLock(db_path)
    if not lock.acquire(wait_ms) and lock.held_elsewhere:
        raise HipDeskError(lock.in_use_text())
    return lock


class InstanceServer(QObject):
    """Listens for a second launch on the same data and asks for the window to come forward."""

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(db_path)
        QLocalServer.removeServer(name)  # a socket left by a crashed HipDesk; we hold the lock
        if not self._server.listen(name):
            logger.warning("cannot listen for other launches: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QObject) -> None:
        data = bytes(socket.readAll().data())  # type: ignore[attr-defined]
        if RAISE.strip() in data:
            logger.info("another launch asked for the window")
            socket.write(b"ok\n")  # type: ignore[attr-defined]
            socket.flush()  # type: ignore[attr-defined]
            self.raise_requested.emit()


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
