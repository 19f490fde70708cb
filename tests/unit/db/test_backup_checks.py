"""The checks behind backups and `hipdesk check`: what each says of a sound, foreign, junk or changed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdesk.db import backup, migrations
from hipdesk.domain.model import Routine, RoutineItem
from tests.unit.db.sqlite_edits import edited, inner_page_damaged, plain_copy


def test_another_programs_file_is_told_apart_from_hipdesks(repo, db_path: Path, tmp_path: Path) -> None:
    repo.db.close()
    assert not backup.is_foreign(db_path)
    assert backup.is_foreign(
        edited(tmp_path / "photos.sqlite", "CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    )
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(db_path.read_bytes())
    edited(newer, f"PRAGMA user_version = {migrations.LATEST + 1}")
    assert not backup.is_foreign(newer)  # a newer HipDesk's: not another program's
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 300)
    assert not backup.is_foreign(junk)


def test_a_quick_check_says_ok_or_what_is_wrong_and_leaves_nothing_beside_theedited(
    repo, db_path: Path, tmp_path: Path
) -> None:
    repo.db.close()
    assert backup.quick_check(db_path) == "ok"
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 300)
    assert backup.quick_check(junk) == "file is not a database"


def test_a_changed_value_is_backed_up_even_when_nothing_else_changed(repo, db_path: Path) -> None:
    repo.set_meta("volume", "11")
    first = backup.make_backup(db_path, "periodic", only_if_changed=True)
    repo.set_meta("volume", "12")  # the same rows, one value other
    second = backup.make_backup(db_path, "periodic", only_if_changed=True)
    assert first is not None and second is not None and second != first


def test_a_backup_where_the_folder_cannot_be_made_is_one_sentence(
    repo, db_path: Path, tmp_path: Path
) -> None:
    repo.save_routine(Routine("Kept", (RoutineItem("clamshell", reps=5),)))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be")
    with pytest.raises(backup.BackupError) as refused:
        backup.make_backup(db_path, "manual", target=blocker / "copy.sqlite")
    assert str(refused.value) == f"Cannot write a backup to {blocker}: File exists."


def test_an_unreadable_newest_backup_does_not_stop_the_next_one(repo, db_path: Path, caplog) -> None:
    """Nothing is copied when the data is as in the newest backup (and that is logged); a newest
    backup that cannot be read proves nothing, so a copy is made."""
    import logging

    caplog.set_level(logging.INFO, logger="hipdesk.db.backup")
    first = backup.make_backup(db_path, "periodic", only_if_changed=True)
    assert first is not None
    assert backup.make_backup(db_path, "periodic", only_if_changed=True) is None
    assert f"no backup: {db_path} is unchanged since {first.name}" in [r.getMessage() for r in caplog.records]
    junk = first.with_name("hipdesk.periodic-29990101-000000Z.sqlite")  # the newest by its name
    junk.write_bytes(b"not a database " * 300)
    assert backup.make_backup(db_path, "periodic", only_if_changed=True) is not None


def test_thinning_returns_and_logs_what_it_removed(repo, db_path: Path, caplog) -> None:
    import datetime as dt
    import logging

    caplog.set_level(logging.INFO, logger="hipdesk.db.backup")
    old = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.UTC)
    made = [
        backup.make_backup(db_path, "periodic", now=old + dt.timedelta(days=n), thin=False) for n in range(12)
    ]
    removed = backup.thin_backups(db_path, dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
    assert removed == [made[1], made[0]]  # all of them older than a month: the newest ten stay
    assert "thinned 2 old backups" in [r.getMessage() for r in caplog.records]


def test_a_damaged_or_incomplete_newest_backup_is_passed_over(repo, db_path: Path) -> None:
    """Recovery takes the newest backup that is whole: not one failing its check, not one lacking a column."""
    from hipdesk.db.recovery import recover

    repo.save_routine(Routine("Kept", (RoutineItem("clamshell", reps=5),)))
    good = backup.make_backup(db_path, "launch", source=repo.db.connection())
    repo.save_routine(Routine("Later", (RoutineItem("clamshell", reps=5),)))
    repo.db.close()
    assert good is not None
    damaged = inner_page_damaged(
        plain_copy(db_path, good.with_name("hipdesk.periodic-29990101-000000Z.sqlite"))
    )
    lacking = edited(
        plain_copy(db_path, good.with_name("hipdesk.periodic-29990102-000000Z.sqlite")),
        "ALTER TABLE routine DROP COLUMN notes",
    )
    assert damaged.is_file() and lacking.is_file()
    db_path.write_bytes(b"not a database " * 300)
    done = recover(db_path)
    assert done is not None and done.restored.path == good


def test_a_backup_failing_its_check_is_logged_as_passed_over(repo, db_path: Path, caplog) -> None:
    import logging

    caplog.set_level(logging.WARNING, logger="hipdesk.db.backup")
    good = backup.make_backup(db_path, "launch", source=repo.db.connection())
    assert good is not None
    bad = good.with_name("hipdesk.periodic-29990101-000000Z.sqlite")
    bad.write_bytes(b"not a database " * 300)
    assert backup.newest_good_backup(db_path) == next(
        b for b in backup.list_backups(db_path) if b.path == good
    )
    assert [r.getMessage() for r in caplog.records] == [f"backup {bad} fails its check; trying an older one"]


def test_a_copy_that_cannot_be_read_into_the_live_data_is_one_sentence(repo, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database " * 300)
    with pytest.raises(backup.BackupError) as refused:
        backup.restore_into(repo.db.connection(), junk)
    assert str(refused.value) == "Cannot restore junk.sqlite: file is not a database."
