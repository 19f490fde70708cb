"""Backups of the database: made with SQLite's backup API, verified, listed, thinned and restored."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Collection
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from hipdesk.db import files
from hipdesk.db.files import sidecars
from hipdesk.db.identity import Kind, identify
from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

KEEP_LAST = 10  # the newest backups, whatever their age
KEEP_DAILY_DAYS = 7  # then the newest of each day for a week
KEEP_WEEKLY_DAYS = 31  # then the newest of each week for a month
STAMP = "%Y%m%d-%H%M%S"
# NAME.REASON-YYYYmmdd-HHMMSSZ[-N].sqlite in UTC, e.g. hipdesk.launch-20250301-071500Z.sqlite; names
# without the Z (older HipDesks) are in the local time of the day they were made.
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?P<utc>Z?)(?:-(?P<n>\d+))?\.sqlite$"
)
PART = ".part"  # a backup being written: NAME.part-UNIQUE while its writer holds a lock on it
_REASON = re.compile(r"^[a-z0-9-]+$")


class BackupError(HipDeskError):
    """A backup could not be made, checked or restored; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # aware, in UTC, from the name
    size: int
    reason: str  # launch, periodic, manual, before-import, before-restore, before-v2, ...

    @property
    def kept_always(self) -> bool:
        """Copies made before a format upgrade are never thinned away."""
        return self.reason.startswith("before-v")


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def utc(when: dt.datetime) -> dt.datetime:
    """``when`` as an aware UTC time (a naive one is taken as local time)."""
    return when.astimezone(dt.UTC)


def quick_check(path: Path, *, alone: bool = True) -> str:
    """``"ok"``, or what is wrong with the SQLite file at ``path`` (never writes data to it;
    ``alone``: no other process writes it, see files.read_only)."""
    try:
        with files.read_only(path, alone=alone) as con:
            rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    return "; ".join(str(r[0]) for r in rows[:5])


def is_foreign(path: Path, *, alone: bool = False) -> bool:
    """True for a readable SQLite file that is not HipDesk's (nor a newer HipDesk's)."""
    try:
        with files.read_only(path, alone=alone) as con:
            return identify(con).kind is Kind.FOREIGN
    except sqlite3.Error:
        return False


def integrity_check(path: Path, *, alone: bool = False) -> list[str]:
    """The full ``PRAGMA integrity_check`` and the schema against HipDesk's: ``["ok"]`` for a sound
    file, else the problems found."""
    try:
        with files.read_only(path, alone=alone) as con:
            rows = con.execute("PRAGMA integrity_check(100)").fetchall()
            foreign = con.execute("PRAGMA foreign_key_check").fetchall()
            found = identify(con)
    except sqlite3.Error as exc:
        return [str(exc)]
    problems = [str(r[0]) for r in rows]
    if found.schema_problem:
        problems = [p for p in problems if p != "ok"] + [found.schema_problem]
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
        stamp = dt.datetime.strptime(match["stamp"], STAMP)
        created = stamp.replace(tzinfo=dt.UTC) if match["utc"] else utc(stamp)
        stat = path.stat()
        info = BackupInfo(path, created, stat.st_size, match["reason"])
        found.append((created, int(match["n"] or 0), stat.st_mtime_ns, info))
    found.sort(key=lambda t: t[:3], reverse=True)
    return [info for *_key, info in found]


def _name(db_path: Path, reason: str, when: dt.datetime, n: int) -> Path:
    stamp = utc(when).strftime(STAMP)
    return backup_dir(db_path) / f"{db_path.stem}.{reason}-{stamp}Z{f'-{n}' if n else ''}.sqlite"


PART_PREFIX = ".hipdesk-backup-"


SIDECARS = ("-journal", "-wal", "-shm")  # what SQLite writes beside a file it copies into


