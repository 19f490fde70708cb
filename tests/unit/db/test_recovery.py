"""Start-up recovery: damaged files are moved aside and the newest good backup restored, or refused."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from hipdesk.db import backup, migrations
from hipdesk.db.database import DatabaseError
from hipdesk.db.recovery import diagnose, recover
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.store import open_store
from tests.unit.db.sqlite_edits import edited, inner_page_damaged, plain_copy

SAVED = Routine("In the backup", items=(RoutineItem("clamshell", sets=2, reps=10),))


def random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(7).randbytes(db.stat().st_size))


def truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def zeroed_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))


def wal_without_database(db: Path) -> None:
    con = sqlite3.connect(db)  # a write-ahead log with frames in it, then the database goes
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("INSERT INTO meta (key, value) VALUES ('wal-only', 'x')")
    con.commit()
    shutil.copy(db.with_name(db.name + "-wal"), db.with_name("saved-wal"))
    con.close()
    db.unlink()
    db.with_name(db.name + "-shm").unlink(missing_ok=True)
    os.replace(db.with_name("saved-wal"), db.with_name(db.name + "-wal"))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random bytes": random_bytes,
    "truncated": truncated,
    "zeroed header": zeroed_header,
    "WAL without its database": wal_without_database,
}


def prepared(db_path: Path, with_backup: bool) -> Path | None:
    repo = open_store(db_path)
    repo.save_routine(SAVED)
    made = backup.make_backup(db_path, "launch", source=repo.db.connection()) if with_backup else None
    repo.save_routine(Routine("After the backup", items=SAVED.items))
    repo.db.close()
    return made


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_moved_aside_and_the_newest_good_backup_restored(
    db_path: Path, damage: str
) -> None:
    prepared(db_path, with_backup=True)
    DAMAGE[damage](db_path)
    damaged_bytes = db_path.read_bytes() if db_path.exists() else None
    assert diagnose(db_path) is not None
    told: list[str] = []
    repo = open_store(db_path, notify=told.append)
    try:
        names = {r.name for r in repo.routines()}
    finally:
        repo.db.close()
    assert "In the backup" in names and "After the backup" not in names
    [moved] = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite"] or [
        None
    ]
    if damaged_bytes is not None:
        assert moved is not None and moved.read_bytes() == damaged_bytes  # kept as it was, never deleted
    else:
        assert list(db_path.parent.glob("hipdesk.damaged-*.sqlite-wal"))
    assert len(told) == 1 and "damaged" in told[0] and "restored" in told[0]
    assert str(db_path.parent / "hipdesk.damaged-") in told[0]
    assert backup.quick_check(db_path) == "ok"


@pytest.mark.parametrize("damage", DAMAGE)
def test_without_a_good_backup_the_file_is_refused_and_left_untouched(db_path: Path, damage: str) -> None:
    prepared(db_path, with_backup=False)
    DAMAGE[damage](db_path)
    before = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    with pytest.raises(DatabaseError) as caught:
        open_store(db_path)
    assert "\n" not in str(caught.value) and "untouched" in str(caught.value)
    after = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    assert {name: after.get(name) for name in before} == before
    assert set(after) - set(before) <= {"hipdesk.sqlite-shm", "hipdesk.sqlite-wal"}  # SQLite's reading
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").iterdir())


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(db_path: Path) -> None:
    good = prepared(db_path, with_backup=True)
    assert good is not None
    bad = good.parent / "hipdesk.periodic-29990101-000000.sqlite"  # the newest by its name
    bad.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    zeroed_header(db_path)
    result = recover(db_path)
    assert result is not None and result.restored.path == good


def test_a_newer_hipdesk_file_is_never_called_damaged(db_path: Path) -> None:
    prepared(db_path, with_backup=True)
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version={migrations.LATEST + 1}")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    assert diagnose(db_path) is None
    with pytest.raises(DatabaseError, match="newer HipDesk"):
        open_store(db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*damaged*"))


def test_a_sound_file_is_left_alone(db_path: Path) -> None:
    prepared(db_path, with_backup=True)
    before = db_path.read_bytes()
    assert recover(db_path) is None
    assert db_path.read_bytes() == before


def test_restoring_from_a_copy_of_a_live_data_file_leaves_nothing_beside_the_copy(
    db_path: Path, tmp_path: Path
) -> None:
    """A copy of a data file in write-ahead-log mode is checked and read without its -wal and -shm
    files being made beside it (the runner's folder holds only what they put there)."""
    from hipdesk.db.recovery import restore_file

    repo = open_store(db_path)
    saved = repo.save_routine(Routine("Kept in the copy", (RoutineItem("clamshell"),)))
    repo.db.close()
    copy = tmp_path / "elsewhere" / "copy.sqlite"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()  # the last connection: SQLite folds the log in and removes -wal and -shm
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]
    repo = open_store(db_path)
    repo.delete_routine(saved.id)
    repo.db.close()
    restore_file(db_path, copy)
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]
    repo = open_store(db_path)
    assert "Kept in the copy" in [r.name for r in repo.routines()]
    repo.db.close()


