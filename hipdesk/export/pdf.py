"""Printable pages: an illustrated routine and a week sheet, painted on any QPainter paged device.

The same code paints a QPdfWriter (export), a QPrinter (Print…) and a print preview. Everything is
laid out in device pixels computed from millimetres and points, so the pages look the same at any
resolution. Each block (the title, one exercise) is measured first and painted afterwards: an
exercise that does not fit on what is left of a page is tried in smaller forms (a smaller figure
strip, two columns of steps), and when none fits it starts the next page, so no exercise is ever
split. A block taller than a whole page (a user's exercise with very many steps) is scaled down to
fit. The week sheet is one page: a crowded week is drawn smaller.

Text is drawn with ``QPainter.drawText`` (never HTML or rich text) with ligatures off, so names and
notes stay data and the PDF's text can be selected, searched and copied letter for letter; figures
are vector paths (``paint_strip``) in greys made for a printer (``print_style``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import overload

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from hipdesk import __version__
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.guidance import minutes_text, resolve, routine_minutes, routines_by_id
from hipdesk.domain.model import (
    WEEKDAY_NAMES,
    Exercise,
    ItemSides,
    Routine,
    RoutineItem,
    RunKind,
    WeekPlan,
)
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import (
    about_seconds,
    dosage_text,
    equipment_for,
    item_seconds,
    item_text,
    seconds_text,
)
from hipdesk.export.safe_write import Protected, write_bytes
from hipdesk.figures.animation import Figure, figure_for_exercise, placeholder_figure
from hipdesk.figures.render import FigureStyle, paint_figure, paint_strip
from hipdesk.figures.scene import Tone, animation_bounds
from hipdesk.qtfix import keep_none_alive

logger = logging.getLogger(__name__)

keep_none_alive()

RESOLUTION = 300  # dots per inch of the PDF's coordinate space; QPdfWriter's 1200 is needlessly fine
AUTHOR = "HipDesk"
MARGIN_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom
FOOTER_MM = 8.0  # inside the bottom margin's edge: the page number line
BLOCK_GAP_MM = 6.0
DENSITIES = (1.0, 0.8, 0.62)  # the week sheet's figures: sizes tried before the columns are scaled
# An exercise of the routine, roomiest first: the largest keyframe (mm), columns of steps. A block
# that does not fit what is left of a page takes the first smaller form that does.
EXERCISE_FORMS = ((36.0, 1), (31.0, 1), (31.0, 2), (26.0, 2))
SIDE_BY_SIDE_MM = 96.0  # the width beside the strip from which cues and "take care" may share it
BESIDE_MM = 70.0  # the least width of the strip's cues column, so cues do not run long and thin

INK = QColor("#1d2126")
SOFT = QColor("#5b636b")
FAINT = QColor("#c9ced3")
ACCENT = QColor("#b4541c")  # a warm rust: reads on paper and in greyscale
WASH = QColor("#f6efe9")  # a light tint behind the week's day headers
LIGATURES = ("liga", "clig", "dlig")  # OpenType features turned off: text copies as plain letters
FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]

# Territories (ISO 3166 codes) whose paper is Letter; ISO 216 (A4) everywhere else.
_LETTER = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV", "NI", "BZ"}


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "Letter"

    @property
    def page_size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.Letter)


def default_paper(locale: QLocale | None = None) -> Paper:
    """Letter where the locale's territory uses it (the Americas' Letter countries), else A4."""
    locale = locale or QLocale()
    code = QLocale.territoryToCode(locale.territory())
    if code in _LETTER or locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


def locale_order(locale: QLocale | None = None) -> list[int]:
    """The weekdays (Monday = 0) in the order the locale's calendar shows them."""
    first = (locale or QLocale()).firstDayOfWeek().value - 1
    return [(first + i) % 7 for i in range(7)]


def parse_paper(text: str | None) -> Paper:
    """``a4``/``letter`` (any case); empty or None means the locale's paper."""
    if not text:
        return default_paper()
    try:
        return Paper(text.strip().lower())
    except ValueError:
        raise ValidationError(f"Unknown paper size '{text}': use a4 or letter.") from None


