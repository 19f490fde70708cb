from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from hipdesk.db import migrations
from hipdesk.db.database import DatabaseError, DatabaseTooNewError, open_database
from hipdesk.db.models import TABLES
from hipdesk.store import open_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_the_pragmas_and_latest_version(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        pragma = lambda name: db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("user_version") == migrations.LATEST
    finally:
        db.close()


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        for model in TABLES:
            table = model._meta.table_name
            on_disk = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')}
            in_code = {field.column_name for field in model._meta.sorted_fields}
            assert on_disk == in_code, table
    finally:
        db.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"These are my running notes, not a database.\n" * 100)
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="not a HipDesk database"):
        open_store(db_path)
    assert _digest(db_path) == before
    assert not Path(str(db_path) + "-wal").exists()


def test_a_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    open_store(db_path).db.close()
    with sqlite3.connect(db_path) as con:
        con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNewError, match="newer HipDesk"):
        open_store(db_path)
    assert _digest(db_path) == before


def test_another_programs_sqlite_file_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as con:
        con.execute("CREATE TABLE photos (id INTEGER)")
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="another program"):
        open_store(db_path)
    assert _digest(db_path) == before


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "hipdesk.sqlite")
    assert not (tmp_path / "nowhere").exists()


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # root may write anywhere, so the folder's answer is simulated here; test_read_only_file.py does it
    # for real
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode))
    with pytest.raises(DatabaseError, match="read-only"):
        open_store(tmp_path / "hipdesk.sqlite")
    assert not (tmp_path / "hipdesk.sqlite").exists()


# A really read-only folder, without root's power over file modes: tests/unit/db/test_read_only_file.py


def test_the_v1_fixture_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "v1.sqlite", path)
    repo = open_store(path)
    try:
        assert repo.db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 2
        assert "My side steps" in [ex.name for ex in repo.exercises()]
        assert repo.routine("Fixture routine").items[0].exercise_id == "clamshell"
        assert len(repo.sessions()) == 1 and len(repo.sessions()[0].sets) == 2
        indexes = {row[1] for row in repo.db.execute_sql('PRAGMA index_list("set_record")')}
        assert "set_record_session_id_item_index_side_set_number" in indexes  # version 2
    finally:
        repo.db.close()
    copies = list((tmp_path / "backups").glob(f"v1.before-v{migrations.LATEST}-*.sqlite"))
    assert len(copies) == 1  # the file as it was, copied before the upgrade
    with sqlite3.connect(copies[0]) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    con.close()


def test_a_file_of_the_version_before_is_upgraded_not_called_damaged(db_path: Path) -> None:
    """Version 5 dropped a table of version 1: a version-5 file is checked against its own tables."""
    open_store(db_path).db.close()
    with sqlite3.connect(db_path) as con:
        for name in ("set_record_session_id_skipped", "set_record_bad_time", "session_bad_time"):
            con.execute(f'DROP INDEX "{name}"')
        con.execute("PRAGMA user_version = 5")
    con.close()
    repo = open_store(db_path)
    try:
        assert migrations.user_version(repo.db) == migrations.LATEST == 6
        indexes = {row[1] for row in repo.db.execute_sql('PRAGMA index_list("set_record")')}
        assert {"set_record_session_id_skipped", "set_record_bad_time"} <= indexes
    finally:
        repo.db.close()


def test_a_migration_copies_the_file_first_and_runs_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "v1.sqlite", path)
    ran: list[int] = []

    def v2(db: SqliteDatabase) -> None:
        ran.append(2)
        db.execute_sql("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    nxt = migrations.LATEST + 1
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (nxt, "test step", v2)])
    monkeypatch.setattr(migrations, "LATEST", nxt)
    db = open_database(path)
    try:
        assert ran == [2]
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == nxt
    finally:
        db.close()
    copies = list((tmp_path / "backups").glob(f"v1.before-v{nxt}-*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    con.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "v1.sqlite", path)

    def broken(db: SqliteDatabase) -> None:
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise sqlite3.OperationalError("disk on fire")

    nxt = migrations.LATEST + 1
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (nxt, "broken", broken)])
    monkeypatch.setattr(migrations, "LATEST", nxt)
    with pytest.raises(DatabaseError, match="disk on fire"):
        open_database(path)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.STEPS[-2][0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
    con.close()
