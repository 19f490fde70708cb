"""The two figures of the session screen, made cheap to run for half an hour on battery.

The big figure repaints only the box its loop moves in (not the whole, mostly empty, widget); the
small "what comes next" picture stays still, on the exercise's first pose.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from hipdesk.figures.render import MARGIN
from hipdesk.figures.scene import animation_bounds
from hipdesk.figures.widget import FigureWidget

PAD = 0.05  # of the widget's smaller side, round the loop's box: antialiasing and in-between poses


def motion_rect(widget: FigureWidget) -> QRect:
    """The part of ``widget`` its figure's loop paints into, as the renderer fits it (with a pad)."""
    rect = QRectF(widget.rect())
    figure = widget.figure()
    x0, y0, x1, y1 = animation_bounds(figure.animation(widget.side()), figure.muscles)
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    scale = min(rect.width() * (1 - 2 * MARGIN) / w, rect.height() * (1 - 2 * MARGIN) / h)
    cx, cy = rect.center().x(), rect.center().y()
    pad = min(rect.width(), rect.height()) * PAD
    box = QRectF(cx - w * scale / 2 - pad, cy - h * scale / 2 - pad, w * scale + 2 * pad, h * scale + 2 * pad)
    return box.toAlignedRect().intersected(widget.rect())


def held_keyframe(widget: FigureWidget) -> int | None:
    """The keyframe the figure is holding still at now (a frame like the last one), or None."""
    anim = widget.figure().animation(widget.side())
    if len(anim.keyframes) < 2 or anim.period <= 0:
        return None
    t = widget.phase()
    start = 0.0
    for index, keyframe in enumerate(anim.keyframes):
        if start <= t < start + keyframe.hold:
            return index
        start += keyframe.hold + keyframe.move
    return None


class SessionFigure(FigureWidget):
    """The big moving figure: each animation frame repaints only the box the figure moves in, and
    a pose held still is painted once, not thirty times a second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held: tuple[object, str, int] | None = None  # (figure, side, keyframe) painted still
        self._timer.timeout.disconnect(self.update)
        self._timer.timeout.connect(self._on_frame_timer_timeout)

    def _on_frame_timer_timeout(self) -> None:
        index = held_keyframe(self)
        held = None if index is None else (self.figure(), self.side(), index)
        if held is not None and held == self._held:
            return  # the same still pose is on screen already
        self._held = held
        self.update(motion_rect(self))


class StillFigure(FigureWidget):
    """What comes next: the first pose, still by design (so no paused badge either)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pause()

    def _paint_paused_badge(self, painter: QPainter, rect: QRectF) -> None:
        pass