REPLACEMENTS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "missing": (lambda db, p: p, "There is no file {}."),
    "not SQLite": (
        lambda db, p: (p.write_bytes(b"not a database " * 300), p)[1],
        "{} is not a usable backup (file is not a database); nothing was changed.",
    ),
    "an inner page damaged": (
        lambda db, p: inner_page_damaged(plain_copy(db, p)),
        "{} is not a usable backup (*** in database main ***",
    ),
    "from a newer HipDesk": (
        lambda db, p: edited(plain_copy(db, p), f"PRAGMA user_version = {migrations.LATEST + 1}"),
        f"{{}} was written by a newer HipDesk (data version {migrations.LATEST + 1}); nothing was changed.",
    ),
    "another program's": (
        lambda db, p: edited(p, "CREATE TABLE photo (id INTEGER PRIMARY KEY)"),
        "{} is not a HipDesk backup; nothing was changed.",
    ),
    "a column missing": (
        lambda db, p: edited(plain_copy(db, p), "ALTER TABLE routine DROP COLUMN notes"),
        "{} is damaged (its table routine lacks the column notes); nothing was changed.",
    ),
}


@pytest.mark.parametrize("kind", REPLACEMENTS)
def test_a_file_that_cannot_replace_the_data_is_refused_with_its_reason(
    db_path: Path, tmp_path: Path, kind: str
) -> None:
    from hipdesk.db.recovery import restore_file

    prepared(db_path, with_backup=False)
    make, told = REPLACEMENTS[kind]
    source = make(db_path, tmp_path / "chosen.sqlite")
    before = db_path.read_bytes()
    with pytest.raises(backup.BackupError) as refused:
        restore_file(db_path, source)
    if told.endswith("***"):  # then SQLite's own words for the damage
        assert str(refused.value).startswith(told.format(source))
        assert str(refused.value).endswith("); nothing was changed.")
    else:
        assert str(refused.value) == told.format(source)
    assert db_path.read_bytes() == before and not (db_path.parent / "backups").exists()


def test_the_data_file_itself_is_refused_as_its_own_backup(db_path: Path) -> None:
    from hipdesk.db.recovery import restore_file

    prepared(db_path, with_backup=False)
    with pytest.raises(backup.BackupError) as refused:
        restore_file(db_path, db_path)
    assert str(refused.value) == f"{db_path} is the data file itself."


def test_the_recovery_notice_gives_the_backups_time_on_the_runners_clock(db_path: Path) -> None:
    import datetime as dt

    from tests.zone import local_zone

    with local_zone("Pacific/Auckland"):
        repo = open_store(db_path)
        made = backup.make_backup(db_path, "launch", source=repo.db.connection(),
                                  now=dt.datetime(2026, 3, 1, 7, 15, tzinfo=dt.UTC))  # fmt: skip
        repo.db.close()
        zeroed_header(db_path)
        done = recover(db_path, now=dt.datetime(2026, 3, 2, 8, 30))
        assert done is not None and done.restored.path == made
        moved = db_path.parent / "hipdesk.damaged-20260302-083000.sqlite"
        assert done.moved_to == moved and moved.is_file()
        # 07:15 UTC on 1 March is 20:15 in Auckland (daylight saving time, UTC+13)
        assert done.text() == (
            "The data file was damaged (its header is blank). It was moved to "
            f"{moved} and the newest good backup, from 2026-03-01 20:15, was restored: anything "
            "recorded after 2026-03-01 20:15 is not in it."
        )


