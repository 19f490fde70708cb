"""Writes figure images in bulk: one PNG per exercise and a contact sheet (``render_figures``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPalette

from hipdesk.figures.animation import Figure, load_figure
from hipdesk.figures.catalog import all_exercises, exercise_info
from hipdesk.figures.checks import (
    animation_problems,
    overlap_problems,
    position_problems,
    thumbnail_problems,
    travel_problems,
)
from hipdesk.figures.poses import load_pose_file
from hipdesk.figures.render import (
    figure_style,
    keyframe_pixels,
    paint_figure,
    paint_strip,
    render_strip_image,
    strip_size,
)
from hipdesk.resources import pose_file

CONTACT_SHEET = "contact-sheet.png"


def _app_palette() -> QPalette:
    if QGuiApplication.instance() is None:
        raise RuntimeError("render_figures needs a QGuiApplication (QT_QPA_PLATFORM=offscreen is fine)")
    return QGuiApplication.palette()


def render_figures(out_dir: Path, size: int = 240) -> list[Path]:
    """Write ``<id>.png`` (the keyframes side by side, each ``size`` px square) for every built-in
    exercise, and ``contact-sheet.png`` with all of them and their names. Returns the paths written
    (the contact sheet last). Needs a QGuiApplication."""
    palette = _app_palette()
    background = palette.color(QPalette.ColorRole.Window)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    entries: list[tuple[str, Figure]] = []
    for info in all_exercises():
        figure = load_figure(info.id)
        entries.append((info.name, figure))
        path = out_dir / f"{info.id}.png"
        image = render_strip_image(figure, size, palette=palette, background=background)
        if not image.save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    sheet = contact_sheet(entries, size, palette)
    path = out_dir / CONTACT_SHEET
    if not sheet.save(str(path)):
        raise OSError(f"cannot write {path}")
    written.append(path)
    return written


def contact_sheet(
    entries: list[tuple[str, Figure]], size: int, palette: QPalette, columns: int = 3
) -> QImage:
    """A grid of named keyframe strips."""
    cell_h = max(64, size // 2)
    strip_w = cell_h * 4
    label_h = max(14, cell_h // 6)
    pad = max(6, cell_h // 10)
    rows = max(1, -(-len(entries) // columns))
    width = columns * (strip_w + pad) + pad
    height = rows * (cell_h + label_h + pad) + pad
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    style = figure_style(palette)
    font = QFont(painter.font())
    font.setPixelSize(round(label_h * 0.75))
    font.setBold(True)
    for i, (name, figure) in enumerate(entries):
        col, row = i % columns, i // columns
        x = pad + col * (strip_w + pad)
        y = pad + row * (cell_h + label_h + pad)
        painter.setFont(font)
        painter.setPen(style.label)
        painter.drawText(
            QRectF(x, y, strip_w, label_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name + ("  (no poses yet)" if figure.placeholder else ""),
        )
        natural = strip_size(figure, cell_h)
        w = min(strip_w, natural.width())
        h = cell_h * w / natural.width()
        paint_strip(painter, QRectF(x, y + label_h + (cell_h - h) / 2, w, h), figure, palette=palette)
    painter.end()
    return image


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#232629"),
        (QPalette.ColorRole.WindowText, "#eff0f1"),
        (QPalette.ColorRole.Base, "#1b1e20"),
        (QPalette.ColorRole.Text, "#eff0f1"),
        (QPalette.ColorRole.Highlight, "#3daee9"),
        (QPalette.ColorRole.Accent, "#3daee9"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def preview_image(
    exercise_id: str,
    size: int,
    *,
    side: str | None = None,
    dark: bool = False,
    frames: int = 0,
    view: str | None = None,
) -> QImage:
    """The preview script's picture: the keyframes (named) and optionally in-between frames; prints
    every problem the checks find. Raises PoseError for a broken pose file."""
    poses = load_pose_file(pose_file(exercise_id))
    if view:
        az, el = (float(v) for v in view.split(","))
        poses = replace(poses, view=replace(poses.view, azimuth=az, elevation=el))
    info = exercise_info(exercise_id)
    figure = Figure(exercise_id, poses, muscles=info.primary_muscles if info else ())
    anim = figure.animation(side)
    problems = animation_problems(anim) + (position_problems(anim, info.position) if info else [])
    problems += overlap_problems(anim) + travel_problems(anim, info.kind if info else "")
    problems += thumbnail_problems(figure, keyframe_pixels, side)
    for p in problems[:40]:
        print("problem:", p)
    print(
        f"{exercise_id}: {len(anim.keyframes)} keyframes, "
        + (f"lead-in {anim.lead_in:.1f} s, " if anim.lead_in else "")
        + f"loop {anim.period:.1f} s, "
        f"{len(problems)} problem(s)"
    )
    palette = dark_palette() if dark else _app_palette()
    background = palette.color(QPalette.ColorRole.Window)
    strip = strip_size(figure, size, side)
    rows = 2 if frames else 1
    image = QImage(
        max(strip.width(), frames * size // 2), size * rows, QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(background)
    painter = QPainter(image)
    paint_strip(painter, QRectF(0, 0, strip.width(), size), figure, side=side, palette=palette, labels=True)
    for i in range(frames):
        t = anim.duration * i / frames
        paint_figure(
            painter, QRectF(i * size / 2, size, size / 2, size / 2), figure, t=t, side=side, palette=palette
        )
    painter.end()
    return image
