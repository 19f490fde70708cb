"""Backups: made with the backup API, checked, skipped when nothing changed, thinned, restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem

ROUTINE = Routine("Backed up", items=(RoutineItem("clamshell", sets=2, reps=10),))


def names(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT name FROM routine ORDER BY name")]
    finally:
        con.close()


def test_a_backup_is_a_checked_copy_of_the_live_data(repo, db_path: Path) -> None:
    repo.save_routine(ROUTINE)
    path = backup.make_backup(db_path, "manual", source=repo.db.connection())
    assert path is not None and path.parent == db_path.parent / "backups"
    assert path.name.startswith("hipdesk.manual-") and path.suffix == ".sqlite"
    assert backup.quick_check(path) == "ok"
    assert "Backed up" in names(path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    finally:
        con.close()
    assert not list(path.parent.glob("*.part"))
    [info] = backup.list_backups(db_path)
    assert (info.path, info.reason, info.size) == (path, "manual", path.stat().st_size)


def test_only_if_changed_skips_unchanged_data_and_copies_changed_data(repo, db_path: Path) -> None:
    first = backup.make_backup(db_path, "launch", only_if_changed=True)
    assert first is not None
    assert backup.make_backup(db_path, "periodic", only_if_changed=True) is None
    repo.save_routine(ROUTINE)
    second = backup.make_backup(db_path, "periodic", only_if_changed=True)
    assert second is not None and "Backed up" in names(second)
    assert [b.path for b in backup.list_backups(db_path)] == [second, first]


def test_thinning_keeps_the_last_ten_then_one_a_day_then_one_a_week(tmp_path: Path) -> None:
    now = dt.datetime(2025, 3, 31, 12, 0)
    infos = []
    for hours in range(0, 24 * 60, 6):  # every 6 hours for 60 days
        created = now - dt.timedelta(hours=hours)
        infos.append(backup.BackupInfo(tmp_path / f"b{hours}", created, 1, "periodic"))
    upgrade = backup.BackupInfo(tmp_path / "old", now - dt.timedelta(days=400), 1, "before-v2")
    thinned = {b.path for b in backup.to_thin([*infos, upgrade], now)}
    kept = [b for b in infos if b.path not in thinned]
    assert upgrade.path not in thinned
    assert infos[:10] == kept[:10]  # the newest ten
    days = {b.created.date() for b in kept if now - b.created <= dt.timedelta(days=7)}
    assert len(days) == 8  # today and the seven days before it
    older = [b for b in kept if now - b.created > dt.timedelta(days=8)]
    assert older and all(now - b.created <= dt.timedelta(days=31) for b in older)
    assert len({b.created.isocalendar()[:2] for b in older}) == len(older)  # at most one a week
    assert len(kept) < 30


def test_thinning_removes_files_and_never_the_newest(repo, db_path: Path) -> None:
    old = dt.datetime.now() - dt.timedelta(days=90)
    made = [backup.make_backup(db_path, "periodic", now=old + dt.timedelta(minutes=i)) for i in range(12)]
    remaining = {b.path for b in backup.list_backups(db_path)}
    assert made[-1] in remaining and len(remaining) == backup.KEEP_LAST
    assert not made[0].exists() and not made[1].exists()


def test_restore_into_replaces_the_live_data_in_one_step(repo, db_path: Path) -> None:
    before = backup.make_backup(db_path, "manual", source=repo.db.connection())
    repo.save_routine(ROUTINE)
    assert "Backed up" in names(db_path)
    backup.restore_into(repo.db.connection(), before)
    assert "Backed up" not in names(db_path)
    assert {r.name for r in repo.routines()} == set(names(db_path))
    assert repo.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert backup.quick_check(db_path) == "ok"


def test_integrity_check_reports_damage(tmp_path: Path, repo, db_path: Path) -> None:
    assert backup.integrity_check(db_path) == ["ok"]
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    assert backup.integrity_check(broken) != ["ok"]


def test_a_backup_of_a_file_that_is_not_a_database_fails_clearly(tmp_path: Path) -> None:
    junk = tmp_path / "hipdesk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.BackupError) as refused:
        backup.make_backup(junk, "manual")
    assert str(refused.value) == f"Cannot read {junk}: file is not a database."
    assert backup.list_backups(junk) == []