def _owner_name(name: str) -> str:
    """The name of the file that ``name`` (perhaps a sidecar) belongs to."""
    for suffix in SIDECARS:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def _is_part(name: str, in_backups: bool) -> bool:
    """A backup's temporary file: HipDesk's own name, or (in backups/) an older HipDesk's."""
    stem = _owner_name(name)
    if stem.startswith(PART_PREFIX) and stem.endswith(PART):
        return True
    return in_backups and stem.endswith(".sqlite" + PART) and _NAME.match(stem.removesuffix(PART)) is not None


def clean_stale_parts(folder: Path) -> list[Path]:
    """Remove what killed backups left in ``folder``: their temporary files no live writer holds
    (only names HipDesk gives them; nothing else in the folder is touched)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    in_backups = folder.name == "backups"
    for path in folder.iterdir():
        if not _is_part(path.name, in_backups) or not path.is_file() or path.is_symlink():
            continue
        owner = path.with_name(_owner_name(path.name))
        held = owner if owner.exists() else path
        try:
            fd = os.open(held, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if not _same_file(fd, held):
                continue  # replaced since it was opened: not the file that was free
            with contextlib.suppress(OSError):
                path.unlink()  # under the lock: a writer locking it now finds its name gone
                removed.append(path)
        except OSError:
            continue  # being written right now
        finally:
            os.close(fd)
    if removed:
        logger.info("removed %d files left by interrupted backups", len(removed))
    return removed


def _place(partial: Path, names: Callable[[int], Path], fixed: bool) -> Path:
    """Give the finished ``partial`` its name, never replacing a file already there: the first
    free ``names(n)``, or ``names(0)`` alone when ``fixed``."""
    n = 0
    while True:
        path = names(n)
        try:
            os.link(partial, path)
            return path
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(partial, path)
                return path
        if fixed:
            raise BackupError(f"{path} exists already; name a new file.")
        n += 1


def _locked_part(folder: Path) -> tuple[int, Path]:
    """A new ``.part`` file in ``folder``, locked, so that clean_stale_parts leaves it alone.

    Between creating the file and locking it, another backup's clean-up may take it for a
    killed backup's and remove it; the name is then checked to still be this file, else a new
    one is made.
    """
    while True:
        fd, raw = tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART, dir=folder)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if _same_file(fd, Path(raw)):
                return fd, Path(raw)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    """True while ``path`` still names the file open as ``fd``."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def copy_verified(source: sqlite3.Connection, names: Callable[[int], Path], *, fixed: bool = False) -> Path:
    """Copy a live database with the backup API, keeping it only if it checks out, under the first
    free name of ``names(0), names(1), ...`` (only ``names(0)`` when ``fixed``). Returns the name.

    The copy is made in a ``.part`` file of its own, locked while it is written, so two backups at
    once never share one and a killed backup's file is removed by the next one.
    """
    folder = names(0).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_parts(folder)
        fd, partial = _locked_part(folder)
    except OSError as exc:
        raise _write_error(folder, exc) from None
    try:
        with closing(sqlite3.connect(partial)) as dest:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"The backup copy failed its check ({check}); it was not kept.")
        os.fsync(fd)
        path = _place(partial, names, fixed)
        _sync_folder(folder)
    except (sqlite3.Error, OSError) as exc:
        raise _write_error(folder, exc) from None
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + end) for end in SIDECARS)):
            leftover.unlink(missing_ok=True)
        os.close(fd)
    return path


def _write_error(folder: Path, exc: BaseException) -> BackupError:
    if files.is_disk_full(exc, folder):
        return BackupError(files.disk_full_text(folder))
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return BackupError(f"Cannot write a backup to {folder}: {reason}.")


