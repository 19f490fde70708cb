"""The checks behind backups and `hipdesk check`: what each says of a sound, foreign, junk or changed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdesk.db import backup, migrations
from hipdesk.domain.model import Routine, RoutineItem
from tests.unit.db.sqlite_edits import edited


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
