"""Draws figures with QPainter on any paint device: one frame, a QImage, or a strip of keyframes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPalette, QPen, QPolygonF

from hipdesk.figures.animation import Animation, Figure, Frame
from hipdesk.figures.scene import Kind, Scene, Tone, animation_bounds, build_scene, crop_line
from hipdesk.qtfix import keep_none_alive

MARGIN = 0.06  # of the frame, on every side

keep_none_alive()


@dataclass(frozen=True, slots=True)
class FigureStyle:
    """The colours of a figure, derived from a palette so it reads in light and dark mode."""

    brushes: tuple[QBrush, ...]  # indexed by Tone
    floor_pen: QPen
    label: QColor
    dark: bool


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


_STYLE_CACHE: dict[tuple[int, int, int, int, bool], FigureStyle] = {}


def figure_style(palette: QPalette | None = None, placeholder: bool = False) -> FigureStyle:
    """Colours for ``palette`` (the application's when None); cached per palette colours."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    accent = palette.color(QPalette.ColorRole.Accent)
    if not accent.isValid() or accent.hslSaturationF() < 0.15:
        accent = palette.color(QPalette.ColorRole.Highlight)
    key = (
        window.rgba(),
        text.rgba(),
        accent.rgba(),
        palette.color(QPalette.ColorRole.Highlight).rgba(),
        placeholder,
    )
    cached = _STYLE_CACHE.get(key)
    if cached is not None:
        return cached
    dark = window.lightnessF() < 0.5
    if dark:
        near, far, hair = _mix(window, text, 0.80), _mix(window, text, 0.50), _mix(window, text, 0.36)
        mat, mat_top, floor = _mix(window, text, 0.14), _mix(window, text, 0.22), _mix(window, text, 0.34)
        step, step_top, post = _mix(window, text, 0.30), _mix(window, text, 0.45), _mix(window, text, 0.55)
        if accent.lightnessF() < 0.55:
            accent = QColor.fromHslF(accent.hslHueF(), accent.hslSaturationF(), 0.62)
        accent_far = _mix(accent, window, 0.30)
    else:
        near, far, hair = _mix(window, text, 0.26), _mix(window, text, 0.48), _mix(window, text, 0.64)
        mat, mat_top, floor = _mix(window, text, 0.17), _mix(window, text, 0.09), _mix(window, text, 0.32)
        step, step_top, post = _mix(window, text, 0.6), _mix(window, text, 0.3), _mix(window, text, 0.55)
        if accent.lightnessF() > 0.6:
            accent = QColor.fromHslF(accent.hslHueF(), accent.hslSaturationF(), 0.5)
        accent_far = _mix(accent, text, 0.25)
    if placeholder:
        near, far, hair = _mix(near, window, 0.25), _mix(far, window, 0.25), _mix(hair, window, 0.25)
    hue = accent.hslHueF()
    band = QColor.fromHslF((hue + 0.42) % 1.0 if hue >= 0 else 0.08, 0.7, 0.6 if dark else 0.48)
    colours = {
        Tone.NEAR: near,
        Tone.FAR: far,
        Tone.HAIR: hair,
        Tone.ACCENT: accent,
        Tone.ACCENT_FAR: accent_far,
        Tone.MAT: mat,
        Tone.MAT_TOP: mat_top,
        Tone.STEP: step,
        Tone.STEP_TOP: step_top,
        Tone.BAND: band,
        Tone.POST: post,
    }
    brushes = tuple(QBrush(colours[t]) for t in Tone)
    pen = QPen(floor, 1.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    style = FigureStyle(brushes, pen, _mix(window, text, 0.8), dark)
    _STYLE_CACHE[key] = style
    return style


class _Mapper:
    """Scene centimetres to device pixels (y down) so that ``bounds`` fits ``rect`` with a margin."""

    def __init__(self, rect: QRectF, bounds: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = bounds
        w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        avail_w, avail_h = rect.width() * (1 - 2 * MARGIN), rect.height() * (1 - 2 * MARGIN)
        self.s = min(avail_w / w, avail_h / h)
        self.ox = rect.center().x() - (x0 + x1) / 2 * self.s
        self.oy = rect.center().y() + (y0 + y1) / 2 * self.s


def _draw_scene(painter: QPainter, scene: Scene, mapper: _Mapper, style: FigureStyle, rect: QRectF) -> None:
    s, ox, oy = mapper.s, mapper.ox, mapper.oy
    brushes = style.brushes
    painter.setPen(Qt.PenStyle.NoPen)
    current = -1
    floor_drawn = False
    for shape in scene.shapes:
        tone = shape.tone
        if not floor_drawn and tone not in (Tone.MAT, Tone.MAT_TOP, Tone.STEP, Tone.STEP_TOP):
            _draw_floor(painter, scene, mapper, style, rect)
            current = -1
            floor_drawn = True
        if tone != current:
            painter.setBrush(brushes[tone])
            current = tone
        d = shape.data
        if shape.kind is Kind.CAPSULE:
            x1, y1, r1, x2, y2, r2 = (
                ox + d[0] * s,
                oy - d[1] * s,
                d[2] * s,
                ox + d[3] * s,
                oy - d[4] * s,
                d[5] * s,
            )
            painter.drawEllipse(QPointF(x1, y1), r1, r1)
            painter.drawEllipse(QPointF(x2, y2), r2, r2)
            dx, dy = x2 - x1, y2 - y1
            dist = math.hypot(dx, dy)
            if dist > abs(r1 - r2) + 1e-6:
                ux, uy = dx / dist, dy / dist
                sa = (r1 - r2) / dist
                ca = math.sqrt(max(0.0, 1.0 - sa * sa))
                m1x, m1y = ux * sa - uy * ca, uy * sa + ux * ca
                m2x, m2y = ux * sa + uy * ca, uy * sa - ux * ca
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x1 + r1 * m1x, y1 + r1 * m1y),
                            QPointF(x2 + r2 * m1x, y2 + r2 * m1y),
                            QPointF(x2 + r2 * m2x, y2 + r2 * m2y),
                            QPointF(x1 + r1 * m2x, y1 + r1 * m2y),
                        ]
                    )
                )
        elif shape.kind is Kind.CIRCLE:
            painter.drawEllipse(QPointF(ox + d[0] * s, oy - d[1] * s), d[2] * s, d[2] * s)
        else:
            painter.drawPolygon(
                QPolygonF([QPointF(ox + d[i] * s, oy - d[i + 1] * s) for i in range(0, len(d), 2)])
            )
    if not floor_drawn:
        _draw_floor(painter, scene, mapper, style, rect)


