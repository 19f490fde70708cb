"""The big countdown ring of a session: time left or the rep count, readable from across a room."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# Hues that read in light and dark mode alike: each has at least 3:1 contrast with the light
# (#efefef) and the dark (#2b2d30) window background. The track and the text come from the palette.
WORK_COLOR = QColor("#2a85c4")
REST_COLOR = QColor("#2a9468")
READY_COLOR = QColor("#b8750f")
FLASH_MS = 220
STEPS = 720  # the arc moves in half degrees (2 px on a big ring): each step is a repaint


class CountdownRing(QWidget):
    """An arc that empties as the step runs, with the big number in the middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._text = ""
        self._caption = ""
        self._color = WORK_COLOR
        self._flash = False
        self._track: QPixmap | None = None  # the full circle under the arc, drawn once per size
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def set_values(self, fraction: float | None, text: str, caption: str, color: QColor) -> None:
        fraction = 0.0 if fraction is None else max(0.0, min(1.0, fraction))
        fraction = round(fraction * STEPS) / STEPS
        if (fraction, text, caption, color) != (self._fraction, self._text, self._caption, self._color):
            self._fraction, self._text, self._caption, self._color = fraction, text, caption, color
            self.update()

    def text(self) -> str:
        return self._text

    def caption(self) -> str:
        return self._caption

    def flash(self) -> None:
        """A short pulse that goes with a countdown beep (and stands in for it without sound)."""
        self._flash = True
        self._flash_timer.start(FLASH_MS)
        self.update()

    def _on_flash_timer_timeout(self) -> None:
        self._flash = False
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._track = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._track = None
        super().changeEvent(event)

    def _geometry(self) -> tuple[float, float, QRectF]:
        side = min(self.width(), self.height())
        pen_width = max(8.0, side * 0.06)
        inset = pen_width * 0.7  # room for the wider arc of a flash
        rect = QRectF(
            (self.width() - side) / 2 + inset,
            (self.height() - side) / 2 + inset,
            side - 2 * inset,
            side - 2 * inset,
        )
        return side, pen_width, rect

    def _track_pixmap(self) -> QPixmap:
        """The grey circle, antialiased: the costliest part of a frame, so drawn once per size."""
        if self._track is None:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            _, pen_width, rect = self._geometry()
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            track = QColor(self.palette().color(QPalette.ColorRole.Mid))
            track.setAlpha(90)
            painter.setPen(QPen(track, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawEllipse(rect)
            painter.end()
            self._track = pixmap
        return self._track

    def paintEvent(self, event: QPaintEvent) -> None:
        side, pen_width, rect = self._geometry()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._track_pixmap())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        remaining = 1.0 - self._fraction
        if remaining > 0:
            # the flash widens the arc rather than paling it, so its colour keeps its contrast
            width = pen_width * (1.35 if self._flash else 1.0)
            painter.setPen(QPen(self._color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(rect, 90 * 16, int(-remaining * 360 * 16))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(12, int(side * (0.30 if len(self._text) <= 3 else 0.22))))
        painter.setFont(font)
        inner = rect.adjusted(pen_width, pen_width, -pen_width, -pen_width)
        text_rect = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.72)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self._text)
        small = QFont(self.font())
        small.setPixelSize(max(10, int(side * 0.075)))
        painter.setFont(small)
        caption_rect = QRectF(
            inner.left(), inner.top() + inner.height() * 0.72, inner.width(), inner.height() * 0.2
        )
        painter.drawText(
            caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption
        )
        painter.end()


def clock_text(seconds: float) -> str:
    """``7`` -> ``7``; ``75`` -> ``1:15`` (rounded up, so 0.2 s left still shows 1)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}" if minutes else str(rest)
