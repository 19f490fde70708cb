"""The printed pages look as they were made to look.

Each page of a routine and of three week sheets is drawn by Qt's PDF module (PDFium) and compared,
pixel by pixel, with its reference picture in ``pages/`` beside this file. A margin, a font size, a
line's place, a colour or a figure's grey that changes shows here even when every word is still on
the page (what the text tests read).

When a change to the layout is meant, look at the pages as drawn now (a failure names them), then
draw the references again::

    HIPDESK_REDRAW_PAGES=1 python -m pytest tests/unit/export/test_pdf_pages.py

The references were drawn with DejaVu Sans, the sheet's first font; on a machine without it the
pages differ in every letter, so there the test is skipped (never under CI).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

import hipdesk  # noqa: F401  (before PySide6: see qtfix)
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.rules import default_item
from tests.unit.export.sheets import crowded_plan, qt_document

PAGES = Path(__file__).with_name("pages")
DPI = 72  # a point a pixel: a shift of a third of a millimetre moves every pixel of an edge
LEVELS = 24  # a pixel differs when one of its channels differs by more than this (of 255)
CATALOGUE = load_catalogue()
EXERCISES = {ex.id: ex for ex in CATALOGUE}
REDRAW = os.environ.get("HIPDESK_REDRAW_PAGES") == "1"


def _routine() -> Routine:
    """Nine exercises in two sections with notes: a title block, sections, both kinds of dosage."""
    ids = (
        "lunging-hip-flexor-stretch",
        "high-knees",
        "clamshell",
        "glute-bridge",
        "side-plank-leg-abduction",
    )
    more = ("donkey-kicks", "single-leg-squat", "figure-4-stretch", "pretzel-stretch")
    items = tuple(
        default_item(EXERCISES[i], "Warm-up" if n < 2 else "Main") for n, i in enumerate(ids + more)
    )
    return Routine("Tuesday strength", items, notes="Slow on the way down; rest as long as you need.", id=1)


def _week(crowded: bool) -> tuple[WeekPlan, list[Routine]]:
    """A plain week (three routines on four days, a time, a run of each kind), or a crowded one."""
    if crowded:
        plan, routines, _ = crowded_plan()
        return plan, routines
    strength = Routine(
        "Strength", tuple(default_item(EXERCISES[i]) for i in ("clamshell", "glute-bridge")), id=1
    )
    stretch = Routine("Stretch", (default_item(EXERCISES["figure-4-stretch"]),), id=2)
    days = [PlannedDay(d) for d in range(7)]
    days[0] = PlannedDay(0, RunKind.EASY, (PlannedRoutine("Strength", dt.time(18, 30), 1),))
    days[2] = PlannedDay(2, RunKind.WORKOUT, ())
    days[3] = PlannedDay(
        3, RunKind.REST, (PlannedRoutine("Strength", None, 1), PlannedRoutine("Stretch", dt.time(7, 0), 2))
    )
    days[5] = dataclasses.replace(days[3], weekday=5, run=RunKind.RACE)
    days[6] = PlannedDay(6, RunKind.LONG, (PlannedRoutine("Gone", None, None),))
    return WeekPlan(tuple(days)), [strength, stretch]


def _sheet(name: str) -> bytes:
    from hipdesk.export.pdf import Paper, routine_pdf, week_pdf

    if name == "routine-a4":
        return routine_pdf(_routine(), EXERCISES, Paper.A4).data
    plan, routines = _week(crowded=name == "week-crowded-a4")
    paper = Paper.LETTER if name.endswith("letter") else Paper.A4
    return week_pdf(plan, routines, EXERCISES, paper, order=[6, 0, 1, 2, 3, 4, 5]).data


def _pages(data: bytes):  # type: ignore[no-untyped-def]
    """Each page drawn at ``DPI``, on white, as 32-bit RGB."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    document, _buffer = qt_document(data)
    images = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page) * DPI / 72
        image = document.render(
            page, QSize(round(size.width()), round(size.height())), QPdfDocumentRenderOptions()
        )
        paper = QImage(image.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)  # PDFium leaves the paper transparent
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        images.append(paper)
    return images


def _differing(drawn, reference) -> int:  # type: ignore[no-untyped-def]
    """How many pixels of two same-sized pictures differ by more than ``LEVELS`` in a channel."""
    width, row = drawn.width() * 4, drawn.bytesPerLine()
    ours, theirs = bytes(drawn.constBits()), bytes(reference.constBits())
    count = 0
    for top in range(0, drawn.height() * row, row):
        one, other = ours[top : top + width], theirs[top : top + width]
        if one == other:
            continue
        for left in range(0, width, 4):  # B, G, R, unused
            if any(abs(one[left + c] - other[left + c]) > LEVELS for c in range(3)):
                count += 1
    return count


@pytest.fixture(scope="module")
def dejavu(qapp) -> None:
    from PySide6.QtGui import QFontInfo

    from hipdesk.export.pdf.style import _font

    family = QFontInfo(_font(10)).family()
    if family != "DejaVu Sans":
        if os.environ.get("CI"):
            pytest.fail(f"CI must draw the sheets with DejaVu Sans (fonts-dejavu-core), not {family}")
        pytest.skip(f"the reference pages are drawn with DejaVu Sans; this machine gives {family}")


SHEETS = ["routine-a4", "week-a4", "week-letter", "week-crowded-a4"]


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_page_looks_as_its_reference(qapp, dejavu, sheet: str, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    drawn = _pages(_sheet(sheet))
    if REDRAW:
        PAGES.mkdir(exist_ok=True)
        for old in PAGES.glob(f"{sheet}-*.png"):
            old.unlink()
        for number, image in enumerate(drawn, 1):
            assert image.save(str(PAGES / f"{sheet}-{number}.png"))
        pytest.skip(f"drew {len(drawn)} reference pages of {sheet}")
    references = sorted(PAGES.glob(f"{sheet}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert references, f"no reference pages for {sheet} in {PAGES}: draw them (see this file's notes)"
    assert len(drawn) == len(references), f"{sheet}: {len(drawn)} pages, the reference has {len(references)}"
    for number, (image, path) in enumerate(zip(drawn, references, strict=True), 1):
        reference = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        assert image.size() == reference.size(), (
            f"{sheet} page {number}: {image.size()} against {reference.size()}"
        )
        differing = _differing(image, reference)
        if differing:
            now = tmp_path / f"{sheet}-{number}.png"
            image.save(str(now))
            pytest.fail(
                f"{sheet} page {number} differs from {path.name} in {differing} pixels; drawn now: {now}"
            )
