"""PDF files: the routine or the week painted on a QPdfWriter into bytes, and written atomically."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPdfWriter

from hipdesk import __version__
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise, Routine, WeekPlan
from hipdesk.export.pdf.paper import Paper, default_paper, setup_device
from hipdesk.export.pdf.routine import paint_routine
from hipdesk.export.pdf.week import paint_week
from hipdesk.export.safe_write import Protected, write_bytes

RESOLUTION = 300  # dots per inch of the PDF's coordinate space; QPdfWriter's 1200 is needlessly fine
AUTHOR = "HipDesk"


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
