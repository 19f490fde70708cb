"""FigureWidget: an exercise figure that animates, with play/pause and a left/right side."""

from __future__ import annotations

import time

from PySide6.QtCore import Property, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hipdesk.figures.animation import Figure, placeholder_figure
from hipdesk.figures.render import paint_figure
from hipdesk.qtfix import keep_none_alive

FRAME_MS = 33  # about 30 frames a second: smooth for these slow movements

keep_none_alive()


class FigureWidget(QWidget):
    """Draws a :class:`Figure`, animated from a monotonic clock (never by counting ticks).

    The timer runs only while the widget is shown, playing, awake and the figure moves. Click or
    press Space to play/pause. ``side`` ("left"/"right") mirrors an each-side exercise. A figure put
    to rest (``setAwake(False)``: nobody is looking) holds the frame it reached, without the paused
    badge, and goes on from it when woken."""

    playing_changed = Signal(bool)
    side_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, figure: Figure | None = None) -> None:
        super().__init__(parent)
        self._figure = figure or placeholder_figure()
        self._side = "right"
        self._playing = True
        self._clock = time.monotonic
        self._started = self._clock()  # clock time at phase 0 while playing
        self._paused_phase = 0.0
        self._awake = True
        self._rested_at = 0.0  # clock time the figure was put to rest
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.update)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Exercise illustration")

    # -- figure ---------------------------------------------------------------------------------
    def figure(self) -> Figure:
        return self._figure

    def setFigure(self, figure: Figure) -> None:
        self._figure = figure
        self._started = self._clock() if self._awake else self._rested_at
        self._paused_phase = 0.0
        self._sync_timer()
        self.update()

    # -- side -----------------------------------------------------------------------------------
    def side(self) -> str:
        return self._side

    def setSide(self, side: str) -> None:
        if side not in ("left", "right"):
            raise ValueError(f"side must be 'left' or 'right', not {side!r}")
        if side != self._side:
            self._side = side
            self.update()
            self.side_changed.emit(side)

    side_property = Property(str, side, setSide, notify=side_changed)

    # -- play / pause -----------------------------------------------------------------------------
    def isPlaying(self) -> bool:
        return self._playing

    def setPlaying(self, playing: bool) -> None:
        if playing == self._playing:
            return
        if playing:
            now = self._clock() if self._awake else self._rested_at
            self._started = now - self._paused_phase
        else:
            self._paused_phase = self.phase()
        self._playing = playing
        self._sync_timer()
        self.update()
        self.playing_changed.emit(playing)

    playing = Property(bool, isPlaying, setPlaying, notify=playing_changed)

    def isAwake(self) -> bool:
        return self._awake

    def setAwake(self, awake: bool) -> None:
        """Rest (hold the frame, no timer) or move on from where it rested."""
        if awake == self._awake:
            return
        if awake:
            self._started += self._clock() - self._rested_at  # the rest does not count as time played
        else:
            self._rested_at = self._clock()
        self._awake = awake
        self._sync_timer()

    def play(self) -> None:
        self.setPlaying(True)

    def pause(self) -> None:
        self.setPlaying(False)

    def toggle(self) -> None:
        self.setPlaying(not self._playing)

    def phase(self) -> float:
        """Seconds into the animation now: the lead-in once, then the loop (the clock is read, not
        ticks counted)."""
        if not self._playing:
            elapsed = self._paused_phase
        else:
            elapsed = (self._clock() if self._awake else self._rested_at) - self._started
        return self._figure.animation(self._side).phase(elapsed)

    def timerActive(self) -> bool:
        return self._timer.isActive()

    def _animated(self) -> bool:
        anim = self._figure.animation(self._side)
        return len(anim.keyframes) > 1 and anim.period > 0

    def _sync_timer(self) -> None:
        if self._playing and self._awake and self.isVisible() and self._animated():
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    # -- Qt events ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._timer.stop()
        super().hideEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 80)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._animated():
            self.toggle()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._animated():
            self.toggle()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        paint_figure(painter, rect, self._figure, t=self.phase(), side=self._side, palette=self.palette())
        if not self._playing and self._animated():
            self._paint_paused_badge(painter, rect)
        painter.end()

    def _paint_paused_badge(self, painter: QPainter, rect: QRectF) -> None:
        size = max(12.0, min(rect.width(), rect.height()) * 0.08)
        x, y = rect.right() - size * 1.6, rect.top() + size * 0.6
        colour = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        colour.setAlphaF(0.45)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + size, y + size / 2), QPointF(x, y + size)]))