def _draw_floor(painter: QPainter, scene: Scene, mapper: _Mapper, style: FigureStyle, rect: QRectF) -> None:
    if scene.floor_y is None:
        return
    y = mapper.oy - scene.floor_y * mapper.s
    pen = QPen(style.floor_pen)
    width = max(1.0, rect.height() * 0.006)
    pen.setWidthF(width)
    painter.setPen(pen)
    inset = rect.width() * MARGIN * 0.5 + width
    painter.drawLine(QPointF(rect.left() + inset, y), QPointF(rect.right() - inset, y))
    painter.setPen(Qt.PenStyle.NoPen)


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    figure: Figure,
    *,
    t: float = 0.0,
    side: str | None = None,
    keyframe: int | None = None,
    palette: QPalette | None = None,
    style: FigureStyle | None = None,
) -> None:
    """Draw one frame of ``figure`` fitted into ``rect``: at ``t`` seconds into its loop, or at
    ``keyframe`` (an index) when given. ``side`` ("left"/"right") mirrors an each-side exercise.
    ``style`` (colours made for a medium, such as paper) wins over ``palette``."""
    anim = figure.animation(side)
    _paint_anim(
        painter,
        rect,
        figure,
        anim,
        anim.keyframe(keyframe) if keyframe is not None else anim.frame_at(t),
        style or figure_style(palette, figure.placeholder),
    )


