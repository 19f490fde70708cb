"""Blocks measured once and painted later (``_Builder`` records them), their placing on pages
(``_paginate``) and the painting of the pages with their footers (``_paint_layout``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from hipdesk.domain.model import Exercise, ItemSides, RoutineItem
from hipdesk.export.pdf.style import FAINT, INK, SOFT, _font, _option, print_style
from hipdesk.figures.animation import Figure, figure_for_exercise, placeholder_figure
from hipdesk.figures.render import paint_figure, paint_strip

FOOTER_MM = 8.0  # inside the bottom margin's edge: the page number line
BLOCK_GAP_MM = 6.0

logger = logging.getLogger(__name__)


class _Ctx:
    """The painter and the device's scale: millimetres and points to device pixels."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self.styles = {False: print_style(), True: print_style(placeholder=True)}
        self.figures: dict[tuple[str, str | None], Figure] = {}
        self.heights: dict[tuple[str, str, float], float] = {}

    def text_height(self, width: float, text: str, font: QFont) -> float:
        """The height of ``text`` wrapped in ``width``, measured once (an exercise is laid out in
        several forms, the week at several scales, and most of their text keeps its width)."""
        key = (text, font.key(), round(width, 1))
        height = self.heights.get(key)
        if height is None:
            self.painter.setFont(font)
            height = self.painter.boundingRect(QRectF(0, 0, width, 1e7), text, _option()).height()
            self.heights[key] = height
        return height

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def area(self) -> QRectF:
        """The page inside the margins, in device pixels (the painter's origin is its top left)."""
        return QRectF(0, 0, self.device.width(), self.device.height())

    def figure(self, exercise: Exercise | None, exercise_id: str) -> Figure:
        key = (exercise_id, None if exercise is None else exercise.based_on)
        if key not in self.figures:
            self.figures[key] = (
                figure_for_exercise(exercise) if exercise is not None else placeholder_figure(exercise_id)
            )
        return self.figures[key]


@dataclass
class Block:
    """Something measured once and painted later, at any place: a list of drawing steps."""

    height: float = 0.0
    ops: list[Callable[[QPainter], None]] = field(default_factory=list)
    kind: str = ""
    name: str = ""  # what it shows, for tests and logs
    ticks: int = 0  # tick boxes in it
    rule_before: bool = True  # a hairline above it, unless it opens a page or follows the title

    def paint(self, painter: QPainter, x: float, y: float, scale: float = 1.0) -> None:
        painter.save()
        painter.translate(x, y)
        if scale != 1.0:
            painter.scale(scale, scale)
        for op in self.ops:
            op(painter)
        painter.restore()


