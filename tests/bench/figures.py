"""Benchmark: time to paint one 400x400 animation frame of each exercise (target under 2 ms)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from hipdesk.figures.animation import load_figure
from hipdesk.figures.catalog import all_exercises
from hipdesk.figures.render import paint_figure

FRAMES = 300


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, 400, 400)
    palette = QGuiApplication.palette()
    ids = [info.id for info in all_exercises()] or ["placeholder"]
    worst = 0.0
    total = 0.0
    for exercise_id in ids:
        figure = load_figure(exercise_id)
        anim = figure.animation("right")
        painter = QPainter(image)
        paint_figure(painter, rect, figure, t=0.0, side="right", palette=palette)  # warm the caches
        painter.end()
        start = time.perf_counter()
        for i in range(FRAMES):
            image.fill(QColor(255, 255, 255))
            painter = QPainter(image)
            paint_figure(painter, rect, figure, t=anim.period * i / FRAMES, side="right", palette=palette)
            painter.end()
        ms = (time.perf_counter() - start) / FRAMES * 1000
        worst, total = max(worst, ms), total + ms
        print(f"{exercise_id:32s} {ms:6.3f} ms/frame{'  (placeholder)' if figure.placeholder else ''}")
    print(f"{'mean':32s} {total / len(ids):6.3f} ms/frame   worst {worst:.3f} ms   (target < 2 ms, 400x400)")


if __name__ == "__main__":
    main()
