"""The routine: a title block, then each exercise illustrated, in the largest of its forms that fits
on what is left of the page, never split."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import overload

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice, QPainter

from hipdesk.domain.guidance import minutes_text, routine_minutes
from hipdesk.domain.model import Exercise, ItemSides, Routine, RoutineItem
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import (
    about_seconds,
    dosage_text,
    equipment_for,
    item_seconds,
    item_text,
    seconds_text,
)
from hipdesk.export.pdf.blocks import (
    BLOCK_GAP_MM,
    Block,
    Layout,
    _Builder,
    _Ctx,
    _item_side,
    _paginate,
    _paint_layout,
)
from hipdesk.export.pdf.style import ACCENT, INK, SOFT, _font
from hipdesk.figures.scene import animation_bounds

# An exercise of the routine, roomiest first: the largest keyframe (mm), columns of steps. A block
# that does not fit what is left of a page takes the first smaller form that does.
EXERCISE_FORMS = ((36.0, 1), (31.0, 1), (31.0, 2), (26.0, 2))
SIDE_BY_SIDE_MM = 96.0  # the width beside the strip from which cues and "take care" may share it
BESIDE_MM = 70.0  # the least width of the strip's cues column, so cues do not run long and thin


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