class _Builder:
    """Records drawing steps and measures text with the real painter, so measure and paint agree."""

    def __init__(self, ctx: _Ctx, kind: str = "", name: str = "") -> None:
        self.ctx = ctx
        self.block = Block(kind=kind, name=name)

    def grow(self, bottom: float) -> None:
        self.block.height = max(self.block.height, bottom)

    def measure(self, width: float, text: str, font: QFont) -> float:
        return self.ctx.text_height(width, text, font) if text else 0.0

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        font: QFont,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Wrapped plain text in ``width``; returns its height."""
        if not text:
            return 0.0
        option = _option(align)
        height = self.ctx.text_height(width, text, font)
        rect = QRectF(x, y, width, height + 1)

        def op(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(colour)
            p.drawText(rect, text, option)

        self.block.ops.append(op)
        self.grow(y + height)
        return height

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: QColor, width_pt: float) -> None:
        pen = QPen(colour, self.ctx.pt(width_pt))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)

        def op(p: QPainter) -> None:
            p.setPen(pen)
            p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

        self.block.ops.append(op)
        self.grow(max(y1, y2))

    def box(
        self, rect: QRectF, colour: QColor = INK, fill: QColor | None = None, width_pt: float = 0.8
    ) -> None:
        pen = QPen(colour, self.ctx.pt(width_pt)) if width_pt else QPen(Qt.PenStyle.NoPen)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)

        def op(p: QPainter) -> None:
            p.setPen(pen)
            p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
            p.drawRect(rect)

        self.block.ops.append(op)
        self.grow(rect.bottom())

    def tick_box(self, x: float, y: float, size: float) -> None:
        inset = self.ctx.pt(0.4)  # the pen's half width stays inside the box's place
        self.box(QRectF(x + inset, y + inset, size - 2 * inset, size - 2 * inset), INK, QColor("white"))
        self.block.ticks += 1

    def strip(self, rect: QRectF, figure: Figure, side: str | None) -> float:
        """The keyframes side by side in ``rect``, each captioned beneath; returns the whole height."""
        style = self.ctx.styles[figure.placeholder]

        def op(p: QPainter) -> None:
            paint_strip(p, rect, figure, side=side, style=style)

        self.block.ops.append(op)
        self.grow(rect.bottom())
        keyframes = figure.animation(side).keyframes
        cell = rect.width() / len(keyframes)
        captions = 0.0
        for i, keyframe in enumerate(keyframes):
            x = rect.left() + i * cell + self.ctx.mm(1)
            centre = Qt.AlignmentFlag.AlignHCenter
            h = self.text(x, rect.bottom(), cell - self.ctx.mm(2), keyframe.name, _font(7), SOFT, centre)
            captions = max(captions, h)
        return rect.height() + captions

    def figure(self, rect: QRectF, figure: Figure, side: str | None, keyframe: int) -> None:
        style = self.ctx.styles[figure.placeholder]

        def op(p: QPainter) -> None:
            paint_figure(p, rect, figure, side=side, keyframe=keyframe, style=style)

        self.block.ops.append(op)
        self.grow(rect.bottom())


@dataclass
class PlacedBlock:
    block: Block
    x: float
    y: float
    scale: float = 1.0


@dataclass
class Layout:
    """Pages of placed blocks, ready to paint; ``area`` is the page inside the margins."""

    area: QRectF
    body: QRectF  # ``area`` without the footer
    pages: list[list[PlacedBlock]] = field(default_factory=list)


def _item_side(item: RoutineItem) -> str | None:
    return {ItemSides.LEFT: "left", ItemSides.RIGHT: "right"}.get(item.sides)


def _footer(ctx: _Ctx, painter: QPainter, area: QRectF, left: str, number: int, total: int) -> None:
    font = _font(7.5)
    painter.setFont(font)
    painter.setPen(QPen(FAINT, ctx.pt(0.5)))
    top = area.bottom() - ctx.mm(FOOTER_MM) + ctx.mm(2.5)
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
    painter.setPen(SOFT)
    metrics = QFontMetricsF(font, ctx.device)
    right = f"Page {number} of {total}"
    text_rect = QRectF(area.left(), top + ctx.mm(1.2), area.width(), area.bottom() - top - ctx.mm(1.2))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right)
    room = area.width() - metrics.horizontalAdvance(right) - ctx.mm(8)
    elided = metrics.elidedText(left.replace("\n", " "), Qt.TextElideMode.ElideRight, room)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)


def _paginate(ctx: _Ctx, blocks: Sequence[Sequence[Block]], gap: float) -> Layout:
    """Place each block in its first form that fits on what is left of the page; the later forms
    are the same content reflowed smaller, so a page is not left half empty for want of a few
    millimetres. When none fits, the first form starts a new page (a block is never split)."""
    area = ctx.area()
    body = QRectF(area.left(), area.top(), area.width(), area.height() - ctx.mm(FOOTER_MM))
    layout = Layout(area, body, [[]])
    y = body.top()
    for forms in blocks:
        page = layout.pages[-1]
        block = next((f for f in forms if y + f.height <= body.bottom()), None)
        if block is None:
            if page:
                layout.pages.append([])
                page = layout.pages[-1]
                y = body.top()
            block = next((f for f in forms if f.height <= body.height()), forms[-1])
        scale = 1.0
        if block.height > body.height():
            scale = body.height() / block.height
            logger.info("%s is taller than a page: drawn at %.0f%%", block.name, scale * 100)
        page.append(PlacedBlock(block, body.left(), y, scale))
        y += block.height * scale + gap
    return layout


def _paint_layout(
    ctx: _Ctx, layout: Layout, footer: str, separators: bool, start_new_page: bool = False
) -> int:
    painter = ctx.painter
    total = len(layout.pages)
    for number, page in enumerate(layout.pages, 1):
        if number > 1 or start_new_page:
            ctx.device.newPage()
        for index, placed in enumerate(page):
            placed.block.paint(painter, placed.x, placed.y, placed.scale)
            if (
                separators
                and index > 0
                and placed.block.rule_before
                and page[index - 1].block.kind != "title"
            ):
                y = placed.y - ctx.mm(BLOCK_GAP_MM) / 2
                painter.setPen(QPen(FAINT, ctx.pt(0.5)))
                painter.drawLine(QPointF(layout.body.left(), y), QPointF(layout.body.right(), y))
        _footer(ctx, painter, layout.area, footer, number, total)
    return total
