"""Opening the SQLite file: checks before any write, pragmas, migrations with a copy made first."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from hipdesk.db import files, migrations
from hipdesk.db.identity import Kind, identify
from hipdesk.db.models import database
from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a finished set survives a power cut
    "busy_timeout": 5000,
}


class DatabaseError(HipDeskError):
    """The database file cannot be used; the message says why and what was left as it was."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer HipDesk."""


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn a full disk (SQLite's "database or disk is full", or ENOSPC) into one clear sentence."""
    try:
        yield
    except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:
        if files.is_disk_full(exc, path):
            raise DatabaseError(files.disk_full_text(path)) from None
        raise


def _inspect(path: Path, *, alone: bool = True, checked: bool = False) -> int:
    """Read the schema version without writing a byte; refuse what HipDesk must not touch.

    ``alone``: the caller holds the data lock, so SQLite may first finish its own crash recovery
    (a hot journal left by a kill is rolled back) and the reading leaves no file behind.
    ``checked``: the caller has just found the file sound with ``quick_check`` (db.recovery).
    """
    try:
        with files.read_only(path, alone=alone) as probe:
            found = identify(probe)
            check = "ok" if checked else probe.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseError(
                f"{path} is not a HipDesk database (it is not a readable SQLite file); it was left untouched."
            ) from None
        raise DatabaseError(f"Cannot read {path}: {exc}; it was left untouched.") from None
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}.") from None
    if found.kind is Kind.NEWER:
        raise DatabaseTooNewError(
            f"{path} was written by a newer HipDesk (data version {found.version}; this HipDesk reads "
            f"up to {migrations.LATEST}). Update HipDesk to open it; it was left untouched."
        )
    if found.kind is Kind.FOREIGN:
        raise DatabaseError(f"{path} is an SQLite file of another program; it was left untouched.")
    if check != "ok":
        raise DatabaseError(f"{path} is damaged ({check}); it was left untouched.")
    if found.schema_problem:
        raise DatabaseError(f"{path} is damaged ({found.schema_problem}); it was left untouched.")
    return found.version


def open_database(path: Path, read_only: bool = False, *, checked: bool = False) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database at ``path`` and bind the tables to it.

    ``read_only`` opens an existing, up-to-date file for reading alone (while another HipDesk
    holds the lock and may be writing it). ``checked``: the caller holds the lock and has just found
    the file sound (:func:`hipdesk.db.recovery.recover_checked`), so it is not read in full again.
    """
    path = Path(path).expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseError(f"The folder {folder} does not exist.")
    if path.exists() and not path.is_file():
        raise DatabaseError(f"{path} is not a file.")
    wal = path.with_name(path.name + "-wal")
    if not path.exists() and wal.is_file() and wal.stat().st_size > 0:
        raise DatabaseError(
            f"{path} is missing but its write-ahead log {wal.name} is there, and there is no backup to "
            "restore; both were left untouched."
        )
    version = (
        _inspect(path, alone=not read_only, checked=checked and not read_only)
        if path.exists() and path.stat().st_size > 0
        else 0
    )
    if read_only:
        return _open_read_only(path, version)
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseError(f"HipDesk cannot write to {path}: the folder or file is read-only.")

    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        if 0 < version < migrations.LATEST:
            from hipdesk.db.backup import make_backup

            target = make_backup(path, f"before-v{migrations.LATEST}", source=db.connection(), thin=False)
            logger.info("copied %s to %s before migrating", path, target)
        migrations.migrate(db)
    except (sqlite3.Error, PeeweeDatabaseError, OSError) as exc:
        db.close()
        if files.is_disk_full(exc, path):
            raise DatabaseError(files.disk_full_text(path)) from None
        raise DatabaseError(f"HipDesk cannot use {path}: {exc}.") from None
    except Exception:
        db.close()
        raise
    database.initialize(db)
    return db


def _open_read_only(path: Path, version: int) -> SqliteDatabase:
    if version != migrations.LATEST:
        raise DatabaseError(
            f"{path} is in use by another HipDesk and not ready to be read yet; try again when it is closed."
        )
    db = SqliteDatabase(
        f"{path.resolve().as_uri()}?mode=ro",
        uri=True,
        pragmas={"foreign_keys": 1, "busy_timeout": PRAGMAS["busy_timeout"]},
        check_same_thread=False,
    )
    try:
        db.connect()
    except (sqlite3.Error, PeeweeDatabaseError) as exc:
        raise DatabaseError(f"HipDesk cannot read {path}: {exc}.") from None
    database.initialize(db)
    return db
