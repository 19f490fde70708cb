"""The window and the safety machinery: backup failures told once, a full disk in plain words, readers
never keeping the window from opening, a missing data file offered a restore, no running session
offered as interrupted."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hipdesk.app import crash as crash_core
from hipdesk.app.context import AppContext
from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.store import DataMissingError
from hipdesk.views.shell import crash
from hipdesk.views.shell import start as app
from hipdesk.views.shell.main_window import MainWindow

SAVED = Routine("Saved before", items=(RoutineItem("clamshell", sets=2, reps=10),))
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def window(qtbot, repo) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    return win


def test_a_failing_automatic_backup_is_told_once_in_the_status_bar_with_the_way_out(
    db_path: Path, tmp_path: Path, qtbot
) -> None:
    (db_path.parent / "backups").write_text("a file where the backups folder goes")
    context = AppContext(db_path, log_folder=tmp_path, backup_delay_ms=60_000)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        context.start(until="data")
        window.attach(context)
        context.start()
        backups = context.backups
        assert backups is not None and backups.run("periodic")
        qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=20000)
        text = window.statusBar().currentMessage()
        assert "backup failed" in text and "Tools ▸ Back Up Now" in text
        window.statusBar().clearMessage()
        backups.wait()
        assert backups.run("periodic")  # the same failure again, 30 minutes later
        backups.wait()
        qtbot.wait(200)
        assert window.statusBar().currentMessage() == ""
    finally:
        context.close()


def test_a_full_disk_in_the_window_is_a_plain_message_not_an_unexpected_error(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    import hipdesk.views.common.widgets as widgets

    told: list[str] = []
    crashed: list[str] = []
    monkeypatch.setattr(widgets, "message", lambda _p, _t, text, *_a: told.append(text))
    monkeypatch.setattr(crash, "show_crash_dialog", lambda _p, summary, *_a: crashed.append(summary))
    show_crash, show_disk_full = crash.dialogs_over(lambda: window, lambda: None)
    handler = crash_core.CrashHandler(show_crash=show_crash, show_disk_full=show_disk_full, parent=window)
    error = sqlite3.OperationalError("database or disk is full")
    handler.handle(type(error), error, None)
    qtbot.waitUntil(lambda: bool(told or crashed), timeout=5000)
    assert not crashed
    assert len(told) == 1 and told[0].startswith("The disk holding") and "is full" in told[0]


READER = textwrap.dedent(
    """
    import sys, time
    import hipdesk.cli as cli
    def slow_export(repo, args):
        repo.routines()
        print("reading", flush=True)
        time.sleep(60)
        return 0
    parser = cli.build_parser
    def patched():
        p = parser()
        p._subparsers._group_actions[0].choices["export"]._subparsers._group_actions[0].choices[
            "csv"].set_defaults(func=slow_export)
        return p
    cli.build_parser = patched
    sys.exit(cli.main(["--db", sys.argv[1], "export", "csv", "-o", sys.argv[2]]))
    """
)


def test_a_command_that_only_reads_never_keeps_the_window_from_opening(db_path: Path, tmp_path: Path) -> None:
    from hipdesk.store import open_store

    open_store(db_path).db.close()
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db_path), str(tmp_path / "sets.csv")],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        started = time.monotonic()
        window = subprocess.run(
            [sys.executable, "-m", "hipdesk", "--db", str(db_path), "--exit-after-startup"],
            env=ENV, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert window.returncode == 0, window.stderr
        assert "in use" not in window.stderr
        assert time.monotonic() - started < 60
        assert reader.poll() is None  # still reading all along
    finally:
        reader.kill()
        reader.wait()


@pytest.fixture
def missing(db_path: Path) -> Path:
    from hipdesk.store import open_store

    repo = open_store(db_path)
    repo.save_routine(SAVED)
    made = backup.make_backup(db_path, "launch", source=repo.db.connection())
    repo.db.close()
    assert made is not None
    db_path.unlink()
    return made


@pytest.mark.parametrize("choice", ["Restore Newest Backup", "Start Empty", "Quit"])
def test_a_missing_data_file_with_backups_asks_before_anything_is_created(
    qtbot, db_path: Path, missing: Path, choice: str, monkeypatch
) -> None:
    import hipdesk.views.common.widgets as widgets

    asked: list[str] = []

    def answer(_parent, _title, text, choices):
        asked.append(text)
        assert choice in choices
        return choice

    monkeypatch.setattr(widgets, "ask", answer)
    win = MainWindow()
    qtbot.addWidget(win)
    notices: list[str] = []
    if choice == "Quit":
        with pytest.raises(DataMissingError):
            app._open_data(win, db_path, notices, exit_after_startup=False)
        assert not db_path.exists()
        return
    repo = app._open_data(win, db_path, notices, exit_after_startup=False)
    try:
        names = {r.name for r in repo.routines()}
    finally:
        repo.db.close()
    assert len(asked) == 1 and "backups" in asked[0]
    assert (SAVED.name in names) == (choice == "Restore Newest Backup")
    assert missing.exists()  # the backups stay either way


def test_the_session_running_in_the_window_is_never_offered_as_interrupted(qtbot, repo, monkeypatch) -> None:
    saved = repo.save_routine(SAVED)
    repo.start_session(saved)  # cut short by a crash
    asked: list[str] = []
    monkeypatch.setattr("hipdesk.views.common.widgets.ask", lambda *args: asked.append(args[2]) or "Resume")
    monkeypatch.setattr(
        "hipdesk.views.session.window.SessionWindow.show_full_screen", lambda self: self.show()
    )
    window = MainWindow(repo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.sessions.open), timeout=3000)
    assert len(asked) == 1  # offered once, resumed: now it runs
    window.sessions.offer_resume()
    window.sessions.resume_chosen()
    assert len(asked) == 1
    assert not window.ui.actionResumeSession.isEnabled()
    session_window = window.sessions.open[0]
    session_window.driver.end_early()
    session_window.close()
