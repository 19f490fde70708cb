"""Open and save dialogs start in the folder last used for the same kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from hipdesk.app.settings import LAST_FOLDERS
from hipdesk.views.shell import reminders
from hipdesk.views.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_remembered_folders():
    store = QSettings()
    for key in LAST_FOLDERS.values():
        store.remove(key.name)
    yield
    for key in LAST_FOLDERS.values():
        store.remove(key.name)


@pytest.fixture
def window(qtbot, repo) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    return win


class Chooser:
    """Stands in for the user in the save dialog: records where it opened, answers with a path."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened_at: list[str] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)
        # the calendar's own dialog, which also asks about reminders
        monkeypatch.setattr(reminders, "calendar_save_dialog", self._ask_calendar)

    def _ask(self, _parent, _title, start, _filters="", *_a, **_k) -> tuple[str, str]:
        self.opened_at.append(start)
        return self.answer, ""

    def _ask_calendar(self, _parent, start: str) -> tuple[str, int | None] | None:
        self.opened_at.append(start)
        return (self.answer, None) if self.answer else None


def test_a_save_dialog_opens_in_the_folder_last_used_for_that_kind(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    chooser = Chooser(monkeypatch)
    calendars = tmp_path / "calendars"
    calendars.mkdir()
    chooser.answer = str(calendars / "mine.ics")
    window.files.export_calendar_dialog()
    assert (calendars / "mine.ics").exists()

    chooser.answer = ""  # cancelled: the folder stays as it was
    window.files.export_calendar_dialog()
    window.files.export_calendar_dialog()
    assert Path(chooser.opened_at[-1]) == calendars / "HipDesk week.ics"

    # another kind of file keeps its own folder
    window.files.export_history_dialog()
    assert Path(chooser.opened_at[-1]).parent != calendars
    assert Path(chooser.opened_at[-1]).name == "HipDesk history.csv"


def test_a_folder_that_is_gone_falls_back_to_documents(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    chooser = Chooser(monkeypatch)
    gone = tmp_path / "gone"
    LAST_FOLDERS["csv"].set(str(gone))
    window.files.export_history_dialog()
    assert Path(chooser.opened_at[-1]).parent != gone


def test_the_import_dialog_opens_where_the_last_routine_file_was_saved(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    chooser = Chooser(monkeypatch)
    window.show_page("routines")
    assert window.routines_page.current_routine() is not None
    chooser.answer = str(tmp_path / "shared" / "x.hipdesk.json")
    (tmp_path / "shared").mkdir()
    window.files.export_routine_dialog()
    assert Path(chooser.answer).exists()
    chooser.answer = ""
    window.files.import_routine_dialog()
    assert Path(chooser.opened_at[-1]) == tmp_path / "shared"
