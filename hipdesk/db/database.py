"""Opening the SQLite file: checks before any write, pragmas, migrations with a copy made first."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from hipdesk.db import migrations
from hipdesk.db.models import database
from hipdesk.domain.errors import HipDeskError

logger = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a finished set survives a power cut
    "busy_timeout": 5000,
}
_OUR_TABLES = {"meta", "exercise", "routine", "routine_item", "session", "set_record"}


class DatabaseError(HipDeskError):
    """The database file cannot be used; the message says why and what was left as it was."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer HipDesk."""


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a live database through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with sqlite3.connect(partial) as dest:
        source.backup(dest)
    dest.close()
    os.replace(partial, target)


def _inspect(path: Path) -> int:
    """Read the schema version without writing a byte; refuse what HipDesk must not touch."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path}: {exc}.") from None
    try:
        version = int(probe.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = probe.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseError(
                f"{path} is not a HipDesk database (it is not a readable SQLite file); it was left untouched."
            ) from None
        raise DatabaseError(f"Cannot read {path}: {exc}; it was left untouched.") from None
    finally:
        probe.close()
    if version > migrations.LATEST:
        raise DatabaseTooNewError(
            f"{path} was written by a newer HipDesk (data version {version}; this HipDesk reads "
            f"up to {migrations.LATEST}). Update HipDesk to open it; it was left untouched."
        )
    if check != "ok":
        raise DatabaseError(f"{path} is damaged ({check}); it was left untouched.")
    if version == 0 and tables and not tables <= _OUR_TABLES:
        raise DatabaseError(f"{path} is an SQLite file of another program; it was left untouched.")
    return version


def open_database(path: Path, read_only: bool = False) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database at ``path`` and bind the tables to it.

    ``read_only`` opens an existing, up-to-date file for reading alone (while another HipDesk
    holds the lock and may be writing it).
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
    version = _inspect(path) if path.exists() and path.stat().st_size > 0 else 0
    if read_only:
        return _open_read_only(path, version)
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseError(f"HipDesk cannot write to {path}: the folder or file is read-only.")

    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        if 0 < version < migrations.LATEST:
            from hipdesk.db.backup import make_backup

            target = make_backup(path, f"before-v{migrations.LATEST}", source=db.connection())
            logger.info("copied %s to %s before migrating", path, target)
        migrations.migrate(db)
    except (sqlite3.Error, PeeweeDatabaseError) as exc:
        db.close()
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


def close_database(db: SqliteDatabase) -> None:
    if not db.is_closed():
        db.close()