def make_backup(
    db_path: Path,
    reason: str,
    *,
    source: sqlite3.Connection | None = None,
    only_if_changed: bool = False,
    target: Path | None = None,
    now: dt.datetime | None = None,
    thin: bool = True,
    alone: bool = False,
) -> Path | None:
    """Back up ``db_path`` (through ``source`` when given, else a read-only connection of its own;
    ``alone``: no other process writes the file, so that reading leaves nothing behind).

    The copy is checked with ``quick_check`` before it is kept, and the backups are thinned
    afterwards unless ``thin`` is False (in the middle of a restore or a recovery). With
    ``only_if_changed``, nothing is written (and None returned) when the data is the same as in
    the newest backup. ``target`` writes the copy there instead (never over a file; no thinning).
    """
    if not _REASON.match(reason):
        raise ValueError(f"bad backup reason {reason!r}")
    db_path = Path(db_path)
    when = now or dt.datetime.now(dt.UTC)
    with contextlib.ExitStack() as stack:
        if source is None:
            try:
                source = stack.enter_context(files.read_only(db_path, alone=alone))
                kind = identify(source).kind
            except sqlite3.Error as exc:
                if files.is_disk_full(exc, db_path.parent):  # no room for the reading's -shm
                    raise BackupError(files.disk_full_text(db_path.parent)) from None
                raise BackupError(f"Cannot read {db_path}: {exc}.") from None
            if kind is not Kind.OURS:
                raise BackupError(f"{db_path} is not a HipDesk data file; no backup was made.")
        if only_if_changed and target is None and _unchanged(db_path, source):
            return None
        if target is not None:
            fixed = Path(target)
            path = copy_verified(source, lambda _n: fixed, fixed=True)
        else:
            path = copy_verified(source, lambda n: _name(db_path, reason, when, n))
    logger.info("backed up %s to %s", db_path, path)
    if target is None and thin:
        thin_backups(db_path, when)
    return path


def _unchanged(db_path: Path, source: sqlite3.Connection) -> bool:
    newest = next(iter(list_backups(db_path)), None)
    if newest is None:
        return False
    try:
        with files.read_only(newest.path, alone=True) as old:
            same = content_digest(old) == content_digest(source)
    except sqlite3.Error:
        return False
    if same:
        logger.info("no backup: %s is unchanged since %s", db_path, newest.path.name)
    return same


def to_thin(backups: list[BackupInfo], now: dt.datetime, keep: Collection[Path] = ()) -> list[BackupInfo]:
    """Which backups to delete: keep the last 10, the newest of each day for a week, of each week
    for a month, every copy made before a format upgrade, and the files in ``keep``."""
    now = utc(now)
    protected = {os.path.realpath(p) for p in keep}
    kept = {info.path for info in backups if os.path.realpath(info.path) in protected}
    ordered = sorted(backups, key=lambda b: utc(b.created), reverse=True)
    for info in ordered[:KEEP_LAST]:
        kept.add(info.path)
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for info in ordered:
        created = utc(info.created)
        age = now - created
        if info.kept_always:
            kept.add(info.path)
        if age <= dt.timedelta(days=KEEP_DAILY_DAYS) and created.date() not in days:
            days.add(created.date())
            kept.add(info.path)
        week = created.isocalendar()[:2]
        if age <= dt.timedelta(days=KEEP_WEEKLY_DAYS) and week not in weeks:
            weeks.add(week)
            kept.add(info.path)
    return [info for info in ordered if info.path not in kept]


def thin_backups(db_path: Path, now: dt.datetime | None = None, keep: Collection[Path] = ()) -> list[Path]:
    """Delete the backups ``to_thin`` names; never one in ``keep`` (the backup being restored)."""
    removed = []
    for info in to_thin(list_backups(db_path), now or dt.datetime.now(dt.UTC), keep):
        try:
            info.path.unlink()
        except OSError as exc:
            logger.warning("cannot remove old backup %s: %s", info.path, exc)
            continue
        removed.append(info.path)
    if removed:
        logger.info("thinned %d old backups", len(removed))
    return removed


# The newest moment a HipDesk file records: sessions, sets, and the runner's own edits.
_NEWEST_DATA = (
    "SELECT max(t) FROM (SELECT max(started_at) AS t FROM session UNION ALL SELECT max(ended_at) FROM session"
    " UNION ALL SELECT max(ended_at) FROM set_record UNION ALL SELECT max(updated_at) FROM routine"
    " UNION ALL SELECT max(updated_at) FROM exercise WHERE builtin = 0)"
)


