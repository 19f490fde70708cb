"""Lets a real-mouse test wait on what the app saw: each drag event over a widget, as a line of JSON.

The test apps call ``report_drags(app)``; the tests read the lines (``XServer.drag`` waits until the drag
has reached its target before it lets go), so a busy machine makes them slower, never wrong.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

_NAMES = {QEvent.Type.DragEnter: "drag-enter", QEvent.Type.DragMove: "drag-move", QEvent.Type.Drop: "drop"}


class _DragReporter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = _NAMES.get(event.type())
        if (
            name is not None
            and isinstance(watched, QWidget)
            and isinstance(event, QDragMoveEvent | QDropEvent)
        ):
            where = watched.mapToGlobal(event.position().toPoint())
            print(json.dumps({"event": name, "x": where.x(), "y": where.y()}), flush=True)
        return False


def report_drags(app: QApplication) -> None:
    reporter = _DragReporter(app)
    app.installEventFilter(reporter)


def report_when_shown(window: QWidget, report) -> None:
    """Call ``report`` once the window is on screen and laid out (not after a fixed delay)."""
    from PySide6.QtTest import QTest

    if not QTest.qWaitForWindowExposed(window, 60_000):
        raise SystemExit("the window was never shown")
    QApplication.processEvents()
    report()
