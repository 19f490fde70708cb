"""Start-up recovery: a damaged database is moved aside and the newest good backup put in its place."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hipdesk.db import backup, migrations

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovery:
    """What start-up recovery did, told to the runner in a dialog or one line on stderr."""

    problem: str
    moved_to: Path
    restored: backup.BackupInfo

    def text(self) -> str:
        when = self.restored.created.strftime("%Y-%m-%d %H:%M")
        return (
            f"The data file was damaged ({self.problem}). It was moved to {self.moved_to} and the newest "
            f"good backup, from {when}, was restored: anything recorded after {when} is not in it."
        )


def diagnose(db_path: Path) -> str | None:
    """What makes ``db_path`` damaged, or None when it is sound, missing, empty, or not ours to judge.

    Never writes. A file from a newer HipDesk or another program's SQLite file is not "damaged":
    opening refuses those and leaves them as they are.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    if not db_path.exists():
        if wal.is_file() and wal.stat().st_size > 0:
            return "its write-ahead log is there without the database"
        return None
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    try:
        with open(db_path, "rb") as fh:
            header = fh.read(16)
    except OSError:
        return None  # unreadable: opening says so
    if header != b"SQLite format 3\x00":
        return "it is not an SQLite file" if header.strip(b"\0") else "its header is blank"
    try:
        con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        if version > migrations.LATEST:
            return None
        check = str(con.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        return text if any(w in text for w in _DAMAGE_WORDS) else None
    finally:
        con.close()
    return None if check == "ok" else check


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def recover(db_path: Path, now: dt.datetime | None = None) -> Recovery | None:
    """Move a damaged database aside and restore the newest good backup.

    Returns None when nothing was done: the file is sound, or there is no good backup (then the
    file stays exactly as it is, and opening it refuses it with one clear line).
    """
    db_path = Path(db_path)
    problem = diagnose(db_path)
    if problem is None:
        return None
    good = backup.newest_good_backup(db_path)
    if good is None:
        logger.info("%s is damaged (%s) and there is no good backup: left as it is", db_path, problem)
        return None
    moved = backup.move_aside(db_path, "damaged", now)
    backup.install_copy(good.path, db_path)
    logger.info("%s was damaged (%s): moved to %s, restored %s", db_path, problem, moved, good.path.name)
    return Recovery(problem, moved, good)


def restore_file(db_path: Path, source: Path, now: dt.datetime | None = None) -> str:
    """Replace the data at ``db_path`` by the backup ``source``; returns a sentence saying what was
    done and where the data as it was is now. The caller holds the lock.

    A sound database is first backed up (``before-restore``) and then overwritten in place through
    the backup API; anything else there is moved aside, never deleted.
    """
    from hipdesk.db.database import DatabaseError, _inspect

    db_path, source = Path(db_path), Path(source)
    if not source.is_file():
        raise backup.BackupError(f"There is no file {source}.")
    if source.resolve() == db_path.resolve():
        raise backup.BackupError(f"{source} is the data file itself.")
    problem = backup.quick_check(source)
    if problem != "ok":
        raise backup.BackupError(f"{source} is not a usable backup ({problem}); nothing was changed.")
    _inspect(source)  # a newer HipDesk's file or another program's is refused here
    if not db_path.exists() and not any(p.exists() for p in backup.sidecars(db_path)):
        backup.install_copy(source, db_path)
        return f"restored {db_path} from {source}"
    sound = diagnose(db_path) is None and db_path.is_file()
    if sound:
        try:
            _inspect(db_path)
        except DatabaseError:
            sound = False
    if not sound:
        moved = backup.move_aside(db_path, "damaged" if diagnose(db_path) else "replaced", now)
        backup.install_copy(source, db_path)
        return f"restored {db_path} from {source}; the file that was there is now {moved}"
    kept = backup.make_backup(db_path, "before-restore", now=now)
    con = sqlite3.connect(db_path, timeout=5)
    try:
        backup.restore_into(con, source)
    finally:
        con.close()
    return f"restored {db_path} from {source}; the data as it was is in {kept}"
