"""The safety machinery itself never loses data: restore, recovery, the lock, and reading a file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from hipdesk.cli import main
from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.store import open_store

FIRST = Routine("First routine", items=(RoutineItem("clamshell", sets=2, reps=10),))
SECOND = Routine("Second routine", items=(RoutineItem("clamshell", sets=3, reps=12),))
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def routine_names(db: Path) -> set[str]:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT name FROM routine")}
    finally:
        con.close()


def beside(db: Path) -> set[str]:
    """The names of the files in the data folder (not the backups)."""
    return {p.name for p in db.parent.iterdir() if p.is_file() or p.is_symlink()}


def save(db_path: Path, *routines: Routine) -> None:
    repo = open_store(db_path)
    try:
        for routine in routines:
            repo.save_routine(routine)
    finally:
        repo.db.close()


def run(db: Path | str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=ENV, timeout=timeout,
    )  # fmt: skip


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("hipdesk: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


# -- restore: thinning -------------------------------------------------------------------------


def test_restoring_an_old_backup_that_thinning_would_drop_keeps_it_and_restores_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(db_path, FIRST)
    long_ago = dt.datetime.now() - dt.timedelta(days=90)
    oldest = backup.make_backup(db_path, "manual", now=long_ago)
    assert oldest is not None
    save(db_path, SECOND)
    for hours in range(12):  # enough newer backups that a new one would thin the oldest away
        backup.make_backup(db_path, "periodic", now=long_ago + dt.timedelta(days=1, hours=hours))
    assert main(["restore", str(oldest)]) == 0, capsys.readouterr().err
    assert oldest.exists()
    assert "Second routine" not in routine_names(db_path) and "First routine" in routine_names(db_path)


# -- recovery: which backup --------------------------------------------------------------------


def test_recovery_restores_the_backup_with_the_newest_data_whatever_the_zones_in_the_names(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    save(db_path, FIRST)
    # made at home in the evening (UTC+10), named in that zone's local time
    shutil.copy(db_path, folder / "hipdesk.launch-20250301-200000.sqlite")
    save(db_path, SECOND)
    # two hours later, after a flight (UTC-5): its local time in the name is earlier
    shutil.copy(db_path, folder / "hipdesk.launch-20250301-070000.sqlite")
    db_path.write_bytes(os.urandom(8192))
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    assert main(["routines"]) == 0
    assert "Second routine" in capsys.readouterr().out


def test_backups_are_named_in_utc_whatever_the_time_zone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        save(db_path, FIRST)
        made = backup.make_backup(db_path, "manual")
        utc_now = dt.datetime.now(dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert made is not None
    stamp = made.name.split("manual-")[1][:15]
    named = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
    assert abs((utc_now - named).total_seconds()) < 60


# -- the lock ----------------------------------------------------------------------------------


@pytest.fixture
def holder(db_path: Path, hold_lock):
    save(db_path, FIRST)
    return hold_lock(db_path)


@pytest.mark.parametrize("name", ["symlink", "hard link"])
def test_every_name_for_the_data_file_shares_its_lock(
    holder: subprocess.Popen[str], db_path: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hipdesk.db.lock as data_lock

    monkeypatch.setattr(data_lock, "WRITER_WAIT_MS", 200)
    other = tmp_path / "elsewhere" / "other-name.sqlite"
    other.parent.mkdir()
    if name == "symlink":
        other.symlink_to(db_path)
    else:
        os.link(db_path, other)
    routine_file = tmp_path / "r.hipdesk.json"
    assert main(["export", "routine", "First routine", "-o", str(routine_file)]) == 0
    before = routine_names(db_path)
    assert main(["--db", str(other), "import", str(routine_file)]) == 1
    assert main(["--db", str(other), "restore", str(routine_file)]) == 1
    assert routine_names(db_path) == before


def _live_other_program() -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], text=True)


@pytest.mark.parametrize("left", ["empty", "garbage", "folder", "dangling symlink", "another program's pid"])
def test_a_lock_no_live_hipdesk_holds_is_taken_over(
    db_path: Path, tmp_path: Path, left: str, capsys: pytest.CaptureFixture[str]
) -> None:
    save(db_path, FIRST)
    lock = db_path.with_name(db_path.name + ".lock")
    other = None
    if left == "empty":
        lock.write_bytes(b"")
    elif left == "garbage":
        lock.write_bytes(os.urandom(300))
    elif left == "folder":
        lock.mkdir()
    elif left == "dangling symlink":
        lock.symlink_to(tmp_path / "gone" / "nowhere.lock")
    else:
        other = _live_other_program()
        lock.write_text(f"{other.pid}\nhipdesk\n{os.uname().nodename}\n")
    try:
        routine_file = tmp_path / "r.hipdesk.json"
        assert main(["export", "routine", "First routine", "-o", str(routine_file)]) == 0
        capsys.readouterr()
        assert main(["import", str(routine_file)]) == 0
        assert "in use" not in capsys.readouterr().err
    finally:
        if other is not None:
            other.kill()
            other.wait()
    names = routine_names(db_path)
    assert "First routine" in names and "First routine (2)" in names  # the import went through


# -- what is HipDesk's ---------------------------------------------------------------------------


def other_programs_file(path: Path, version: int) -> bytes:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('owner', 'someone else')")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("version", [0, 1, 2])
def test_another_programs_sqlite_file_is_refused_untouched_as_data_and_as_a_backup(
    db_path: Path, tmp_path: Path, version: int
) -> None:
    theirs = tmp_path / "theirs" / "hipdesk.sqlite"
    theirs.parent.mkdir()
    before = other_programs_file(theirs, version)
    for args in (["routines"], ["backup"], ["check"]):
        result = run(theirs, *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert theirs.read_bytes() == before
    assert beside(theirs) == {"hipdesk.sqlite"} and not (theirs.parent / "backups").exists()
    save(db_path, FIRST)
    one_line(run(db_path, "restore", str(theirs)))
    assert "First routine" in routine_names(db_path)
    assert theirs.read_bytes() == before


def test_new_and_migrated_files_carry_hipdesks_mark(db_path: Path, tmp_path: Path) -> None:
    save(db_path, FIRST)
    old = tmp_path / "v1" / "hipdesk.sqlite"
    old.parent.mkdir()
    shutil.copy(Path(__file__).parents[2] / "fixtures" / "v1.sqlite", old)
    assert run(old, "routines").returncode == 0
    for path in (db_path, old):
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA application_id").fetchone()[0] == 0x48697044
        finally:
            con.close()


# -- a kill's journal; reading leaves nothing ----------------------------------------------------

KILLED_MID_WRITE = textwrap.dedent(
    """
    import os, sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA cache_size=1")
    con.execute("BEGIN")
    con.execute("UPDATE routine SET name = 'half-written' WHERE name = 'First routine'")
    con.execute("INSERT INTO meta (key, value) SELECT 'junk' || value, randomblob(4000) FROM "
                "json_each(json_array(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20))")
    os.kill(os.getpid(), 9)
    """
)


def test_a_hot_journal_left_by_a_kill_is_rolled_back_and_the_file_reads_as_it_was(db_path: Path) -> None:
    save(db_path, FIRST)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=DELETE")  # a file in rollback-journal mode, as a restore leaves it
    con.close()
    subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(db_path)], check=False, timeout=60)
    journal = db_path.with_name(db_path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    result = run(db_path, "check")
    assert result.returncode == 0 and ": ok" in result.stdout, result.stderr
    assert not journal.exists()
    result = run(db_path, "routines")
    assert result.returncode == 0, result.stderr
    assert "First routine" in result.stdout and "half-written" not in result.stdout


def test_check_and_backup_of_a_closed_file_leave_nothing_beside_it(db_path: Path) -> None:
    save(db_path, FIRST)
    assert beside(db_path) == {"hipdesk.sqlite"}
    assert run(db_path, "check").returncode == 0
    assert run(db_path, "backup").returncode == 0
    assert beside(db_path) == {"hipdesk.sqlite"}


# -- the schema --------------------------------------------------------------------------------


def drop_column(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE session DROP COLUMN notes")
    con.commit()
    con.close()


def test_a_dropped_column_is_damage_for_check_and_at_start_up(db_path: Path) -> None:
    save(db_path, FIRST)
    drop_column(db_path)
    before = db_path.read_bytes()
    assert "notes" in one_line(run(db_path, "check"))
    assert "notes" in one_line(run(db_path, "history"))  # no backup: refused, untouched
    assert db_path.read_bytes() == before


def test_a_dropped_column_at_start_up_is_recovered_from_a_good_backup(db_path: Path) -> None:
    save(db_path, FIRST)
    backup.make_backup(db_path, "launch")
    drop_column(db_path)
    result = run(db_path, "history")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("hipdesk: The data file was damaged") and "notes" in result.stderr
    assert run(db_path, "check").returncode == 0


# -- a missing data file -----------------------------------------------------------------------


def test_a_missing_data_file_with_backups_is_not_started_empty(db_path: Path) -> None:
    save(db_path, FIRST)
    made = backup.make_backup(db_path, "launch")
    db_path.unlink()
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    line = one_line(run(db_path, "routines"))
    assert "no data file" in line and str(made) in line
    assert not db_path.exists()
    assert run(db_path, "restore", str(made)).returncode == 0
    assert "First routine" in routine_names(db_path)


# -- backups at once, and what killed ones left ------------------------------------------------


def test_backups_made_at_the_same_moment_each_get_a_file_of_their_own(db_path: Path) -> None:
    save(db_path, FIRST)
    when = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)
    made: list[Path | None] = []
    errors: list[BaseException] = []

    def one() -> None:
        try:
            made.append(backup.make_backup(db_path, "manual", now=when))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert len({p for p in made if p is not None}) == 4
    assert all(backup.quick_check(p) == "ok" for p in made if p is not None)
    assert not [p for p in (db_path.parent / "backups").iterdir() if ".part" in p.name]


def test_a_backup_whose_new_file_another_backup_cleaned_away_writes_a_file_no_cleaner_can_take(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another backup's clean-up runs in the moment between a new part file and its lock, and
    again while the copy is being named: the copy must still be whole and kept."""
    save(db_path, FIRST)
    folder = db_path.parent / "backups"
    real_mkstemp, real_place = backup.tempfile.mkstemp, backup._place
    cleaned: list[list[Path]] = []

    def mkstemp_then_clean(*args: object, **kwargs: object) -> tuple[int, str]:
        made = real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]
        if not cleaned:
            cleaned.append(backup.clean_stale_parts(folder))
        return made  # type: ignore[no-any-return]

    def clean_then_place(*args: object) -> Path:
        cleaned.append(backup.clean_stale_parts(folder))
        return real_place(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(backup.tempfile, "mkstemp", mkstemp_then_clean)
    monkeypatch.setattr(backup, "_place", clean_then_place)
    made = backup.make_backup(db_path, "manual")
    assert made is not None and backup.quick_check(made) == "ok"
    assert len(cleaned[0]) == 1  # the first file was taken, unlocked, as a killed backup's
    assert cleaned[-1] == []  # the file being written is locked against the cleaner
    assert not [p for p in folder.iterdir() if ".part" in p.name]


@pytest.mark.parametrize("end", ["-journal", "-wal", "-shm"])
def test_what_sqlite_left_beside_a_killed_backups_part_file_is_removed_too(db_path: Path, end: str) -> None:
    save(db_path, FIRST)
    folder = db_path.parent / "backups"
    folder.mkdir()
    stale = folder / f"{backup.PART_PREFIX}k1ll3d.part"
    stale.write_bytes(os.urandom(4096))
    beside = stale.with_name(stale.name + end)
    beside.write_bytes(os.urandom(4096))
    assert run(db_path, "backup").returncode == 0
    assert not stale.exists() and not beside.exists()


def test_a_killed_backups_part_file_is_removed_by_the_next_backup(db_path: Path) -> None:
    save(db_path, FIRST)
    folder = db_path.parent / "backups"
    folder.mkdir()
    stale = folder / "hipdesk.manual-20250101-000000.sqlite.part"
    stale.write_bytes(os.urandom(100_000))
    assert run(db_path, "backup").returncode == 0
    assert not stale.exists()


# -- recovery: the swap ------------------------------------------------------------------------


def test_a_recovery_cut_short_before_its_rename_leaves_the_damaged_file_in_place(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hipdesk.db.recovery import recover

    save(db_path, FIRST)
    backup.make_backup(db_path, "launch")
    db_path.write_bytes(os.urandom(8192))
    damaged = db_path.read_bytes()
    real_replace = os.replace

    def cut_short(src, dst, *args, **kwargs):
        if str(src).endswith(".restoring"):
            raise OSError(5, "Input/output error")  # as if the power went at this moment
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", cut_short)
    with pytest.raises(backup.BackupError):
        recover(db_path)
    monkeypatch.undo()
    assert db_path.read_bytes() == damaged  # never no file: the next launch tries again
    assert recover(db_path) is not None
    assert "First routine" in routine_names(db_path)


def test_recovery_never_takes_another_programs_file_in_the_backups_folder(
    db_path: Path, tmp_path: Path
) -> None:
    from hipdesk.db.recovery import recover

    save(db_path, FIRST)
    backup.make_backup(db_path, "launch", now=dt.datetime(2025, 1, 1))
    theirs = db_path.parent / "backups" / "hipdesk.launch-20991231-000000.sqlite"
    other_programs_file(theirs, 2)
    db_path.write_bytes(os.urandom(8192))
    done = recover(db_path)
    assert done is not None and done.restored.path != theirs
    assert "First routine" in routine_names(db_path)


def test_a_backup_to_a_chosen_file_leaves_the_other_files_of_its_folder_alone(
    db_path: Path, tmp_path: Path
) -> None:
    save(db_path, FIRST)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.part2.pdf").write_text("keep me")
    (mine / "download.part").write_text("keep me too")
    assert main(["backup", "-o", str(mine / "copy.sqlite")]) == 0
    assert sorted(p.name for p in mine.iterdir()) == ["copy.sqlite", "download.part", "thesis.part2.pdf"]


CONTENDER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from hipdesk.db.lock import DataLock
    db, mark = Path(sys.argv[1]), Path(sys.argv[2])
    for _ in range(40):
        lock = DataLock(db)
        if not lock.acquire(20000):
            sys.exit(2)
        if mark.exists():
            sys.exit(3)  # someone else holds it too
        mark.write_text(str(os.getpid()))
        time.sleep(0.002)
        mark.unlink()
        lock.release()
    """
)


def test_the_lock_is_held_by_one_process_at_a_time_however_often_it_changes_hands(db_path: Path) -> None:
    save(db_path, FIRST)
    mark = db_path.with_name("holder")
    names = [db_path, db_path.with_name("link.sqlite")]
    names[1].symlink_to(db_path)
    procs = [
        subprocess.Popen([sys.executable, "-c", CONTENDER, str(names[i % 2]), str(mark)], env=ENV)
        for i in range(4)
    ]
    try:
        codes = [p.wait(timeout=240) for p in procs]
    finally:
        for p in procs:
            p.kill()
            p.wait()
    assert codes == [0, 0, 0, 0]
