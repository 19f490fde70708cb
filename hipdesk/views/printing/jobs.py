"""File ▸ Export to PDF, Print… and Print Preview…: the routine being edited, or the week sheet."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPagedPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from hipdesk import __version__
from hipdesk.app import settings
from hipdesk.app.operations import files
from hipdesk.app.snapshot import ExerciseSnapshot
from hipdesk.domain.errors import HipDeskError
from hipdesk.export.pdf import (
    Paper,
    PdfResult,
    default_paper,
    paint_routine,
    paint_week,
    setup_device,
)
from hipdesk.export.safe_write import Protected, resolve_target, write_bytes
from hipdesk.views.common.screens import fit_on_screen
from hipdesk.views.common.weekdays import week_order
from hipdesk.views.common.widgets import message

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo


@dataclass(frozen=True)
class PrintJob:
    """What to print: painted the same way on a PDF writer, a printer and a print preview."""

    title: str
    file_name: str  # suggested, without a folder
    landscape: bool
    paint: Callable[[QPainter, QPagedPaintDevice], int]
    pdf: Callable[[Paper], PdfResult]
    protected: Protected = field(default_factory=Protected)  # what a PDF must never replace


def saved_paper() -> Paper:
    """The paper chosen last time, else the locale's."""
    try:
        return Paper(settings.PRINT_PAPER.get())
    except ValueError:
        return default_paper()


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "routine"


def routine_job(repo: Repo, name: str, snapshot: ExerciseSnapshot | None = None) -> PrintJob:
    """The routine as it is stored now (raises NotFoundError if it has gone); its PDF is the
    routine sheet the command line's ``export pdf --routine`` writes."""
    routine = repo.routine(name)
    snapshot = snapshot or ExerciseSnapshot(repo)  # the window's, else read now
    exercises = snapshot.by_id()
    return PrintJob(
        title=routine.name,
        file_name=f"{_safe(routine.name)}.pdf",
        landscape=False,
        paint=lambda painter, device: paint_routine(painter, device, routine, exercises),
        pdf=lambda paper: files.routine_sheet(repo, routine.name, paper, snapshot),
        protected=files.protected(repo),
    )


def week_job(repo: Repo, snapshot: ExerciseSnapshot | None = None) -> PrintJob:
    """The week sheet, the days in the locale's order, as ``export pdf --week`` writes it."""
    plan, routines, order = repo.week_plan(), repo.routines(), week_order()
    snapshot = snapshot or ExerciseSnapshot(repo)  # the window's, else read now
    exercises = snapshot.by_id()
    return PrintJob(
        title="Week plan",
        file_name="HipDesk week.pdf",
        landscape=True,
        paint=lambda painter, device: paint_week(painter, device, plan, routines, exercises, order),
        pdf=lambda paper: files.week_sheet(repo, paper, order, snapshot),
        protected=files.protected(repo),
    )


def make_printer(job: PrintJob, paper: Paper | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job.title)
    printer.setCreator(f"HipDesk {__version__}")
    setup_device(printer, paper or saved_paper(), job.landscape)
    return printer


def paint_job(printer: QPrinter, job: PrintJob, parent: QWidget | None = None) -> int:
    """Paint ``job`` on ``printer`` with whatever page size the user chose; returns the pages.

    Printing to a file goes the way of every export: painted into a private folder first, then
    written in place whole, never onto the data (:mod:`hipdesk.export.safe_write`).
    """
    target = printer.outputFileName()
    if not target:
        return _paint(printer, job, parent)
    try:
        resolve_target(target, job.protected)
        with tempfile.TemporaryDirectory(prefix="hipdesk-print-") as folder:
            printer.setOutputFileName(str(Path(folder) / "print.pdf"))
            try:
                pages = _paint(printer, job, parent)
            finally:
                printer.setOutputFileName(target)
            if pages:
                write_bytes(target, (Path(folder) / "print.pdf").read_bytes(), job.protected)
    except (HipDeskError, OSError) as exc:
        message(parent, "Print", str(exc) if isinstance(exc, HipDeskError) else f"Cannot print: {exc}.")
        return 0
    return pages


def _paint(printer: QPrinter, job: PrintJob, parent: QWidget | None) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        message(parent, "Print", "The printer could not be started.")
        return 0
    try:
        return job.paint(painter, printer)
    finally:
        painter.end()


class _PreviewDialog(QPrintPreviewDialog):
    """A print preview that keeps its printer alive: the dialog does not own it."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._kept_printer = printer


def preview_dialog(job: PrintJob, parent: QWidget | None = None) -> QPrintPreviewDialog:
    dialog = _PreviewDialog(make_printer(job), parent)
    dialog.setWindowTitle(f"Print Preview: {job.title}")
    dialog.paintRequested.connect(lambda device: paint_job(device, job, dialog))
    dialog.resize(900, 900)
    fit_on_screen(dialog)
    return dialog


def pdf_dialog(job: PrintJob, parent: QWidget | None = None) -> QDialog:
    from hipdesk.views.printing.preview import PdfPreviewDialog

    return PdfPreviewDialog(
        f"Export to PDF: {job.title}", job.file_name, job.pdf, saved_paper(), parent, job.protected
    )


class Printing:
    """The window's printing actions: what to print follows the page shown."""

    def __init__(self, window: QWidget, repo: Repo, snapshot: ExerciseSnapshot | None = None) -> None:
        self.window = window
        self.repo = repo
        self.snapshot = snapshot

    def _job(self, kind: str, routine_name: str | None) -> PrintJob | None:
        try:
            if kind == "routine":
                return routine_job(self.repo, routine_name, self.snapshot) if routine_name else None
            return week_job(self.repo, self.snapshot)
        except HipDeskError as exc:
            message(self.window, "Print", str(exc))
            return None

    def export_pdf(self, kind: str, routine_name: str | None = None) -> str | None:
        """Preview the PDF, and save it where the user says; returns the path saved, if any."""
        job = self._job(kind, routine_name)
        if job is None:
            return None
        dialog = pdf_dialog(job, self.window)
        saved: list[str] = []
        dialog.saved.connect(saved.append)  # type: ignore[attr-defined]
        dialog.exec()
        return saved[-1] if saved else None

    def print(self, kind: str, routine_name: str | None = None) -> None:
        job = self._job(kind, routine_name)
        if job is None:
            return
        printer = make_printer(job)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(f"Print {job.title}")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            paint_job(printer, job, self.window)

    def preview(self, kind: str, routine_name: str | None = None) -> None:
        job = self._job(kind, routine_name)
        if job is not None:
            preview_dialog(job, self.window).exec()
