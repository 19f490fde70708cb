"""A figure with a lead-in: the widget plays it once, then loops the rest; a list thumbnail skips it."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from hipdesk.figures.animation import load_figure
from hipdesk.figures.render import render_image
from hipdesk.figures.widget import FigureWidget

DOG = "three-legged-dog"  # all fours (the lead-in), downward dog, leg up and back


def _pose_name(widget: FigureWidget) -> str:
    """The keyframe the widget shows now (it is held still there)."""
    anim = widget.figure().animation()
    frame = anim.frame_at(widget.phase())
    for key in anim.keyframes:
        if key.pose == frame.pose:
            return key.name
    return "between"


def test_the_widget_plays_the_lead_in_once_then_loops_without_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = [100.0]
    widget = FigureWidget()
    qtbot.addWidget(widget)
    widget._clock = lambda: now[0]
    widget.setFigure(load_figure(DOG))
    anim = widget.figure().animation()
    assert anim.lead_in > 0
    assert _pose_name(widget) == "all fours, toes tucked"
    seen = set()
    for step in range(int(anim.duration * 10 * 5)):  # five loops, every 0.1 s
        now[0] = 100.0 + anim.lead_in + step * 0.1
        seen.add(_pose_name(widget))
    assert seen == {"downward dog", "leg up and back", "between"}
    # paused and played again, it carries on in the loop
    widget.pause()
    now[0] += 30
    widget.play()
    assert widget.phase() >= anim.lead_in


def _on_white(paint) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(48, 48, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return image


def test_the_list_thumbnail_loops_without_the_lead_in(qapp) -> None:  # type: ignore[no-untyped-def]
    from hipdesk.catalogue.loader import load_catalogue
    from hipdesk.views.common.figure_support import Thumbnails

    exercise = next(e for e in load_catalogue() if e.id == DOG)
    figure = load_figure(DOG)
    palette = qapp.palette()

    def keyframe(k: int) -> QImage:
        return _on_white(lambda p: p.drawImage(0, 0, render_image(figure, 48, keyframe=k, palette=palette)))

    thumbs = Thumbnails()
    thumbs.animate = True
    thumbs._start = time.monotonic() + 0.05  # the shared clock at its first frame
    first = _on_white(lambda p: thumbs.paint(p, QRectF(0, 0, 48, 48), exercise, palette))
    assert first == keyframe(1) != keyframe(0)  # downward dog, not all fours
    thumbs.animate = False  # a still thumbnail shows the leg up, the loop's other end
    still = _on_white(lambda p: thumbs.paint(p, QRectF(0, 0, 48, 48), exercise, palette))
    assert still == keyframe(2)