def test_a_restore_names_and_thins_by_the_time_it_is_given(db_path: Path, tmp_path: Path) -> None:
    """Restoring at a set moment (a runner's wrong clock, a test): the kept files carry that moment,
    and the backups are thinned by their age then (the newest 10, one a day for a week, one a week
    for a month, so 2 March stays as its week's newest), never the one restored from, however old."""
    import datetime as dt

    from hipdesk.db.recovery import restore_file

    prepared(db_path, with_backup=False)
    repo = open_store(db_path)
    repo.set_meta("volume", "3")
    repo.db.close()
    for day in range(1, 16):  # 1 to 15 March 2025, 06:00 UTC
        backup.make_backup(
            db_path, "periodic", now=dt.datetime(2025, 3, day, 6, 0, tzinfo=dt.UTC), thin=False
        )
        if day == 1:
            repo = open_store(db_path)
            repo.set_meta("volume", "7")  # the backups after the first one have this
            repo.db.close()
    oldest = db_path.parent / "backups" / "hipdesk.periodic-20250301-060000Z.sqlite"
    now = dt.datetime(2025, 3, 15, 12, 0, tzinfo=dt.UTC)
    told = restore_file(db_path, oldest, now)
    kept = db_path.parent / "backups" / "hipdesk.before-restore-20250315-120000Z.sqlite"
    assert told == f"restored {db_path} from {oldest}; the data as it was is in {kept}"
    repo = open_store(db_path)
    assert repo.meta("volume") == "3"
    repo.db.close()
    left = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert left == [
        "hipdesk.before-restore-20250315-120000Z.sqlite",
        "hipdesk.periodic-20250301-060000Z.sqlite",
        "hipdesk.periodic-20250302-060000Z.sqlite",
        *(f"hipdesk.periodic-202503{day:02}-060000Z.sqlite" for day in range(7, 16)),
    ]
    db_path.write_bytes(b"not a database " * 500)
    told = restore_file(db_path, oldest, now)
    moved = db_path.parent / "hipdesk.damaged-20250315-120000.sqlite"
    assert told == f"restored {db_path} from {oldest}; the file that was there is now {moved}"
    assert moved.read_bytes() == b"not a database " * 500


def test_what_makes_a_file_damaged_is_said_in_its_own_words(db_path: Path, tmp_path: Path) -> None:
    prepared(db_path, with_backup=False)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 300)
    assert diagnose(junk) == "it is not an SQLite file"
    blank = plain_copy(db_path, tmp_path / "blank.sqlite")
    zeroed_header(blank)
    assert diagnose(blank) == "its header is blank"
    inner = inner_page_damaged(plain_copy(db_path, tmp_path / "inner.sqlite"))
    found = diagnose(inner)
    assert found is not None and found.startswith("*** in database main ***")
    assert diagnose(
        edited(plain_copy(db_path, tmp_path / "column.sqlite"), "ALTER TABLE routine DROP COLUMN notes")
    ) == ("its table routine lacks the column notes")
    assert diagnose(plain_copy(db_path, tmp_path / "sound.sqlite")) is None


def test_an_empty_file_or_an_empty_log_alone_is_not_damage(tmp_path: Path) -> None:
    """An empty file is a new one HipDesk sets up; a write-ahead log alone is damage only if it
    holds something."""
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert diagnose(empty) is None
    missing = tmp_path / "missing.sqlite"
    log = tmp_path / "missing.sqlite-wal"
    log.write_bytes(b"")
    assert diagnose(missing) is None
    log.write_bytes(b"x")
    assert diagnose(missing) == "its write-ahead log is there without the database"


