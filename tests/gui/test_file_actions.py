"""The File menu as a runner uses it: an import through the menu is backed up first and shows on every
page that lists routines; a restore from the Tools menu shows the data it brought back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from hipdesk.catalogue.starter import STRETCH
from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.export.routine_file import write_routine_file
from hipdesk.views.shell import data_tools
from hipdesk.views.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, repo) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    return win


def listed(model) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_routine_imported_from_the_file_menu_is_backed_up_first_and_on_the_week(
    window: MainWindow, repo, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "shared.hipdesk.json"
    write_routine_file(path, repo.routine(STRETCH), {ex.id: ex for ex in repo.exercises()})
    window.show_page("week")
    assert f"{STRETCH} (2)" not in listed(window.week_page.routine_list)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.ui.actionImportRoutine.trigger()
    assert window.current_page() == "routines"
    assert window.routines_page.current_routine().name == f"{STRETCH} (2)"
    assert "before-import" in [b.reason for b in backup.list_backups(db_path)]
    assert "Imported" in window.statusBar().currentMessage()
    window.show_page("week")  # the Week lists it for planning without a restart
    assert f"{STRETCH} (2)" in listed(window.week_page.routine_list)


def test_a_restore_shows_the_routines_of_the_backup_on_the_page_on_screen(
    window: MainWindow, repo, monkeypatch
) -> None:
    first = data_tools.back_up_now(window)
    assert first is not None
    window.show_page("routines")
    page = window.routines_page
    page.new_routine()
    made = page.current_routine().name
    assert made in listed(page.routine_list)
    page.items.add_exercises(["clamshell"])  # an undo step that belongs to the data now
    assert window.undo_action.isEnabled()
    assert data_tools.restore_backup(window, first)
    assert made not in listed(page.routine_list)
    assert not window.undo_action.isEnabled()  # nothing left to undo of the data that was replaced


def test_an_export_of_the_routine_on_screen_writes_it_as_stored(
    window: MainWindow, repo, tmp_path: Path, monkeypatch
) -> None:
    repo.save_routine(Routine("Two clams", items=(RoutineItem("clamshell", sets=2, reps=10),)))
    window.reload()
    window.show_page("routines")
    window.routines_page.select_routine("Two clams")
    target = tmp_path / "two.hipdesk.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.ui.actionExportRoutine.trigger()
    assert '"Two clams"' in target.read_text()
    assert "Exported “Two clams”" in window.statusBar().currentMessage()