def usable(path: Path) -> tuple[bool, str]:
    """Whether ``path`` is a sound HipDesk file this HipDesk can open, and the newest moment it
    records ("" when it records nothing). Never writes to it."""
    try:
        with files.read_only(path, alone=True) as con:
            if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False, ""
            found = identify(con)
            if found.kind is not Kind.OURS or found.schema_problem:
                return False, ""
            return True, str(con.execute(_NEWEST_DATA).fetchone()[0] or "")
    except sqlite3.Error:
        return False, ""


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The good backup with the newest recorded data (then the newest by its UTC name).

    The data decides before the name: after a wrong clock or an old-style name written in another
    time zone, the name alone can put an older backup first.
    """
    best: tuple[str, dt.datetime, BackupInfo] | None = None
    for info in list_backups(db_path):
        good, newest = usable(info.path)
        if not good:
            logger.warning("backup %s fails its check; trying an older one", info.path)
            continue
        key = (newest, utc(info.created), info)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def aside_name(db_path: Path, label: str, now: dt.datetime | None = None) -> Path:
    """``NAME.LABEL-STAMP.sqlite`` beside the database, a name nothing has yet."""
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    target = db_path.with_name(f"{db_path.stem}.{label}-{stamp}{db_path.suffix}")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.{label}-{stamp}-{n}{db_path.suffix}")
        n += 1
    return target


def restoring_path(db_path: Path) -> Path:
    """Where a replacement is built beside the database before it is swapped in."""
    return db_path.with_name(db_path.name + ".restoring")


def clean_restoring(db_path: Path) -> None:
    """Remove a replacement left half-built by a killed restore (the caller holds the data lock)."""
    partial = restoring_path(db_path)
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)


def swap_in(
    backup: Path, db_path: Path, label: str = "damaged", now: dt.datetime | None = None
) -> Path | None:
    """Put a copy of ``backup`` in place of ``db_path`` with one rename; returns where the file that
    was there is kept (None when there was none). The caller holds the data lock.

    The copy is built and synced beside the target first. The old file stays under its own name
    until the rename (its other name, ``NAME.LABEL-STAMP.sqlite``, is a hard link made before), so
    a kill at any moment leaves either the old file or the new one in place, never none.
    """
    partial = restoring_path(db_path)
    clean_restoring(db_path)
    try:
        with files.read_only(backup, alone=True) as src, closing(sqlite3.connect(partial)) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        moved = _keep_old(db_path, label, now)
        os.replace(partial, db_path)
    except (sqlite3.Error, OSError) as exc:
        if files.is_disk_full(exc, db_path.parent):
            raise BackupError(files.disk_full_text(db_path.parent)) from None
        raise BackupError(f"Cannot restore {backup.name}: {exc}.") from None
    finally:
        clean_restoring(db_path)
    _sync_folder(db_path.parent)
    return moved


def _keep_old(db_path: Path, label: str, now: dt.datetime | None) -> Path | None:
    """Give the file at ``db_path`` a second name and move its journals to go with it."""
    present = db_path.exists() or db_path.is_symlink()
    if not present and not any(p.exists() for p in sidecars(db_path)):
        return None
    target = aside_name(db_path, label, now)
    if present:
        try:
            os.link(db_path, target)
        except OSError:
            shutil.copy2(db_path, target)
    for side in sidecars(db_path):
        if side.exists():  # never left to be read with the new file
            os.replace(side, target.with_name(target.name + side.name.removeprefix(db_path.name)))
    _sync_folder(db_path.parent)
    return target


def restore_into(live: sqlite3.Connection, backup: Path) -> None:
    """Replace the whole content of the open database ``live`` by ``backup``, in one transaction.

    Done through the backup API with the live connection as the destination, so the file, its
    write-ahead log and every open connection stay valid.
    """
    try:
        with files.read_only(backup, alone=True) as src:
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
