"""The single-instance server: a local socket on which a second launch on the same data asks this
HipDesk to bring its window forward."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hipdesk.db.lock import real_path

logger = logging.getLogger(__name__)

RAISE = b"raise\n"


def server_name(db_path: Path) -> str:
    """A local-socket name for this user and this database file (its real path)."""
    import hashlib  # not on the way to the window's first paint

    key = f"{os.getuid() if hasattr(os, 'getuid') else os.getlogin()}:{real_path(db_path)}"
    return "hipdesk-" + hashlib.sha256(key.encode()).hexdigest()[:24]


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

    def close(self) -> None:
        """Stop listening: a later launch finds no one to answer (and no stale socket)."""
        self._server.close()

    @property
    def listening(self) -> bool:
        return self._server.isListening()
