"""Reading an SQLite file without leaving anything behind, after SQLite finished its own recovery."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def sidecars(db_path: Path) -> list[Path]:
    """The write-ahead log, shared-memory and rollback-journal files SQLite keeps beside a database."""
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES]


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def has_pending_journal(db_path: Path) -> bool:
    """A rollback journal or write-ahead log with content: a writer ended without finishing."""
    wal, _shm, journal = sidecars(db_path)
    return _non_empty(wal) or _non_empty(journal)


def settle(db_path: Path) -> None:
    """Let SQLite finish its own crash recovery: roll back a hot journal, fold in a write-ahead log.

    A read-only connection can do neither (a hot journal makes the file look unreadable), so this
    opens the file read-write once, when there is something to recover and the file and its folder
    can be written. Only call it while no other process writes the file (holding the data lock).
    """
    if not db_path.is_file() or not has_pending_journal(db_path):
        return
    if not (os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK)):
        return
    try:
        with contextlib.closing(sqlite3.connect(db_path, timeout=5)) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # a damaged or foreign file: the checks that follow say what it is


@contextlib.contextmanager
def read_only(db_path: Path, *, alone: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection that only reads ``db_path`` and leaves no file beside it.

    ``alone`` means no other process writes the file (the caller holds the data lock, or the
    file is a backup): SQLite first finishes any crash recovery, and the file is then read as
    immutable, which needs no ``-wal`` or ``-shm`` file. Otherwise (a live writer keeps its own
    ``-wal``/``-shm``) it is an ordinary read-only connection.
    """
    db_path = Path(db_path)
    before = {p for p in sidecars(db_path) if p.exists()}
    if alone:
        settle(db_path)
    immutable = alone and not has_pending_journal(db_path)
    uri = f"{db_path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True)
    try:
        yield con
    finally:
        con.close()
        if alone:  # a read-only file with a log to fold in: remove what the reading made
            for made in set(sidecars(db_path)) - before:
                with contextlib.suppress(OSError):
                    made.unlink()


FULL_BELOW = 64 * 1024  # bytes free under which an input/output error is taken for a full disk


def is_disk_full(exc: BaseException | None, where: Path) -> bool:
    """True for SQLite's "database or disk is full" and the system's "no space left" (ENOSPC),
    also where they caused the error at hand (a failed rollback after a full disk), and for
    SQLite's "disk I/O error" when the disk holding ``where`` has (almost) no room left."""
    seen = 0
    io_error = False
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(exc).lower()
        if "database or disk is full" in text or "no space left on device" in text:
            return True
        io_error = io_error or "disk i/o error" in text
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return io_error and free_bytes(where) < FULL_BELOW


def free_bytes(where: Path) -> int:
    """The room left for this user on the disk holding ``where`` (a large number when unknown)."""
    folder = Path(where)
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        info = os.statvfs(folder)
    except OSError:
        return 1 << 62
    return info.f_bavail * info.f_frsize


def disk_full_text(where: Path | str) -> str:
    """The one sentence a runner gets when a write found the disk full."""
    return (
        f"The disk holding {where} is full: HipDesk could not write to it, and nothing was changed. "
        "Free some space, then try again."
    )
