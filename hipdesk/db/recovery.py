"""Start-up recovery: a damaged database is moved aside and the newest good backup put in its place."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hipdesk.db import backup, files
from hipdesk.db.identity import Kind, identify
from hipdesk.db.lock import real_path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovery:
    """What start-up recovery did, told to the runner in a dialog or one line on stderr."""

    problem: str
    moved_to: Path
    restored: backup.BackupInfo

    def text(self) -> str:
        when = self.restored.created.astimezone().strftime("%Y-%m-%d %H:%M")
        return (
            f"The data file was damaged ({self.problem}). It was moved to {self.moved_to} and the newest "
            f"good backup, from {when}, was restored: anything recorded after {when} is not in it."
        )


def diagnose(db_path: Path, *, alone: bool = True) -> str | None:
    """What makes ``db_path`` damaged, or None when it is sound, missing, empty, or not ours to judge.

    Never writes data (``alone``: the caller holds the data lock, so SQLite may first finish its
    own crash recovery, and the reading leaves no file behind). A file from a newer HipDesk or
    another program's SQLite file is not "damaged": opening refuses those and leaves them as they are.
    A HipDesk file whose tables lack a column HipDesk needs is damaged.
    """
    return _diagnose(db_path, alone)[0]


def _diagnose(db_path: Path, alone: bool) -> tuple[str | None, bool]:
    """:func:`diagnose`, and whether the file was checked in full and found sound (``quick_check``)."""
    problem = _problem(db_path, alone)
    return (None, True) if problem is _SOUND else (problem, False)


_SOUND = "sound"  # _problem's word for a file of ours that passed quick_check


def _problem(db_path: Path, alone: bool) -> str | None:
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
        with files.read_only(db_path, alone=alone) as con:
            found = identify(con)
            if found.kind is not Kind.OURS:
                return None
            check = _one_line(con.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        return text if any(w in text for w in _DAMAGE_WORDS) else None
    except sqlite3.Error:
        return None
    if check != "ok":
        return check
    return found.schema_problem or _SOUND


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def _one_line(check: object) -> str:
    """SQLite's check result on one line: it puts one problem a line (``*** in database main ***``...)."""
    return "; ".join(line.strip() for line in str(check).splitlines() if line.strip())


def recover(db_path: Path, now: dt.datetime | None = None) -> Recovery | None:
    """Put the newest good backup in place of a damaged database, which is kept under another name.

    Returns None when nothing was done: the file is sound, or there is no good backup (then the
    file stays exactly as it is, and opening it refuses it with one clear line). The caller holds
    the data lock. Backups are not thinned here.
    """
    return recover_checked(db_path, now)[0]


def recover_checked(db_path: Path, now: dt.datetime | None = None) -> tuple[Recovery | None, bool]:
    """:func:`recover`, and whether the file left in place was checked in full and found sound, so
    that opening it need not check it again."""
    db_path = real_path(db_path)
    backup.clean_restoring(db_path)
    problem, sound = _diagnose(db_path, alone=True)
    if problem is None:
        return None, sound
    good = backup.newest_good_backup(db_path)
    if good is None:
        logger.info("%s is damaged (%s) and there is no good backup: left as it is", db_path, problem)
        return None, False
    moved = backup.swap_in(good.path, db_path, "damaged", now)
    logger.info("%s was damaged (%s): kept as %s, restored %s", db_path, problem, moved, good.path.name)
    return Recovery(problem, moved or db_path, good), False


def check_replacement(source: Path, db_path: Path) -> None:
    """Refuse, with one sentence, a file that cannot take the place of the data at ``db_path``."""
    if not source.is_file():
        raise backup.BackupError(f"There is no file {source}.")
    if os.path.samefile(source, db_path) if db_path.exists() else False:
        raise backup.BackupError(f"{source} is the data file itself.")
    try:
        with files.read_only(source, alone=True) as con:  # as restore_into reads it: nothing left beside it
            check = _one_line(con.execute("PRAGMA quick_check").fetchone()[0])
            found = identify(con) if check == "ok" else None
    except sqlite3.Error as exc:
        check, found = str(exc), None
    if found is None:
        raise backup.BackupError(f"{source} is not a usable backup ({check}); nothing was changed.")
    if found.kind is Kind.NEWER:
        raise backup.BackupError(
            f"{source} was written by a newer HipDesk (data version {found.version}); nothing was changed."
        )
    if found.kind is not Kind.OURS:
        raise backup.BackupError(f"{source} is not a HipDesk backup; nothing was changed.")
    if found.schema_problem:
        raise backup.BackupError(f"{source} is damaged ({found.schema_problem}); nothing was changed.")


def restore_file(db_path: Path, source: Path, now: dt.datetime | None = None) -> str:
    """Replace the data at ``db_path`` by the backup ``source``; returns a sentence saying what was
    done and where the data as it was is now. The caller holds the data lock.

    A sound database is first backed up (``before-restore``) and then overwritten in one
    transaction through the backup API; anything else there is swapped out with one rename and
    kept under another name, never deleted. Backups are thinned only once the restore is done,
    and never ``source``.
    """
    from hipdesk.db.database import _inspect

    db_path, source = Path(db_path), Path(source)
    real = real_path(db_path)
    check_replacement(source, real)
    backup.clean_restoring(real)
    try:
        problem = diagnose(real)
        if problem is None and real.is_file() and real.stat().st_size > 0:
            _inspect(real)  # a newer HipDesk's file or another program's is refused, untouched
            kept = backup.make_backup(db_path, "before-restore", now=now, thin=False, alone=True)
            con = sqlite3.connect(real, timeout=5)
            try:
                backup.restore_into(con, source)
            finally:
                con.close()
            return f"restored {db_path} from {source}; the data as it was is in {kept}"
        moved = backup.swap_in(source, real, "damaged" if problem else "replaced", now)
        if moved is None:
            return f"restored {db_path} from {source}"
        return f"restored {db_path} from {source}; the file that was there is now {moved}"
    finally:
        backup.thin_backups(db_path, now, keep={source})
