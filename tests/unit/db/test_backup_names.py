"""Backup names and thinning: the times a name gives, its order among the others, and which ones stay."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from hipdesk.db import backup
from tests.zone import local_zone

NOW = dt.datetime(2025, 3, 31, 12, 0, tzinfo=dt.UTC)


def info(name: str, created: dt.datetime, reason: str = "periodic") -> backup.BackupInfo:
    return backup.BackupInfo(Path("/backups") / name, created, 1, reason)


def fresh_ten() -> list[backup.BackupInfo]:
    """Ten backups of the last hour: the newest ten, always kept, so that age decides for the rest."""
    return [info(f"fresh-{n}", NOW - dt.timedelta(minutes=n)) for n in range(10)]


def thinned(*older: backup.BackupInfo, keep: tuple[Path, ...] = ()) -> list[str]:
    return sorted(b.path.name for b in backup.to_thin([*fresh_ten(), *older], NOW, keep))


def test_the_newest_ten_stay_whatever_their_age_and_the_eleventh_goes() -> None:
    old = [info(f"old-{n}", NOW - dt.timedelta(days=100 + n)) for n in range(11)]
    assert sorted(b.path.name for b in backup.to_thin(old, NOW)) == ["old-10"]


def test_one_a_day_stays_for_seven_days_to_the_second() -> None:
    """Besides the newest ten: the newest of each day up to exactly 7 days old (NOW is a Monday; a
    Wednesday backup is the week's newest, so the week's rule keeps none of these)."""
    wednesday = info("wednesday", NOW - dt.timedelta(days=5))
    seven_days = info("seven-days", NOW - dt.timedelta(days=7))
    a_second_more = info("a-second-more", NOW - dt.timedelta(days=7, seconds=1))
    assert thinned(wednesday, seven_days, a_second_more) == ["a-second-more"]


def test_one_a_week_stays_for_a_month_to_the_second() -> None:
    month = info("month", NOW - dt.timedelta(days=31))  # Friday 28 February, its week's newest
    same_week = info("same-week", NOW - dt.timedelta(days=33))
    assert thinned(month, same_week) == ["same-week"]
    assert thinned(info("a-second-more", NOW - dt.timedelta(days=31, seconds=1))) == ["a-second-more"]


def test_copies_before_an_upgrade_and_the_files_asked_for_stay() -> None:
    upgrade = info("upgrade", NOW - dt.timedelta(days=400), reason="before-v3")
    restore = info("restore", NOW - dt.timedelta(days=400), reason="before-restore")
    chosen = info("chosen", NOW - dt.timedelta(days=400))
    assert upgrade.kept_always and not restore.kept_always
    assert thinned(upgrade, restore, chosen, keep=(chosen.path,)) == ["restore"]


def test_names_in_utc_and_older_local_names_give_their_moments(db_path: Path) -> None:
    """A name with Z is UTC; one without (older HipDesks) is the local time of its day."""
    folder = db_path.parent / "backups"
    folder.mkdir()
    with local_zone("Pacific/Auckland"):
        for name in (
            "hipdesk.launch-20250301-071500Z.sqlite",
            "hipdesk.periodic-20250301-201400.sqlite",  # 20:14 in Auckland is 07:14 UTC
            "hipdesk.manual-20250301-080000Z-2.sqlite",
            "hipdesk.manual-20250301-080000Z.sqlite",
            "hipdesk.manual-20250301-080000Z-1.sqlite",
            "other.launch-20250302-000000Z.sqlite",  # another data file's
            "hipdesk.launch-20250302-000000Z.sqlite-journal",
            "hipdesk.launch-2025-03-02.sqlite",
            "notes.txt",
        ):
            (folder / name).write_bytes(b"x")
        (folder / "hipdesk.launch-20250303-000000Z.sqlite").mkdir()
        # the file without a number is the newest on disk: the number, not the file time, orders them
        os.utime(folder / "hipdesk.manual-20250301-080000Z.sqlite", ns=(2_000_000_000 * 10**9,) * 2)
        os.utime(folder / "hipdesk.manual-20250301-080000Z-1.sqlite", ns=(1_000_000_000 * 10**9,) * 2)
        found = backup.list_backups(db_path)
    assert [(b.path.name, b.reason, b.created) for b in found] == [
        ("hipdesk.manual-20250301-080000Z-2.sqlite", "manual", dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)),
        ("hipdesk.manual-20250301-080000Z-1.sqlite", "manual", dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)),
        ("hipdesk.manual-20250301-080000Z.sqlite", "manual", dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)),
        ("hipdesk.launch-20250301-071500Z.sqlite", "launch", dt.datetime(2025, 3, 1, 7, 15, tzinfo=dt.UTC)),
        (
            "hipdesk.periodic-20250301-201400.sqlite",
            "periodic",
            dt.datetime(2025, 3, 1, 7, 14, tzinfo=dt.UTC),
        ),
    ]
    assert all(b.created.utcoffset() == dt.timedelta(0) for b in found)


def test_two_backups_in_one_second_get_numbered_names(repo, db_path: Path) -> None:
    when = dt.datetime(2025, 3, 1, 20, 15, tzinfo=dt.timezone(dt.timedelta(hours=13)))  # 07:15 UTC
    made = [backup.make_backup(db_path, "manual", now=when, thin=False) for _ in range(3)]
    assert [p.name for p in made if p is not None] == [
        "hipdesk.manual-20250301-071500Z.sqlite",
        "hipdesk.manual-20250301-071500Z-1.sqlite",
        "hipdesk.manual-20250301-071500Z-2.sqlite",
    ]
    assert [b.path for b in backup.list_backups(db_path)] == made[::-1]  # the last made first


def test_a_reason_that_cannot_be_part_of_a_name_is_refused(repo, db_path: Path) -> None:
    with pytest.raises(ValueError, match="bad backup reason 'Before Import'"):
        backup.make_backup(db_path, "Before Import")
    assert not (db_path.parent / "backups").exists()


def test_a_name_aside_is_numbered_when_taken(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.sqlite"
    when = dt.datetime(2025, 3, 1, 7, 15, 0)
    first = backup.aside_name(db, "damaged", when)
    assert first == tmp_path / "hipdesk.damaged-20250301-071500.sqlite"
    first.write_bytes(b"x")
    second = backup.aside_name(db, "damaged", when)
    second.write_bytes(b"x")
    assert (second.name, backup.aside_name(db, "damaged", when).name) == (
        "hipdesk.damaged-20250301-071500-1.sqlite",
        "hipdesk.damaged-20250301-071500-2.sqlite",
    )