def page_layout(paper: Paper, landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(paper.page_size, orientation, MARGIN_MM, QPageLayout.Unit.Millimeter)


def setup_device(device: QPagedPaintDevice, paper: Paper, landscape: bool = False) -> None:
    """Give ``device`` (a QPdfWriter or QPrinter) the page size, orientation and margins of the sheet."""
    device.setPageLayout(page_layout(paper, landscape))


def _grey(ink: float) -> QColor:
    """``ink`` of the way from white paper to the sheet's ink."""
    return QColor.fromRgbF(*(1 + (c - 1) * ink for c in (INK.redF(), INK.greenF(), INK.blueF())))


def print_style(placeholder: bool = False) -> FigureStyle:
    """Figure colours for a laser printer: the body mid to dark grey, the working muscles a deep rust
    on the near side and a light one on the far side, so they stand out from the limb they lie on in
    greyscale too (luminance: near limb 0.55, its muscle 0.35; far limb 0.33, its muscle 0.64). The
    mat and the step stay light, the floor line reads. A placeholder is paler, as on screen."""
    body = 0.55 if placeholder else 1.0
    colours = {
        Tone.NEAR: _grey(0.5 * body),
        Tone.FAR: _grey(0.76 * body),
        Tone.HAIR: _grey(0.92 * body),
        Tone.ACCENT: QColor("#a3420f"),
        Tone.ACCENT_FAR: QColor("#e0915a"),
        Tone.MAT: _grey(0.2),
        Tone.MAT_TOP: _grey(0.1),
        Tone.STEP: _grey(0.4),
        Tone.STEP_TOP: _grey(0.25),
        Tone.BAND: QColor("#1f7a6d"),  # a teal band, darker than the mat, lighter than the limbs
        Tone.POST: _grey(0.6),
    }
    floor = QPen(_grey(0.55), 1.0)
    floor.setCapStyle(Qt.PenCapStyle.RoundCap)
    return FigureStyle(tuple(QBrush(colours[t]) for t in Tone), floor, SOFT, dark=False)


# -- measuring and painting ------------------------------------------------------------------------
@functools.cache  # one font per size and style, shared: never changed after it is made
def _font(size_pt: float, *, bold: bool = False, italic: bool = False, spacing: float = 0.0) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(size_pt)
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    for ligatures in LIGATURES:  # "fl" stays two letters: a search for "Butterfly" finds it
        font.setFeature(QFont.Tag(ligatures), 0)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


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


@functools.cache
def _option(align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextOption:
    option = QTextOption(align | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


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


class _Forms(Sequence[Block]):
    """An exercise's block in each of ``EXERCISE_FORMS``, each measured when pagination first asks."""

    def __init__(self, make: Callable[[tuple[float, int]], Block]) -> None:
        self._make = make
        self._made: dict[int, Block] = {}

    def __len__(self) -> int:
        return len(EXERCISE_FORMS)

    @overload
    def __getitem__(self, index: int) -> Block: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Block]: ...
    def __getitem__(self, index: int | slice) -> Block | Sequence[Block]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = range(len(self))[index]  # IndexError past the end, as a list
        if index not in self._made:
            self._made[index] = self._make(EXERCISE_FORMS[index])
        return self._made[index]


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


# -- the routine -----------------------------------------------------------------------------------
def _title_block(ctx: _Ctx, routine: Routine, exercises: Mapping[str, Exercise], width: float) -> Block:
    b = _Builder(ctx, "title", routine.name)
    y = 0.0
    y += b.text(0, y, width, "HIPDESK ROUTINE", _font(8, bold=True, spacing=ctx.pt(1.2)), ACCENT)
    y += ctx.mm(1.5)
    y += b.text(0, y, width, routine.name, _font(24, bold=True), INK)
    y += ctx.mm(2)
    count = len(routine.items)
    kit = ", ".join(e.label for e in equipment_for(routine, exercises)) or "none"
    exercises_text = f"{count} {'exercise' if count == 1 else 'exercises'}"
    minutes = routine_minutes(routine, Pace.of(exercises))
    facts = f"About {minutes_text(minutes)}  ·  {exercises_text}  ·  Equipment: {kit}"
    y += b.text(0, y, width, facts, _font(10.5), INK)
    if routine.notes.strip():
        y += ctx.mm(2)
        y += b.text(0, y, width, routine.notes.strip(), _font(10, italic=True), SOFT)
    y += ctx.mm(3)
    b.line(0, y, width, y, ACCENT, 1.2)
    if not routine.items:
        y += ctx.mm(6)
        b.text(0, y, width, "This routine has no exercises yet.", _font(10), SOFT)
    return b.block


def _bullets(b: _Builder, x: float, y: float, width: float, heading: str, lines: Sequence[str]) -> float:
    ctx = b.ctx
    top = y
    y += b.text(x, y, width, heading.upper(), _font(7.5, bold=True, spacing=ctx.pt(0.8)), ACCENT)
    y += ctx.mm(1)
    indent = ctx.mm(3.2)
    for line in lines:
        b.text(x, y, indent, "•", _font(9), ACCENT)
        y += b.text(x + indent, y, width - indent, line, _font(9), INK)
        y += ctx.mm(0.8)
    return y - top


def _notes(
    b: _Builder,
    y: float,
    strip: QRectF,
    strip_h: float,
    beside: tuple[float, float],
    cues: Sequence[str],
    care: Sequence[str],
) -> float:
    """The cues and what to take care of beside the figure strip, one above the other; or, where
    that comes out shorter, what to take care of under the strip (a low strip of a lying move), or
    the two side by side (a narrow strip); returns the height of the strip and its notes."""
    ctx = b.ctx
    x, width = beside

    def bullets(x: float, y: float, width: float, heading: str, lines: Sequence[str]) -> Block:
        scratch = _Builder(ctx)
        if lines:
            _bullets(scratch, x, y, width, heading, lines)
        return scratch.block

    def bottom(*blocks: Block) -> float:  # below ``y``: the strip, or the notes where they are longer
        return max(strip_h, *(block.height - y for block in blocks if block.ops))

    cues_block = bullets(x, y, width, "Cues", cues)
    care_top = cues_block.height + ctx.mm(1.5) if cues else y
    chosen = [cues_block, bullets(x, care_top, width, "Take care", care)]
    others = []
    if care:
        others.append(
            [cues_block, bullets(strip.left(), y + strip_h + ctx.mm(2), strip.width(), "Take care", care)]
        )
    if care and cues and width >= ctx.mm(SIDE_BY_SIDE_MM):
        half = (width - ctx.mm(5)) / 2
        others.append(
            [bullets(x, y, half, "Cues", cues), bullets(x + half + ctx.mm(5), y, half, "Take care", care)]
        )
    for other in others:
        if bottom(*other) < bottom(*chosen) - ctx.mm(2):
            chosen = other
    for block in chosen:
        b.block.ops.extend(block.ops)
        b.grow(block.height)
    return bottom(*chosen)


def _steps(b: _Builder, x: float, y: float, width: float, steps: Sequence[str], columns: int) -> float:
    """The numbered steps, down one column or down two (split where the columns come out most
    even, the first no shorter); returns their height."""
    ctx = b.ctx
    num_w = ctx.mm(5)
    col_gap = ctx.mm(6)
    col_w = (width - (columns - 1) * col_gap) / columns
    font = _font(9.5)
    spacing = ctx.mm(0.9)
    heights = [b.measure(col_w - num_w, step, font) + spacing for step in steps]
    split = len(steps)
    if columns > 1 and len(steps) > 1:

        def unevenness(i: int) -> tuple[float, bool]:  # on a tie, the first column is the longer
            first, second = sum(heights[:i]), sum(heights[i:])
            return max(first, second), first < second

        split = min(range(1, len(steps)), key=unevenness)
    tallest = 0.0
    for column, (first, last) in enumerate(((0, split), (split, len(steps)))):
        left = x + column * (col_w + col_gap)
        top = y
        for index in range(first, last):
            number = f"{index + 1}."
            align = Qt.AlignmentFlag.AlignRight
            b.text(left, top, num_w - ctx.mm(1), number, _font(9.5, bold=True), ACCENT, align)
            top += b.text(left + num_w, top, col_w - num_w, steps[index], font, INK) + spacing
        tallest = max(tallest, top - y)
    return tallest


def _ticks(b: _Builder, x: float, y: float, item: RoutineItem) -> float:
    """A row of tick boxes, one per set (and side, for one side then the other)."""
    ctx = b.ctx
    size = ctx.mm(5)
    gap = ctx.mm(2.2)
    label_font = _font(8.5)
    groups = (
        [("Left", item.sets), ("Right", item.sets)] if item.sides is ItemSides.EACH else [("Sets", item.sets)]
    )
    metrics = QFontMetricsF(label_font, ctx.device)
    for label, count in groups:
        label_w = metrics.horizontalAdvance(label) + ctx.mm(2)
        b.text(x, y + (size - metrics.height()) / 2, label_w + ctx.mm(1), label, label_font, SOFT)
        x += label_w
        for _ in range(max(count, 1)):
            b.tick_box(x, y, size)
            x += size + gap
        x += ctx.mm(5)
    return size


def _exercise_block(
    ctx: _Ctx,
    number: int,
    item: RoutineItem,
    exercise: Exercise | None,
    width: float,
    section: str | None,
    form: tuple[float, int] = EXERCISE_FORMS[0],
) -> Block:
    """One exercise; ``form`` is the largest size of a keyframe (mm) and the number of columns of
    its steps."""
    cell_mm, step_columns = form
    name = exercise.name if exercise is not None else item.exercise_id
    b = _Builder(ctx, "exercise", name)
    y = 0.0
    if section:
        b.block.rule_before = False  # the section's own rule is enough
        y += b.text(0, y, width, section.upper(), _font(9, bold=True, spacing=ctx.pt(1.2)), ACCENT)
        y += ctx.mm(1)
        b.line(0, y, width, y, ACCENT, 0.6)
        y += ctx.mm(3.5)
    gutter = ctx.mm(13)
    text_w = width - gutter
    b.text(0, y - ctx.pt(2), gutter - ctx.mm(1), str(number), _font(18, bold=True), ACCENT)
    time_w = ctx.mm(32)
    pace = Pace.of([exercise] if exercise is not None else [])  # each exercise's own pace
    time = about_seconds(item_seconds(item, pace), step=5)
    b.text(width - time_w, y + ctx.pt(3), time_w, time, _font(8.5), SOFT, Qt.AlignmentFlag.AlignRight)
    y += b.text(gutter, y, text_w - time_w, name, _font(14, bold=True), INK)
    y += ctx.mm(0.8)
    y += b.text(gutter, y, text_w, item_text(item), _font(10.5, bold=True), INK)
    details = [f"rest {seconds_text(item.rest_s)} between sets"] if item.sets > 1 else []
    if exercise is not None:
        article = dosage_text(exercise.dosage, exercise.sidedness)
        freq = exercise.frequency_per_week
        often = f", {freq.text()} times a week" if freq is not None else ""
        details.append(f"{'the article' if exercise.builtin else 'suggested'}: {article}{often}")
    if details:
        y += ctx.mm(0.5)
        line = "  ·  ".join(details)
        y += b.text(gutter, y, text_w, line[:1].upper() + line[1:], _font(8.5), SOFT)
    y += ctx.mm(3)

    # the figure, and beside it the cues and what to take care of
    figure = ctx.figure(exercise, item.exercise_id)
    side = _item_side(item)
    frames = len(figure.animation(side).keyframes)
    cell = min(ctx.mm(cell_mm), (text_w - ctx.mm(BESIDE_MM)) / frames)
    x0, y0, x1, y1 = animation_bounds(figure.animation(side), figure.muscles)
    low = min(1.0, max(0.45, (y1 - y0) / max(x1 - x0, 1.0)))  # a lying move needs no square cell
    strip = QRectF(gutter, y, cell * frames, cell * low)
    strip_h = b.strip(strip, figure, side)
    beside_x = strip.right() + ctx.mm(6)
    cues = exercise.cues if exercise is not None else ()
    care = exercise.safety if exercise is not None else ()
    y += _notes(b, y, strip, strip_h, (beside_x, width - beside_x), cues, care) + ctx.mm(3)

    # the numbered steps
    if exercise is None:
        y += b.text(gutter, y, text_w, "This exercise is no longer in your library.", _font(9.5), SOFT)
    else:
        y += _steps(b, gutter, y, text_w, exercise.steps, step_columns)
    if item.note.strip():
        y += ctx.mm(1)
        y += b.text(gutter, y, text_w, f"Note: {item.note.strip()}", _font(9.5, italic=True), INK)
    y += ctx.mm(2.5)
    y += _ticks(b, gutter, y, item)
    b.grow(y)
    return b.block


def layout_routine(ctx: _Ctx, routine: Routine, exercises: Mapping[str, Exercise]) -> Layout:
    width = ctx.area().width()
    blocks: list[Sequence[Block]] = [[_title_block(ctx, routine, exercises, width)]]
    section = ""
    for number, item in enumerate(routine.items, 1):
        heading = item.section if item.section and item.section != section else None
        section = item.section
        exercise = exercises.get(item.exercise_id)
        blocks.append(_Forms(functools.partial(_exercise_block, ctx, number, item, exercise, width, heading)))
    return _paginate(ctx, blocks, ctx.mm(BLOCK_GAP_MM))


def paint_routine(
    painter: QPainter, device: QPagedPaintDevice, routine: Routine, exercises: Mapping[str, Exercise]
) -> int:
    """Paint ``routine`` on ``painter`` (active on ``device``, laid out already); returns the pages."""
    ctx = _Ctx(painter, device)
    layout = layout_routine(ctx, routine, exercises)
    return _paint_layout(ctx, layout, f"{routine.name}  ·  HipDesk", separators=True)


# -- the week --------------------------------------------------------------------------------------
def _keyframe_for(figure: Figure, side: str | None) -> int:
    """The keyframe that shows the work: the one held longest (the later one on a tie)."""
    keyframes = figure.animation(side).keyframes
    return max(range(len(keyframes)), key=lambda i: (keyframes[i].hold, i))


def _week_cells(
    ctx: _Ctx,
    day: int,
    plan: WeekPlan,
    routines: Mapping[int, Routine],
    exercises: Mapping[str, Exercise],
    width: float,
    factor: float = 1.0,
) -> list[Block]:
    """A day's column as small blocks: each routine (with its tick box), then each of its exercises.
    ``factor`` sizes the exercises' figures; each exercise's dosage is beside its figure."""
    cells: list[Block] = []
    pad = ctx.mm(1.8)
    inner = width - 2 * pad
    for planned in plan.days[day].routines:
        routine = resolve(planned, routines)
        b = _Builder(ctx, "routine", planned.routine_name)
        size = ctx.mm(4.2)
        y = ctx.mm(1.5)
        text_x = pad + size + ctx.mm(1.5)
        if routine is not None:
            b.tick_box(pad, y, size)
        when = planned.time.strftime("%H:%M") if planned.time else ""
        if when:
            y += b.text(text_x, y, inner - size - ctx.mm(1.5), when, _font(7, bold=True), ACCENT)
        y += b.text(text_x, y, inner - size - ctx.mm(1.5), planned.routine_name, _font(8.5, bold=True), INK)
        if routine is None:
            y += b.text(text_x, y, inner - size, "deleted: take it off the week", _font(7, italic=True), SOFT)
        else:
            count = len(routine.items)
            moves = f"{count} {'move' if count == 1 else 'moves'}"
            facts = f"about {minutes_text(routine_minutes(routine, Pace.of(exercises)))} · {moves}"
            y += b.text(text_x, y, inner - size - ctx.mm(1.5), facts, _font(7), SOFT)
        b.grow(max(y, ctx.mm(1.5) + size) + ctx.mm(1))
        cells.append(b.block)
        if routine is None:
            continue
        for item in routine.items:
            exercise = exercises.get(item.exercise_id)
            name = exercise.name if exercise is not None else item.exercise_id
            e = _Builder(ctx, "exercise", name)
            fig_size = ctx.mm(9 * factor)
            figure = ctx.figure(exercise, item.exercise_id)
            side = _item_side(item)
            e.figure(QRectF(pad, 0, fig_size, fig_size), figure, side, _keyframe_for(figure, side))
            tx = pad + fig_size + ctx.mm(1)
            tw = inner - fig_size - ctx.mm(1)
            name_font, dose_font = _font(7), _font(6.3)
            dose = item_text(item)
            need = e.measure(tw, name, name_font) + e.measure(tw, dose, dose_font)
            top = max(ctx.mm(0.6), (fig_size - need) / 2)
            h = e.text(tx, top, tw, name, name_font, INK)
            h += e.text(tx, top + h, tw, dose, dose_font, SOFT) + top - ctx.mm(0.6)
            e.grow(max(fig_size, h + ctx.mm(0.6)) + ctx.mm(0.6))
            cells.append(e.block)
        spacer = _Builder(ctx, "space")
        spacer.grow(ctx.mm(2))
        cells.append(spacer.block)
    return cells


def _week_header(
    ctx: _Ctx, plan: WeekPlan, routines: Mapping[int, Routine], width: float, pace: Pace
) -> Block:
    b = _Builder(ctx, "title", "Week plan")
    h = b.text(0, 0, width * 0.6, "Week plan", _font(18, bold=True), INK)
    week_of = "Week of ____________________"
    b.text(width * 0.55, ctx.mm(1.5), width * 0.45, week_of, _font(10), INK, Qt.AlignmentFlag.AlignRight)
    planned = [r for day in plan.days for p in day.routines if (r := resolve(p, routines)) is not None]
    minutes = sum(routine_minutes(r, pace) for r in planned)
    facts = (
        f"{len(planned)} {'routine' if len(planned) == 1 else 'routines'} planned, "
        f"{minutes_text(minutes)} of hip work. Tick each routine when it is done."
    )
    h += ctx.mm(0.5)
    h += b.text(0, h, width, facts, _font(9), SOFT)
    b.grow(h + ctx.mm(3))
    return b.block


def layout_week(
    ctx: _Ctx,
    plan: WeekPlan,
    routines: Sequence[Routine],
    exercises: Mapping[str, Exercise],
    order: Sequence[int],
) -> Layout:
    """Seven columns in ``order`` on one sheet: a crowded week is drawn smaller, never overleaf."""
    by_id = routines_by_id(routines)
    area = ctx.area()
    body = QRectF(area.left(), area.top(), area.width(), area.height() - ctx.mm(FOOTER_MM))
    header = _week_header(ctx, plan, by_id, area.width(), Pace.of(exercises))
    gap = ctx.mm(2.5)
    col_w = (area.width() - 6 * gap) / 7
    columns_top = body.top() + header.height
    layout = Layout(area, body, [])
    heads: list[Block] = []
    for weekday in order:
        day = plan.days[weekday]
        b = _Builder(ctx, "day", WEEKDAY_NAMES[weekday])
        pad = ctx.mm(1.8)
        h = ctx.mm(1.5)
        h += b.text(pad, h, col_w - 2 * pad, WEEKDAY_NAMES[weekday], _font(10, bold=True), INK)
        key_run = day.run in (RunKind.LONG, RunKind.RACE, RunKind.WORKOUT)
        run = day.run.label if day.run is not RunKind.NONE else "No run"
        h += b.text(pad, h, col_w - 2 * pad, run, _font(8, bold=key_run), ACCENT if key_run else SOFT)
        h += ctx.mm(1.5)
        b.block.ops.insert(0, _wash(QRectF(0, 0, col_w, h)))
        b.grow(h + ctx.mm(1.5))
        heads.append(b.block)
    bottom = body.bottom() - ctx.mm(6)  # room for the day's minutes
    room = bottom - columns_top - max(head.height for head in heads)
    cells, scale = _fit_columns(
        room,
        col_w,
        lambda width, factor: [_week_cells(ctx, w, plan, by_id, exercises, width, factor) for w in order],
    )
    minutes = [
        sum(
            routine_minutes(r, Pace.of(exercises))
            for p in plan.days[w].routines
            if (r := resolve(p, by_id)) is not None
        )
        for w in order
    ]
    page = [PlacedBlock(header, body.left(), body.top())]
    for column, head in enumerate(heads):
        x = body.left() + column * (col_w + gap)
        page.append(PlacedBlock(_frame(ctx, col_w, body.bottom() - columns_top), x, columns_top))
        page.append(PlacedBlock(head, x, columns_top))
        y = columns_top + head.height
        for cell in cells[column]:
            page.append(PlacedBlock(cell, x, y, scale))
            y += cell.height * scale
        if minutes[column]:
            total = _Builder(ctx, "minutes")
            total.text(
                ctx.mm(1.8),
                0,
                col_w - ctx.mm(3.6),
                minutes_text(minutes[column]),
                _font(7.5),
                SOFT,
                Qt.AlignmentFlag.AlignRight,
            )
            page.append(PlacedBlock(total.block, x, bottom + ctx.mm(1.5)))
    layout.pages.append(page)
    return layout


def _fit_columns(
    room: float, width: float, make: Callable[[float, float], list[list[Block]]]
) -> tuple[list[list[Block]], float]:
    """The days' cells and the scale that fits the tallest column in ``room``: the cells at full
    size, or a little smaller (``DENSITIES``), or else laid out wider and drawn scaled down to the
    column's width, so long names wrap no more than they must. The sheet is always one page."""

    def tallest(columns: list[list[Block]]) -> float:
        return max(sum(cell.height for cell in column) for column in columns)

    for factor in DENSITIES:
        cells = make(width, factor)
        if tallest(cells) <= room:
            return cells, 1.0
    low, high = room / tallest(cells), 1.0  # laid out wider, the cells are no taller: ``low`` fits
    best = make(width / low, DENSITIES[-1])
    for _ in range(5):  # the largest scale that fits, to within 3 % (wider text wraps less)
        middle = (low + high) / 2
        cells = make(width / middle, DENSITIES[-1])
        if tallest(cells) * middle <= room:
            low, best = middle, cells
        else:
            high = middle
    return best, low


def _wash(rect: QRectF) -> Callable[[QPainter], None]:
    def op(p: QPainter) -> None:
        p.fillRect(rect, WASH)

    return op


def _frame(ctx: _Ctx, width: float, height: float) -> Block:
    b = _Builder(ctx, "frame")
    inset = ctx.pt(0.3)
    b.box(QRectF(inset, inset, width - 2 * inset, height - 2 * inset), FAINT, None, 0.6)
    return b.block


def paint_week(
    painter: QPainter,
    device: QPagedPaintDevice,
    plan: WeekPlan,
    routines: Sequence[Routine],
    exercises: Mapping[str, Exercise],
    order: Sequence[int] = range(7),
) -> int:
    """Paint the week sheet (landscape is the device's business); returns the number of pages."""
    ctx = _Ctx(painter, device)
    layout = layout_week(ctx, plan, routines, exercises, order)
    return _paint_layout(ctx, layout, "Week plan  ·  HipDesk", separators=False)


# -- PDF files -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PdfResult:
    data: bytes
    pages: int
    paper: Paper


def _write(
    title: str, paper: Paper, landscape: bool, paint: Callable[[QPainter, QPagedPaintDevice], int]
) -> PdfResult:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setAuthor(AUTHOR)
    writer.setCreator(f"HipDesk {__version__}")
    setup_device(writer, paper, landscape)
    painter = QPainter()
    if not painter.begin(writer):
        raise ValidationError("Cannot start the PDF.")
    try:
        pages = paint(painter, writer)
    finally:
        painter.end()
    data = bytes(buffer.data().data())
    buffer.close()
    return PdfResult(data, pages, paper)


def routine_pdf(routine: Routine, exercises: Mapping[str, Exercise], paper: Paper | None = None) -> PdfResult:
    """The routine as PDF bytes: a title block, then each exercise illustrated, never split."""
    return _write(
        routine.name,
        paper or default_paper(),
        False,
        lambda painter, device: paint_routine(painter, device, routine, exercises),
    )


def week_pdf(
    plan: WeekPlan,
    routines: Sequence[Routine],
    exercises: Mapping[str, Exercise],
    paper: Paper | None = None,
    order: Sequence[int] = range(7),
) -> PdfResult:
    """The week sheet as PDF bytes, landscape, days in ``order`` (the locale's, from the caller)."""
    return _write(
        "Week plan",
        paper or default_paper(),
        True,
        lambda painter, device: paint_week(painter, device, plan, routines, exercises, order),
    )


def write_pdf(path: Path, data: bytes, protected: Protected | None = None) -> None:
    """Write atomically, as every export is (:mod:`hipdesk.export.safe_write`)."""
    write_bytes(path, data, protected)
