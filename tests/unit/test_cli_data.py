"""The data commands: backup, restore, check; recovery told in one line; one writer at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.cli import main
from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.store import open_store

EXTRA = Routine("Extra", items=(RoutineItem("clamshell", sets=2, reps=10),))


def routine_names(db: Path) -> set[str]:
    repo = open_store(db)
    try:
        return {r.name for r in repo.routines()}
    finally:
        repo.db.close()


def test_backup_check_and_restore(db_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["routines"]) == 0
    assert main(["backup"]) == 0
    out = capsys.readouterr().out
    [made] = backup.list_backups(db_path)
    assert str(made.path) in out and "checked" in out
    outside = tmp_path / "elsewhere.sqlite"
    assert main(["backup", "-o", str(outside)]) == 0
    assert backup.quick_check(outside) == "ok"
    assert main(["backup", "-o", str(outside)]) == 1  # never overwrites
    assert "exists" in capsys.readouterr().err

    repo = open_store(db_path)
    repo.save_routine(EXTRA)
    repo.db.close()
    assert main(["check"]) == 0
    assert ": ok (" in capsys.readouterr().out

    assert main(["restore", str(made.path)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out
    assert "Extra" not in routine_names(db_path)
    [kept] = [b for b in backup.list_backups(db_path) if b.reason == "before-restore"]
    assert str(kept.path) in out
    assert main(["restore", str(kept.path)]) == 0  # a restore can itself be undone
    assert "Extra" in routine_names(db_path)


def test_check_reports_a_damaged_file_in_one_line(db_path: Path, capsys) -> None:
    assert main(["routines"]) == 0
    data = bytearray(db_path.read_bytes())
    data[:100] = bytes(100)
    db_path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hipdesk: ") and err.count("\n") == 1 and "damaged" in err


def test_restore_refuses_what_is_not_a_backup(db_path: Path, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"hello" * 1000)
    assert main(["routines"]) == 0
    before = db_path.read_bytes()
    capsys.readouterr()
    assert main(["restore", str(junk)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hipdesk: ") and err.count("\n") == 1
    assert db_path.read_bytes() == before


def test_a_recovered_file_is_told_in_one_line_on_stderr(db_path: Path) -> None:
    repo = open_store(db_path)
    backup.make_backup(db_path, "launch", source=repo.db.connection())
    repo.db.close()
    db_path.write_bytes(os.urandom(8192))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "week"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("hipdesk: The data file was damaged")
    assert "hipdesk.damaged-" in result.stderr and "Monday" in result.stdout


@pytest.fixture
def lock_holder(db_path: Path, hold_lock):
    assert main(["routines"]) == 0
    return hold_lock(db_path)


def test_a_writer_is_refused_in_one_line_while_another_hipdesk_holds_the_data(
    lock_holder: subprocess.Popen[str], db_path: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    import hipdesk.db.lock as data_lock

    monkeypatch.setattr(data_lock, "WRITER_WAIT_MS", 200)
    routine_file = tmp_path / "r.hipdesk.json"
    assert main(["export", "routine", "Hip strength", "-o", str(routine_file)]) == 0  # readers read
    capsys.readouterr()
    before = db_path.read_bytes()
    assert main(["import", str(routine_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hipdesk: ") and err.count("\n") == 1
    assert f"process {lock_holder.pid}" in err and "in use" in err
    assert main(["restore", str(routine_file)]) == 1
    assert db_path.read_bytes() == before


def test_a_lock_left_by_a_killed_process_is_taken_over(
    lock_holder: subprocess.Popen[str], db_path: Path, tmp_path: Path, capsys
) -> None:
    lock_holder.kill()
    lock_holder.wait()
    assert (db_path.parent / "hipdesk.sqlite.lock").exists()  # left behind by the kill
    routine_file = tmp_path / "r.hipdesk.json"
    assert main(["export", "routine", "Hip strength", "-o", str(routine_file)]) == 0
    assert main(["import", str(routine_file)]) == 0
    assert "imported" in capsys.readouterr().out
    assert not (db_path.parent / "hipdesk.sqlite.lock").exists()  # released when done
    assert [b.reason for b in backup.list_backups(db_path)] == ["before-import"]
