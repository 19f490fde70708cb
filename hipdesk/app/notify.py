"""Desktop notifications with actions through ``org.freedesktop.Notifications`` on the session bus.

``Notify`` takes its ``replaces_id`` as a D-Bus uint32, and a Python int goes out of QtDBus as an
int32, which the notification servers refuse ("no such method ... signature 'sisssasa{sv}i'"). The
call is therefore made through the service's introspected interface with each argument typed
(``Q_ARG("uint", 0)``), which is how Qt marshals an unsigned value from Python.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject, Qt, Signal, Slot

from hipdesk.paths import APP_ID, APP_NAME

logger = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_MS = 2000
ACTIONS = (("start", "Start"), ("snooze", "Snooze 15 min"), ("skip", "Skip today"))
OFF_ENV = "HIPDESK_NOTIFICATIONS"  # "none": never the session bus's notification server (tests)


class Notifier(QObject):
    """Shows a notification for a key and says which of its actions the runner chose.

    ``action_chosen(key, action)``: ``action`` is one of ``start``, ``snooze``, ``skip``; clicking
    the notification itself counts as ``start``.
    """

    action_chosen = Signal(str, str)
    name = "none"

    def available(self) -> bool:
        return False

    def show(self, key: str, title: str, body: str) -> bool:
        """True when the desktop took the notification."""
        return False

    def withdraw(self, key: str) -> None:
        """Take the notification for ``key`` away, if it is still shown."""


class DBusNotifier(Notifier):
    """``org.freedesktop.Notifications`` (GNOME, KDE, Xfce, dunst, mako ...)."""

    name = "desktop notifications"

    def __init__(self, connection: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtDBus import QDBusConnection

        if connection is None and os.environ.get(OFF_ENV) == "none":
            connection = QDBusConnection.connectToBus("unix:path=/nonexistent", "hipdesk-no-notifications")
        self._bus = connection if connection is not None else QDBusConnection.sessionBus()
        self._interface: Any = None
        self._ids: dict[int, str] = {}  # notification id -> key
        self._listening = False

    def _connect(self) -> Any:
        if self._interface is not None and self._interface.isValid():
            return self._interface
        from PySide6.QtDBus import QDBusInterface

        if not self._bus.isConnected():
            logger.info("no D-Bus session bus: %s", self._bus.lastError().message())
            return None
        interface = QDBusInterface(SERVICE, PATH, SERVICE, self._bus)  # starts an activatable server
        interface.setTimeout(TIMEOUT_MS)
        if not interface.isValid():
            logger.info("no %s service: %s", SERVICE, interface.lastError().message())
            return None
        if not self._listening:
            for signal, slot in (
                ("ActionInvoked", "_on_service_action_invoked(uint,QString)"),
                ("NotificationClosed", "_on_service_notification_closed(uint,uint)"),
            ):
                # the slot as Qt's SLOT() text; PySide6 takes it as str (its stubs say bytes)
                if not self._bus.connect(SERVICE, PATH, SERVICE, signal, self, f"1{slot}"):  # type: ignore[call-overload]
                    logger.info("cannot hear %s: the actions will not reach HipDesk", signal)
            self._listening = True
        self._interface = interface
        return interface

    def available(self) -> bool:
        return self._connect() is not None

    def show(self, key: str, title: str, body: str) -> bool:
        interface = self._connect()
        if interface is None:
            return False
        actions = ["default", "Start"] + [word for pair in ACTIONS for word in pair]
        hints = {"desktop-entry": APP_ID, "category": "x-hipdesk.reminder"}
        replaces = next((nid for nid, k in self._ids.items() if k == key), 0)
        try:
            nid: Any = QMetaObject.invokeMethod(
                interface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG("QString", APP_NAME),
                Q_ARG("uint", replaces),
                Q_ARG("QString", APP_ID),
                Q_ARG("QString", title),
                Q_ARG("QString", body),
                Q_ARG("QStringList", actions),
                Q_ARG("QVariantMap", hints),
                Q_ARG("int", 0),  # 0: stays until the runner answers it
            )
        except RuntimeError as exc:  # the service gave no introspection data for Notify
            logger.info("Notify could not be called: %s", exc)
            return False
        error = interface.lastError()
        if error.isValid() or not nid:
            logger.info("Notify failed: %s", error.message())
            return False
        self._ids[int(nid)] = key
        logger.info("notification %s shown for %s", nid, key)
        return True

    def withdraw(self, key: str) -> None:
        interface = self._interface
        for nid in [n for n, k in self._ids.items() if k == key]:
            del self._ids[nid]
            if interface is not None:
                QMetaObject.invokeMethod(
                    interface, "CloseNotification", Qt.ConnectionType.DirectConnection, Q_ARG("uint", nid)
                )

    @Slot("uint", str)
    def _on_service_action_invoked(self, nid: int, action: str) -> None:
        key = self._ids.pop(int(nid), None)
        if key is None:
            return  # another program's notification
        self.action_chosen.emit(key, "start" if action == "default" else action)

    @Slot("uint", "uint")
    def _on_service_notification_closed(self, nid: int, reason: int) -> None:
        self._ids.pop(int(nid), None)