def test_a_damaged_inner_page_is_recovered_from_the_backup(db_path: Path) -> None:
    """The header and the schema read, the quick check does not: the file is damaged."""
    good = prepared(db_path, with_backup=True)
    inner_page_damaged(db_path)
    done = recover(db_path)
    assert done is not None and done.restored.path == good
    assert done.problem.startswith("*** in database main ***; On tree page ")
    assert backup.quick_check(db_path) == "ok"


def test_the_notice_of_a_damaged_inner_page_is_one_line(db_path: Path, tmp_path: Path) -> None:
    """The command line prints the recovery notice, and a refused restore, as one line each."""
    from hipdesk.db.recovery import restore_file

    prepared(db_path, with_backup=True)
    damaged = inner_page_damaged(plain_copy(db_path, tmp_path / "chosen.sqlite"))
    with pytest.raises(backup.BackupError) as refused:
        restore_file(db_path, damaged)
    assert "\n" not in str(refused.value)
    assert str(refused.value).startswith(
        f"{damaged} is not a usable backup (*** in database main ***; On tree"
    )
    inner_page_damaged(db_path)
    told: list[str] = []
    open_store(db_path, notify=told.append).db.close()
    assert len(told) == 1 and "\n" not in told[0]
    assert told[0].startswith("The data file was damaged (*** in database main ***; On tree page ")


def test_checking_a_sound_file_leaves_nothing_beside_it(db_path: Path) -> None:
    prepared(db_path, with_backup=False)
    assert recover(db_path) is None
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["hipdesk.sqlite"]


def test_restoring_a_copy_of_a_live_file_over_a_damaged_one_leaves_nothing_beside_the_copy(
    db_path: Path, tmp_path: Path
) -> None:
    from hipdesk.db.recovery import restore_file

    prepared(db_path, with_backup=False)
    copy = tmp_path / "elsewhere" / "copy.sqlite"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)  # in write-ahead-log mode, as the data file is
    random_bytes(db_path)
    told = restore_file(db_path, copy)
    assert told.startswith(f"restored {db_path} from {copy}; the file that was there is now ")
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]
    assert backup.quick_check(db_path) == "ok"


def test_a_copy_that_cannot_be_read_is_one_sentence_and_the_file_stays(db_path: Path, tmp_path: Path) -> None:
    prepared(db_path, with_backup=False)
    before = db_path.read_bytes()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 300)
    with pytest.raises(backup.BackupError) as refused:
        backup.swap_in(junk, db_path)
    assert str(refused.value) == "Cannot restore junk.sqlite: file is not a database."
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.restoring*")) and not list(db_path.parent.glob("*damaged*"))


def test_what_recovery_did_or_could_not_do_is_logged(db_path: Path, caplog) -> None:
    import logging

    caplog.set_level(logging.INFO, logger="hipdesk.db.recovery")
    prepared(db_path, with_backup=False)
    zeroed_header(db_path)
    assert recover(db_path) is None
    good = prepared(db_path.with_name("other.sqlite"), with_backup=True)
    assert good is not None
    other = db_path.with_name("other.sqlite")
    zeroed_header(other)
    done = recover(other)
    assert done is not None
    assert [r.getMessage() for r in caplog.records if r.name == "hipdesk.db.recovery"] == [
        f"{db_path} is damaged (its header is blank) and there is no good backup: left as it is",
        f"{other} was damaged (its header is blank): kept as {done.moved_to}, restored {good.name}",
    ]


def test_a_log_without_its_database_is_kept_under_the_name_it_goes_with(db_path: Path) -> None:
    import datetime as dt

    prepared(db_path, with_backup=True)
    wal_without_database(db_path)
    done = recover(db_path, now=dt.datetime(2025, 3, 15, 12, 0))
    assert done is not None and done.problem == "its write-ahead log is there without the database"
    assert (db_path.parent / "hipdesk.damaged-20250315-120000.sqlite-wal").is_file()
