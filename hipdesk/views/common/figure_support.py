"""The illustrations in the views: animated thumbnails in lists, and the large figure with controls."""

from __future__ import annotations

import functools
import time

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPixmap, QPixmapCache
from PySide6.QtWidgets import QAbstractItemView, QButtonGroup, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from hipdesk.app import settings
from hipdesk.domain.model import Exercise
from hipdesk.figures import Figure, figure_for_exercise, placeholder_figure
from hipdesk.figures.render import render_image
from hipdesk.figures.widget import FigureWidget
from hipdesk.views.common.attention import attention

THUMB_FPS = 12


@functools.lru_cache(maxsize=1024)
def figure_of(exercise: Exercise) -> Figure:
    """The figure for an exercise, made once."""
    return figure_for_exercise(exercise)


class Thumbnails:
    """Paints list thumbnails from cached frames; they move when animation is on.

    Frames are taken at THUMB_FPS from one shared clock and kept in QPixmapCache, so after one loop
    a thumbnail costs a pixmap copy, however many rows are on screen.
    """

    def __init__(self) -> None:
        self.animate = settings.ANIMATE_LISTS.get()
        self._start = time.monotonic()

    def paint(self, painter: QPainter, rect: QRectF, exercise: Exercise, palette: QPalette) -> None:
        figure = figure_of(exercise)
        moving = self.animate and not figure.placeholder and len(figure.poses.keyframes) > 1
        frame = int((time.monotonic() - self._start) * THUMB_FPS) if moving else -1
        if moving:
            loop_frames = max(1, round(figure.animation(None).period * THUMB_FPS))
            frame %= loop_frames
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        key = f"hipdesk-thumb:{exercise.id}:{hash(exercise)}:{frame}:{side}:{int(dark)}"
        pixmap = QPixmap()
        if not QPixmapCache.find(key, pixmap):
            if moving:
                # a thumbnail repeats the loop alone: the lead-in (getting into position) is skipped
                t = figure.poses.lead_in + frame / THUMB_FPS
                image = render_image(figure, side, t=t, palette=palette)
            else:
                keyframe = min(figure.poses.lead_in_count + 1, len(figure.poses.keyframes) - 1)
                image = render_image(figure, side, keyframe=keyframe, palette=palette)
            pixmap = QPixmap.fromImage(image)
            QPixmapCache.insert(key, pixmap)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect.topLeft(), pixmap)


THUMBNAILS = Thumbnails()


class ViewAnimator(QObject):
    """Repaints a view's visible rows a few times a second while it is shown, animation is on and the
    runner is using the window (:mod:`attention`); no timer runs otherwise."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.setInterval(1000 // THUMB_FPS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._attention = attention()
        self._attention.changed.connect(self.sync)
        view.installEventFilter(self)
        self.sync()

    def sync(self) -> None:
        """Run the timer exactly while a repaint could show movement."""
        if THUMBNAILS.animate and self._attention.attending and self.view.isVisible():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.sync()
        return False

    def _on_timer_timeout(self) -> None:
        self.view.viewport().update()


class FigurePanel(QWidget):
    """The large animated figure with pause/play and, for one-sided moves, a left/right switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = FigureWidget(self)
        self.figure.setObjectName("exerciseFigure")
        self.figure.setMinimumHeight(220)
        self.figure.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.figure.setAccessibleName("Exercise illustration")
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("figurePlayButton")
        self.play_button.setCheckable(True)
        self.left_button = QToolButton(self)
        self.left_button.setText("Left side")
        self.right_button = QToolButton(self)
        self.right_button.setText("Right side")
        sides = QButtonGroup(self)
        for button in (self.left_button, self.right_button):
            button.setCheckable(True)
            sides.addButton(button)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addStretch(1)
        controls.addWidget(self.left_button)
        controls.addWidget(self.right_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figure, 1)
        layout.addLayout(controls)
        self.play_button.toggled.connect(self._on_play_button_toggled)
        self.figure.playing_changed.connect(self._on_figure_playing_changed)
        self.left_button.clicked.connect(lambda: self.figure.setSide("left"))
        self.right_button.clicked.connect(lambda: self.figure.setSide("right"))
        self.figure.side_changed.connect(self._on_figure_side_changed)
        self._on_figure_playing_changed(self.figure.isPlaying())
        watcher = attention()  # the large figure rests while nobody uses the window
        watcher.changed.connect(self.figure.setAwake)
        self.figure.setAwake(watcher.attending)

    def show_exercise(self, exercise: Exercise | None) -> None:
        figure = figure_of(exercise) if exercise is not None else placeholder_figure()
        self.figure.setFigure(figure)
        one_sided = exercise is not None and figure.one_sided
        self.play_button.setVisible(exercise is not None)  # a placeholder has nothing to play
        self.left_button.setVisible(one_sided)
        self.right_button.setVisible(one_sided)
        self._on_figure_side_changed(self.figure.side())

    def _on_play_button_toggled(self, checked: bool) -> None:
        self.figure.setPlaying(checked)

    def _on_figure_playing_changed(self, playing: bool) -> None:
        self.play_button.blockSignals(True)
        self.play_button.setChecked(playing)
        self.play_button.blockSignals(False)
        self.play_button.setText("Pause" if playing else "Play")

    def _on_figure_side_changed(self, side: str) -> None:
        self.left_button.setChecked(side == "left")
        self.right_button.setChecked(side == "right")
