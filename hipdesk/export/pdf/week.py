"""The week sheet: seven day columns on one landscape page, a crowded week drawn smaller."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from hipdesk.domain.guidance import minutes_text, resolve, routine_minutes, routines_by_id
from hipdesk.domain.model import WEEKDAY_NAMES, Exercise, Routine, RunKind, WeekPlan
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import item_text
from hipdesk.export.pdf.blocks import (
    FOOTER_MM,
    Block,
    Layout,
    PlacedBlock,
    _Builder,
    _Ctx,
    _item_side,
    _paint_layout,
)
from hipdesk.export.pdf.style import ACCENT, FAINT, INK, SOFT, WASH, _font
from hipdesk.figures.animation import Figure

DENSITIES = (1.0, 0.8, 0.62)  # the week sheet's figures: sizes tried before the columns are scaled


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