def _paint_anim(
    painter: QPainter, rect: QRectF, figure: Figure, anim: Animation, frame: Frame, style: FigureStyle
) -> None:
    poses = anim.poses
    scene = build_scene(frame, anim.view, anim.props, figure.muscles, poses.tint_side, poses.tint_sides())
    mapper = _Mapper(rect, animation_bounds(anim, figure.muscles))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if anim.view.fit == "body":  # the mat is cut inside the picture's edges, apart from a neighbour's
        inset = min(rect.width(), rect.height()) * MARGIN / 2
        painter.setClipRect(rect.adjusted(inset, inset, -inset, -inset), Qt.ClipOperation.IntersectClip)
    cut = crop_line(anim)
    if cut is not None:  # the view shows only what lies below its top
        y = mapper.oy - cut * mapper.s
        painter.setClipRect(
            QRectF(rect.left(), y, rect.width(), rect.bottom() - y), Qt.ClipOperation.IntersectClip
        )
    _draw_scene(painter, scene, mapper, style, rect)
    painter.restore()


def render_image(
    figure: Figure,
    size: QSize | int,
    *,
    t: float = 0.0,
    side: str | None = None,
    keyframe: int | None = None,
    palette: QPalette | None = None,
    background: QColor | None = None,
) -> QImage:
    """One frame as an image of any size; transparent unless ``background`` is given."""
    qsize = QSize(size, size) if isinstance(size, int) else size
    image = QImage(qsize, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background if background is not None else QColor(0, 0, 0, 0))
    painter = QPainter(image)
    paint_figure(
        painter,
        QRectF(0, 0, qsize.width(), qsize.height()),
        figure,
        t=t,
        side=side,
        keyframe=keyframe,
        palette=palette,
    )
    painter.end()
    return image


def keyframe_pixels(figure: Figure, keyframe: int, side: str | None, size: int) -> list[tuple[int, int, int]]:
    """One keyframe drawn ``size`` px square on white, as red, green, blue values row by row (what
    the figure checks compare)."""
    image = render_image(figure, size, keyframe=keyframe, side=side, background=QColor("white"))
    colours = (image.pixelColor(x, y) for y in range(size) for x in range(size))
    return [(c.red(), c.green(), c.blue()) for c in colours]


def strip_size(figure: Figure, height: float, side: str | None = None) -> QSize:
    """The size a strip of ``figure``'s keyframes takes at ``height``: square cells side by side."""
    n = len(figure.animation(side).keyframes)
    return QSize(round(height * n), round(height))


def paint_strip(
    painter: QPainter,
    rect: QRectF,
    figure: Figure,
    *,
    side: str | None = None,
    palette: QPalette | None = None,
    labels: bool = False,
    style: FigureStyle | None = None,
) -> None:
    """Every keyframe side by side in ``rect`` (equal cells, same scale), as vector shapes, so a
    PDF page gets paths. With ``labels`` each cell is captioned with its keyframe's name. ``style``
    wins over ``palette``, as in :func:`paint_figure`."""
    anim = figure.animation(side)
    style = style or figure_style(palette, figure.placeholder)
    n = len(anim.keyframes)
    cell_w = rect.width() / n
    label_h = min(rect.height() * 0.14, cell_w * 0.14) if labels else 0.0
    # one size for every caption of the strip, small enough for the longest to fit its cell
    longest = max((len(k.name) for k in anim.keyframes), default=1)
    label_px = max(6, round(min(label_h * 0.62, cell_w * 1.7 / max(longest, 1))))
    for i in range(n):
        cell = QRectF(rect.left() + i * cell_w, rect.top(), cell_w, rect.height() - label_h)
        _paint_anim(painter, cell, figure, anim, anim.keyframe(i), style)
        if labels:
            painter.save()
            font = QFont(painter.font())
            name = anim.keyframes[i].name
            font.setPixelSize(label_px)
            painter.setFont(font)
            painter.setPen(style.label)
            painter.drawText(
                QRectF(cell.left(), cell.bottom(), cell_w, label_h), Qt.AlignmentFlag.AlignCenter, name
            )
            painter.restore()


def render_strip_image(
    figure: Figure,
    height: int,
    *,
    side: str | None = None,
    palette: QPalette | None = None,
    background: QColor | None = None,
    labels: bool = False,
) -> QImage:
    """The keyframe strip as an image ``height`` pixels high."""
    size = strip_size(figure, height, side)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background if background is not None else QColor(0, 0, 0, 0))
    painter = QPainter(image)
    paint_strip(
        painter, QRectF(0, 0, size.width(), size.height()), figure, side=side, palette=palette, labels=labels
    )
    painter.end()
    return image
