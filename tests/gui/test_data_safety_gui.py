"""The window's side of data safety: Tools menu, restore from a backup, the crash dialog and log."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hipdesk.app import crash as crash_core
from hipdesk.app.context import AppContext
from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.views.shell import crash, data_tools
from hipdesk.views.shell.main_window import MainWindow

EXTRA = Routine("Made after the backup", items=(RoutineItem("clamshell", sets=2, reps=10),))


@pytest.fixture
def window(qtbot, repo) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    return win


def test_tools_menu_is_there_once_the_data_is(qtbot, repo) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    assert not win.ui.menuTools.isEnabled()
    win.attach(AppContext.around(repo, parent=win))
    assert win.ui.menuTools.isEnabled()
    texts = [a.text() for a in win.ui.menuTools.actions()]
    assert texts == ["&Check Database", "&Back Up Now", "&Restore from Backup…"]


def test_restore_from_a_backup_in_the_window(window: MainWindow, repo, db_path: Path, monkeypatch) -> None:
    first = data_tools.back_up_now(window)
    assert first is not None and backup.quick_check(first) == "ok"
    repo.save_routine(EXTRA)
    window.reload()
    dialog = data_tools.RestoreDialog(backup.list_backups(db_path), window)
    assert dialog.list.topLevelItemCount() == 1 and dialog.chosen() == first
    assert dialog.restore_button.isEnabled()
    assert data_tools.restore_backup(window, first)
    assert EXTRA.name not in {r.name for r in repo.routines()}
    [kept] = [b for b in backup.list_backups(db_path) if b.reason == "before-restore"]
    con = sqlite3.connect(kept.path)
    try:
        assert con.execute("SELECT count(*) FROM routine WHERE name = ?", (EXTRA.name,)).fetchone()[0] == 1
    finally:
        con.close()
    assert "Restored" in window.statusBar().currentMessage()


def test_restore_is_refused_while_a_guided_session_is_open(window: MainWindow, repo, monkeypatch) -> None:
    first = data_tools.back_up_now(window)
    assert first is not None
    repo.save_routine(EXTRA)
    shown: list[str] = []
    monkeypatch.setattr(data_tools, "message", lambda _p, _t, text, _i=None: shown.append(text))
    monkeypatch.setattr(data_tools, "RestoreDialog", lambda *_a: pytest.fail("the list was offered"))
    window.sessions.open.append(QWidget())  # a session writes its sets as they finish
    window.ui.actionRestoreBackup.trigger()
    assert shown == ["Finish or close the guided session first."]
    assert EXTRA.name in {r.name for r in repo.routines()}


def test_check_database_says_it_is_sound(window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(data_tools, "message", lambda _p, _t, text, _i=None: shown.append(text))
    assert data_tools.check_database(window) == ["ok"]
    assert len(shown) == 1 and "sound" in shown[0]


def test_an_unexpected_error_is_logged_rolled_back_and_shown_with_details(
    qtbot, window: MainWindow, repo, tmp_path: Path, monkeypatch
) -> None:
    log_file = crash_core.install_log_file(tmp_path)
    assert log_file is not None
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        crash, "show_crash_dialog", lambda _p, summary, details, _l: shown.append((summary, details))
    )
    show_crash, show_disk_full = crash.dialogs_over(lambda: window, lambda: log_file)
    handler = crash_core.CrashHandler(
        log_file,
        lambda: repo.db.connection().rollback(),
        show_crash=show_crash,
        show_disk_full=show_disk_full,
    )
    count_before = len(repo.routines())
    try:
        repo.db.execute_sql("BEGIN")  # half way through something when the error comes
        repo.db.execute_sql(
            "INSERT INTO routine (name, notes, position, created_at, updated_at) VALUES ('half', '', 99, '2025-01-01', '2025-01-01')"
        )
        raise RuntimeError("something unexpected")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "RuntimeError: something unexpected"
    assert "Traceback" in shown[0][1] and "something unexpected" in shown[0][1]
    assert not repo.db.connection().in_transaction and len(repo.routines()) == count_before
    for h in logging.getLogger().handlers:
        h.flush()
    assert "something unexpected" in log_file.read_text(encoding="utf-8")
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(log_file)]:
        root.removeHandler(h)
        h.close()


def test_the_crash_dialog_has_the_details_to_copy(qtbot) -> None:
    box = crash.crash_dialog(
        None, "ValueError: x", "Traceback (most recent call last):\n  ...", Path("/tmp/l.log")
    )
    qtbot.addWidget(box)
    assert box.detailedText().startswith("Traceback")
    assert "/tmp/l.log" in box.text()
    [copy] = [b for b in box.buttons() if b.text() == "Copy Details"]
    copy.click()
    assert QApplication.clipboard().text().startswith("ValueError: x")
    assert box.icon() == QMessageBox.Icon.Critical
