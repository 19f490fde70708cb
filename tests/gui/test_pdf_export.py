"""Export to PDF with its QtPdf preview, Print Preview, and the menu actions that follow the page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from hipdesk.app import settings
from hipdesk.catalogue.starter import STRENGTH
from hipdesk.export.pdf import Paper
from hipdesk.views.printing.jobs import (
    make_printer,
    paint_job,
    pdf_dialog,
    preview_dialog,
    routine_job,
    week_job,
)
from hipdesk.views.printing.preview import PdfPreviewDialog
from hipdesk.views.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, repo):
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_actions_follow_the_page(window) -> None:
    ui = window.ui
    window.show_page("library")
    assert not ui.actionPrint.isEnabled() and not ui.actionExportRoutinePdf.isEnabled()
    assert ui.actionExportWeekPdf.isEnabled()
    window.show_page("routines")
    assert ui.actionPrint.isEnabled() and ui.actionPrintPreview.isEnabled()
    assert ui.actionExportRoutinePdf.isEnabled()
    window.show_page("week")
    assert ui.actionPrint.isEnabled() and not ui.actionExportRoutinePdf.isEnabled()


def test_preview_shows_the_pdf_and_switches_paper(qtbot, repo) -> None:
    settings.PRINT_PAPER.set("a4")
    dialog = pdf_dialog(routine_job(repo, STRENGTH))
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PdfPreviewDialog)
    assert dialog.document.pageCount() == dialog.rendered.pages > 0
    assert dialog.pages_label.text() == f"{dialog.rendered.pages} pages, A4"
    assert dialog.document.pagePointSize(0).toSize().width() == 595
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    assert dialog.rendered.paper is Paper.LETTER
    assert dialog.document.pagePointSize(0).toSize().width() == 612
    assert settings.PRINT_PAPER.get() == "letter"  # remembered
    assert dialog.view.document() is dialog.document


def test_export_routine_pdf_from_the_window(window, tmp_path: Path, monkeypatch, qtbot) -> None:
    window.show_page("routines")
    window.routines_page.select_routine(STRENGTH)
    target = tmp_path / "mine"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))

    def exec_and_save(dialog) -> int:
        assert dialog.document.pageCount() > 0  # shown before it is saved
        dialog.save_button.click()
        return 1

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_and_save)
    path = window.files.export_pdf("routine")
    assert path == str(target) + ".pdf"
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    assert reader.metadata.title == STRENGTH
    assert "Saved" in window.statusBar().currentMessage()


def test_cancel_writes_nothing(window, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda dialog: 0)
    window.show_page("week")
    assert window.files.export_pdf("week") is None
    assert not list(tmp_path.glob("*.pdf"))


def test_print_preview_paints_the_same_pages(qtbot, repo, tmp_path: Path) -> None:
    job = week_job(repo)
    dialog = preview_dialog(job)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == job.pdf(Paper.A4).pages == 1
    assert dialog.printer().pageLayout().orientation().name == "Landscape"


def test_printing_to_a_pdf_printer(repo, tmp_path: Path) -> None:
    job = routine_job(repo, STRENGTH)
    printer = make_printer(job, Paper.LETTER)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_job(printer, job)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages == job.pdf(Paper.LETTER).pages
    assert STRENGTH in " ".join(reader.pages[0].extract_text().split())
