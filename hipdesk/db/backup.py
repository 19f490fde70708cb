"""Backups of the database: made with SQLite's backup API, verified, listed, thinned and restored."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

KEEP_LAST = 10  # the newest backups, whatever their age
KEEP_DAILY_DAYS = 7  # then the newest of each day for a week
KEEP_WEEKLY_DAYS = 31  # then the newest of each week for a month
STAMP = "%Y%m%d-%H%M%S"
# NAME.REASON-YYYYmmdd-HHMMSS[-N].sqlite, e.g. hipdesk.launch-20250301-071500.sqlite
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$")
_REASON = re.compile(r"^[a-z0-9-]+$")


class BackupError(HipDeskError):
    """A backup could not be made, checked or restored; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # local time, from the name
    size: int
    reason: str  # launch, periodic, manual, before-import, before-restore, before-v2, ...

    @property
    def kept_always(self) -> bool:
        """Copies made before a format upgrade are never thinned away."""
        return self.reason.startswith("before-v")


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def sidecars(db_path: Path) -> list[Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside a database."""
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def quick_check(path: Path) -> str:
    """``"ok"``, or what is wrong with the SQLite file at ``path`` (never writes to it)."""
    try:
        with _read_only(path) as con:
            rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    return "; ".join(str(r[0]) for r in rows[:5])


def integrity_check(path: Path) -> list[str]:
    """The full ``PRAGMA integrity_check``: ``["ok"]`` for a sound file, else the problems found."""
    try:
        with _read_only(path) as con:
            rows = con.execute("PRAGMA integrity_check(100)").fetchall()
            foreign = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        return [str(exc)]
    problems = [str(r[0]) for r in rows]
    if foreign:
        extra = [f"row {r[1]} of {r[0]} points to a missing row of {r[2]}" for r in foreign[:20]]
        problems = [p for p in problems if p != "ok"] + extra
    return problems


def content_digest(con: sqlite3.Connection) -> str:
    """A digest of the data (schema, version and every row), the same for two equal databases."""
    digest = hashlib.sha256()
    with closing(con.cursor()) as cur:
        digest.update(str(cur.execute("PRAGMA user_version").fetchone()[0]).encode())
        tables = cur.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            digest.update(f"\0{sql}\0".encode())
            for row in cur.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path`` in its ``backups/`` folder, newest first."""
    folder = backup_dir(db_path)
    found = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem or not path.is_file():
            continue
        created = dt.datetime.strptime(match["stamp"], STAMP)
        stat = path.stat()
        info = BackupInfo(path, created, stat.st_size, match["reason"])
        found.append((created, int(match["n"] or 0), stat.st_mtime_ns, info))
    found.sort(key=lambda t: t[:3], reverse=True)
    return [info for *_key, info in found]


def _target(db_path: Path, reason: str, now: dt.datetime) -> Path:
    folder = backup_dir(db_path)
    stamp = now.strftime(STAMP)
    target = folder / f"{db_path.stem}.{reason}-{stamp}.sqlite"
    n = 1
    while target.exists():
        target = folder / f"{db_path.stem}.{reason}-{stamp}-{n}.sqlite"
        n += 1
    return target


def copy_verified(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database with the backup API to ``target``, keeping it only if it checks out."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with closing(sqlite3.connect(partial)) as dest:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"The backup copy failed its check ({check}); it was not kept.")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Cannot write a backup to {target.parent}: {exc}.") from None
    finally:
        partial.unlink(missing_ok=True)


def make_backup(
    db_path: Path,
    reason: str,
    *,
    source: sqlite3.Connection | None = None,
    only_if_changed: bool = False,
    target: Path | None = None,
    now: dt.datetime | None = None,
) -> Path | None:
    """Back up ``db_path`` (through ``source`` when given, else a connection of its own).

    The copy is checked with ``quick_check`` before it is kept, and the backups are thinned
    afterwards. With ``only_if_changed``, nothing is written (and None returned) when the data
    is the same as in the newest backup. ``target`` writes the copy there instead (no thinning).
    """
    if not _REASON.match(reason):
        raise ValueError(f"bad backup reason {reason!r}")
    db_path = Path(db_path)
    own = source is None
    if own:
        try:
            source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise BackupError(f"Cannot read {db_path}: {exc}.") from None
    assert source is not None
    try:
        if only_if_changed and target is None:
            newest = next(iter(list_backups(db_path)), None)
            if newest is not None:
                try:
                    with _read_only(newest.path) as old:
                        same = content_digest(old) == content_digest(source)
                except sqlite3.Error:
                    same = False
                if same:
                    logger.info("no backup: %s is unchanged since %s", db_path, newest.path.name)
                    return None
        when = now or dt.datetime.now()
        path = Path(target) if target is not None else _target(db_path, reason, when)
        copy_verified(source, path)
    finally:
        if own:
            source.close()
    logger.info("backed up %s to %s", db_path, path)
    if target is None:
        thin_backups(db_path, when)
    return path


def to_thin(backups: list[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """Which backups to delete: keep the last 10, the newest of each day for a week, of each week
    for a month, and every copy made before a format upgrade."""
    keep: set[Path] = set()
    ordered = sorted(backups, key=lambda b: b.created, reverse=True)
    for info in ordered[:KEEP_LAST]:
        keep.add(info.path)
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for info in ordered:
        age = now - info.created
        if info.kept_always:
            keep.add(info.path)
        if age <= dt.timedelta(days=KEEP_DAILY_DAYS) and info.created.date() not in days:
            days.add(info.created.date())
            keep.add(info.path)
        week = info.created.isocalendar()[:2]
        if age <= dt.timedelta(days=KEEP_WEEKLY_DAYS) and week not in weeks:
            weeks.add(week)
            keep.add(info.path)
    return [info for info in ordered if info.path not in keep]


def thin_backups(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    removed = []
    for info in to_thin(list_backups(db_path), now or dt.datetime.now()):
        try:
            info.path.unlink()
        except OSError as exc:
            logger.warning("cannot remove old backup %s: %s", info.path, exc)
            continue
        removed.append(info.path)
    if removed:
        logger.info("thinned %d old backups", len(removed))
    return removed


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes ``quick_check``."""
    for info in list_backups(db_path):
        if quick_check(info.path) == "ok":
            return info
        logger.warning("backup %s fails its check; trying an older one", info.path)
    return None


def move_aside(db_path: Path, label: str = "damaged", now: dt.datetime | None = None) -> Path:
    """Rename the database (and its journal files) to ``NAME.LABEL-STAMP.sqlite``; returns the new name."""
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    target = db_path.with_name(f"{db_path.stem}.{label}-{stamp}{db_path.suffix}")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.{label}-{stamp}-{n}{db_path.suffix}")
        n += 1
    if db_path.exists():
        os.replace(db_path, target)
    for side in sidecars(db_path):
        if side.exists():
            os.replace(side, target.with_name(target.name + side.name.removeprefix(db_path.name)))
    _sync_folder(db_path.parent)
    return target


def install_copy(backup: Path, db_path: Path) -> None:
    """Put a copy of ``backup`` where ``db_path`` is, which must not exist (nor its journals)."""
    if db_path.exists() or any(p.exists() for p in sidecars(db_path)):
        raise BackupError(f"{db_path} is still there; it must be moved aside first.")
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        with _read_only(backup) as src, closing(sqlite3.connect(partial)) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, db_path)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Cannot restore {backup.name}: {exc}.") from None
    finally:
        partial.unlink(missing_ok=True)
    _sync_folder(db_path.parent)


def restore_into(live: sqlite3.Connection, backup: Path) -> None:
    """Replace the whole content of the open database ``live`` by ``backup``, in one transaction.

    Done through the backup API with the live connection as the destination, so the file, its
    write-ahead log and every open connection stay valid.
    """
    try:
        with _read_only(backup) as src:
            src.backup(live)
    except sqlite3.Error as exc:
        raise BackupError(f"Cannot restore {backup.name}: {exc}.") from None


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` survive a power cut (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
