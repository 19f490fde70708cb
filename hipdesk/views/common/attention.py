"""Whether the runner is looking: the window's figures move while it is in use and rest otherwise.

A figure that loops on a page nobody looks at costs a tenth of a core for nothing. The library's
and the routine editor's figures (the large one and the list thumbnails) therefore move while the
application is active and was used (a key, a click, the wheel, the mouse moving over it) within the
last ``ATTENTION_S`` seconds, or the mouse hovers over it while another application is in front;
then they rest on the frame they reached and go on from it at the next touch. The guided session's
figure never rests: the runner is on the mat, not at the keyboard.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ATTENTION_S = 30.0  # figures keep moving this long after the last use of the window

_USE = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.HoverMove,
        QEvent.Type.Enter,
        QEvent.Type.TouchBegin,
    }
)


class Attention(QObject):
    """``attending`` is True while the runner uses the application; ``changed`` says when it flips."""

    changed = Signal(bool)

    def __init__(
        self, parent: QObject, idle_s: float = ATTENTION_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.idle_s = idle_s
        self._clock = clock
        self._last = clock()
        self.attending = True  # the window has just been opened: someone is looking
        self._lapse = QTimer(self)
        self._lapse.setSingleShot(True)
        self._lapse.setTimerType(Qt.TimerType.CoarseTimer)
        self._lapse.timeout.connect(self._on_lapse_timeout)
        self._lapse.start(round(idle_s * 1000))
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)

    def set_idle_s(self, seconds: float) -> None:
        """How long figures keep moving after the last use, counted from now."""
        self.idle_s = seconds
        self._lapse.stop()
        self.used()

    def used(self) -> None:
        """The runner touched the window: figures move (again) for ``idle_s`` from now."""
        self._last = self._clock()
        if not self._lapse.isActive():  # re-armed lazily: a mouse move costs no timer restart
            self._lapse.start(round(self.idle_s * 1000))
        self._set(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _USE:
            self.used()
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.used()  # a window just opened is looked at
        return False

    def _on_lapse_timeout(self) -> None:
        left = self.idle_s - (self._clock() - self._last)
        if left > 0.05:
            self._lapse.start(round(left * 1000))
        else:
            self._set(False)

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.used()
        else:  # another application is in front: rest until the mouse comes over the window
            self._lapse.stop()
            self._set(False)

    def _set(self, attending: bool) -> None:
        if attending != self.attending:
            self.attending = attending
            self.changed.emit(attending)


_shared: list[Attention] = []


def attention() -> Attention:
    """The application's one :class:`Attention`, made at first use."""
    app = QCoreApplication.instance()
    assert app is not None, "attention() needs the application"
    try:
        current = bool(_shared) and _shared[0].parent() is app
    except RuntimeError:  # the application it belonged to is gone
        current = False
    if not current:
        _shared[:] = [Attention(app)]
    return _shared[0]
