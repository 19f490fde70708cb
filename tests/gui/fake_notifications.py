"""A stand-in org.freedesktop.Notifications server on the bus named in argv[1], strict as the real ones
(Notify with a signed replaces_id finds no method). It prints each call as one JSON line, and
``Press(action)`` makes it emit ActionInvoked for the last notification, as a click would."""

import json  # noqa: I001  (hipdesk first: it fixes PySide6 before use)
import sys

import hipdesk  # noqa: F401  (the None reference-count fix)
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self) -> None:
        super().__init__()
        self.last = 0

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout):
        self.last = replaces_id or self.last + 1
        call = {
            "call": "Notify",
            "app_name": app_name,
            "replaces_id": replaces_id,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": {k: str(v) for k, v in dict(hints).items()},
            "timeout": timeout,
            "id": self.last,
        }
        print(json.dumps(call), flush=True)
        return self.last

    @Slot("uint")
    def CloseNotification(self, nid):
        print(json.dumps({"call": "CloseNotification", "id": nid}), flush=True)
        self.NotificationClosed.emit(nid, 3)

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return ["actions", "body", "persistence"]

    @Slot(str)
    def Press(self, action):
        self.ActionInvoked.emit(self.last, action)


app = QCoreApplication(sys.argv)
bus = QDBusConnection.connectToBus(sys.argv[1], "fake-notifications")
service = Notifications()
options = QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
bus.registerObject("/org/freedesktop/Notifications", service, options)
bus.registerService("org.freedesktop.Notifications")
print(json.dumps({"call": "ready"}), flush=True)
app.exec()
