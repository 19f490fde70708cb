"""The window's exports go the same safe way: never onto the data, one line in a dialog when refused."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from hipdesk.catalogue.starter import STRENGTH
from hipdesk.db import backup
from hipdesk.views.common import widgets
from hipdesk.views.printing import jobs as printing
from hipdesk.views.printing import preview as pdf_preview
from hipdesk.views.printing.preview import PdfPreviewDialog
from hipdesk.views.shell import reminders
from hipdesk.views.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, repo) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    texts: list[str] = []
    for module in (widgets, pdf_preview, printing):  # the File menu's entries use widgets' own
        monkeypatch.setattr(module, "message", lambda _p, _t, text, _i=None: texts.append(text))
    return texts


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(reminders, "calendar_save_dialog", lambda *a, **k: (str(path), None))


def save_in_preview(monkeypatch) -> None:
    def exec_and_save(dialog) -> int:
        dialog.save_button.click()
        return 1

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_and_save)


def test_every_export_in_the_window_refuses_the_data_file(
    window: MainWindow, db_path: Path, tmp_path: Path, shown: list[str], monkeypatch
) -> None:
    before = digest(db_path)
    exports = {
        "csv": window.files.export_history_dialog,
        "ics": window.files.export_calendar_dialog,
        "hipdesk.json": window.files.export_routine_dialog,
        "pdf": lambda: window.files.export_pdf("week"),
    }
    window.show_page("history")
    window.show_page("routines")
    window.routines_page.select_routine(STRENGTH)
    save_in_preview(monkeypatch)
    for suffix, export in exports.items():
        link = tmp_path / f"my data.{suffix}"  # the name the dialog keeps, another name for the data
        link.symlink_to(db_path)
        choose(monkeypatch, link)
        export()
        assert len(shown) == 1 and shown[0].startswith("Cannot write") and "\n" not in shown[0], suffix
        shown.clear()
    assert digest(db_path) == before and backup.quick_check(db_path) == "ok"


def test_printing_to_a_file_is_an_export_like_the_others(
    window: MainWindow, repo, db_path: Path, tmp_path: Path, shown: list[str]
) -> None:
    job = printing.week_job(repo)
    printer = printing.make_printer(job)
    link = tmp_path / "data.pdf"
    link.symlink_to(db_path)
    before = digest(db_path)
    printer.setOutputFileName(str(link))
    assert printing.paint_job(printer, job, window) == 0
    assert len(shown) == 1 and shown[0].startswith("Cannot write") and digest(db_path) == before
    target = tmp_path / "week.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    printer.setOutputFileName(str(target))
    assert printing.paint_job(printer, job, window) == 1
    assert target.read_bytes().startswith(b"%PDF") and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert printer.outputFileName() == str(target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith("pdf")) == ["data.pdf", "week.pdf"]
