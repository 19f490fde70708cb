"""Disk full during a guided session: the clock stops, the screen says why, nothing saved is lost,
and the runner can retry or end. Once with a database whose writes fail, once on a real full disk."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hipdesk.domain.model import ItemSides, Routine, RoutineItem, SessionStatus
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.window import SessionWindow

from .test_session_window import RecordingOutput

ROUTINE = Routine(
    "Full disk",
    items=(RoutineItem("clamshell", sets=2, reps=3, sides=ItemSides.EACH, rest_s=2, rest_after_s=0),),
)


class FillingDisk:
    """Makes the repository's writes fail, as SQLite does when the disk is full, while ``full``."""

    def __init__(self, repo, error: Exception) -> None:
        self.full = False
        self.error = error
        self._execute = repo.db.execute_sql

    def execute_sql(self, sql, params=None, *args, **kwargs):
        if self.full and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise self.error
        return self._execute(sql, params, *args, **kwargs)


def start(qtbot, repo, monkeypatch, error: Exception, full_after: int):
    disk = FillingDisk(repo, error)
    monkeypatch.setattr(repo.db, "execute_sql", disk.execute_sql)
    saved = repo.save_routine(ROUTINE)
    exercises = {ex.id: ex for ex in repo.exercises()}
    driver = SessionDriver(repo, saved, exercises, speed=40, lead_in_s=2)
    window = SessionWindow(driver, exercises, cue_output=RecordingOutput())

    def stop(w) -> None:
        driver.timer.stop()
        w.ask_to_end = lambda: True

    qtbot.addWidget(window, before_close_func=stop)
    window.resize(1280, 800)
    window.show()
    recorded = []

    def on_recorded(record) -> None:
        recorded.append(record)
        if len(recorded) == full_after:
            disk.full = True

    driver.set_recorded.connect(on_recorded)
    window.start()
    qtbot.waitUntil(lambda: driver.failed, timeout=20_000)
    return window, driver, disk


def test_a_set_that_cannot_be_saved_stops_the_clock_says_why_and_retry_goes_on(
    qtbot, repo, monkeypatch
) -> None:
    window, driver, disk = start(
        qtbot, repo, monkeypatch, sqlite3.OperationalError("database or disk is full"), full_after=2
    )
    assert not driver.timer.isActive()
    text = window.failure_label.text()
    assert window.failure_label.isVisible() and "could not be saved" in text and "the disk is full" in text
    assert window.buttons["retry"].isVisible() and not window.buttons["pause"].isVisible()
    assert len(repo.sessions()[0].sets) == 2  # the sets before it stay
    frozen = driver.state()
    qtbot.wait(300)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # nothing but Retry and End while it stands
    qtbot.keyClick(window, Qt.Key.Key_Right)
    now = driver.state()
    assert (now.index, now.seconds_left) == (frozen.index, frozen.seconds_left)

    qtbot.keyClick(window, Qt.Key.Key_Return)  # Retry, still full
    assert driver.failed and window.failure_label.isVisible()
    disk.full = False
    qtbot.keyClick(window, Qt.Key.Key_Return)  # Retry, with room again
    assert not driver.failed and not window.failure_label.isVisible()
    assert driver.timer.isActive() or driver.finished  # it goes on (a busy machine may reach the end at once)
    assert len(repo.sessions()[0].sets) == 3
    qtbot.waitUntil(lambda: driver.finished, timeout=20_000)
    (session,) = repo.sessions()
    assert session.status is SessionStatus.FINISHED and len(session.sets) == 4
    assert "4 sets done" in window.summary.summaryLabel.text()


def test_ending_after_a_failed_write_keeps_what_was_saved(qtbot, repo, monkeypatch) -> None:
    window, driver, _ = start(
        qtbot, repo, monkeypatch, OSError(errno.ENOSPC, "No space left on device"), full_after=1
    )
    assert "the disk is full" in window.failure_label.text()
    monkeypatch.setattr("hipdesk.views.session.window.confirm", lambda *args: True)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert driver.finished and window.stack.currentIndex() == 1
    assert "Not everything could be saved" in window.summary.summaryLabel.text()
    (session,) = repo.sessions()
    assert len(session.sets) == 1
    # its end could not be written either: it stays open, so the next start offers to resume it
    assert session.status is SessionStatus.RUNNING


def _can_mount_tmpfs(target: Path) -> str | None:
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(target)], capture_output=True, text=True
    )
    if result.returncode != 0:
        return f"this machine does not allow mounting a tmpfs: {result.stderr.strip()}"
    return None


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk, then free ``leave`` bytes."""
    filler = folder / "filler"
    with filler.open("wb") as out:
        block = b"\0" * 65536
        try:
            while True:
                out.write(block)
                out.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    os.truncate(filler, max(0, filler.stat().st_size - leave))


def test_hipdesk_start_on_a_real_full_disk_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    from hipdesk.store import open_store

    disk = tmp_path / "disk"
    disk.mkdir()
    reason = _can_mount_tmpfs(disk)
    if reason:
        pytest.skip(reason)
    try:
        db = disk / "hipdesk.sqlite"
        repo = open_store(db)
        repo.save_routine(ROUTINE)
        repo.db.close()
        _fill(disk, leave=100 * 1024)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [sys.executable, "-m", "hipdesk", "--db", str(db), "start", ROUTINE.name, "--speed", "40"],
            capture_output=True, text=True, timeout=120, env=env,
        )  # fmt: skip
        ours = [line for line in result.stderr.splitlines() if line.startswith("hipdesk:")]
        assert result.returncode == 1, result.stderr[-2000:]
        assert len(ours) == 1 and "could not be saved" in ours[0] and "disk is full" in ours[0], ours
        assert "Traceback" not in result.stderr
        (disk / "filler").unlink()  # room again: what was saved is there, the file is sound
        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            saved = con.execute("SELECT COUNT(*) FROM set_record").fetchone()[0]
        finally:
            con.close()
        assert 0 < saved < 4, (
            f"{saved} saved: the sets before the full disk stay, the one that failed is not there"
        )
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_the_reason_is_found_behind_the_failed_rollback_that_follows_a_full_disk() -> None:
    from hipdesk.db.repo import write_failure_reason

    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active") from None
    except sqlite3.OperationalError as exc:
        hidden = exc
    assert write_failure_reason(hidden) == "cannot rollback - no transaction is active"  # from None
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as exc:
        chained = exc
    assert write_failure_reason(chained) == "the disk is full"
